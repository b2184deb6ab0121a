package dev.mp.jsr223;

import javax.script.CompiledScript;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptException;

import org.graalvm.polyglot.Source;

/**
 * A script checked for syntax errors once; evaluating it in any context of the engine reuses the parse,
 * which the polyglot engine shared by the factory's engines caches.
 */
final class MpCompiledScript extends CompiledScript {
    private final MpScriptEngine engine;
    private final Source source;

    MpCompiledScript(MpScriptEngine engine, Source source) {
        this.engine = engine;
        this.source = source;
    }

    @Override
    public Object eval(ScriptContext scriptContext) throws ScriptException {
        return MpScriptEngine.toJava(engine.evaluate(source, scriptContext));
    }

    @Override
    public ScriptEngine getEngine() {
        return engine;
    }
}
