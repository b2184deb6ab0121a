package dev.mp.runtime.builtins;

import static dev.mp.runtime.builtins.BuiltinBuilder.constructor;
import static dev.mp.runtime.builtins.BuiltinBuilder.method;

import java.math.BigInteger;

import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBoxed;
import dev.mp.runtime.objects.PByteArray;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PComplex;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.ComplexNumbers;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.FloatFormat;
import dev.mp.runtime.ops.StringRepr;
import dev.mp.runtime.ops.Types;

/** int, bool, float and complex: constructors and methods. */
final class NumberTypes {
    private NumberTypes() {
    }

    static void install() {
        PClass i = BuiltinClasses.INT;
        constructor(i, "cls, x=0, /, base=?", a -> PBoxed.of((PClass) a[0], toInt(a[1], a[2])));
        method(i, "bit_length", "self", a -> (long) Conversions.asBig(a[0]).abs().bitLength());
        method(i, "__index__", "self", a -> Conversions.index(a[0]));
        method(i, "__int__", "self", a -> Conversions.index(a[0]));
        method(i, "__float__", "self", a -> Conversions.asDouble(a[0]));
        method(i, "__repr__", "self", a -> Conversions.repr(a[0]));
        method(i, "__format__", "self, spec", a -> dev.mp.runtime.ops.StringFormatting.format(a[0], Errors.requireStr(a[1], "__format__() argument")));
        method(i, "to_bytes", "self, length=1, byteorder='big', *, signed=False", a -> toBytes(a));
        BuiltinBuilder.classMethod(i, "from_bytes", "cls, bytes, byteorder='big', *, signed=False", a -> {
            byte[] b = dev.mp.runtime.ops.Sequences.bytesOf(a[1]).clone();
            if ("little".equals(a[2])) {
                for (int k = 0; k < b.length / 2; k++) {
                    byte t = b[k];
                    b[k] = b[b.length - 1 - k];
                    b[b.length - 1 - k] = t;
                }
            }
            BigInteger v = b.length == 0 ? BigInteger.ZERO : Conversions.isTrue(a[3]) ? new BigInteger(b) : new BigInteger(1, b);
            return Conversions.normalize(v);
        });
        BuiltinBuilder.attribute(i, "real", o -> Conversions.index(o));
        BuiltinBuilder.attribute(i, "imag", o -> 0L);
        method(i, "conjugate", "self", a -> Conversions.index(a[0]));
        BuiltinBuilder.attribute(i, "numerator", o -> Conversions.index(o));
        BuiltinBuilder.attribute(i, "denominator", o -> 1L);
        method(i, "as_integer_ratio", "self", a -> PTuple.of(Conversions.index(a[0]), 1L));
        method(i, "bit_count", "self", a -> (long) Conversions.asBig(a[0]).abs().bitCount());

        PClass b = BuiltinClasses.BOOL;
        constructor(b, "cls, x=False, /", a -> Conversions.isTrue(a[1]));
        method(b, "__repr__", "self", a -> Conversions.repr(a[0]));

        PClass f = BuiltinClasses.FLOAT;
        constructor(f, "cls, x=0.0, /", a -> PBoxed.of((PClass) a[0], toFloat(a[1])));
        method(f, "is_integer", "self", a -> {
            double d = (Double) a[0];
            return !Double.isInfinite(d) && d == Math.rint(d);
        });
        method(f, "__repr__", "self", a -> FloatFormat.repr((Double) a[0]));
        method(f, "__format__", "self, spec", a -> dev.mp.runtime.ops.StringFormatting.format(a[0], Errors.requireStr(a[1], "__format__() argument")));
        method(f, "__float__", "self", a -> a[0]);
        method(f, "__int__", "self", a -> truncate((Double) a[0]));
        method(f, "hex", "self", a -> floatHex((Double) a[0]));
        BuiltinBuilder.classMethod(f, "fromhex", "cls, string, /", a -> floatFromHex(a[1]));
        method(f, "conjugate", "self", a -> a[0]);
        method(f, "as_integer_ratio", "self", a -> {
            double value = (Double) a[0];
            if (Double.isInfinite(value)) {
                throw Errors.overflowError("cannot convert Infinity to integer ratio");
            }
            if (Double.isNaN(value)) {
                throw Errors.valueError("cannot convert NaN to integer ratio");
            }
            java.math.BigDecimal d = new java.math.BigDecimal(value);
            BigInteger num = d.unscaledValue();
            BigInteger den = BigInteger.TEN.pow(Math.max(0, d.scale()));
            if (d.scale() < 0) {
                num = num.multiply(BigInteger.TEN.pow(-d.scale()));
            }
            BigInteger g = num.gcd(den);
            return PTuple.of(Conversions.normalize(num.divide(g)), Conversions.normalize(den.divide(g)));
        });
        BuiltinBuilder.attribute(f, "real", o -> o);
        BuiltinBuilder.attribute(f, "imag", o -> 0.0);

        PClass c = BuiltinClasses.COMPLEX;
        constructor(c, "cls, real=?, imag=?", a -> {
            PComplex z = a[1] == null ? new PComplex(0.0, 0.0) : ComplexNumbers.construct(a[1], a[2]);
            return a[0] == c ? z : new PComplex((PClass) a[0], z.real, z.imag);
        });
        BuiltinBuilder.attribute(c, "real", o -> ((PComplex) o).real);
        BuiltinBuilder.attribute(c, "imag", o -> ((PComplex) o).imag);
        method(c, "conjugate", "self", a -> new PComplex(((PComplex) a[0]).real, -((PComplex) a[0]).imag));
        method(c, "__complex__", "self", a -> a[0]);
        method(c, "__repr__", "self", a -> ComplexNumbers.repr((PComplex) a[0]));
        method(c, "__getnewargs__", "self", a -> PTuple.of(((PComplex) a[0]).real, ((PComplex) a[0]).imag));
        method(c, "__format__", "self, spec", a -> dev.mp.runtime.ops.StringFormatting.format(a[0], Errors.requireStr(a[1], "__format__() argument")));
    }

    /** float.hex(): "0x1.<13 hex digits>p<signed exponent>", "0x0.<digits>p-1022" for subnormals, as CPython. */
    private static String floatHex(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        String sign = (Double.doubleToRawLongBits(d) < 0) ? "-" : "";
        if (d == 0) {
            return sign + "0x0.0p+0";
        }
        long bits = Double.doubleToRawLongBits(d);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        int exponent = (int) ((bits >>> 52) & 0x7FF);
        boolean subnormal = exponent == 0;
        int e = subnormal ? -1022 : exponent - 1023;
        return String.format("%s0x%d.%013xp%s%d", sign, subnormal ? 0 : 1, mantissa, e < 0 ? "-" : "+", Math.abs(e));
    }

    /** float.fromhex(): [sign] (inf | nan | [0x] hexdigits [. hexdigits] [p exponent]), with surrounding whitespace. */
    private static double floatFromHex(Object arg) {
        if (!(arg instanceof String text)) {
            throw Errors.typeError("must be str, not %s", Types.typeName(arg));
        }
        String s = text.strip();
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        String unsigned = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        boolean negative = lower.startsWith("-");
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:0x)?([0-9a-f]*)(?:\\.([0-9a-f]*))?(?:p([+-]?[0-9]+))?").matcher(unsigned);
        if (!m.matches() || (m.group(1).isEmpty() && (m.group(2) == null || m.group(2).isEmpty()))) {
            throw Errors.valueError("invalid hexadecimal floating-point string");
        }
        String javaForm = "0x" + (m.group(1).isEmpty() ? "0" : m.group(1)) + "." + (m.group(2) == null ? "" : m.group(2)) + "p"
                + (m.group(3) == null ? "0" : m.group(3));
        double value;
        try {
            value = Double.parseDouble(javaForm);
        } catch (NumberFormatException e) {
            throw Errors.valueError("invalid hexadecimal floating-point string");
        }
        if (Double.isInfinite(value)) {
            throw Errors.overflowError("hexadecimal value too large to represent as a float");
        }
        return negative ? -value : value;
    }

    static Object truncate(double d) {
        if (Double.isNaN(d)) {
            throw Errors.valueError("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(d)) {
            throw Errors.overflowError("cannot convert float infinity to integer");
        }
        if (Math.abs(d) < 9.2e18) {
            return (long) d;
        }
        return Conversions.normalize(new java.math.BigDecimal(d).toBigInteger());
    }

    static Object toInt(Object x, Object base) {
        if (base == null) {
            if (x instanceof Long || x instanceof BigInteger) {
                return x;
            }
            if (x instanceof Boolean v) {
                return v ? 1L : 0L;
            }
            if (x instanceof Double d) {
                return truncate(d);
            }
            if (x instanceof String s) {
                return parseInt(s, 10, x);
            }
            if (x instanceof PBytes || x instanceof PByteArray) {
                byte[] bytes = dev.mp.runtime.ops.Sequences.bytesOf(x);
                // CPython's message shows a bytearray's text as bytes.
                return parseInt(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1), 10, x instanceof PBytes ? x : new PBytes(bytes));
            }
            if (x instanceof dev.mp.runtime.objects.PMemoryView view) {
                // As CPython: the view's bytes, which the error message shows.
                byte[] bytes = view.toBytes();
                return parseInt(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1), 10, new PBytes(bytes));
            }
            for (String m : new String[] {"__int__", "__index__", "__trunc__"}) {
                Object fn = Types.override(x, m);
                if (fn != null && fn != PNone.NONE) {
                    Object r = Calls.callDescriptor(fn, x);
                    Object value = Types.baseValue(r);
                    if (value instanceof Boolean b) {
                        return b ? 1L : 0L; // an int subclass's instance: its exact int (CPython warns)
                    }
                    if (Types.isInt(value)) {
                        return value;
                    }
                    if (m.equals("__trunc__")) {
                        // As CPython: what __trunc__ returns goes through __index__.
                        if (Types.override(r, "__index__") == null) {
                            throw Errors.typeError("__trunc__ returned non-Integral (type %s)", Types.typeName(r));
                        }
                        return Conversions.index(r);
                    }
                    throw Errors.typeError("%s returned non-int (type %s)", m, Types.typeName(r));
                }
            }
            if (x instanceof PBoxed b) {
                return toInt(b.value(), null);
            }
            throw Errors.typeError("int() argument must be a string, a bytes-like object or a real number, not '%s'", Types.typeName(x));
        }
        long radix = Conversions.asLong(base);
        if (radix != 0 && (radix < 2 || radix > 36)) {
            throw Errors.valueError("int() base must be >= 2 and <= 36, or 0"); // checked before the value, as CPython
        }
        String s;
        if (Types.baseValue(x) instanceof String text) {
            s = text;
        } else if (x instanceof PBytes || x instanceof PByteArray) {
            s = new String(dev.mp.runtime.ops.Sequences.bytesOf(x), java.nio.charset.StandardCharsets.ISO_8859_1);
        } else {
            throw Errors.typeError("int() can't convert non-string with explicit base");
        }
        return parseInt(s, (int) radix, x);
    }

    static Object parseInt(String text, int radix, Object original) {
        if (radix == 10 || radix == 0) {
            long simple = simpleDecimal(text, radix == 0);
            if (simple != NOT_SIMPLE) {
                return simple;
            }
        }
        String s = text.strip();
        boolean negative = false;
        String body = s;
        if (body.startsWith("+") || body.startsWith("-")) {
            negative = body.startsWith("-");
            body = body.substring(1);
        }
        String lower = body.toLowerCase();
        int r = radix;
        if ((r == 16 || r == 0) && lower.startsWith("0x")) {
            r = 16;
            body = body.substring(2);
        } else if ((r == 8 || r == 0) && lower.startsWith("0o")) {
            r = 8;
            body = body.substring(2);
        } else if ((r == 2 || r == 0) && lower.startsWith("0b")) {
            r = 2;
            body = body.substring(2);
        } else if (r == 0) {
            r = 10;
            if (body.length() > 1 && body.startsWith("0") && !body.replace("_", "").chars().allMatch(c -> c == '0')) {
                throw invalidLiteral(radix, original);
            }
        }
        if (body.isEmpty() || body.startsWith("_") || body.endsWith("_") || body.contains("__") || body.startsWith("-") || body.startsWith("+")) {
            throw invalidLiteral(radix, original);
        }
        dev.mp.runtime.ops.IntDigits.checkParse(body, r);
        try {
            BigInteger v = new BigInteger(body.replace("_", ""), r);
            return Conversions.normalize(negative ? v.negate() : v);
        } catch (NumberFormatException e) {
            throw invalidLiteral(radix, original);
        }
    }

    private static final long NOT_SIMPLE = Long.MIN_VALUE;

    /**
     * The value of an optional sign and 1 to 18 ASCII digits, the common text of {@code int()}, read without the
     * general parser's copies and big-int arithmetic; {@link #NOT_SIMPLE} for any other text (spaces, underscores,
     * other digits, prefixes, and for base 0 a leading zero), which the general parser reads or rejects.
     */
    private static long simpleDecimal(String text, boolean base0) {
        int n = text.length();
        int start = n > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        int digits = n - start;
        if (digits < 1 || digits > 18 || (base0 && digits > 1 && text.charAt(start) == '0')) {
            return NOT_SIMPLE;
        }
        long v = 0;
        for (int i = start; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return NOT_SIMPLE;
            }
            v = v * 10 + (c - '0');
        }
        return text.charAt(0) == '-' ? -v : v;
    }

    private static RuntimeException invalidLiteral(int radix, Object original) {
        return Errors.valueError("invalid literal for int() with base %d: %s", radix, original instanceof String s ? StringRepr.repr(s)
                : Conversions.repr(original));
    }

    static double toFloat(Object x) {
        if (x instanceof Double d) {
            return d;
        }
        if (Types.isInt(x)) {
            return Conversions.asDouble(x);
        }
        if (x instanceof String s) {
            return parseFloat(s, s);
        }
        if (x instanceof PBytes || x instanceof PByteArray) {
            return parseFloat(new String(dev.mp.runtime.ops.Sequences.bytesOf(x), java.nio.charset.StandardCharsets.ISO_8859_1), x);
        }
        if (Types.override(x, "__float__") != null || Types.override(x, "__index__") != null) {
            return Conversions.asDouble(Types.override(x, "__float__") != null ? x : Conversions.index(x));
        }
        if (x instanceof PBoxed b) {
            return toFloat(b.value());
        }
        throw Errors.typeError("float() argument must be a string or a real number, not '%s'", Types.typeName(x));
    }

    private static double parseFloat(String s, Object original) {
        if (isPlainDecimal(s)) {
            try {
                return Double.parseDouble(s); // the common text, without the copies below
            } catch (NumberFormatException e) {
                // reported below, as for any other text
            }
        }
        String t = withoutUnderscores(asciiDigits(s).strip());
        t = t == null ? "" : t.toLowerCase(java.util.Locale.ROOT);
        switch (t) {
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            case "nan", "+nan", "-nan":
                return Double.NaN;
            default:
                break;
        }
        try {
            if (t.isEmpty() || t.endsWith("d") || t.endsWith("f") || t.startsWith("0x")) {
                throw new NumberFormatException();
            }
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw Errors.valueError("could not convert string to float: %s", original instanceof String ? StringRepr.repr(s) : Conversions.repr(original));
        }
    }

    /** Whether {@code s} is made of ASCII digits, points, exponents and signs only (Java reads those as Python does). */
    private static boolean isPlainDecimal(String s) {
        int n = s.length();
        if (n == 0 || n > 64) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != 'e' && c != 'E' && c != '-' && c != '+') {
                return false;
            }
        }
        return true;
    }

    /** {@code s} with Unicode decimal digits as ASCII ones, as CPython reads numbers. */
    private static String asciiDigits(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 127 && Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER) {
                if (sb == null) {
                    sb = new StringBuilder(s.substring(0, i));
                }
                sb.append((char) ('0' + Character.digit(c, 10)));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** {@code s} without its underscores, each of which must stand between two digits; null when one does not. */
    private static String withoutUnderscores(String s) {
        if (s.indexOf('_') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '_') {
                sb.append(c);
            } else if (i == 0 || i == s.length() - 1 || !isAsciiDigit(s.charAt(i - 1)) || !isAsciiDigit(s.charAt(i + 1))) {
                return null;
            }
        }
        return sb.toString();
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Object toBytes(Object[] a) {
        BigInteger v = Conversions.asBig(a[0]);
        long requested = Conversions.asLong(a[1]);
        if (requested < 0) {
            throw Errors.valueError("length argument must be non-negative");
        }
        int length = dev.mp.runtime.ops.Sizes.length(requested);
        boolean signed = Conversions.isTrue(a[3]);
        if (!signed && v.signum() < 0) {
            throw Errors.overflowError("can't convert negative int to unsigned");
        }
        byte[] raw = v.toByteArray();
        byte[] out = new byte[length];
        byte fill = (byte) (v.signum() < 0 ? 0xff : 0);
        java.util.Arrays.fill(out, fill);
        int start = raw.length > length ? raw.length - length : 0;
        if (raw.length - start > length || (start > 0 && !(raw[0] == 0 && start == 1 && !signed))) {
            if (!(raw.length == length + 1 && raw[0] == 0 && !signed)) {
                throw Errors.overflowError("int too big to convert");
            }
        }
        System.arraycopy(raw, start, out, length - (raw.length - start), raw.length - start);
        if ("little".equals(a[2])) {
            for (int k = 0; k < out.length / 2; k++) {
                byte t = out[k];
                out[k] = out[out.length - 1 - k];
                out[out.length - 1 - k] = t;
            }
        }
        return new PBytes(out);
    }

}
