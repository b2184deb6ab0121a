package dev.mp.runtime.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntBinaryOperator;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;

/**
 * Java objects in scripts. With host access allowed, scripts call methods, read and write fields, and use
 * Java arrays, lists and maps with len, iteration, indexing and {@code in}; mp values passed to Java methods
 * are converted to the parameter types. Without host access no Java member is reachable.
 */
class HostAccessTest {

    /** A host object with a field, methods taking converted mp values, and a method that throws. */
    public static class Account {
        public int balance = 10;

        public int deposit(int amount) {
            balance += amount;
            return balance;
        }

        public String join(List<String> parts, String separator) {
            return String.join(separator, parts);
        }

        public String describe(Map<String, Object> fields) {
            return new java.util.TreeMap<>(fields).toString();
        }

        public int apply(IntBinaryOperator op, int a, int b) {
            return op.applyAsInt(a, b);
        }

        public int bits(BigInteger value) {
            return value.bitLength();
        }

        public Object same(Object value) {
            return value;
        }
    }

    /** Runs {@code code} with {@code name} bound to {@code value} and returns the printed lines. */
    private static String run(Context context, String name, Object value, String code) {
        context.getBindings("mp").putMember(name, value);
        return context.eval("mp", code).asString();
    }

    private static Context allowed() {
        return Context.newBuilder("mp").allowHostAccess(HostAccess.ALL).allowHostClassLookup(c -> c.startsWith("java.util.")).build();
    }

    @Test
    void methodsAndFieldsOfJavaObjects() {
        Account account = new Account();
        try (Context context = allowed()) {
            assertEquals("15 15 20", run(context, "acct", account, "r = acct.deposit(5)\nb = acct.balance\nacct.balance = 20\nf'{r} {b} {acct.balance}'"));
            assertEquals(20, account.balance, "the script wrote the Java field");
            assertEquals("AttributeError: 'JavaObject' object has no attribute 'missing'", run(context, "acct", account,
                    "try:\n    acct.missing\nexcept AttributeError as e:\n    r = f'{type(e).__name__}: {e}'\nr"));
            assertEquals("TypeError", run(context, "acct", account,
                    "try:\n    acct.deposit(1, 2)\nexcept TypeError as e:\n    r = type(e).__name__\nr"));
        }
    }

    @Test
    void mpValuesPassedToJavaMethodsAreConverted() {
        try (Context context = allowed()) {
            context.getBindings("mp").putMember("acct", new Account());
            assertEquals("a-b-c", context.eval("mp", "acct.join(['a', 'b', 'c'], '-')").asString(), "list -> List");
            assertEquals("{n=1, s=x}", context.eval("mp", "acct.describe({'s': 'x', 'n': 1})").asString(), "dict -> Map");
            assertEquals(12, context.eval("mp", "acct.apply(lambda a, b: a * b, 3, 4)").asInt(), "function -> functional interface");
            assertEquals(101, context.eval("mp", "acct.bits(2 ** 100)").asInt(), "big int -> BigInteger");
            assertEquals("True None 2.5 ok", context.eval("mp",
                    "f'{acct.same(True)} {acct.same(None)} {acct.same(2.5)} {acct.same(\"ok\")}'").asString(), "values come back as mp values");
        }
    }

    @Test
    void javaListsArraysAndMapsAreSequencesAndMappings() {
        List<Object> list = new ArrayList<>(List.of(1, 2, 3));
        Map<String, Object> map = new LinkedHashMap<>(Map.of("a", 1));
        try (Context context = allowed()) {
            Value g = context.getBindings("mp");
            g.putMember("xs", list);
            g.putMember("arr", new int[] {5, 6, 7});
            g.putMember("m", map);
            assertEquals("3 3 [2, 4, 6] 2 True False", context.eval("mp",
                    "f'{len(xs)} {xs[-1]} {[x * 2 for x in xs]} {xs[1:2][0]} {2 in xs} {9 in xs}'").asString());
            context.eval("mp", "xs[0] = 10\nxs.add(4)\ndel xs[1]");
            assertEquals(List.of(10L, 3, 4L), list, "mp ints reach an Object parameter as Long");
            assertEquals("3 18 7 [5, 6]", context.eval("mp", "f'{len(arr)} {sum(arr)} {arr[-1]} {list(arr[:2])}'").asString());
            context.eval("mp", "arr[0] = 50");
            assertEquals("50", context.eval("mp", "str(arr[0])").asString());
            context.eval("mp", "m['b'] = 2");
            assertEquals("2 ['a', 'b'] 1 True False", context.eval("mp", "f'{len(m)} {list(m)} {m[\"a\"]} {\"b\" in m} {\"z\" in m}'").asString());
            assertEquals(Map.of("a", 1, "b", 2L), map);
            assertEquals("{'a': 1, 'b': 2, 'c': 3}", context.eval("mp", "d = dict(m)\nd.update(c=3)\nrepr(d)").asString(), "a Java map is a mapping");
            assertEquals("IndexError: index out of range|KeyError: 'z'|TypeError", context.eval("mp", """
                    out = []
                    for bad in (lambda: arr[3], lambda: m['z'], lambda: xs['k']):
                        try:
                            bad()
                        except (IndexError, KeyError, TypeError) as e:
                            out.append(type(e).__name__ + (': ' + str(e) if not isinstance(e, TypeError) else ''))
                    '|'.join(out)
                    """).asString());
            assertEquals("True False", context.eval("mp", "f'{bool(xs)} {bool(arr[:0])}'").asString());
        }
    }

    @Test
    void javaObjectsKeepTheirIdentity() {
        Account account = new Account();
        try (Context context = allowed()) {
            Value g = context.getBindings("mp");
            g.putMember("a", account);
            g.putMember("b", account);
            assertEquals("True 1", context.eval("mp", "f'{a == b} {len({a: 1, b: 1})}'").asString());
            assertSame(account, g.getMember("a").asHostObject());
        }
    }

    @Test
    void javaClassesByLookup() {
        try (Context context = allowed()) {
            assertEquals("[x, y] 2", context.eval("mp", """
                    import java
                    ArrayList = java.type('java.util.ArrayList')
                    items = ArrayList()
                    items.add('x')
                    items.add('y')
                    f'{items} {len(items)}'
                    """).asString());
            assertEquals("ImportError", context.eval("mp",
                    "import java\ntry:\n    java.type('java.lang.Runtime')\nexcept ImportError as e:\n    r = type(e).__name__\nr").asString(),
                    "a class the lookup filter rejects is not found");
        }
    }

    @Test
    void withoutHostAccessJavaIsNotReachable() {
        try (Context context = Context.newBuilder("mp").build()) {
            context.getBindings("mp").putMember("acct", new Account());
            context.getBindings("mp").putMember("xs", new ArrayList<>(List.of(1)));
            assertEquals("AttributeError|AttributeError|TypeError|PermissionError", context.eval("mp", """
                    import java
                    out = []
                    for attempt in (lambda: acct.balance, lambda: acct.deposit(1), lambda: len(xs),
                                    lambda: java.type('java.util.ArrayList')):
                        try:
                            attempt()
                        except Exception as e:
                            out.append(type(e).__name__)
                    '|'.join(out)
                    """).asString());
        }
    }
}
