package dev.mp.jsr223;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.script.AbstractScriptEngine;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.Invocable;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptException;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

import dev.mp.runtime.MpLanguage;

/**
 * A JSR-223 script engine for mp. Scripts run as {@code __main__} in the polyglot context of the engine-scope
 * bindings ({@link #createBindings()} makes bindings with a context of their own); an evaluation returns the
 * value of the script's last expression statement. Entries of the global scope, and engine-scope bindings
 * that were not made by this engine, are copied in as globals before evaluating, as GraalJS does. Output
 * and input go to the writers and reader of the {@link ScriptContext} of the evaluation.
 *
 * <p>Failures are {@link ScriptException}s with the Python message ({@code "ZeroDivisionError: division by
 * zero"}) and line, caused by the {@link PolyglotException}. {@link #close()} closes every context the engine
 * made; the engine is unusable afterwards.
 */
public final class MpScriptEngine extends AbstractScriptEngine implements Compilable, Invocable, AutoCloseable {
    private final MpScriptEngineFactory factory;
    /** Every bindings this engine made, closed with it. */
    private final List<MpBindings> contexts = new ArrayList<>();
    private boolean closed;

    MpScriptEngine(MpScriptEngineFactory factory) {
        this.factory = factory;
        context.setBindings(createBindings(), ScriptContext.ENGINE_SCOPE);
    }

    /** The polyglot engine shared with the other engines of the same factory. */
    public Engine getPolyglotEngine() {
        return factory.polyglotEngine();
    }

    /** The polyglot context of the default script context's engine-scope bindings. */
    public Context getPolyglotContext() {
        return bindingsOf(context).context();
    }

    @Override
    public ScriptEngineFactory getFactory() {
        return factory;
    }

    @Override
    public synchronized Bindings createBindings() {
        checkOpen();
        MpBindings bindings = new MpBindings(factory.polyglotEngine(), context);
        contexts.add(bindings);
        return bindings;
    }

    @Override
    public Object eval(String script, ScriptContext scriptContext) throws ScriptException {
        return toJava(evaluate(source(script, scriptContext), scriptContext));
    }

    @Override
    public Object eval(Reader reader, ScriptContext scriptContext) throws ScriptException {
        return eval(read(reader), scriptContext);
    }

    @Override
    public CompiledScript compile(String script) throws ScriptException {
        Source source = source(script, context);
        MpBindings bindings = bindingsOf(context);
        try {
            bindings.context().parse(source);
        } catch (PolyglotException e) {
            throw scriptException(e);
        }
        return new MpCompiledScript(this, source);
    }

    @Override
    public CompiledScript compile(Reader reader) throws ScriptException {
        return compile(read(reader));
    }

    @Override
    public Object invokeFunction(String name, Object... args) throws ScriptException, NoSuchMethodException {
        Value function = bindingsOf(context).context().getBindings(MpLanguage.ID).getMember(name);
        if (function == null || !function.canExecute()) {
            throw new NoSuchMethodException(name);
        }
        try {
            return toJava(function.execute(args == null ? new Object[0] : args));
        } catch (PolyglotException e) {
            throw scriptException(e);
        }
    }

    @Override
    public Object invokeMethod(Object thiz, String name, Object... args) throws ScriptException, NoSuchMethodException {
        Value receiver = receiver(thiz);
        if (!receiver.canInvokeMember(name)) {
            throw new NoSuchMethodException(name);
        }
        try {
            return toJava(receiver.invokeMember(name, args == null ? new Object[0] : args));
        } catch (PolyglotException e) {
            throw scriptException(e);
        }
    }

    /** The script's global functions as an implementation of {@code type}; null unless all its methods are defined. */
    @Override
    public <T> T getInterface(Class<T> type) {
        return implementation(bindingsOf(context).context().getBindings(MpLanguage.ID), type);
    }

    /** The object's methods as an implementation of {@code type}; null unless all its methods are defined. */
    @Override
    public <T> T getInterface(Object thiz, Class<T> type) {
        return implementation(receiver(thiz), type);
    }

    private static <T> T implementation(Value target, Class<T> type) {
        if (type == null || !type.isInterface()) {
            throw new IllegalArgumentException("not an interface: " + type);
        }
        for (Method m : type.getMethods()) {
            if (!m.isDefault() && !java.lang.reflect.Modifier.isStatic(m.getModifiers()) && !target.canInvokeMember(m.getName())) {
                return null;
            }
        }
        return target.as(type);
    }

    private Value receiver(Object thiz) {
        if (thiz == null) {
            throw new IllegalArgumentException("the receiver is null");
        }
        return bindingsOf(context).context().asValue(thiz);
    }

    /** Closes the contexts of all bindings this engine made. */
    @Override
    public synchronized void close() {
        closed = true;
        for (MpBindings bindings : contexts) {
            bindings.close();
        }
        contexts.clear();
    }

    private synchronized void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the mp script engine is closed");
        }
    }

    Value evaluate(Source source, ScriptContext scriptContext) throws ScriptException {
        checkOpen();
        MpBindings bindings = bindingsOf(scriptContext);
        importGlobals(scriptContext.getBindings(ScriptContext.GLOBAL_SCOPE), bindings);
        bindings.useStreamsOf(scriptContext);
        try {
            return bindings.context().eval(source);
        } catch (PolyglotException e) {
            throw scriptException(e);
        } finally {
            flush(scriptContext);
        }
    }

    /** The engine-scope bindings of a script context, or new bindings holding a copy of foreign ones. */
    private synchronized MpBindings bindingsOf(ScriptContext scriptContext) {
        Bindings engineScope = scriptContext.getBindings(ScriptContext.ENGINE_SCOPE);
        if (engineScope instanceof MpBindings mine) {
            return mine;
        }
        MpBindings copy = (MpBindings) createBindings();
        copy.useStreamsOf(scriptContext);
        if (engineScope != null) {
            copy.putAll(engineScope);
        }
        return copy;
    }

    /** Defines the global-scope entries the engine scope does not define, so scripts see them as JSR-223 says. */
    private static void importGlobals(Bindings global, MpBindings engineScope) {
        if (global == null) {
            return;
        }
        for (Map.Entry<String, Object> e : global.entrySet()) {
            if (!engineScope.containsKey(e.getKey())) {
                engineScope.put(e.getKey(), e.getValue());
            }
        }
    }

    private static void flush(ScriptContext scriptContext) {
        try {
            scriptContext.getWriter().flush();
            scriptContext.getErrorWriter().flush();
        } catch (IOException e) {
            // A failing writer must not hide the result or the script's own exception.
        }
    }

    private static Source source(String script, ScriptContext scriptContext) {
        Object fileName = scriptContext.getAttribute(ScriptEngine.FILENAME);
        return Source.newBuilder(MpLanguage.ID, script, fileName == null ? "<string>" : fileName.toString()).buildLiteral();
    }

    private static String read(Reader reader) throws ScriptException {
        try {
            StringBuilder text = new StringBuilder();
            char[] chunk = new char[8192];
            for (int n = reader.read(chunk); n >= 0; n = reader.read(chunk)) {
                text.append(chunk, 0, n);
            }
            return text.toString();
        } catch (IOException e) {
            throw new ScriptException(e);
        }
    }

    static Object toJava(Value value) {
        return MpBindings.toJava(value);
    }

    /** A script's failure as JSR-223 reports it: the Python message, the file and line, the cause. */
    static ScriptException scriptException(PolyglotException e) {
        if (e.isHostException() && e.asHostException() instanceof Exception host) {
            ScriptException wrapped = new ScriptException(host);
            wrapped.initCause(e);
            return wrapped;
        }
        org.graalvm.polyglot.SourceSection location = e.getSourceLocation();
        ScriptException wrapped = location == null ? new ScriptException(e.getMessage())
                : new ScriptException(e.getMessage(), location.getSource().getName(), location.getStartLine());
        wrapped.initCause(e);
        return wrapped;
    }
}
