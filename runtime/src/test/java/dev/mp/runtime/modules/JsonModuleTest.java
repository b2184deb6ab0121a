package dev.mp.runtime.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.mp.runtime.MpException;
import dev.mp.runtime.builtins.BuiltinBuilder;
import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.PByteArray;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PInstance;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Conversions;

/**
 * The json module against CPython 3.11. Expected strings were produced by running python3 while the table was
 * written: dumps/dump output (dump: what the file received, then "!Type: message" if it raised), and repr of
 * the loads result or "!Type: message"; "attrs" rows check (msg, doc is the input, pos, lineno, colno).
 */
class JsonModuleTest {

    static final PModule JSON = new PModule("json");

    static {
        JsonModule.populate(JSON);
    }

    static PDict dict(Object... kv) {
        PDict d = new PDict();
        for (int i = 0; i < kv.length; i += 2) {
            d.put(kv[i], kv[i + 1]);
        }
        return d;
    }

    static Object fn(String name) {
        return switch (name) {
            case "str" -> BuiltinBuilder.function("str", "o", a -> Conversions.str(a[0]));
            case "len" -> BuiltinBuilder.function("len", "o", a -> (long) ((PDict) a[0]).size());
            default -> BuiltinBuilder.function("list", "o", a -> new PList(((PList) a[0]).items()));
        };
    }

    static PList circularList() {
        PList l = new PList(new Object[] {1L});
        l.add(l);
        return l;
    }

    static PDict circularDict() {
        PDict d = new PDict();
        d.put("a", d);
        return d;
    }

    /** A file-like object: write appends to a buffer, read returns the given text. */
    static PInstance file(StringBuilder written, Object content) {
        PClass cls = PClass.create("StringIO", "StringIO", "io", new PClass[0]);
        BuiltinBuilder.method(cls, "write", "self, s", a -> {
            written.append((String) a[1]);
            return (long) ((String) a[1]).length();
        });
        BuiltinBuilder.method(cls, "read", "self", a -> content);
        return new PInstance(cls);
    }

    static Object call(String name, Object[] positional, String[] kwnames, Object[] kwvalues) {
        Object[] all = new Object[positional.length + kwvalues.length];
        System.arraycopy(positional, 0, all, 0, positional.length);
        System.arraycopy(kwvalues, 0, all, positional.length, kwvalues.length);
        return Calls.call(JSON.dict().get(name), all, kwnames.length == 0 ? null : kwnames);
    }

    static final Object[][] CASES = {
            {"dumps", PNone.NONE, new String[] {}, new Object[] {}, "null"},
            {"dump", PNone.NONE, new String[] {}, new Object[] {}, "null"},
            {"dumps", Boolean.TRUE, new String[] {}, new Object[] {}, "true"},
            {"dump", Boolean.TRUE, new String[] {}, new Object[] {}, "true"},
            {"dumps", Boolean.FALSE, new String[] {}, new Object[] {}, "false"},
            {"dump", Boolean.FALSE, new String[] {}, new Object[] {}, "false"},
            {"dumps", 0L, new String[] {}, new Object[] {}, "0"},
            {"dump", 0L, new String[] {}, new Object[] {}, "0"},
            {"dumps", (-17L), new String[] {}, new Object[] {}, "-17"},
            {"dump", (-17L), new String[] {}, new Object[] {}, "-17"},
            {"dumps", new java.math.BigInteger("18446744073709551616"), new String[] {}, new Object[] {}, "18446744073709551616"},
            {"dump", new java.math.BigInteger("18446744073709551616"), new String[] {}, new Object[] {}, "18446744073709551616"},
            {"dumps", new java.math.BigInteger("-1267650600228229401496703205376"), new String[] {}, new Object[] {}, "-1267650600228229401496703205376"},
            {"dump", new java.math.BigInteger("-1267650600228229401496703205376"), new String[] {}, new Object[] {}, "-1267650600228229401496703205376"},
            {"dumps", Double.longBitsToDouble(4609434218613702656L), new String[] {}, new Object[] {}, "1.5"},
            {"dump", Double.longBitsToDouble(4609434218613702656L), new String[] {}, new Object[] {}, "1.5"},
            {"dumps", Double.longBitsToDouble(-9223372036854775808L), new String[] {}, new Object[] {}, "-0.0"},
            {"dump", Double.longBitsToDouble(-9223372036854775808L), new String[] {}, new Object[] {}, "-0.0"},
            {"dumps", Double.longBitsToDouble(4846369599423283200L), new String[] {}, new Object[] {}, "1e+16"},
            {"dump", Double.longBitsToDouble(4846369599423283200L), new String[] {}, new Object[] {}, "1e+16"},
            {"dumps", Double.longBitsToDouble(4502148214488346440L), new String[] {}, new Object[] {}, "1e-07"},
            {"dump", Double.longBitsToDouble(4502148214488346440L), new String[] {}, new Object[] {}, "1e-07"},
            {"dumps", Double.longBitsToDouble(4591870180066957722L), new String[] {}, new Object[] {}, "0.1"},
            {"dump", Double.longBitsToDouble(4591870180066957722L), new String[] {}, new Object[] {}, "0.1"},
            {"dumps", Double.longBitsToDouble(9094988921128908188L), new String[] {}, new Object[] {}, "1e+300"},
            {"dump", Double.longBitsToDouble(9094988921128908188L), new String[] {}, new Object[] {}, "1e+300"},
            {"dumps", Double.longBitsToDouble(9218868437227405312L), new String[] {}, new Object[] {}, "Infinity"},
            {"dump", Double.longBitsToDouble(9218868437227405312L), new String[] {}, new Object[] {}, "Infinity"},
            {"dumps", Double.longBitsToDouble(-4503599627370496L), new String[] {}, new Object[] {}, "-Infinity"},
            {"dump", Double.longBitsToDouble(-4503599627370496L), new String[] {}, new Object[] {}, "-Infinity"},
            {"dumps", Double.longBitsToDouble(9221120237041090560L), new String[] {}, new Object[] {}, "NaN"},
            {"dump", Double.longBitsToDouble(9221120237041090560L), new String[] {}, new Object[] {}, "NaN"},
            {"dumps", "", new String[] {}, new Object[] {}, "\"\""},
            {"dump", "", new String[] {}, new Object[] {}, "\"\""},
            {"dumps", "abc", new String[] {}, new Object[] {}, "\"abc\""},
            {"dump", "abc", new String[] {}, new Object[] {}, "\"abc\""},
            {"dumps", "a\"b\\c", new String[] {}, new Object[] {}, "\"a\\\"b\\\\c\""},
            {"dump", "a\"b\\c", new String[] {}, new Object[] {}, "\"a\\\"b\\\\c\""},
            {"dumps", "\012\015\011\010\014\000\037\u007f", new String[] {}, new Object[] {}, "\"\\n\\r\\t\\b\\f\\u0000\\u001f\\u007f\""},
            {"dump", "\012\015\011\010\014\000\037\u007f", new String[] {}, new Object[] {}, "\"\\n\\r\\t\\b\\f\\u0000\\u001f\\u007f\""},
            {"dumps", "\u00e9\u2028\ud83d\ude00", new String[] {}, new Object[] {}, "\"\\u00e9\\u2028\\ud83d\\ude00\""},
            {"dump", "\u00e9\u2028\ud83d\ude00", new String[] {}, new Object[] {}, "\"\\u00e9\\u2028\\ud83d\\ude00\""},
            {"dumps", "\ud800x", new String[] {}, new Object[] {}, "\"\\ud800x\""},
            {"dump", "\ud800x", new String[] {}, new Object[] {}, "\"\\ud800x\""},
            {"dumps", "\u00e9\u2028\ud83d\ude00\u007f\001", new String[] {"ensure_ascii"}, new Object[] {Boolean.FALSE}, "\"\u00e9\u2028\ud83d\ude00\u007f\\u0001\""},
            {"dump", "\u00e9\u2028\ud83d\ude00\u007f\001", new String[] {"ensure_ascii"}, new Object[] {Boolean.FALSE}, "\"\u00e9\u2028\ud83d\ude00\u007f\\u0001\""},
            {"dumps", new PList(new Object[] {}), new String[] {}, new Object[] {}, "[]"},
            {"dump", new PList(new Object[] {}), new String[] {}, new Object[] {}, "[]"},
            {"dumps", PTuple.EMPTY, new String[] {}, new Object[] {}, "[]"},
            {"dump", PTuple.EMPTY, new String[] {}, new Object[] {}, "[]"},
            {"dumps", dict(), new String[] {}, new Object[] {}, "{}"},
            {"dump", dict(), new String[] {}, new Object[] {}, "{}"},
            {"dumps", new PList(new Object[] {1L, "a", PNone.NONE, Boolean.TRUE, Double.longBitsToDouble(4612811918334230528L)}), new String[] {}, new Object[] {}, "[1, \"a\", null, true, 2.5]"},
            {"dump", new PList(new Object[] {1L, "a", PNone.NONE, Boolean.TRUE, Double.longBitsToDouble(4612811918334230528L)}), new String[] {}, new Object[] {}, "[1, \"a\", null, true, 2.5]"},
            {"dumps", PTuple.of((Object) 1L, (Object) PTuple.of((Object) 2L, (Object) 3L)), new String[] {}, new Object[] {}, "[1, [2, 3]]"},
            {"dump", PTuple.of((Object) 1L, (Object) PTuple.of((Object) 2L, (Object) 3L)), new String[] {}, new Object[] {}, "[1, [2, 3]]"},
            {"dumps", dict("a", 1L, "b", new PList(new Object[] {1L, 2L}), "c", dict("d", PNone.NONE)), new String[] {}, new Object[] {}, "{\"a\": 1, \"b\": [1, 2], \"c\": {\"d\": null}}"},
            {"dump", dict("a", 1L, "b", new PList(new Object[] {1L, 2L}), "c", dict("d", PNone.NONE)), new String[] {}, new Object[] {}, "{\"a\": 1, \"b\": [1, 2], \"c\": {\"d\": null}}"},
            {"dumps", dict("a", 1L, "b", new PList(new Object[] {1L, 2L}), "c", dict("d", PNone.NONE), "e", new PList(new Object[] {})), new String[] {"indent"}, new Object[] {2L}, "{\012  \"a\": 1,\012  \"b\": [\012    1,\012    2\012  ],\012  \"c\": {\012    \"d\": null\012  },\012  \"e\": []\012}"},
            {"dump", dict("a", 1L, "b", new PList(new Object[] {1L, 2L}), "c", dict("d", PNone.NONE), "e", new PList(new Object[] {})), new String[] {"indent"}, new Object[] {2L}, "{\012  \"a\": 1,\012  \"b\": [\012    1,\012    2\012  ],\012  \"c\": {\012    \"d\": null\012  },\012  \"e\": []\012}"},
            {"dumps", dict("a", new PList(new Object[] {1L, dict("b", PNone.NONE)})), new String[] {"indent"}, new Object[] {"\011"}, "{\012\011\"a\": [\012\011\0111,\012\011\011{\012\011\011\011\"b\": null\012\011\011}\012\011]\012}"},
            {"dump", dict("a", new PList(new Object[] {1L, dict("b", PNone.NONE)})), new String[] {"indent"}, new Object[] {"\011"}, "{\012\011\"a\": [\012\011\0111,\012\011\011{\012\011\011\011\"b\": null\012\011\011}\012\011]\012}"},
            {"dumps", dict("a", 1L), new String[] {"indent"}, new Object[] {0L}, "{\012\"a\": 1\012}"},
            {"dump", dict("a", 1L), new String[] {"indent"}, new Object[] {0L}, "{\012\"a\": 1\012}"},
            {"dumps", new PList(new Object[] {1L, 2L}), new String[] {"indent"}, new Object[] {(-1L)}, "[\0121,\0122\012]"},
            {"dump", new PList(new Object[] {1L, 2L}), new String[] {"indent"}, new Object[] {(-1L)}, "[\0121,\0122\012]"},
            {"dumps", new PList(new Object[] {new PList(new Object[] {})}), new String[] {"indent"}, new Object[] {2L}, "[\012  []\012]"},
            {"dump", new PList(new Object[] {new PList(new Object[] {})}), new String[] {"indent"}, new Object[] {2L}, "[\012  []\012]"},
            {"dumps", new PList(new Object[] {dict(), new PList(new Object[] {new PList(new Object[] {})})}), new String[] {"indent"}, new Object[] {1L}, "[\012 {},\012 [\012  []\012 ]\012]"},
            {"dump", new PList(new Object[] {dict(), new PList(new Object[] {new PList(new Object[] {})})}), new String[] {"indent"}, new Object[] {1L}, "[\012 {},\012 [\012  []\012 ]\012]"},
            {"dumps", dict("a", "b"), new String[] {"sort_keys", "indent"}, new Object[] {Boolean.TRUE, Boolean.TRUE}, "{\012 \"a\": \"b\"\012}"},
            {"dump", dict("a", "b"), new String[] {"sort_keys", "indent"}, new Object[] {Boolean.TRUE, Boolean.TRUE}, "{\012 \"a\": \"b\"\012}"},
            {"dumps", dict("b", 1L, "a", 2L, "c", 3L), new String[] {"sort_keys"}, new Object[] {Boolean.TRUE}, "{\"a\": 2, \"b\": 1, \"c\": 3}"},
            {"dump", dict("b", 1L, "a", 2L, "c", 3L), new String[] {"sort_keys"}, new Object[] {Boolean.TRUE}, "{\"a\": 2, \"b\": 1, \"c\": 3}"},
            {"dumps", dict(3L, 1L, 1L, 2L, 2L, 3L), new String[] {"sort_keys"}, new Object[] {Boolean.TRUE}, "{\"1\": 2, \"2\": 3, \"3\": 1}"},
            {"dump", dict(3L, 1L, 1L, 2L, 2L, 3L), new String[] {"sort_keys"}, new Object[] {Boolean.TRUE}, "{\"1\": 2, \"2\": 3, \"3\": 1}"},
            {"dumps", dict("b", 1L, "a", dict("z", 1L, "y", 2L)), new String[] {"sort_keys", "indent"}, new Object[] {Boolean.TRUE, 2L}, "{\012  \"a\": {\012    \"y\": 2,\012    \"z\": 1\012  },\012  \"b\": 1\012}"},
            {"dump", dict("b", 1L, "a", dict("z", 1L, "y", 2L)), new String[] {"sort_keys", "indent"}, new Object[] {Boolean.TRUE, 2L}, "{\012  \"a\": {\012    \"y\": 2,\012    \"z\": 1\012  },\012  \"b\": 1\012}"},
            {"dumps", new PList(new Object[] {1L, PTuple.of((Object) 2L, (Object) 3L), dict("a", 4L)}), new String[] {"separators"}, new Object[] {PTuple.of((Object) ",", (Object) ":")}, "[1,[2,3],{\"a\":4}]"},
            {"dump", new PList(new Object[] {1L, PTuple.of((Object) 2L, (Object) 3L), dict("a", 4L)}), new String[] {"separators"}, new Object[] {PTuple.of((Object) ",", (Object) ":")}, "[1,[2,3],{\"a\":4}]"},
            {"dumps", dict("a", 1L, "b", 2L), new String[] {"separators"}, new Object[] {PTuple.of((Object) ";", (Object) "=")}, "{\"a\"=1;\"b\"=2}"},
            {"dump", dict("a", 1L, "b", 2L), new String[] {"separators"}, new Object[] {PTuple.of((Object) ";", (Object) "=")}, "{\"a\"=1;\"b\"=2}"},
            {"dumps", dict("a", new PList(new Object[] {1L, 2L})), new String[] {"indent", "separators"}, new Object[] {2L, PTuple.of((Object) ", ", (Object) ": ")}, "{\012  \"a\": [\012    1, \012    2\012  ]\012}"},
            {"dump", dict("a", new PList(new Object[] {1L, 2L})), new String[] {"indent", "separators"}, new Object[] {2L, PTuple.of((Object) ", ", (Object) ": ")}, "{\012  \"a\": [\012    1, \012    2\012  ]\012}"},
            {"dumps", dict(Boolean.TRUE, 1L, Boolean.FALSE, 0L, PNone.NONE, 2L, Double.longBitsToDouble(4609434218613702656L), 3L, Double.longBitsToDouble(9218868437227405312L), 4L, Double.longBitsToDouble(-4503599627370496L), 5L, 7L, 6L, new java.math.BigInteger("1180591620717411303424"), 7L), new String[] {}, new Object[] {}, "{\"true\": 1, \"false\": 0, \"null\": 2, \"1.5\": 3, \"Infinity\": 4, \"-Infinity\": 5, \"7\": 6, \"1180591620717411303424\": 7}"},
            {"dump", dict(Boolean.TRUE, 1L, Boolean.FALSE, 0L, PNone.NONE, 2L, Double.longBitsToDouble(4609434218613702656L), 3L, Double.longBitsToDouble(9218868437227405312L), 4L, Double.longBitsToDouble(-4503599627370496L), 5L, 7L, 6L, new java.math.BigInteger("1180591620717411303424"), 7L), new String[] {}, new Object[] {}, "{\"true\": 1, \"false\": 0, \"null\": 2, \"1.5\": 3, \"Infinity\": 4, \"-Infinity\": 5, \"7\": 6, \"1180591620717411303424\": 7}"},
            {"dumps", dict(1L, 1L, PTuple.of((Object) 1L, (Object) 2L), 2L, "x", 3L), new String[] {"skipkeys"}, new Object[] {Boolean.TRUE}, "{\"1\": 1, \"x\": 3}"},
            {"dump", dict(1L, 1L, PTuple.of((Object) 1L, (Object) 2L), 2L, "x", 3L), new String[] {"skipkeys"}, new Object[] {Boolean.TRUE}, "{\"1\": 1, \"x\": 3}"},
            {"dumps", dict(PTuple.of((Object) 1L), 2L), new String[] {"skipkeys", "indent"}, new Object[] {Boolean.TRUE, 2L}, "{\012  \012}"},
            {"dump", dict(PTuple.of((Object) 1L), 2L), new String[] {"skipkeys", "indent"}, new Object[] {Boolean.TRUE, 2L}, "{\012  \012}"},
            {"dumps", dict(1L, 1L, PTuple.of((Object) 1L, (Object) 2L), 2L, "x", 3L), new String[] {"skipkeys", "indent"}, new Object[] {Boolean.TRUE, 2L}, "{\012  \"1\": 1,\012  \"x\": 3\012}"},
            {"dump", dict(1L, 1L, PTuple.of((Object) 1L, (Object) 2L), 2L, "x", 3L), new String[] {"skipkeys", "indent"}, new Object[] {Boolean.TRUE, 2L}, "{\012  \"1\": 1,\012  \"x\": 3\012}"},
            {"dumps", new PBytes(new byte[] {97, 98}), new String[] {"default"}, new Object[] {fn("str")}, "\"b'ab'\""},
            {"dump", new PBytes(new byte[] {97, 98}), new String[] {"default"}, new Object[] {fn("str")}, "\"b'ab'\""},
            {"dumps", new PList(new Object[] {new PBytes(new byte[] {97, 98}), dict("k", new PBytes(new byte[] {99}))}), new String[] {"default"}, new Object[] {fn("str")}, "[\"b'ab'\", {\"k\": \"b'c'\"}]"},
            {"dump", new PList(new Object[] {new PBytes(new byte[] {97, 98}), dict("k", new PBytes(new byte[] {99}))}), new String[] {"default"}, new Object[] {fn("str")}, "[\"b'ab'\", {\"k\": \"b'c'\"}]"},
            {"dumps", dict("k", new PBytes(new byte[] {99})), new String[] {"default", "indent"}, new Object[] {fn("str"), 1L}, "{\012 \"k\": \"b'c'\"\012}"},
            {"dump", dict("k", new PBytes(new byte[] {99})), new String[] {"default", "indent"}, new Object[] {fn("str"), 1L}, "{\012 \"k\": \"b'c'\"\012}"},
            {"dumps", dict("\u00e9", "\u00fc"), new String[] {}, new Object[] {}, "{\"\\u00e9\": \"\\u00fc\"}"},
            {"dump", dict("\u00e9", "\u00fc"), new String[] {}, new Object[] {}, "{\"\\u00e9\": \"\\u00fc\"}"},
            {"dumps", dict("\u00e9", "\u00fc"), new String[] {"ensure_ascii"}, new Object[] {Boolean.FALSE}, "{\"\u00e9\": \"\u00fc\"}"},
            {"dump", dict("\u00e9", "\u00fc"), new String[] {"ensure_ascii"}, new Object[] {Boolean.FALSE}, "{\"\u00e9\": \"\u00fc\"}"},
            {"dumps", new PList(new Object[] {Double.longBitsToDouble(4607182418800017408L), Double.longBitsToDouble(4636737291354636288L), Double.longBitsToDouble(4728057454347157504L), Double.longBitsToDouble(4533378263974760560L)}), new String[] {}, new Object[] {}, "[1.0, 100.0, 123456789.0, 1.23e-05]"},
            {"dump", new PList(new Object[] {Double.longBitsToDouble(4607182418800017408L), Double.longBitsToDouble(4636737291354636288L), Double.longBitsToDouble(4728057454347157504L), Double.longBitsToDouble(4533378263974760560L)}), new String[] {}, new Object[] {}, "[1.0, 100.0, 123456789.0, 1.23e-05]"},
            {"dumps", new PList(new Object[] {Double.longBitsToDouble(9221120237041090560L), Double.longBitsToDouble(9218868437227405312L)}), new String[] {"indent"}, new Object[] {1L}, "[\012 NaN,\012 Infinity\012]"},
            {"dump", new PList(new Object[] {Double.longBitsToDouble(9221120237041090560L), Double.longBitsToDouble(9218868437227405312L)}), new String[] {"indent"}, new Object[] {1L}, "[\012 NaN,\012 Infinity\012]"},
            {"dumps", new PList(new Object[] {new PList(new Object[] {new PList(new Object[] {new PList(new Object[] {1L})})})}), new String[] {"indent"}, new Object[] {1L}, "[\012 [\012  [\012   [\012    1\012   ]\012  ]\012 ]\012]"},
            {"dump", new PList(new Object[] {new PList(new Object[] {new PList(new Object[] {new PList(new Object[] {1L})})})}), new String[] {"indent"}, new Object[] {1L}, "[\012 [\012  [\012   [\012    1\012   ]\012  ]\012 ]\012]"},
            {"dumps", dict("a", 1L, "b", 2L), new String[] {"indent", "sort_keys"}, new Object[] {2L, Boolean.TRUE}, "{\012  \"a\": 1,\012  \"b\": 2\012}"},
            {"dump", dict("a", 1L, "b", 2L), new String[] {"indent", "sort_keys"}, new Object[] {2L, Boolean.TRUE}, "{\012  \"a\": 1,\012  \"b\": 2\012}"},
            {"dumps", dict("x", PTuple.of((Object) 1L)), new String[] {"indent"}, new Object[] {"--"}, "{\012--\"x\": [\012----1\012--]\012}"},
            {"dump", dict("x", PTuple.of((Object) 1L)), new String[] {"indent"}, new Object[] {"--"}, "{\012--\"x\": [\012----1\012--]\012}"},
            {"dumps", dict("a", new PList(new Object[] {}), "b", dict()), new String[] {"indent"}, new Object[] {2L}, "{\012  \"a\": [],\012  \"b\": {}\012}"},
            {"dump", dict("a", new PList(new Object[] {}), "b", dict()), new String[] {"indent"}, new Object[] {2L}, "{\012  \"a\": [],\012  \"b\": {}\012}"},
            {"dumps", new PBytes(new byte[] {97, 98}), new String[] {}, new Object[] {}, "!TypeError: Object of type bytes is not JSON serializable"},
            {"dump", new PBytes(new byte[] {97, 98}), new String[] {}, new Object[] {}, "!TypeError: Object of type bytes is not JSON serializable"},
            {"dumps", new PList(new Object[] {1L, new PBytes(new byte[] {97, 98})}), new String[] {}, new Object[] {}, "!TypeError: Object of type bytes is not JSON serializable"},
            {"dump", new PList(new Object[] {1L, new PBytes(new byte[] {97, 98})}), new String[] {}, new Object[] {}, "[1, !TypeError: Object of type bytes is not JSON serializable"},
            {"dumps", dict("a", new PBytes(new byte[] {97, 98})), new String[] {"indent"}, new Object[] {2L}, "!TypeError: Object of type bytes is not JSON serializable"},
            {"dump", dict("a", new PBytes(new byte[] {97, 98})), new String[] {"indent"}, new Object[] {2L}, "{\012  \"a\": !TypeError: Object of type bytes is not JSON serializable"},
            {"dumps", dict(PTuple.of((Object) 1L, (Object) 2L), 1L), new String[] {}, new Object[] {}, "!TypeError: keys must be str, int, float, bool or None, not tuple"},
            {"dump", dict(PTuple.of((Object) 1L, (Object) 2L), 1L), new String[] {}, new Object[] {}, "{!TypeError: keys must be str, int, float, bool or None, not tuple"},
            {"dumps", dict(PTuple.of((Object) 1L, (Object) 2L), 1L), new String[] {"indent"}, new Object[] {1L}, "!TypeError: keys must be str, int, float, bool or None, not tuple"},
            {"dump", dict(PTuple.of((Object) 1L, (Object) 2L), 1L), new String[] {"indent"}, new Object[] {1L}, "{\012 !TypeError: keys must be str, int, float, bool or None, not tuple"},
            {"dumps", Double.longBitsToDouble(9221120237041090560L), new String[] {"allow_nan"}, new Object[] {Boolean.FALSE}, "!ValueError: Out of range float values are not JSON compliant"},
            {"dump", Double.longBitsToDouble(9221120237041090560L), new String[] {"allow_nan"}, new Object[] {Boolean.FALSE}, "!ValueError: Out of range float values are not JSON compliant: nan"},
            {"dumps", new PList(new Object[] {Double.longBitsToDouble(9218868437227405312L)}), new String[] {"allow_nan", "indent"}, new Object[] {Boolean.FALSE, 1L}, "!ValueError: Out of range float values are not JSON compliant: inf"},
            {"dump", new PList(new Object[] {Double.longBitsToDouble(9218868437227405312L)}), new String[] {"allow_nan", "indent"}, new Object[] {Boolean.FALSE, 1L}, "!ValueError: Out of range float values are not JSON compliant: inf"},
            {"dumps", dict(Double.longBitsToDouble(9221120237041090560L), 1L), new String[] {"allow_nan"}, new Object[] {Boolean.FALSE}, "!ValueError: Out of range float values are not JSON compliant"},
            {"dump", dict(Double.longBitsToDouble(9221120237041090560L), 1L), new String[] {"allow_nan"}, new Object[] {Boolean.FALSE}, "{!ValueError: Out of range float values are not JSON compliant: nan"},
            {"dumps", dict(Double.longBitsToDouble(-4503599627370496L), 1L), new String[] {"allow_nan", "indent"}, new Object[] {Boolean.FALSE, 1L}, "!ValueError: Out of range float values are not JSON compliant: -inf"},
            {"dump", dict(Double.longBitsToDouble(-4503599627370496L), 1L), new String[] {"allow_nan", "indent"}, new Object[] {Boolean.FALSE, 1L}, "{\012 !ValueError: Out of range float values are not JSON compliant: -inf"},
            {"dumps", circularList(), new String[] {}, new Object[] {}, "!ValueError: Circular reference detected"},
            {"dump", circularList(), new String[] {}, new Object[] {}, "[1, !ValueError: Circular reference detected"},
            {"dumps", circularDict(), new String[] {}, new Object[] {}, "!ValueError: Circular reference detected"},
            {"dump", circularDict(), new String[] {}, new Object[] {}, "{\"a\": !ValueError: Circular reference detected"},
            {"dumps", circularList(), new String[] {"indent"}, new Object[] {1L}, "!ValueError: Circular reference detected"},
            {"dump", circularList(), new String[] {"indent"}, new Object[] {1L}, "[\012 1,\012 !ValueError: Circular reference detected"},
            {"dumps", dict("b", 1L, "a", 2L, 3L, 4L), new String[] {"sort_keys"}, new Object[] {Boolean.TRUE}, "!TypeError: '<' not supported between instances of 'int' and 'str'"},
            {"dump", dict("b", 1L, "a", 2L, 3L, 4L), new String[] {"sort_keys"}, new Object[] {Boolean.TRUE}, "{!TypeError: '<' not supported between instances of 'int' and 'str'"},
            {"dumps", dict(1L, 1L, "a", 2L), new String[] {"sort_keys"}, new Object[] {Boolean.TRUE}, "!TypeError: '<' not supported between instances of 'str' and 'int'"},
            {"dump", dict(1L, 1L, "a", 2L), new String[] {"sort_keys"}, new Object[] {Boolean.TRUE}, "{!TypeError: '<' not supported between instances of 'str' and 'int'"},
            {"dumps", dict("a", 1L, 2L, 3L, "c", 4L), new String[] {"sort_keys"}, new Object[] {Boolean.TRUE}, "!TypeError: '<' not supported between instances of 'int' and 'str'"},
            {"dump", dict("a", 1L, 2L, 3L, "c", 4L), new String[] {"sort_keys"}, new Object[] {Boolean.TRUE}, "{!TypeError: '<' not supported between instances of 'int' and 'str'"},
            {"dumps", new PList(new Object[] {1L}), new String[] {"separators"}, new Object[] {PTuple.of((Object) 1L, (Object) 2L)}, "!TypeError: make_encoder() argument 5 must be str, not int"},
            {"dump", new PList(new Object[] {1L}), new String[] {"separators"}, new Object[] {PTuple.of((Object) 1L, (Object) 2L)}, "[1]"},
            {"dumps", new PList(new Object[] {1L}), new String[] {"separators"}, new Object[] {PTuple.of((Object) ",", (Object) 2L)}, "!TypeError: make_encoder() argument 5 must be str, not int"},
            {"dump", new PList(new Object[] {1L}), new String[] {"separators"}, new Object[] {PTuple.of((Object) ",", (Object) 2L)}, "[1]"},
            {"dumps", new PList(new Object[] {1L}), new String[] {"separators"}, new Object[] {PTuple.of((Object) ",")}, "!ValueError: not enough values to unpack (expected 2, got 1)"},
            {"dump", new PList(new Object[] {1L}), new String[] {"separators"}, new Object[] {PTuple.of((Object) ",")}, "!ValueError: not enough values to unpack (expected 2, got 1)"},
            {"dumps", new PList(new Object[] {1L}), new String[] {"separators"}, new Object[] {PTuple.of((Object) ",", (Object) ":", (Object) "!")}, "!ValueError: too many values to unpack (expected 2)"},
            {"dump", new PList(new Object[] {1L}), new String[] {"separators"}, new Object[] {PTuple.of((Object) ",", (Object) ":", (Object) "!")}, "!ValueError: too many values to unpack (expected 2)"},
            {"dumps", dict("a", 1L), new String[] {"indent"}, new Object[] {Double.longBitsToDouble(4609434218613702656L)}, "!TypeError: can't multiply sequence by non-int of type 'float'"},
            {"dump", dict("a", 1L), new String[] {"indent"}, new Object[] {Double.longBitsToDouble(4609434218613702656L)}, "!TypeError: can't multiply sequence by non-int of type 'float'"},
            {"dumps", java.math.BigInteger.TEN.pow(5000), new String[] {}, new Object[] {}, "!ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"},
            {"dump", java.math.BigInteger.TEN.pow(5000), new String[] {}, new Object[] {}, "!ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"},
            {"dumps", dict(new PBytes(new byte[] {107}), 1L), new String[] {}, new Object[] {}, "!TypeError: keys must be str, int, float, bool or None, not bytes"},
            {"dump", dict(new PBytes(new byte[] {107}), 1L), new String[] {}, new Object[] {}, "{!TypeError: keys must be str, int, float, bool or None, not bytes"},
            {"dumps", dict(PNone.NONE, new PBytes(new byte[] {120})), new String[] {}, new Object[] {}, "!TypeError: Object of type bytes is not JSON serializable"},
            {"dump", dict(PNone.NONE, new PBytes(new byte[] {120})), new String[] {}, new Object[] {}, "{\"null\": !TypeError: Object of type bytes is not JSON serializable"},
            {"loads", "null", new String[] {}, new Object[] {}, "None"},
            {"load", "null", null, null, "None"},
            {"loads", "true", new String[] {}, new Object[] {}, "True"},
            {"load", "true", null, null, "True"},
            {"loads", "false", new String[] {}, new Object[] {}, "False"},
            {"load", "false", null, null, "False"},
            {"loads", "0", new String[] {}, new Object[] {}, "0"},
            {"load", "0", null, null, "0"},
            {"loads", "-0", new String[] {}, new Object[] {}, "0"},
            {"load", "-0", null, null, "0"},
            {"loads", "-0.0", new String[] {}, new Object[] {}, "-0.0"},
            {"load", "-0.0", null, null, "-0.0"},
            {"loads", "123", new String[] {}, new Object[] {}, "123"},
            {"load", "123", null, null, "123"},
            {"loads", "-123", new String[] {}, new Object[] {}, "-123"},
            {"load", "-123", null, null, "-123"},
            {"loads", "123456789012345678901234567890", new String[] {}, new Object[] {}, "123456789012345678901234567890"},
            {"load", "123456789012345678901234567890", null, null, "123456789012345678901234567890"},
            {"loads", "9223372036854775807", new String[] {}, new Object[] {}, "9223372036854775807"},
            {"load", "9223372036854775807", null, null, "9223372036854775807"},
            {"loads", "9223372036854775808", new String[] {}, new Object[] {}, "9223372036854775808"},
            {"load", "9223372036854775808", null, null, "9223372036854775808"},
            {"loads", "-9223372036854775808", new String[] {}, new Object[] {}, "-9223372036854775808"},
            {"load", "-9223372036854775808", null, null, "-9223372036854775808"},
            {"loads", "1.5", new String[] {}, new Object[] {}, "1.5"},
            {"load", "1.5", null, null, "1.5"},
            {"loads", "1e5", new String[] {}, new Object[] {}, "100000.0"},
            {"load", "1e5", null, null, "100000.0"},
            {"loads", "1E+2", new String[] {}, new Object[] {}, "100.0"},
            {"load", "1E+2", null, null, "100.0"},
            {"loads", "1.5e-3", new String[] {}, new Object[] {}, "0.0015"},
            {"load", "1.5e-3", null, null, "0.0015"},
            {"loads", "1E400", new String[] {}, new Object[] {}, "inf"},
            {"load", "1E400", null, null, "inf"},
            {"loads", "-1e400", new String[] {}, new Object[] {}, "-inf"},
            {"load", "-1e400", null, null, "-inf"},
            {"loads", "0.1", new String[] {}, new Object[] {}, "0.1"},
            {"load", "0.1", null, null, "0.1"},
            {"loads", "1.7976931348623157e308", new String[] {}, new Object[] {}, "1.7976931348623157e+308"},
            {"load", "1.7976931348623157e308", null, null, "1.7976931348623157e+308"},
            {"loads", "NaN", new String[] {}, new Object[] {}, "nan"},
            {"load", "NaN", null, null, "nan"},
            {"loads", "Infinity", new String[] {}, new Object[] {}, "inf"},
            {"load", "Infinity", null, null, "inf"},
            {"loads", "-Infinity", new String[] {}, new Object[] {}, "-inf"},
            {"load", "-Infinity", null, null, "-inf"},
            {"loads", "[NaN, Infinity, -Infinity]", new String[] {}, new Object[] {}, "[nan, inf, -inf]"},
            {"load", "[NaN, Infinity, -Infinity]", null, null, "[nan, inf, -inf]"},
            {"loads", "\"abc\"", new String[] {}, new Object[] {}, "'abc'"},
            {"load", "\"abc\"", null, null, "'abc'"},
            {"loads", "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"", new String[] {}, new Object[] {}, "'a\"b\\\\c/d\\x08\\x0c\\n\\r\\t'"},
            {"load", "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"", null, null, "'a\"b\\\\c/d\\x08\\x0c\\n\\r\\t'"},
            {"loads", "\"\\u00e9\\u2028\"", new String[] {}, new Object[] {}, "'\u00e9\\u2028'"},
            {"load", "\"\\u00e9\\u2028\"", null, null, "'\u00e9\\u2028'"},
            {"loads", "\"\\ud83d\\ude00\"", new String[] {}, new Object[] {}, "'\ud83d\ude00'"},
            {"load", "\"\\ud83d\\ude00\"", null, null, "'\ud83d\ude00'"},
            {"loads", "\"\\ud83d\"", new String[] {}, new Object[] {}, "'\\ud83d'"},
            {"load", "\"\\ud83d\"", null, null, "'\\ud83d'"},
            {"loads", "\"\\ud83dx\"", new String[] {}, new Object[] {}, "'\\ud83dx'"},
            {"load", "\"\\ud83dx\"", null, null, "'\\ud83dx'"},
            {"loads", "\"\\ud83d\\u0041\"", new String[] {}, new Object[] {}, "'\\ud83dA'"},
            {"load", "\"\\ud83d\\u0041\"", null, null, "'\\ud83dA'"},
            {"loads", "\"\\uDE00\\uD83D\"", new String[] {}, new Object[] {}, "'\\ude00\\ud83d'"},
            {"load", "\"\\uDE00\\uD83D\"", null, null, "'\\ude00\\ud83d'"},
            {"loads", "\"\u00e9\ud83d\ude00\"", new String[] {}, new Object[] {}, "'\u00e9\ud83d\ude00'"},
            {"load", "\"\u00e9\ud83d\ude00\"", null, null, "'\u00e9\ud83d\ude00'"},
            {"loads", "  [1, 2 , 3 ]  ", new String[] {}, new Object[] {}, "[1, 2, 3]"},
            {"load", "  [1, 2 , 3 ]  ", null, null, "[1, 2, 3]"},
            {"loads", "[]", new String[] {}, new Object[] {}, "[]"},
            {"load", "[]", null, null, "[]"},
            {"loads", "{}", new String[] {}, new Object[] {}, "{}"},
            {"load", "{}", null, null, "{}"},
            {"loads", "[[], {}, [[]]]", new String[] {}, new Object[] {}, "[[], {}, [[]]]"},
            {"load", "[[], {}, [[]]]", null, null, "[[], {}, [[]]]"},
            {"loads", "{\"a\": 1, \"b\": [true, null], \"c\": {\"d\": \"e\"}}", new String[] {}, new Object[] {}, "{'a': 1, 'b': [True, None], 'c': {'d': 'e'}}"},
            {"load", "{\"a\": 1, \"b\": [true, null], \"c\": {\"d\": \"e\"}}", null, null, "{'a': 1, 'b': [True, None], 'c': {'d': 'e'}}"},
            {"loads", "{\"a\":1,\"a\":2}", new String[] {}, new Object[] {}, "{'a': 2}"},
            {"load", "{\"a\":1,\"a\":2}", null, null, "{'a': 2}"},
            {"loads", "\012\011{ \"k\" :\015\012 1 }\012", new String[] {}, new Object[] {}, "{'k': 1}"},
            {"load", "\012\011{ \"k\" :\015\012 1 }\012", null, null, "{'k': 1}"},
            {"loads", "[1,2]", new String[] {"parse_int"}, new Object[] {fn("str")}, "['1', '2']"},
            {"loads", "[1.5, 2]", new String[] {"parse_float"}, new Object[] {fn("str")}, "['1.5', 2]"},
            {"loads", "[NaN, 1]", new String[] {"parse_constant"}, new Object[] {fn("str")}, "['NaN', 1]"},
            {"loads", "{\"a\": {\"b\": 1}}", new String[] {"object_hook"}, new Object[] {fn("len")}, "1"},
            {"loads", "{\"a\": 1, \"b\": 2}", new String[] {"object_pairs_hook"}, new Object[] {fn("list")}, "[('a', 1), ('b', 2)]"},
            {"loads", "\"\000\"", new String[] {"strict"}, new Object[] {Boolean.FALSE}, "'\\x00'"},
            {"loads", "\"a\011b\"", new String[] {"strict"}, new Object[] {Boolean.FALSE}, "'a\\tb'"},
            {"loads", new PBytes(new byte[] {91, 49, 44, 32, 34, -61, -87, 34, 93}), new String[] {}, new Object[] {}, "[1, '\u00e9']"},
            {"loads", new PByteArray(new byte[] {123, 34, 97, 34, 58, 32, 49, 125}), new String[] {}, new Object[] {}, "{'a': 1}"},
            {"loads", new PBytes(new byte[] {-17, -69, -65, 91, 49, 93}), new String[] {}, new Object[] {}, "[1]"},
            {"loads", new PBytes(new byte[] {34, 0, -23, 0, 34, 0}), new String[] {}, new Object[] {}, "'\u00e9'"},
            {"loads", new PBytes(new byte[] {-1, -2, 91, 0, 49, 0, 93, 0}), new String[] {}, new Object[] {}, "[1]"},
            {"loads", new PBytes(new byte[] {-1, -2, 0, 0, 91, 0, 0, 0, 50, 0, 0, 0, 93, 0, 0, 0}), new String[] {}, new Object[] {}, "[2]"},
            {"loads", new PBytes(new byte[] {0, 0, 0, 91, 0, 0, 0, 51, 0, 0, 0, 93}), new String[] {}, new Object[] {}, "[3]"},
            {"loads", new PBytes(new byte[] {0, 91, 0, 49, 0, 93}), new String[] {}, new Object[] {}, "[1]"},
            {"loads", new PBytes(new byte[] {34, -19, -96, -128, 34}), new String[] {}, new Object[] {}, "'\\ud800'"},
            {"loads", "", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)"},
            {"attrs", "", null, null, "('Expecting value', True, 0, 1, 1)"},
            {"load", "", null, null, "!json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)"},
            {"loads", " ", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Expecting value: line 1 column 2 (char 1)"},
            {"attrs", " ", null, null, "('Expecting value', True, 1, 1, 2)"},
            {"load", " ", null, null, "!json.decoder.JSONDecodeError: Expecting value: line 1 column 2 (char 1)"},
            {"loads", "[", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Expecting value: line 1 column 2 (char 1)"},
            {"attrs", "[", null, null, "('Expecting value', True, 1, 1, 2)"},
            {"load", "[", null, null, "!json.decoder.JSONDecodeError: Expecting value: line 1 column 2 (char 1)"},
            {"loads", "[1,]", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Expecting value: line 1 column 4 (char 3)"},
            {"attrs", "[1,]", null, null, "('Expecting value', True, 3, 1, 4)"},
            {"load", "[1,]", null, null, "!json.decoder.JSONDecodeError: Expecting value: line 1 column 4 (char 3)"},
            {"loads", "{\"a\":1,}", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 8 (char 7)"},
            {"attrs", "{\"a\":1,}", null, null, "('Expecting property name enclosed in double quotes', True, 7, 1, 8)"},
            {"load", "{\"a\":1,}", null, null, "!json.decoder.JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 8 (char 7)"},
            {"loads", "[1, 2", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Expecting ',' delimiter: line 1 column 6 (char 5)"},
            {"attrs", "[1, 2", null, null, "(\"Expecting ',' delimiter\", True, 5, 1, 6)"},
            {"load", "[1, 2", null, null, "!json.decoder.JSONDecodeError: Expecting ',' delimiter: line 1 column 6 (char 5)"},
            {"loads", "[1 2]", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Expecting ',' delimiter: line 1 column 4 (char 3)"},
            {"attrs", "[1 2]", null, null, "(\"Expecting ',' delimiter\", True, 3, 1, 4)"},
            {"load", "[1 2]", null, null, "!json.decoder.JSONDecodeError: Expecting ',' delimiter: line 1 column 4 (char 3)"},
            {"loads", "-", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)"},
            {"attrs", "-", null, null, "('Expecting value', True, 0, 1, 1)"},
            {"load", "-", null, null, "!json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)"},
            {"loads", "-a", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)"},
            {"attrs", "-a", null, null, "('Expecting value', True, 0, 1, 1)"},
            {"load", "-a", null, null, "!json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)"},
            {"loads", "1.", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Extra data: line 1 column 2 (char 1)"},
            {"attrs", "1.", null, null, "('Extra data', True, 1, 1, 2)"},
            {"load", "1.", null, null, "!json.decoder.JSONDecodeError: Extra data: line 1 column 2 (char 1)"},
            {"loads", "1e", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Extra data: line 1 column 2 (char 1)"},
            {"attrs", "1e", null, null, "('Extra data', True, 1, 1, 2)"},
            {"load", "1e", null, null, "!json.decoder.JSONDecodeError: Extra data: line 1 column 2 (char 1)"},
            {"loads", "01", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Extra data: line 1 column 2 (char 1)"},
            {"attrs", "01", null, null, "('Extra data', True, 1, 1, 2)"},
            {"load", "01", null, null, "!json.decoder.JSONDecodeError: Extra data: line 1 column 2 (char 1)"},
            {"loads", "tru", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)"},
            {"attrs", "tru", null, null, "('Expecting value', True, 0, 1, 1)"},
            {"load", "tru", null, null, "!json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)"},
            {"loads", "nul", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)"},
            {"attrs", "nul", null, null, "('Expecting value', True, 0, 1, 1)"},
            {"load", "nul", null, null, "!json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)"},
            {"loads", "\"a\011b\"", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Invalid control character at: line 1 column 3 (char 2)"},
            {"attrs", "\"a\011b\"", null, null, "('Invalid control character at', True, 2, 1, 3)"},
            {"load", "\"a\011b\"", null, null, "!json.decoder.JSONDecodeError: Invalid control character at: line 1 column 3 (char 2)"},
            {"loads", "\"abc", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Unterminated string starting at: line 1 column 1 (char 0)"},
            {"attrs", "\"abc", null, null, "('Unterminated string starting at', True, 0, 1, 1)"},
            {"load", "\"abc", null, null, "!json.decoder.JSONDecodeError: Unterminated string starting at: line 1 column 1 (char 0)"},
            {"loads", "\"abc\\", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Unterminated string starting at: line 1 column 1 (char 0)"},
            {"attrs", "\"abc\\", null, null, "('Unterminated string starting at', True, 0, 1, 1)"},
            {"load", "\"abc\\", null, null, "!json.decoder.JSONDecodeError: Unterminated string starting at: line 1 column 1 (char 0)"},
            {"loads", "{\"a\" 1}", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Expecting ':' delimiter: line 1 column 6 (char 5)"},
            {"attrs", "{\"a\" 1}", null, null, "(\"Expecting ':' delimiter\", True, 5, 1, 6)"},
            {"load", "{\"a\" 1}", null, null, "!json.decoder.JSONDecodeError: Expecting ':' delimiter: line 1 column 6 (char 5)"},
            {"loads", "{a:1}", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"},
            {"attrs", "{a:1}", null, null, "('Expecting property name enclosed in double quotes', True, 1, 1, 2)"},
            {"load", "{a:1}", null, null, "!json.decoder.JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"},
            {"loads", "{\"a\":}", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Expecting value: line 1 column 6 (char 5)"},
            {"attrs", "{\"a\":}", null, null, "('Expecting value', True, 5, 1, 6)"},
            {"load", "{\"a\":}", null, null, "!json.decoder.JSONDecodeError: Expecting value: line 1 column 6 (char 5)"},
            {"loads", "{", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"},
            {"attrs", "{", null, null, "('Expecting property name enclosed in double quotes', True, 1, 1, 2)"},
            {"load", "{", null, null, "!json.decoder.JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"},
            {"loads", "{\"a\"", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Expecting ':' delimiter: line 1 column 5 (char 4)"},
            {"attrs", "{\"a\"", null, null, "(\"Expecting ':' delimiter\", True, 4, 1, 5)"},
            {"load", "{\"a\"", null, null, "!json.decoder.JSONDecodeError: Expecting ':' delimiter: line 1 column 5 (char 4)"},
            {"loads", "{\"a\":1", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Expecting ',' delimiter: line 1 column 7 (char 6)"},
            {"attrs", "{\"a\":1", null, null, "(\"Expecting ',' delimiter\", True, 6, 1, 7)"},
            {"load", "{\"a\":1", null, null, "!json.decoder.JSONDecodeError: Expecting ',' delimiter: line 1 column 7 (char 6)"},
            {"loads", "[1]x", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Extra data: line 1 column 4 (char 3)"},
            {"attrs", "[1]x", null, null, "('Extra data', True, 3, 1, 4)"},
            {"load", "[1]x", null, null, "!json.decoder.JSONDecodeError: Extra data: line 1 column 4 (char 3)"},
            {"loads", "1 2", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Extra data: line 1 column 3 (char 2)"},
            {"attrs", "1 2", null, null, "('Extra data', True, 2, 1, 3)"},
            {"load", "1 2", null, null, "!json.decoder.JSONDecodeError: Extra data: line 1 column 3 (char 2)"},
            {"loads", "\012\012  [1,\012  x]", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Expecting value: line 4 column 3 (char 10)"},
            {"attrs", "\012\012  [1,\012  x]", null, null, "('Expecting value', True, 10, 4, 3)"},
            {"load", "\012\012  [1,\012  x]", null, null, "!json.decoder.JSONDecodeError: Expecting value: line 4 column 3 (char 10)"},
            {"loads", "-NaN", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)"},
            {"attrs", "-NaN", null, null, "('Expecting value', True, 0, 1, 1)"},
            {"load", "-NaN", null, null, "!json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)"},
            {"loads", "\"\\u004\"", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Invalid \\uXXXX escape: line 1 column 3 (char 2)"},
            {"attrs", "\"\\u004\"", null, null, "('Invalid \\\\uXXXX escape', True, 2, 1, 3)"},
            {"load", "\"\\u004\"", null, null, "!json.decoder.JSONDecodeError: Invalid \\uXXXX escape: line 1 column 3 (char 2)"},
            {"loads", "\"\\u0041", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Invalid \\uXXXX escape: line 1 column 3 (char 2)"},
            {"attrs", "\"\\u0041", null, null, "('Invalid \\\\uXXXX escape', True, 2, 1, 3)"},
            {"load", "\"\\u0041", null, null, "!json.decoder.JSONDecodeError: Invalid \\uXXXX escape: line 1 column 3 (char 2)"},
            {"loads", "\"\\x\"", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Invalid \\escape: line 1 column 2 (char 1)"},
            {"attrs", "\"\\x\"", null, null, "('Invalid \\\\escape', True, 1, 1, 2)"},
            {"load", "\"\\x\"", null, null, "!json.decoder.JSONDecodeError: Invalid \\escape: line 1 column 2 (char 1)"},
            {"loads", "[\"\\ud83d\\uZZ41\"]", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Invalid \\uXXXX escape: line 1 column 10 (char 9)"},
            {"attrs", "[\"\\ud83d\\uZZ41\"]", null, null, "('Invalid \\\\uXXXX escape', True, 9, 1, 10)"},
            {"load", "[\"\\ud83d\\uZZ41\"]", null, null, "!json.decoder.JSONDecodeError: Invalid \\uXXXX escape: line 1 column 10 (char 9)"},
            {"loads", "\"\\uZZZZ\"", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Invalid \\uXXXX escape: line 1 column 3 (char 2)"},
            {"attrs", "\"\\uZZZZ\"", null, null, "('Invalid \\\\uXXXX escape', True, 2, 1, 3)"},
            {"load", "\"\\uZZZZ\"", null, null, "!json.decoder.JSONDecodeError: Invalid \\uXXXX escape: line 1 column 3 (char 2)"},
            {"loads", "\ufeff1", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)"},
            {"attrs", "\ufeff1", null, null, "('Unexpected UTF-8 BOM (decode using utf-8-sig)', True, 0, 1, 1)"},
            {"load", "\ufeff1", null, null, "!json.decoder.JSONDecodeError: Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)"},
            {"loads", "[1,\012\"\001\"]", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Invalid control character at: line 2 column 2 (char 5)"},
            {"attrs", "[1,\012\"\001\"]", null, null, "('Invalid control character at', True, 5, 2, 2)"},
            {"load", "[1,\012\"\001\"]", null, null, "!json.decoder.JSONDecodeError: Invalid control character at: line 2 column 2 (char 5)"},
            {"loads", "{\"a\":1 \"b\":2}", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Expecting ',' delimiter: line 1 column 8 (char 7)"},
            {"attrs", "{\"a\":1 \"b\":2}", null, null, "(\"Expecting ',' delimiter\", True, 7, 1, 8)"},
            {"load", "{\"a\":1 \"b\":2}", null, null, "!json.decoder.JSONDecodeError: Expecting ',' delimiter: line 1 column 8 (char 7)"},
            {"loads", "nan", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)"},
            {"attrs", "nan", null, null, "('Expecting value', True, 0, 1, 1)"},
            {"load", "nan", null, null, "!json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)"},
            {"loads", "[1,,2]", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Expecting value: line 1 column 4 (char 3)"},
            {"attrs", "[1,,2]", null, null, "('Expecting value', True, 3, 1, 4)"},
            {"load", "[1,,2]", null, null, "!json.decoder.JSONDecodeError: Expecting value: line 1 column 4 (char 3)"},
            {"loads", "'a'", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)"},
            {"attrs", "'a'", null, null, "('Expecting value', True, 0, 1, 1)"},
            {"load", "'a'", null, null, "!json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)"},
            {"loads", "\"\u00e9\ud83d\ude00\" x", new String[] {}, new Object[] {}, "!json.decoder.JSONDecodeError: Extra data: line 1 column 6 (char 5)"},
            {"attrs", "\"\u00e9\ud83d\ude00\" x", null, null, "('Extra data', True, 5, 1, 6)"},
            {"load", "\"\u00e9\ud83d\ude00\" x", null, null, "!json.decoder.JSONDecodeError: Extra data: line 1 column 6 (char 5)"},
            {"loads", "11111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111", new String[] {}, new Object[] {}, "!ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit"},
            {"load", "11111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111", null, null, "!ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit"},
            {"loads", 123L, new String[] {}, new Object[] {}, "!TypeError: the JSON object must be str, bytes or bytearray, not int"},
            {"loads", PNone.NONE, new String[] {}, new Object[] {}, "!TypeError: the JSON object must be str, bytes or bytearray, not NoneType"},
            {"loads", new PBytes(new byte[] {-1}), new String[] {}, new Object[] {}, "!UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"},
            {"loads", new PBytes(new byte[] {34, -61, 34}), new String[] {}, new Object[] {}, "!UnicodeDecodeError: 'utf-8' codec can't decode byte 0xc3 in position 1: invalid continuation byte"},
            {"loads", new PBytes(new byte[] {34, -61}), new String[] {}, new Object[] {}, "!UnicodeDecodeError: 'utf-8' codec can't decode byte 0xc3 in position 1: unexpected end of data"},
            {"loads", new PBytes(new byte[] {34, -30, -126, 34}), new String[] {}, new Object[] {}, "!UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 1-2: invalid continuation byte"},
            {"loads", new PBytes(new byte[] {34, -30, -126, 120, 34}), new String[] {}, new Object[] {}, "!UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 1-2: invalid continuation byte"},
            {"loads", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", new String[] {}, new Object[] {}, "!RecursionError: maximum recursion depth exceeded while decoding a JSON array from a unicode string"},
            {"load", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", null, null, "!RecursionError: maximum recursion depth exceeded while decoding a JSON array from a unicode string"},
            {"loads", "{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":", new String[] {}, new Object[] {}, "!RecursionError: maximum recursion depth exceeded while decoding a JSON object from a unicode string"},
            {"load", "{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":", null, null, "!RecursionError: maximum recursion depth exceeded while decoding a JSON object from a unicode string"},
            {"loads", "[1]", new String[] {"foo"}, new Object[] {1L}, "!TypeError: JSONDecoder.__init__() got an unexpected keyword argument 'foo'"},
    };

    static String error(MpException e) {
        return "!" + Conversions.formatExceptionLine(e.pythonException());
    }

    static String run(Object[] c) {
        String kind = (String) c[0];
        StringBuilder written = new StringBuilder();
        try {
            switch (kind) {
                case "dumps":
                    return (String) call("dumps", new Object[] {c[1]}, (String[]) c[2], (Object[]) c[3]);
                case "dump":
                    call("dump", new Object[] {c[1], file(written, null)}, (String[]) c[2], (Object[]) c[3]);
                    return written.toString();
                case "loads":
                    return Conversions.repr(call("loads", new Object[] {c[1]}, (String[]) c[2], (Object[]) c[3]));
                case "load":
                    return Conversions.repr(call("load", new Object[] {file(written, c[1])}, new String[0], new Object[0]));
                default:
                    try {
                        call("loads", new Object[] {c[1]}, new String[0], new Object[0]);
                        return "no error";
                    } catch (MpException e) {
                        PBaseException p = e.pythonException();
                        boolean sameDoc = c[1].equals(p.dict().get("doc"));
                        return Conversions.repr(PTuple.of(p.dict().get("msg"), sameDoc, p.dict().get("pos"), p.dict().get("lineno"),
                                p.dict().get("colno")));
                    }
            }
        } catch (MpException e) {
            return written + error(e);
        }
    }

    @TestFactory
    List<DynamicTest> cases() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < CASES.length; i++) {
            Object[] c = CASES[i];
            String expected = (String) c[c.length - 1];
            String shown = c[1] instanceof PList || c[1] instanceof PDict ? "<container>" : Conversions.repr(c[1]);
            if (shown.length() > 60) {
                shown = shown.substring(0, 60) + "...";
            }
            tests.add(DynamicTest.dynamicTest(i + ": " + c[0] + " " + shown, () -> assertEquals(expected, run(c))));
        }
        return tests;
    }
}
