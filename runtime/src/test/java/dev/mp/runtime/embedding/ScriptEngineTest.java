package dev.mp.runtime.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.List;

import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.Invocable;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import javax.script.SimpleBindings;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mp.jsr223.MpScriptEngine;

/** The JSR-223 engine as a javax.script user finds and uses it. */
class ScriptEngineTest {
    private final ScriptEngineManager manager = new ScriptEngineManager();
    private ScriptEngine engine;

    /** What a script implements for {@link Invocable#getInterface}. */
    public interface Pricing {
        int price(String item);

        default String label(String item) {
            return item + ": " + price(item);
        }
    }

    @BeforeEach
    void open() {
        engine = manager.getEngineByName("mp");
    }

    @AfterEach
    void close() throws Exception {
        ((AutoCloseable) engine).close();
    }

    @Test
    void foundByNameExtensionAndMimeType() {
        assertInstanceOf(MpScriptEngine.class, engine);
        assertInstanceOf(MpScriptEngine.class, manager.getEngineByName("mpscript"));
        assertInstanceOf(MpScriptEngine.class, manager.getEngineByExtension("mp"));
        assertInstanceOf(MpScriptEngine.class, manager.getEngineByMimeType("application/x-mp"));
        ScriptEngineFactory factory = engine.getFactory();
        assertEquals(List.of("mp", "mpscript"), factory.getNames());
        assertEquals("mp", factory.getParameter(ScriptEngine.NAME));
        assertNull(factory.getParameter("THREADING"), "an engine is not thread-safe");
        assertEquals("print('it\\'s \"x\"')", factory.getOutputStatement("it's \"x\""));
        assertEquals("o.m(a, b)", factory.getMethodCallSyntax("o", "m", "a", "b"));
    }

    @Test
    void evalPutAndGet() throws ScriptException {
        engine.put("limit", 5);
        assertEquals(10L, engine.eval("total = sum(range(limit))\ntotal"), "an int is a Long");
        assertEquals(10L, engine.get("total"));
        assertTrue(engine.getBindings(ScriptContext.ENGINE_SCOPE).containsKey("total"));
        assertEquals(2.5, engine.eval("5 / 2"));
        assertEquals(BigInteger.TWO.pow(70), engine.eval("2 ** 70"));
        assertEquals(2.0, engine.eval("4 / 2"), "a float stays a Double");
        assertNull(engine.eval("None"));
        assertEquals("done", engine.eval(new StringReader("x = 'do'\nx + 'ne'")));
        assertEquals(List.of(1L, 2L), List.copyOf((List<?>) engine.eval("[1, 2]")));
        Bindings bindings = engine.getBindings(ScriptContext.ENGINE_SCOPE);
        assertEquals(5L, bindings.remove("limit"));
        assertFalse(bindings.containsKey("limit"));
    }

    @Test
    void errorsAreScriptExceptionsWithLineAndCause() {
        ScriptException e = assertThrows(ScriptException.class, () -> engine.eval("x = 1\ny = x / 0\n"));
        assertTrue(e.getMessage().startsWith("ZeroDivisionError: division by zero"), e.getMessage());
        assertEquals(2, e.getLineNumber());
        assertInstanceOf(PolyglotException.class, e.getCause());
        ScriptException syntax = assertThrows(ScriptException.class, () -> engine.eval("x = = 1"));
        assertTrue(((PolyglotException) syntax.getCause()).isSyntaxError());
        assertEquals(1, syntax.getLineNumber());
    }

    @Test
    void invocable() throws Exception {
        engine.eval("""
                PRICES = {'apple': 3}
                def price(item):
                    return PRICES[item]
                class Shop:
                    def __init__(self, markup):
                        self.markup = markup
                    def price(self, item):
                        return PRICES[item] + self.markup
                shop = Shop(10)
                """);
        Invocable invocable = (Invocable) engine;
        assertEquals(3L, invocable.invokeFunction("price", "apple"));
        Object shop = engine.get("shop");
        assertEquals(13L, invocable.invokeMethod(shop, "price", "apple"));
        assertEquals("apple: 3", invocable.getInterface(Pricing.class).label("apple"));
        assertEquals("apple: 13", invocable.getInterface(shop, Pricing.class).label("apple"));
        assertNull(invocable.getInterface(Runnable.class), "the script defines no run()");
        assertThrows(NoSuchMethodException.class, () -> invocable.invokeFunction("missing"));
        assertThrows(NoSuchMethodException.class, () -> invocable.invokeMethod(shop, "missing"));
        ScriptException e = assertThrows(ScriptException.class, () -> invocable.invokeFunction("price", "kiwi"));
        assertTrue(e.getMessage().startsWith("KeyError: 'kiwi'"), e.getMessage());
    }

    @Test
    void compilable() throws ScriptException {
        CompiledScript doubled = ((Compilable) engine).compile("limit * 2");
        engine.put("limit", 4);
        assertEquals(8L, doubled.eval());
        Bindings other = engine.createBindings();
        other.put("limit", 50);
        assertEquals(100L, doubled.eval(other), "the same compiled script in other bindings");
        assertEquals(4L, engine.get("limit"), "the engine's own bindings are untouched");
        assertSame(engine, doubled.getEngine());
        assertThrows(ScriptException.class, () -> ((Compilable) engine).compile("def f(:"), "syntax is checked at compile time");
    }

    @Test
    void plainBindingsAndTheGlobalScopeAreVisibleToScripts() throws ScriptException {
        SimpleBindings plain = new SimpleBindings();
        plain.put("n", 20);
        assertEquals(21L, engine.eval("n + 1", plain));
        manager.put("shared", "global value");
        ScriptEngine second = manager.getEngineByName("mp");
        try {
            assertEquals("global value", second.eval("shared"));
            second.put("shared", "engine value");
            assertEquals("engine value", second.eval("shared"), "the engine scope comes first");
        } finally {
            closeQuietly(second);
        }
    }

    @Test
    void outputAndInputFollowTheScriptContext() throws ScriptException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        engine.getContext().setWriter(out);
        engine.getContext().setErrorWriter(err);
        engine.getContext().setReader(new StringReader("typed line\n"));
        engine.eval("import sys\nprint('out', 'é😀')\nprint('err', file=sys.stderr)\nprint('read:', input())");
        assertEquals("out é😀\nread: typed line\n", out.toString());
        assertEquals("err\n", err.toString());
    }

    @Test
    void enginesOfOneFactoryShareAPolyglotEngine() throws Exception {
        ScriptEngine second = engine.getFactory().getScriptEngine();
        try {
            assertSame(((MpScriptEngine) engine).getPolyglotEngine(), ((MpScriptEngine) second).getPolyglotEngine());
            assertNotSame(((MpScriptEngine) engine).getPolyglotContext(), ((MpScriptEngine) second).getPolyglotContext());
            engine.put("x", 1);
            assertNull(second.get("x"), "each engine has its own globals");
        } finally {
            closeQuietly(second);
        }
    }

    @Test
    void aClosedEngineReleasesItsContext() throws Exception {
        MpScriptEngine mp = (MpScriptEngine) engine;
        Context context = mp.getPolyglotContext();
        engine.eval("x = 1");
        mp.close();
        assertThrows(IllegalStateException.class, () -> context.eval("mp", "1"), "the polyglot context is closed");
        assertThrows(IllegalStateException.class, () -> engine.eval("1"));
    }

    private static void closeQuietly(ScriptEngine e) {
        ((MpScriptEngine) e).close();
    }
}
