package dev.mp.runtime.modules;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;

import dev.mp.runtime.MpException;
import dev.mp.runtime.builtins.BuiltinBuilder;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.PByteArray;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Comparisons;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Exceptions;
import dev.mp.runtime.ops.FloatFormat;
import dev.mp.runtime.ops.Iteration;
import dev.mp.runtime.ops.Sequences;
import dev.mp.runtime.ops.Types;

/**
 * The Java part of the {@code json} module ({@code _json}; the library's json.mp adds the JSONEncoder and
 * JSONDecoder classes): {@code dumps}, {@code dump}, {@code loads}, {@code load}, the scan of
 * {@code JSONDecoder.raw_decode} and {@code JSONDecodeError}, matching CPython 3.11's output and messages.
 * {@code dumps} without indent follows the C encoder's messages; {@code dumps} with indent and {@code dump}
 * follow the pure-Python encoder's.
 */
public final class JsonModule {
    private JsonModule() {
    }

    /** CPython's default sys.get_int_max_str_digits(). */
    private static final int INT_MAX_STR_DIGITS = 4300;
    /** Nesting depth at which CPython (called from a shallow stack) runs out of recursion. */
    private static final int MAX_DEPTH = 994;

    public static void populate(PModule module) {
        PClass decodeError = PClass.create("JSONDecodeError", "JSONDecodeError", "json.decoder",
                new PClass[] {BuiltinClasses.exception("ValueError")});
        module.dict().put("JSONDecodeError", decodeError);

        String encodeParams = "skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None, indent=None, "
                + "separators=None, default=None, sort_keys=False, **kw";
        BuiltinBuilder.moduleFunction(module, "dumps", "obj, *, " + encodeParams, args -> {
            if (args[5] != PNone.NONE) {
                return Calls.callMethod(withOptions(args[5], ENCODER_OPTIONS, args, 1, (PDict) args[10], false), "encode", args[0]);
            }
            // As JSONEncoder.encode: a str is encoded before the other options are looked at.
            if (Types.baseValue(args[0]) instanceof String s && args[5] == PNone.NONE) {
                PDict kw = (PDict) args[10];
                if (kw == null || kw.size() == 0) {
                    return encodeString(s, Conversions.isTrue(args[2]));
                }
            }
            return encoder(args, 1, true).encodeTop(args[0]);
        });
        BuiltinBuilder.moduleFunction(module, "dump", "obj, fp, *, " + encodeParams, args -> {
            Encoder enc = encoder(args, 2, false);
            StringBuilder sb = new StringBuilder();
            try {
                enc.encode(args[0], sb, 0);
            } catch (MpException e) {
                // CPython writes chunk by chunk: what was produced before the error has been written.
                if (!sb.isEmpty()) {
                    Calls.callMethod(args[1], "write", sb.toString());
                }
                throw e;
            }
            Calls.callMethod(args[1], "write", sb.toString());
            return PNone.NONE;
        });

        String decodeParams = "cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None, "
                + "object_pairs_hook=None, **kw";
        BuiltinBuilder.moduleFunction(module, "loads", "s, *, " + decodeParams,
                args -> loads(decodeError, args[0], args, 1));
        BuiltinBuilder.moduleFunction(module, "load", "fp, *, " + decodeParams,
                args -> loads(decodeError, Calls.callMethod(args[0], "read"), args, 1));
        // JSONDecoder.raw_decode's scan: the value at idx and the index after it, without skipping whitespace.
        BuiltinBuilder.moduleFunction(module, "scan", "s, idx, object_hook, parse_float, parse_int, parse_constant, object_pairs_hook, strict, /",
                args -> {
                    Decoder d = decoder(decodeError, new Object[] {PNone.NONE, args[2], args[3], args[4], args[5], args[6], null}, 0);
                    d.strict = Conversions.isTrue(args[7]);
                    String text = (String) Types.baseValue(args[0]);
                    d.doc = text;
                    d.cps = dev.mp.runtime.ops.Sequences.codePoints(text);
                    return d.scan(Conversions.asLong(args[1]));
                });
    }

    // =====================================================================================================
    // Encoding
    // =====================================================================================================

    /** The options dumps passes to its cls (in the order of its parameters after obj, less cls itself). */
    private static final String[] ENCODER_OPTIONS = {"skipkeys", "ensure_ascii", "check_circular", "allow_nan", null, "indent", "separators",
        "default", "sort_keys"};
    /** The options loads passes to its cls when they are not None. */
    private static final String[] DECODER_OPTIONS = {null, "object_hook", "parse_float", "parse_int", "parse_constant", "object_pairs_hook"};

    /**
     * {@code cls(**options)}: the named arguments from {@code args[from]} on (null names skipped, None values
     * too where {@code skipNone}), then the other keywords.
     */
    private static Object withOptions(Object cls, String[] names, Object[] args, int from, PDict kw, boolean skipNone) {
        List<Object> values = new ArrayList<>();
        List<String> kwnames = new ArrayList<>();
        for (int k = 0; k < names.length; k++) {
            if (names[k] != null && !(skipNone && args[from + k] == PNone.NONE)) {
                kwnames.add(names[k]);
                values.add(args[from + k]);
            }
        }
        if (kw != null) {
            for (PDict.Entry e : kw.entries()) {
                kwnames.add((String) e.key);
                values.add(e.value);
            }
        }
        return Calls.call(cls, values.toArray(), kwnames.toArray(new String[0]));
    }

    /** Builds an encoder from bound arguments; {@code i} is the index of skipkeys. */
    private static Encoder encoder(Object[] args, int i, boolean oneShot) {
        Encoder e = new Encoder();
        e.skipkeys = Conversions.isTrue(args[i]);
        e.ensureAscii = Conversions.isTrue(args[i + 1]);
        e.checkCircular = Conversions.isTrue(args[i + 2]);
        e.allowNan = Conversions.isTrue(args[i + 3]);
        Object cls = args[i + 4];
        Object indent = args[i + 5];
        Object separators = args[i + 6];
        Object dflt = args[i + 7];
        e.sortKeys = Conversions.isTrue(args[i + 8]);
        PDict kw = (PDict) args[i + 9];
        if (kw != null && kw.size() > 0) {
            throw Errors.typeError("JSONEncoder.__init__() got an unexpected keyword argument '%s'", kw.entries().iterator().next().key);
        }
        if (indent != PNone.NONE) {
            if (indent instanceof String s) {
                e.indent = s;
            } else if (Types.isInt(indent)) {
                e.indent = (String) Sequences.repeat(" ", indent);
            } else {
                throw Errors.typeError("can't multiply sequence by non-int of type '%s'", Types.typeName(indent));
            }
        }
        if (separators != PNone.NONE) {
            List<Object> seps = Iteration.toList(separators);
            if (seps.size() > 2) {
                throw Errors.valueError("too many values to unpack (expected 2)");
            }
            if (seps.size() < 2) {
                throw Errors.valueError("not enough values to unpack (expected 2, got %d)", seps.size());
            }
            boolean cEncoder = oneShot && e.indent == null;
            if (cEncoder && !(seps.get(1) instanceof String)) {
                throw Errors.typeError("make_encoder() argument 5 must be str, not %s", Types.typeName(seps.get(1)));
            }
            if (cEncoder && !(seps.get(0) instanceof String)) {
                throw Errors.typeError("make_encoder() argument 6 must be str, not %s", Types.typeName(seps.get(0)));
            }
            e.itemSepObj = seps.get(0);
            e.keySepObj = seps.get(1);
        } else {
            e.itemSepObj = e.indent != null ? "," : ", ";
            e.keySepObj = ": ";
        }
        e.defaultFn = dflt == PNone.NONE ? null : dflt;
        e.pythonEncoder = !oneShot || e.indent != null;
        e.markers = e.checkCircular ? new IdentityHashMap<>() : null;
        return e;
    }

    private static final class Encoder {
        boolean skipkeys;
        boolean ensureAscii;
        boolean checkCircular;
        boolean allowNan;
        boolean sortKeys;
        String indent;
        /** The separators as given; the pure-Python encoder fails only when it uses one that is not a str. */
        Object itemSepObj;
        Object keySepObj;
        Object defaultFn;
        /** True when CPython would use the pure-Python encoder (indent given, or dump). */
        boolean pythonEncoder;
        IdentityHashMap<Object, Boolean> markers;
        int depth;

        static String sep(Object sep, String other) {
            if (sep instanceof String s) {
                return s;
            }
            throw Errors.typeError("unsupported operand type(s) for +: '%s' and '%s'", Types.typeName(sep), other == null ? "str" : other);
        }

        String encodeTop(Object o) {
            StringBuilder sb = new StringBuilder();
            encode(o, sb, 0);
            return sb.toString();
        }

        /** The text of a str, None, bool, int or float (or of an instance of a subclass of one, as its value); null for anything else. */
        String primitive(Object value) {
            Object o = Types.baseValue(value);
            if (o instanceof String s) {
                return encodeString(s, ensureAscii);
            }
            if (o == PNone.NONE) {
                return "null";
            }
            if (o instanceof Boolean b) {
                return b ? "true" : "false";
            }
            if (o instanceof Long || o instanceof BigInteger) {
                return intStr(o);
            }
            if (o instanceof Double d) {
                return floatStr(d);
            }
            return null;
        }

        String floatStr(double d) {
            String text;
            if (Double.isNaN(d)) {
                text = "NaN";
            } else if (d == Double.POSITIVE_INFINITY) {
                text = "Infinity";
            } else if (d == Double.NEGATIVE_INFINITY) {
                text = "-Infinity";
            } else {
                return FloatFormat.repr(d);
            }
            if (!allowNan) {
                if (pythonEncoder) {
                    throw Errors.valueError("Out of range float values are not JSON compliant: %s", FloatFormat.repr(d));
                }
                throw Errors.valueError("Out of range float values are not JSON compliant");
            }
            return text;
        }

        void enter() {
            if (++depth > MAX_DEPTH) {
                throw Errors.make("RecursionError", pythonEncoder ? "maximum recursion depth exceeded while calling a Python object"
                        : "maximum recursion depth exceeded while encoding a JSON object");
            }
        }

        void encode(Object o, StringBuilder sb, int level) {
            String p = primitive(o);
            if (p != null) {
                sb.append(p);
            } else if (o instanceof PList || o instanceof PTuple) {
                encodeList(o instanceof PList l ? l.toArray() : ((PTuple) o).items(), o, sb, level);
            } else if (o instanceof PDict d) {
                encodeDict(d, sb, level);
            } else {
                if (markers != null) {
                    if (markers.containsKey(o)) {
                        throw Errors.valueError("Circular reference detected");
                    }
                    markers.put(o, Boolean.TRUE);
                }
                if (defaultFn == null) {
                    throw Errors.typeError("Object of type %s is not JSON serializable", Types.typeName(o));
                }
                Object replacement = Calls.call(defaultFn, o);
                enter();
                encode(replacement, sb, level);
                depth--;
                if (markers != null) {
                    markers.remove(o);
                }
            }
        }

        void checkCircular(Object container) {
            if (markers != null) {
                if (markers.containsKey(container)) {
                    throw Errors.valueError("Circular reference detected");
                }
                markers.put(container, Boolean.TRUE);
            }
        }

        void encodeList(Object[] items, Object container, StringBuilder sb, int level) {
            if (items.length == 0) {
                sb.append("[]");
                return;
            }
            checkCircular(container);
            enter();
            // As CPython's _iterencode_list, the opening bracket is emitted together with the first item, so an
            // error in a float or int item leaves nothing written for it.
            String buf = "[";
            String separator;
            String newlineIndent = null;
            if (indent != null) {
                level++;
                newlineIndent = "\n" + indent.repeat(level);
                separator = sep(itemSepObj, "str") + newlineIndent;
                buf += newlineIndent;
            } else {
                separator = null;
            }
            for (int i = 0; i < items.length; i++) {
                Object value = items[i];
                if (i > 0) {
                    buf = separator != null ? separator : sep(itemSepObj, null);
                }
                String p = primitive(value);
                sb.append(buf);
                if (p != null) {
                    sb.append(p);
                } else {
                    encode(value, sb, level);
                }
            }
            if (newlineIndent != null) {
                level--;
                sb.append('\n').append(indent.repeat(level));
            }
            sb.append(']');
            depth--;
            if (markers != null) {
                markers.remove(container);
            }
        }

        void encodeDict(PDict d, StringBuilder sb, int level) {
            if (d.size() == 0) {
                sb.append("{}");
                return;
            }
            checkCircular(d);
            enter();
            sb.append('{');
            String separator = null;
            String newlineIndent = null;
            if (indent != null) {
                level++;
                newlineIndent = "\n" + indent.repeat(level);
                separator = sep(itemSepObj, "str") + newlineIndent;
                sb.append(newlineIndent);
            }
            List<Object[]> items = new ArrayList<>(d.size());
            for (PDict.Entry e : d.entries()) {
                items.add(new Object[] {e.key, e.value});
            }
            if (sortKeys) {
                sortItems(items);
            }
            boolean first = true;
            for (Object[] item : items) {
                Object key = Types.baseValue(item[0]);
                String k;
                if (key instanceof String s) {
                    k = s;
                } else if (key instanceof Double kd) {
                    k = floatStr(kd);
                } else if (key instanceof Boolean b) {
                    k = b ? "true" : "false";
                } else if (key == PNone.NONE) {
                    k = "null";
                } else if (key instanceof Long || key instanceof BigInteger) {
                    k = intStr(key);
                } else if (skipkeys) {
                    continue;
                } else {
                    throw Errors.typeError("keys must be str, int, float, bool or None, not %s", Types.typeName(key));
                }
                if (first) {
                    first = false;
                } else {
                    sb.append(separator != null ? separator : sep(itemSepObj, null));
                }
                sb.append(encodeString(k, ensureAscii)).append(sep(keySepObj, null));
                encode(item[1], sb, level);
            }
            if (newlineIndent != null) {
                level--;
                sb.append('\n').append(indent.repeat(level));
            }
            sb.append('}');
            depth--;
            if (markers != null) {
                markers.remove(d);
            }
        }
    }

    private static String intStr(Object o) {
        String s = o.toString();
        int digits = s.startsWith("-") ? s.length() - 1 : s.length();
        if (digits > INT_MAX_STR_DIGITS) {
            throw Errors.valueError("Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to "
                    + "increase the limit", INT_MAX_STR_DIGITS);
        }
        return s;
    }

    private static boolean lessThan(Object a, Object b) {
        return Conversions.isTrue(Comparisons.compare(a, b, Comparisons.Op.LT));
    }

    /** {@code (k1, v1) < (k2, v2)} as tuple comparison does it. */
    private static boolean itemLess(Object[] x, Object[] y) {
        if (x[0] != y[0] && !Comparisons.eq(x[0], y[0])) {
            return lessThan(x[0], y[0]);
        }
        return lessThan(x[1], y[1]);
    }

    /**
     * {@code sorted(dct.items())}. For short lists this makes the same comparisons as CPython's list.sort
     * (an initial run, then binary insertion), so a failing comparison of mixed key types names the same
     * types in the same order.
     */
    private static void sortItems(List<Object[]> items) {
        int n = items.size();
        if (n < 2) {
            return;
        }
        if (n >= 64) {
            items.sort((x, y) -> itemLess(x, y) ? -1 : itemLess(y, x) ? 1 : 0);
            return;
        }
        Object[][] a = items.toArray(new Object[0][]);
        int run = 2;
        if (itemLess(a[1], a[0])) {
            while (run < n && itemLess(a[run], a[run - 1])) {
                run++;
            }
            for (int i = 0, j = run - 1; i < j; i++, j--) {
                Object[] t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
        } else {
            while (run < n && !itemLess(a[run], a[run - 1])) {
                run++;
            }
        }
        for (int start = run; start < n; start++) {
            Object[] pivot = a[start];
            int l = 0;
            int r = start;
            do {
                int p = l + ((r - l) >> 1);
                if (itemLess(pivot, a[p])) {
                    r = p;
                } else {
                    l = p + 1;
                }
            } while (l < r);
            System.arraycopy(a, l, a, l + 1, start - l);
            a[l] = pivot;
        }
        items.clear();
        items.addAll(Arrays.asList(a));
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** A JSON string literal; with ensureAscii every non-ASCII UTF-16 unit becomes \\uXXXX. */
    static String encodeString(String s, boolean ensureAscii) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || (ensureAscii && c >= 0x7f)) {
                        sb.append("\\u").append(HEX[(c >> 12) & 15]).append(HEX[(c >> 8) & 15]).append(HEX[(c >> 4) & 15]).append(HEX[c & 15]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    // =====================================================================================================
    // Decoding
    // =====================================================================================================

    private static Object loads(PClass errorClass, Object s, Object[] args, int i) {
        Object cls = args[i];
        Decoder d = cls == PNone.NONE ? decoder(errorClass, args, i) : new Decoder();
        d.errorClass = errorClass;
        String text;
        if (s instanceof String str) {
            text = str;
            if (str.startsWith("\ufeff")) {
                d.doc = str;
                d.cps = dev.mp.runtime.ops.Sequences.codePoints(str);
                throw d.error("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0);
            }
        } else if (s instanceof PBytes || s instanceof PByteArray) {
            byte[] b = s instanceof PBytes pb ? pb.bytes() : ((PByteArray) s).toBytes();
            text = decodeBytes(b);
        } else {
            throw Errors.typeError("the JSON object must be str, bytes or bytearray, not %s", Types.typeName(s));
        }
        if (cls != PNone.NONE) {
            return Calls.callMethod(withOptions(cls, DECODER_OPTIONS, args, i, (PDict) args[i + 6], true), "decode", text);
        }
        d.doc = text;
        d.cps = dev.mp.runtime.ops.Sequences.codePoints(text);
        return d.decode();
    }

    /** A decoder with the options of loads from {@code args[i]} (cls) on. */
    private static Decoder decoder(PClass errorClass, Object[] args, int i) {
        PDict kw = (PDict) args[i + 6];
        Decoder d = new Decoder();
        d.errorClass = errorClass;
        d.objectHook = args[i + 1] == PNone.NONE ? null : args[i + 1];
        d.parseFloat = args[i + 2] == PNone.NONE || args[i + 2] == BuiltinClasses.FLOAT ? null : args[i + 2];
        d.parseInt = args[i + 3] == PNone.NONE || args[i + 3] == BuiltinClasses.INT ? null : args[i + 3];
        d.parseConstant = args[i + 4] == PNone.NONE ? null : args[i + 4];
        d.objectPairsHook = args[i + 5] == PNone.NONE ? null : args[i + 5];
        if (kw != null) {
            for (PDict.Entry e : kw.entries()) {
                if ("strict".equals(e.key)) {
                    d.strict = Conversions.isTrue(e.value);
                } else {
                    throw Errors.typeError("JSONDecoder.__init__() got an unexpected keyword argument '%s'", e.key);
                }
            }
        }
        return d;
    }

    private static final class Decoder {
        PClass errorClass;
        Object objectHook;
        Object objectPairsHook;
        Object parseFloat;
        Object parseInt;
        Object parseConstant;
        boolean strict = true;
        String doc;
        int[] cps;
        int depth;
        /** End index of the last value scanned (CPython's next_idx). */
        int next;

        /** Signals CPython's StopIteration(idx) from scan_once: "Expecting value" at idx. */
        static final class StopScan extends RuntimeException {
            private static final long serialVersionUID = 1L;
            final int idx;

            StopScan(int idx) {
                super(null, null, false, false);
                this.idx = idx;
            }
        }

        MpException error(String msg, int pos) {
            int lineno = 1;
            int lastNewline = -1;
            for (int k = 0; k < pos && k < cps.length; k++) {
                if (cps[k] == '\n') {
                    lineno++;
                    lastNewline = k;
                }
            }
            int colno = pos - lastNewline;
            String full = String.format("%s: line %d column %d (char %d)", msg, lineno, colno, pos);
            PBaseException e = Exceptions.create(errorClass, PTuple.of(full));
            e.dict().put("msg", msg);
            e.dict().put("doc", doc);
            e.dict().put("pos", (long) pos);
            e.dict().put("lineno", (long) lineno);
            e.dict().put("colno", (long) colno);
            return e.javaException();
        }

        int skipWs(int idx) {
            while (idx < cps.length && isWs(cps[idx])) {
                idx++;
            }
            return idx;
        }

        static boolean isWs(int c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\r';
        }

        /** The value at {@code idx} and the index after it, as a tuple; "Expecting value" where there is none. */
        PTuple scan(long idx) {
            if (idx < 0) {
                throw Errors.valueError("idx cannot be negative");
            }
            if (idx >= cps.length) {
                throw error("Expecting value", (int) Math.min(idx, Integer.MAX_VALUE));
            }
            try {
                Object obj = scanOnce((int) idx);
                return PTuple.of(obj, (long) next);
            } catch (StopScan s) {
                throw error("Expecting value", s.idx);
            }
        }

        Object decode() {
            int idx = skipWs(0);
            Object obj;
            try {
                obj = scanOnce(idx);
            } catch (StopScan s) {
                throw error("Expecting value", s.idx);
            }
            int end = skipWs(next);
            if (end != cps.length) {
                throw error("Extra data", end);
            }
            return obj;
        }

        boolean matches(int idx, String word) {
            if (idx + word.length() > cps.length) {
                return false;
            }
            for (int k = 0; k < word.length(); k++) {
                if (cps[idx + k] != word.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        Object constant(String name, double value, int idx) {
            next = idx + name.length();
            return parseConstant == null ? (Object) value : Calls.call(parseConstant, name);
        }

        Object scanOnce(int idx) {
            if (idx >= cps.length) {
                throw new StopScan(idx);
            }
            switch (cps[idx]) {
                case '"':
                    return scanString(idx + 1);
                case '{':
                    enter(" while decoding a JSON object from a unicode string");
                    try {
                        return parseObject(idx + 1);
                    } finally {
                        depth--;
                    }
                case '[':
                    enter(" while decoding a JSON array from a unicode string");
                    try {
                        return parseArray(idx + 1);
                    } finally {
                        depth--;
                    }
                case 'n':
                    if (matches(idx, "null")) {
                        next = idx + 4;
                        return PNone.NONE;
                    }
                    break;
                case 't':
                    if (matches(idx, "true")) {
                        next = idx + 4;
                        return Boolean.TRUE;
                    }
                    break;
                case 'f':
                    if (matches(idx, "false")) {
                        next = idx + 5;
                        return Boolean.FALSE;
                    }
                    break;
                case 'N':
                    if (matches(idx, "NaN")) {
                        return constant("NaN", Double.NaN, idx);
                    }
                    break;
                case 'I':
                    if (matches(idx, "Infinity")) {
                        return constant("Infinity", Double.POSITIVE_INFINITY, idx);
                    }
                    break;
                case '-':
                    if (matches(idx, "-Infinity")) {
                        return constant("-Infinity", Double.NEGATIVE_INFINITY, idx);
                    }
                    break;
                default:
                    break;
            }
            return matchNumber(idx);
        }

        void enter(String what) {
            if (++depth > MAX_DEPTH) {
                throw Errors.make("RecursionError", "maximum recursion depth exceeded" + what);
            }
        }

        static boolean isDigit(int c) {
            return c >= '0' && c <= '9';
        }

        Object matchNumber(int start) {
            int idx = start;
            int endIdx = cps.length - 1;
            if (cps[idx] == '-') {
                idx++;
                if (idx > endIdx) {
                    throw new StopScan(start);
                }
            }
            if (cps[idx] >= '1' && cps[idx] <= '9') {
                idx++;
                while (idx <= endIdx && isDigit(cps[idx])) {
                    idx++;
                }
            } else if (cps[idx] == '0') {
                idx++;
            } else {
                throw new StopScan(start);
            }
            boolean isFloat = false;
            if (idx < endIdx && cps[idx] == '.' && isDigit(cps[idx + 1])) {
                isFloat = true;
                idx += 2;
                while (idx <= endIdx && isDigit(cps[idx])) {
                    idx++;
                }
            }
            if (idx < endIdx && (cps[idx] == 'e' || cps[idx] == 'E')) {
                int eStart = idx;
                idx++;
                if (idx < endIdx && (cps[idx] == '-' || cps[idx] == '+')) {
                    idx++;
                }
                while (idx <= endIdx && isDigit(cps[idx])) {
                    idx++;
                }
                if (isDigit(cps[idx - 1])) {
                    isFloat = true;
                } else {
                    idx = eStart;
                }
            }
            String numstr = new String(cps, start, idx - start);
            next = idx;
            if (isFloat) {
                return parseFloat != null ? Calls.call(parseFloat, numstr) : (Object) Double.parseDouble(numstr);
            }
            if (parseInt != null) {
                return Calls.call(parseInt, numstr);
            }
            int digits = numstr.startsWith("-") ? numstr.length() - 1 : numstr.length();
            if (digits > INT_MAX_STR_DIGITS) {
                throw Errors.valueError("Exceeds the limit (%d digits) for integer string conversion: value has %d digits; "
                        + "use sys.set_int_max_str_digits() to increase the limit", INT_MAX_STR_DIGITS, digits);
            }
            if (digits <= 18) {
                return Long.parseLong(numstr);
            }
            return Conversions.normalize(new BigInteger(numstr));
        }

        static int hexValue(int c) {
            if (c >= '0' && c <= '9') {
                return c - '0';
            }
            if (c >= 'a' && c <= 'f') {
                return c - 'a' + 10;
            }
            if (c >= 'A' && c <= 'F') {
                return c - 'A' + 10;
            }
            return -1;
        }

        /** scanstring: {@code end} is just past the opening quote. */
        String scanString(int end) {
            int begin = end - 1;
            int len = cps.length;
            StringBuilder sb = new StringBuilder();
            while (true) {
                int c = 0;
                int nxt;
                for (nxt = end; nxt < len; nxt++) {
                    c = cps[nxt];
                    if (c == '"' || c == '\\') {
                        break;
                    } else if (c <= 0x1f && strict) {
                        throw error("Invalid control character at", nxt);
                    }
                }
                if (!(c == '"' || c == '\\') || nxt >= len) {
                    throw error("Unterminated string starting at", begin);
                }
                for (int k = end; k < nxt; k++) {
                    sb.appendCodePoint(cps[k]);
                }
                nxt++;
                if (c == '"') {
                    end = nxt;
                    break;
                }
                if (nxt == len) {
                    throw error("Unterminated string starting at", begin);
                }
                c = cps[nxt];
                if (c != 'u') {
                    end = nxt + 1;
                    switch (c) {
                        case '"', '\\', '/' -> {
                        }
                        case 'b' -> c = '\b';
                        case 'f' -> c = '\f';
                        case 'n' -> c = '\n';
                        case 'r' -> c = '\r';
                        case 't' -> c = '\t';
                        default -> throw error("Invalid \\escape", end - 2);
                    }
                } else {
                    c = 0;
                    nxt++;
                    end = nxt + 4;
                    if (end >= len) {
                        throw error("Invalid \\uXXXX escape", nxt - 1);
                    }
                    for (; nxt < end; nxt++) {
                        int h = hexValue(cps[nxt]);
                        if (h < 0) {
                            throw error("Invalid \\uXXXX escape", end - 5);
                        }
                        c = (c << 4) | h;
                    }
                    if (Character.isHighSurrogate((char) c) && end + 6 < len && cps[nxt++] == '\\' && cps[nxt++] == 'u') {
                        int c2 = 0;
                        end += 6;
                        for (; nxt < end; nxt++) {
                            int h = hexValue(cps[nxt]);
                            if (h < 0) {
                                throw error("Invalid \\uXXXX escape", end - 5);
                            }
                            c2 = (c2 << 4) | h;
                        }
                        if (Character.isLowSurrogate((char) c2)) {
                            c = Character.toCodePoint((char) c, (char) c2);
                        } else {
                            end -= 6;
                        }
                    }
                }
                sb.appendCodePoint(c);
            }
            next = end;
            return sb.toString();
        }

        Object parseObject(int idx) {
            int endIdx = cps.length - 1;
            idx = skipWs(idx);
            PDict dict = objectPairsHook == null ? new PDict() : null;
            List<Object> pairs = objectPairsHook != null ? new ArrayList<>() : null;
            if (idx > endIdx || cps[idx] != '}') {
                while (true) {
                    if (idx > endIdx || cps[idx] != '"') {
                        throw error("Expecting property name enclosed in double quotes", idx);
                    }
                    String key = scanString(idx + 1);
                    idx = skipWs(next);
                    if (idx > endIdx || cps[idx] != ':') {
                        throw error("Expecting ':' delimiter", idx);
                    }
                    idx = skipWs(idx + 1);
                    Object val = scanOnce(idx);
                    if (pairs != null) {
                        pairs.add(PTuple.of(key, val));
                    } else {
                        dict.put(key, val);
                    }
                    idx = skipWs(next);
                    if (idx <= endIdx && cps[idx] == '}') {
                        break;
                    }
                    if (idx > endIdx || cps[idx] != ',') {
                        throw error("Expecting ',' delimiter", idx);
                    }
                    idx = skipWs(idx + 1);
                }
            }
            next = idx + 1;
            if (pairs != null) {
                int saved = next;
                Object r = Calls.call(objectPairsHook, new PList(pairs));
                next = saved;
                return r;
            }
            if (objectHook != null) {
                int saved = next;
                Object r = Calls.call(objectHook, dict);
                next = saved;
                return r;
            }
            return dict;
        }

        Object parseArray(int idx) {
            int endIdx = cps.length - 1;
            idx = skipWs(idx);
            PList list = new PList();
            if (idx > endIdx || cps[idx] != ']') {
                while (true) {
                    list.add(scanOnce(idx));
                    idx = skipWs(next);
                    if (idx <= endIdx && cps[idx] == ']') {
                        break;
                    }
                    if (idx > endIdx || cps[idx] != ',') {
                        throw error("Expecting ',' delimiter", idx);
                    }
                    idx = skipWs(idx + 1);
                }
            }
            next = idx + 1;
            return list;
        }
    }

    // =====================================================================================================
    // bytes input: json.detect_encoding and a strict UTF-8 decoder with CPython's messages
    // =====================================================================================================

    /** json.loads of bytes: decoded as json.detect_encoding says, with the 'surrogatepass' handler, as CPython does. */
    private static String decodeBytes(byte[] b) {
        return dev.mp.runtime.builtins.Codecs.decode(b, detectEncoding(b), "surrogatepass");
    }

    private static String detectEncoding(byte[] b) {
        int n = b.length;
        if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF) || startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
            return "utf-32";
        }
        if (startsWith(b, 0xFE, 0xFF) || startsWith(b, 0xFF, 0xFE)) {
            return "utf-16";
        }
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return "utf-8-sig";
        }
        if (n >= 4) {
            if (b[0] == 0) {
                return b[1] != 0 ? "utf-16-be" : "utf-32-be";
            }
            if (b[1] == 0) {
                return b[2] != 0 || b[3] != 0 ? "utf-16-le" : "utf-32-le";
            }
        } else if (n == 2) {
            if (b[0] == 0) {
                return "utf-16-be";
            }
            if (b[1] == 0) {
                return "utf-16-le";
            }
        }
        return "utf-8";
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
