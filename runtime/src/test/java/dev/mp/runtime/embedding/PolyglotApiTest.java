package dev.mp.runtime.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.TypeLiteral;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The polyglot API as an embedder uses it with the default (most restricted) context: eval, sources from
 * files, bindings in both directions, calling script functions, value conversions, exceptions.
 */
class PolyglotApiTest {
    private Context context;

    @BeforeEach
    void open() {
        context = Context.newBuilder("mp").build();
    }

    @AfterEach
    void close() {
        context.close();
    }

    private Value eval(String code) {
        return context.eval("mp", code);
    }

    /** A script list of ints as a Java list (a polyglot List view does not equal other lists). */
    private static List<Integer> javaList(Value list) {
        return new ArrayList<>(list.as(new TypeLiteral<List<Integer>>() { }));
    }

    @Test
    void evalReturnsTheLastExpressionStatement() {
        assertEquals(3, eval("x = 1\nx + 2").asInt());
        assertTrue(eval("x = 1").isNull(), "a script ending in an assignment gives None");
    }

    @Test
    void evalOfASourceBuiltFromAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("greet.mp");
        Files.writeString(file, "def greet(name):\n    return 'hello ' + name\ngreet('file')\n");
        Source source = Source.newBuilder("mp", file.toFile()).build();
        assertEquals("hello file", context.eval(source).asString());
        assertEquals("greet.mp", source.getName());
    }

    @Test
    void bindingsAreTheGlobalsOfMain() {
        Value bindings = context.getBindings("mp");
        bindings.putMember("limit", 5);
        assertEquals(10, eval("sum(range(limit))").asInt());
        eval("found = [n for n in range(limit) if n % 2]");
        assertTrue(bindings.hasMember("found"));
        assertEquals(List.of(1, 3), javaList(bindings.getMember("found")));
        assertTrue(bindings.getMemberKeys().containsAll(Set.of("limit", "found", "__name__")));
        assertEquals("__main__", bindings.getMember("__name__").asString());

        bindings.putMember("limit", 2);
        assertEquals(1, eval("sum(range(limit))").asInt(), "an overwritten global is seen by the next eval");

        bindings.removeMember("limit");
        assertFalse(bindings.hasMember("limit"));
        PolyglotException e = assertThrows(PolyglotException.class, () -> eval("limit"));
        assertEquals("NameError: name 'limit' is not defined", e.getMessage());
        assertNull(bindings.getMember("nothing"));
    }

    @Test
    void scriptFunctionsAreCallableWithJavaArguments() {
        Value scale = eval("def scale(xs, factor=2):\n    return [x * factor for x in xs]\nscale");
        assertTrue(scale.canExecute());
        Value pair = eval("(1, 2)");
        assertEquals(List.of(2, 4), javaList(scale.execute(pair)), "the default applies");
        assertEquals(List.of(3, 6), javaList(scale.execute(pair, 3)));
        assertEquals(List.of(5, 10), javaList(context.getBindings("mp").invokeMember("scale", pair, 5)));
        PolyglotException e = assertThrows(PolyglotException.class, () -> scale.execute());
        assertEquals("TypeError: scale() missing 1 required positional argument: 'xs'", e.getMessage());
    }

    @Test
    void valuesConvertNaturally() {
        Value list = eval("[1, 'two', 3.5, True, None]");
        assertTrue(list.hasArrayElements());
        assertEquals(5, list.getArraySize());
        assertEquals(1, list.getArrayElement(0).asLong());
        assertEquals("two", list.getArrayElement(1).asString());
        assertEquals(3.5, list.getArrayElement(2).asDouble());
        assertTrue(list.getArrayElement(3).asBoolean());
        assertTrue(list.getArrayElement(4).isNull());

        Value tuple = eval("(1, 2)");
        assertTrue(tuple.hasArrayElements());
        assertThrows(UnsupportedOperationException.class, () -> tuple.setArrayElement(0, 5), "a tuple is read-only");

        Value dict = eval("{'a': 1, 2: 'b'}");
        assertTrue(dict.hasHashEntries());
        assertEquals(2, dict.getHashSize());
        assertEquals(1, dict.getHashValue("a").asInt());
        assertEquals("b", dict.getHashValue(2).asString(), "a Java int finds the int key");
        assertEquals(Map.of("a", 1), new HashMap<>(eval("{'a': 1}").as(new TypeLiteral<Map<String, Integer>>() { })));

        Value big = eval("2 ** 100");
        assertTrue(big.isNumber());
        assertFalse(big.fitsInLong());
        assertTrue(big.fitsInBigInteger());
        assertEquals(BigInteger.TWO.pow(100), big.asBigInteger());
        assertEquals(Long.MAX_VALUE, eval("2 ** 63 - 1").asLong());
        assertTrue(eval("2 ** 63").fitsInBigInteger() && !eval("2 ** 63").fitsInLong());
        assertEquals(0.5, eval("1 / 2").asDouble());
        assertFalse(eval("1 == 2").asBoolean());
        assertTrue(eval("None").isNull());
        assertEquals("é😀", eval("'é' + '😀'").asString());
    }

    @Test
    void javaValuesBecomeMpValues() {
        Value describe = eval("def describe(x):\n    return type(x).__name__ + ':' + repr(x)\ndescribe");
        assertEquals("int:7", describe.execute(7).asString());
        assertEquals("int:7", describe.execute((byte) 7).asString());
        assertEquals("int:9223372036854775807", describe.execute(Long.MAX_VALUE).asString());
        assertEquals("int:1267650600228229401496703205376", describe.execute(BigInteger.TWO.pow(100)).asString());
        assertEquals("float:0.25", describe.execute(0.25f).asString());
        assertEquals("str:'c'", describe.execute('c').asString());
        assertEquals("bool:True", describe.execute(true).asString());
        assertEquals("NoneType:None", describe.execute((Object) null).asString());
        Value bigSquare = eval("lambda n: n * n");
        assertEquals(BigInteger.TWO.pow(200), bigSquare.execute(BigInteger.TWO.pow(100)).asBigInteger());
        assertEquals(BigInteger.TWO.pow(200), bigSquare.execute(bigSquare.execute(BigInteger.TWO.pow(50))).asBigInteger(),
                "an mp big int handed back in is an int again");
    }

    @Test
    void containersAreWritableFromJava() {
        Value list = eval("xs = [1, 2]\nxs");
        list.setArrayElement(0, 10);
        list.setArrayElement(2, 30);
        assertTrue(list.removeArrayElement(1));
        assertEquals("[10, 30]", eval("repr(xs)").asString());
        Value dict = eval("d = {}\nd");
        dict.putHashEntry("k", List.of(1).size());
        dict.putHashEntry(1, "one");
        assertTrue(dict.removeHashEntry(1));
        assertFalse(dict.removeHashEntry("missing"));
        assertEquals("{'k': 1}", eval("repr(d)").asString());
        List<Object> keys = new ArrayList<>();
        Value entries = eval("{'x': 1, 'y': 2}").getHashKeysIterator();
        while (entries.hasIteratorNextElement()) {
            keys.add(entries.getIteratorNextElement().asString());
        }
        assertEquals(List.of("x", "y"), keys);
    }

    @Test
    void objectsHaveMembersAndMetaObjects() {
        Value point = eval("""
                class Point:
                    def __init__(self, x, y):
                        self.x, self.y = x, y
                    def norm1(self):
                        return abs(self.x) + abs(self.y)
                    def __str__(self):
                        return f'({self.x}, {self.y})'
                Point(3, -4)
                """);
        assertEquals(3, point.getMember("x").asInt());
        assertEquals(7, point.invokeMember("norm1").asInt());
        point.putMember("x", 10);
        assertEquals(14, point.invokeMember("norm1").asInt());
        assertTrue(point.getMemberKeys().containsAll(Set.of("x", "y", "norm1")));
        assertEquals("(10, -4)", point.toString(), "the display string is str()");
        Value type = point.getMetaObject();
        assertEquals("Point", type.getMetaSimpleName());
        assertEquals("__main__.Point", type.getMetaQualifiedName());
        assertTrue(type.isMetaInstance(point));
        assertEquals("(1, 2)", type.newInstance(1, 2).toString());
        assertEquals("int", eval("5").getMetaObject().getMetaSimpleName());
        assertEquals("True", eval("True").toString());
        assertEquals("1e+16", eval("1e16").toString());
        assertEquals("[1, 'a', None]", eval("[1, 'a', None]").toString());
        assertThrows(UnsupportedOperationException.class, () -> eval("len").putMember("x", 1), "a builtin has no settable attributes");
    }

    @Test
    void pythonIterablesIterateFromJava() {
        Value squares = eval("(n * n for n in range(4))");
        assertTrue(squares.hasIterator());
        Value it = squares.getIterator();
        List<Integer> seen = new ArrayList<>();
        while (it.hasIteratorNextElement()) {
            seen.add(it.getIteratorNextElement().asInt());
        }
        assertEquals(List.of(0, 1, 4, 9), seen);
        assertThrows(java.util.NoSuchElementException.class, it::getIteratorNextElement);
        assertFalse(eval("42").hasIterator());
    }

    @Test
    void exceptionsCarryThePythonMessageAndTheScriptStack() {
        Source source = Source.newBuilder("mp", """
                def inner(d):
                    return d['missing']

                def outer():
                    x = 1
                    return inner({})

                outer()
                """, "app.mp").buildLiteral();
        PolyglotException e = assertThrows(PolyglotException.class, () -> context.eval(source));
        assertEquals("KeyError: 'missing'", e.getMessage());
        assertTrue(e.isGuestException());
        assertFalse(e.isInternalError());
        assertFalse(e.isSyntaxError());
        assertEquals(2, e.getSourceLocation().getStartLine());
        List<String> frames = new ArrayList<>();
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            if (frame.isGuestFrame()) {
                frames.add(frame.getRootName() + ":" + frame.getSourceLocation().getSource().getName() + ":" + frame.getSourceLocation().getStartLine());
            }
        }
        assertEquals(List.of("inner:app.mp:2", "outer:app.mp:6", "<module>:app.mp:8"), frames);
    }

    @Test
    void anExceptionAlsoLocatesItsLineWhenRaisedByAStatementWithoutCalls() {
        PolyglotException e = assertThrows(PolyglotException.class,
                () -> context.eval(Source.newBuilder("mp", "a = 1\nb = a / 0\n", "div.mp").buildLiteral()));
        assertEquals("ZeroDivisionError: division by zero", e.getMessage());
        assertEquals(2, e.getSourceLocation().getStartLine());
    }

    @Test
    void syntaxErrorsAreParseErrorsWithTheirLine() {
        PolyglotException e = assertThrows(PolyglotException.class,
                () -> context.eval(Source.newBuilder("mp", "x = 1\nx = (1,\n", "open.mp").buildLiteral()));
        assertTrue(e.isSyntaxError());
        assertTrue(e.isIncompleteSource(), "more input could close the bracket");
        assertEquals("SyntaxError: '(' was never closed (open.mp, line 2)", e.getMessage());
        assertEquals(2, e.getSourceLocation().getStartLine());
        PolyglotException bad = assertThrows(PolyglotException.class, () -> eval("x = = 1"));
        assertTrue(bad.isSyntaxError());
        assertFalse(bad.isIncompleteSource());
    }

    @Test
    void pythonExceptionObjectsAreInteropExceptions() {
        Value error = eval("try:\n    int('x')\nexcept ValueError as e:\n    caught = e\ncaught");
        assertTrue(error.isException());
        assertEquals("ValueError", error.getMetaObject().getMetaSimpleName());
        PolyglotException rethrown = assertThrows(PolyglotException.class, error::throwException);
        assertEquals("ValueError: invalid literal for int() with base 10: 'x'", rethrown.getMessage());
    }
}
