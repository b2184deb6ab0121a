package dev.mp.jsr223;

import java.util.List;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;

import org.graalvm.polyglot.Engine;

import dev.mp.runtime.MpLanguage;
import dev.mp.runtime.ops.StringRepr;

/**
 * The JSR-223 factory of mp script engines, registered as a {@code javax.script.ScriptEngineFactory}
 * service under the names {@code mp} and {@code mpscript} and the extension {@code mp}.
 *
 * <p>All engines from one factory share one polyglot {@link Engine}, so a source parsed by one engine is
 * not parsed again by another. Each engine has its own polyglot context; an engine is not thread-safe
 * ({@code getParameter("THREADING")} is null).
 */
public final class MpScriptEngineFactory implements ScriptEngineFactory {
    private static final List<String> NAMES = List.of("mp", "mpscript");
    /** The Python version whose syntax and semantics mp follows. */
    private static final String LANGUAGE_VERSION = "3.11";

    private Engine polyglotEngine;

    /** The polyglot engine shared by this factory's script engines, made on first use. */
    synchronized Engine polyglotEngine() {
        if (polyglotEngine == null) {
            polyglotEngine = Engine.newBuilder(MpLanguage.ID).build();
        }
        return polyglotEngine;
    }

    @Override
    public String getEngineName() {
        return "mp";
    }

    @Override
    public String getEngineVersion() {
        return MpLanguage.VERSION;
    }

    @Override
    public List<String> getExtensions() {
        return List.of("mp");
    }

    @Override
    public List<String> getMimeTypes() {
        return List.of(MpLanguage.MIME_TYPE);
    }

    @Override
    public List<String> getNames() {
        return NAMES;
    }

    @Override
    public String getLanguageName() {
        return "mp";
    }

    @Override
    public String getLanguageVersion() {
        return LANGUAGE_VERSION;
    }

    @Override
    public Object getParameter(String key) {
        return switch (key) {
            case ScriptEngine.NAME -> NAMES.get(0);
            case ScriptEngine.ENGINE -> getEngineName();
            case ScriptEngine.ENGINE_VERSION -> getEngineVersion();
            case ScriptEngine.LANGUAGE -> getLanguageName();
            case ScriptEngine.LANGUAGE_VERSION -> getLanguageVersion();
            default -> null;
        };
    }

    @Override
    public String getMethodCallSyntax(String obj, String method, String... args) {
        return obj + "." + method + "(" + String.join(", ", args) + ")";
    }

    @Override
    public String getOutputStatement(String toDisplay) {
        return "print(" + StringRepr.repr(toDisplay) + ")";
    }

    @Override
    public String getProgram(String... statements) {
        StringBuilder program = new StringBuilder();
        for (String statement : statements) {
            program.append(statement).append('\n');
        }
        return program.toString();
    }

    @Override
    public ScriptEngine getScriptEngine() {
        return new MpScriptEngine(this);
    }
}
