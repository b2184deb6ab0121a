package dev.mp.runtime.ops;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.MpException;
import dev.mp.runtime.objects.PBoxed;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PTuple;

/**
 * printf-style {@code %} formatting, {@code str.format} and the format-spec mini-language, following
 * CPython 3.11's rules and error messages. Float conversions round the exact binary value half-even, as a
 * correctly rounded C printf does.
 */
public final class StringFormatting {
    private StringFormatting() {
    }

    // =====================================================================================================
    // Float to text (PyOS_double_to_string)
    // =====================================================================================================

    /**
     * Formats a float as {@code PyOS_double_to_string} does.
     *
     * @param type     one of e E f F g G r ('r' = repr)
     * @param prec     precision (ignored for 'r')
     * @param alt      the '#' flag
     * @param addDot0  add ".0" to integral results in fixed notation (the empty presentation type)
     * @param noNeg0   the 'z' flag: a negative value that rounds to zero loses its sign
     * @return the text, with a leading '-' for negative values
     */
    static String doubleToString(double d, char type, int prec, boolean alt, boolean addDot0, boolean noNeg0) {
        boolean upper = Character.isUpperCase(type);
        char t = Character.toLowerCase(type);
        String body;
        boolean negative = !Double.isNaN(d) && (d < 0 || (d == 0 && 1 / d < 0));
        double a = Math.abs(d);
        if (Double.isNaN(d)) {
            body = "nan";
        } else if (Double.isInfinite(d)) {
            body = "inf";
        } else {
            switch (t) {
                case 'e' -> body = formatE(a, prec, alt);
                case 'f' -> body = formatF(a, prec, alt);
                case 'g' -> body = formatG(a, prec, alt, addDot0);
                default -> body = FloatFormat.repr(a);
            }
            if (negative && noNeg0 && isAllZero(body)) {
                negative = false;
            }
        }
        if (upper) {
            body = body.toUpperCase(java.util.Locale.ROOT);
        }
        return negative ? "-" + body : body;
    }

    private static boolean isAllZero(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'e' || c == 'E') {
                break;
            }
            if (c >= '1' && c <= '9') {
                return false;
            }
        }
        return true;
    }

    private static String formatF(double a, int prec, boolean alt) {
        String s = prec <= MAX_SCALED_PRECISION ? formatFScaled(a, prec) : null;
        if (s == null) {
            s = new BigDecimal(a).setScale(prec, RoundingMode.HALF_EVEN).toPlainString();
        }
        return alt && prec == 0 ? s + "." : s;
    }

    /** Powers of ten that are exact doubles, for {@link #formatFScaled}. */
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    private static final int MAX_SCALED_PRECISION = POWERS_OF_TEN.length - 1;

    /**
     * {@code a >= 0} rounded to {@code prec} decimals without big decimals, or null when that cannot be decided
     * here. The product {@code a * 10^prec} is within half an ulp of the exact one; below 2^52 its distance from a
     * half is then the exact product's to within that ulp, so when it is farther than two ulps from a half, it rounds
     * to the integer the exact value rounds to (the rounding CPython applies to the exact binary value).
     */
    private static String formatFScaled(double a, int prec) {
        double scaled = a * POWERS_OF_TEN[prec];
        if (!(scaled < 0x1p52)) {
            return null;
        }
        double floor = Math.floor(scaled);
        double fraction = scaled - floor;
        if (Math.abs(fraction - 0.5) <= 2 * Math.ulp(scaled)) {
            return null;
        }
        long digits = (long) floor + (fraction > 0.5 ? 1 : 0);
        if (prec == 0) {
            return Long.toString(digits);
        }
        String text = Long.toString(digits);
        if (text.length() <= prec) {
            text = "0".repeat(prec + 1 - text.length()) + text;
        }
        int point = text.length() - prec;
        return text.substring(0, point) + "." + text.substring(point);
    }

    /** Rounds {@code a > 0} to {@code digits} significant digits; returns {digit string padded to digits, exponent}. */
    private static Object[] roundSignificant(double a, int digits) {
        if (a == 0) {
            return new Object[] {"0".repeat(digits), 0};
        }
        BigDecimal bd = new BigDecimal(a).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        String u = bd.unscaledValue().toString();
        int exp = u.length() - 1 - bd.scale();
        if (u.length() < digits) {
            u = u + "0".repeat(digits - u.length());
        } else if (u.length() > digits) {
            u = u.substring(0, digits);
        }
        return new Object[] {u, exp};
    }

    private static String formatE(double a, int prec, boolean alt) {
        Object[] r = roundSignificant(a, prec + 1);
        String digits = (String) r[0];
        int exp = (Integer) r[1];
        StringBuilder sb = new StringBuilder();
        sb.append(digits.charAt(0));
        if (prec > 0 || alt) {
            sb.append('.');
        }
        sb.append(digits, 1, digits.length());
        appendExponent(sb, exp);
        return sb.toString();
    }

    private static void appendExponent(StringBuilder sb, int exp) {
        sb.append('e').append(exp < 0 ? '-' : '+');
        int ax = Math.abs(exp);
        if (ax < 10) {
            sb.append('0');
        }
        sb.append(ax);
    }

    private static String formatG(double a, int prec, boolean alt, boolean addDot0) {
        int p = prec == 0 ? 1 : prec;
        int exp = (Integer) roundSignificant(a, p)[1];
        int decpt = exp + 1;
        String s;
        if (decpt <= -4 || decpt > (addDot0 ? p - 1 : p)) {
            s = formatE(a, p - 1, alt);
            if (!alt) {
                int e = s.indexOf('e');
                s = stripZeros(s.substring(0, e)) + s.substring(e);
            }
        } else {
            s = formatF(a, p - 1 - exp, alt);
            if (!alt) {
                s = stripZeros(s);
            }
            if (addDot0 && s.indexOf('.') < 0) {
                s = s + ".0";
            }
        }
        return s;
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    // =====================================================================================================
    // The format-spec mini-language (format(value, spec))
    // =====================================================================================================

    private static final class Spec {
        int fill = ' ';
        char align;
        char sign;
        boolean noNeg0;
        boolean alt;
        int width = -1;
        char grouping;
        boolean groupFour;
        int precision = -1;
        int type;
    }

    private static boolean isAlign(int c) {
        return c == '<' || c == '>' || c == '=' || c == '^';
    }

    /** Reads decimal digits from {@code cps[pos[0]..]}; returns the count consumed, stores the value in out[0]. */
    private static int readInt(int[] cps, int[] pos, long[] out) {
        long acc = 0;
        int n = 0;
        while (pos[0] < cps.length) {
            int dv = Character.digit(cps[pos[0]], 10);
            if (dv < 0 || !Character.isDigit(cps[pos[0]])) {
                break;
            }
            if (acc > (Long.MAX_VALUE - dv) / 10) {
                throw Errors.valueError("Too many decimal digits in format string");
            }
            acc = acc * 10 + dv;
            pos[0]++;
            n++;
        }
        out[0] = acc;
        return n;
    }

    private static int toIntWidth(long v) {
        if (v > Integer.MAX_VALUE - 16) {
            throw Errors.valueError("Too many decimal digits in format string");
        }
        return (int) v;
    }

    private static Spec parseSpec(String specText, Object value, char defaultAlign, int defaultType) {
        int[] cps = Sequences.codePoints(specText);
        Spec s = new Spec();
        s.align = defaultAlign;
        s.type = defaultType;
        boolean fillSpecified = false;
        boolean alignSpecified = false;
        int[] pos = {0};
        int end = cps.length;
        if (end - pos[0] >= 2 && isAlign(cps[1])) {
            s.align = (char) cps[1];
            s.fill = cps[0];
            fillSpecified = true;
            alignSpecified = true;
            pos[0] = 2;
        } else if (end >= 1 && isAlign(cps[0])) {
            s.align = (char) cps[0];
            alignSpecified = true;
            pos[0] = 1;
        }
        if (pos[0] < end && (cps[pos[0]] == '+' || cps[pos[0]] == '-' || cps[pos[0]] == ' ')) {
            s.sign = (char) cps[pos[0]++];
        }
        if (pos[0] < end && cps[pos[0]] == 'z') {
            s.noNeg0 = true;
            pos[0]++;
        }
        if (pos[0] < end && cps[pos[0]] == '#') {
            s.alt = true;
            pos[0]++;
        }
        if (!fillSpecified && pos[0] < end && cps[pos[0]] == '0') {
            s.fill = '0';
            if (!alignSpecified && defaultAlign == '>') {
                s.align = '=';
            }
            pos[0]++;
        }
        long[] out = new long[1];
        if (readInt(cps, pos, out) > 0) {
            s.width = toIntWidth(out[0]);
        }
        if (pos[0] < end && cps[pos[0]] == ',') {
            s.grouping = ',';
            pos[0]++;
        }
        if (pos[0] < end && cps[pos[0]] == '_') {
            if (s.grouping != 0) {
                throw Errors.valueError("Cannot specify both ',' and '_'.");
            }
            s.grouping = '_';
            pos[0]++;
        }
        if (pos[0] < end && cps[pos[0]] == ',' && s.grouping == '_') {
            throw Errors.valueError("Cannot specify both ',' and '_'.");
        }
        if (pos[0] < end && cps[pos[0]] == '.') {
            pos[0]++;
            if (readInt(cps, pos, out) == 0) {
                throw Errors.valueError("Format specifier missing precision");
            }
            s.precision = toIntWidth(out[0]);
        }
        if (end - pos[0] > 1) {
            throw Errors.valueError("Invalid format specifier '%s' for object of type '%s'", specText, Types.typeName(value));
        }
        if (end - pos[0] == 1) {
            s.type = cps[pos[0]];
        }
        if (s.grouping != 0) {
            switch (s.type) {
                case 'd', 'e', 'f', 'g', 'E', 'G', '%', 'F', 0 -> {
                }
                case 'b', 'o', 'x', 'X' -> {
                    if (s.grouping == '_') {
                        s.groupFour = true;
                    } else {
                        throw invalidSeparator(s);
                    }
                }
                default -> throw invalidSeparator(s);
            }
        }
        return s;
    }

    private static MpException invalidSeparator(Spec s) {
        if (s.type > 32 && s.type < 128) {
            return Errors.valueError("Cannot specify '%c' with '%c'.", s.grouping, (char) s.type);
        }
        return Errors.valueError("Cannot specify '%c' with '\\x%x'.", s.grouping, s.type);
    }

    private static MpException unknownCode(int type, Object value) {
        if (type > 32 && type < 128) {
            return Errors.valueError("Unknown format code '%c' for object of type '%s'", (char) type, Types.typeName(value));
        }
        return Errors.valueError("Unknown format code '\\x%x' for object of type '%s'", type, Types.typeName(value));
    }

    /** The builtin {@code format(value, spec)}. */
    @TruffleBoundary
    public static String format(Object value, String spec) {
        if (value instanceof String str) {
            return spec.isEmpty() ? str : formatStr(str, spec);
        }
        if (value instanceof Boolean b) {
            return spec.isEmpty() ? (b ? "True" : "False") : formatInt(value, spec);
        }
        if (value instanceof Long || value instanceof BigInteger) {
            return spec.isEmpty() ? (value instanceof BigInteger b ? IntDigits.toDecimal(b) : value.toString()) : formatInt(value, spec);
        }
        if (value instanceof Double d) {
            return spec.isEmpty() ? FloatFormat.repr(d) : formatFloat(value, d, spec);
        }
        if (value instanceof dev.mp.runtime.objects.PComplex c) {
            return spec.isEmpty() ? ComplexNumbers.repr(c) : formatComplex(c, spec);
        }
        if (Types.hasOverrides(value)) {
            Object method = Types.override(value, "__format__");
            if (method != null && method != PNone.NONE) {
                Object r = Calls.callDescriptor(method, value, spec);
                if (r instanceof String s) {
                    return s;
                }
                throw Errors.typeError("__format__ must return a str, not %s", Types.typeName(r));
            }
        }
        if (spec.isEmpty()) {
            return Conversions.str(value);
        }
        if (value instanceof PBoxed b) {
            return format(b.value(), spec);
        }
        throw Errors.typeError("unsupported format string passed to %s.__format__", Types.typeName(value));
    }

    private static String formatStr(String value, String specText) {
        Spec s = parseSpec(specText, value, '<', 's');
        if (s.type != 's' && s.type != 0) {
            throw unknownCode(s.type, value);
        }
        if (s.sign != 0) {
            throw Errors.valueError(s.sign == ' ' ? "Space not allowed in string format specifier" : "Sign not allowed in string format specifier");
        }
        if (s.noNeg0) {
            throw Errors.valueError("Negative zero coercion (z) not allowed in string format specifier");
        }
        if (s.alt) {
            throw Errors.valueError("Alternate form (#) not allowed in string format specifier");
        }
        if (s.align == '=') {
            throw Errors.valueError("'=' alignment not allowed in string format specifier");
        }
        String v = value;
        int len = v.codePointCount(0, v.length());
        if (s.precision >= 0 && len > s.precision) {
            v = v.substring(0, v.offsetByCodePoints(0, s.precision));
            len = s.precision;
        }
        return pad(v, len, s.width, s.align, s.fill);
    }

    private static String pad(String v, int len, int width, char align, int fill) {
        if (width <= len) {
            return v;
        }
        int n = width - len;
        int left = switch (align) {
            case '>' -> n;
            case '^' -> n / 2;
            default -> 0;
        };
        StringBuilder sb = new StringBuilder();
        repeat(sb, fill, left);
        sb.append(v);
        repeat(sb, fill, n - left);
        return sb.toString();
    }

    private static void repeat(StringBuilder sb, int cp, int n) {
        for (int i = 0; i < n; i++) {
            sb.appendCodePoint(cp);
        }
    }

    private static String formatInt(Object value, String specText) {
        Spec s = parseSpec(specText, value, '>', 'd');
        switch (s.type) {
            case 'b', 'c', 'd', 'o', 'x', 'X', 'n' -> {
            }
            case 'e', 'E', 'f', 'F', 'g', 'G', '%' -> {
                return formatFloatSpec(value, Conversions.asDouble(value), s);
            }
            default -> throw unknownCode(s.type, value);
        }
        if (s.precision != -1) {
            throw Errors.valueError("Precision not allowed in integer format specifier");
        }
        if (s.noNeg0) {
            throw Errors.valueError("Negative zero coercion (z) not allowed in integer format specifier");
        }
        BigInteger big = Conversions.asBig(value);
        if (s.type == 'c') {
            if (s.sign != 0) {
                throw Errors.valueError("Sign not allowed with integer format specifier 'c'");
            }
            if (s.alt) {
                throw Errors.valueError("Alternate form (#) not allowed with integer format specifier 'c'");
            }
            if (big.bitLength() > 63) {
                throw Errors.overflowError("Python int too large to convert to C long");
            }
            long x = big.longValue();
            if (x < 0 || x > 0x10ffff) {
                throw Errors.overflowError("%c arg not in range(0x110000)");
            }
            return number(s, false, "", new String(Character.toChars((int) x)), "");
        }
        int base = switch (s.type) {
            case 'b' -> 2;
            case 'o' -> 8;
            case 'x', 'X' -> 16;
            default -> 10;
        };
        String digits = base == 10 ? IntDigits.toDecimal(big.abs()) : big.abs().toString(base);
        String prefix = "";
        if (s.alt && base != 10) {
            prefix = base == 2 ? "0b" : base == 8 ? "0o" : "0x";
        }
        if (s.type == 'X') {
            digits = digits.toUpperCase(java.util.Locale.ROOT);
            prefix = prefix.toUpperCase(java.util.Locale.ROOT);
        }
        return number(s, big.signum() < 0, prefix, digits, "");
    }

    private static String formatFloat(Object value, double d, String specText) {
        Spec s = parseSpec(specText, value, '>', 0);
        return formatFloatSpec(value, d, s);
    }

    private static String formatFloatSpec(Object value, double d, Spec s) {
        int type = s.type;
        switch (type) {
            case 0, 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%' -> {
            }
            default -> throw unknownCode(type, value);
        }
        boolean addDot0 = false;
        int defaultPrecision = 6;
        if (type == 0) {
            addDot0 = true;
            type = 'r';
            defaultPrecision = 0;
        }
        if (type == 'n') {
            type = 'g';
        }
        boolean pct = false;
        if (type == '%') {
            type = 'f';
            d *= 100;
            pct = true;
        }
        int precision = s.precision;
        if (precision < 0) {
            precision = defaultPrecision;
        } else if (type == 'r') {
            type = 'g';
        }
        String text = doubleToString(d, (char) type, precision, s.alt, addDot0, s.noNeg0);
        if (pct) {
            text = text + "%";
        }
        return formattedDouble(s, text);
    }

    /** Lays out a double's text ({@link #doubleToString}) per the spec: its sign, its digits and the rest. */
    private static String formattedDouble(Spec s, String signedText) {
        boolean negative = signedText.startsWith("-");
        String text = negative ? signedText.substring(1) : signedText;
        int i = 0;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return number(s, negative, "", text.substring(0, i), text.substring(i));
    }

    /**
     * format(complex, spec) as CPython's format_complex_internal: each part laid out as a float with the same
     * spec (the imaginary one always signed when the real one is shown), then the whole padded to the width. The
     * empty presentation type shows parentheses, and omits a real part that is +0.
     */
    private static String formatComplex(dev.mp.runtime.objects.PComplex c, String specText) {
        Spec s = parseSpec(specText, c, '>', 0);
        switch (s.type) {
            case 0, 'e', 'E', 'f', 'F', 'g', 'G', 'n' -> {
            }
            default -> throw unknownCode(s.type, c);
        }
        if (s.fill == '0') {
            throw Errors.valueError("Zero padding is not allowed in complex format specifier");
        }
        if (s.align == '=') {
            throw Errors.valueError("'=' alignment flag is not allowed in complex format specifier");
        }
        int type = s.type;
        boolean skipReal = false;
        boolean parens = false;
        int defaultPrecision = 6;
        if (type == 0) {
            type = 'r';
            defaultPrecision = 0;
            if (c.real == 0.0 && Math.copySign(1.0, c.real) == 1.0) {
                skipReal = true;
            } else {
                parens = true;
            }
        }
        if (type == 'n') {
            type = 'g';
        }
        int precision = s.precision < 0 ? defaultPrecision : s.precision;
        if (s.precision >= 0 && type == 'r') {
            type = 'g';
        }
        Spec part = new Spec();
        part.align = '>';
        part.sign = s.sign;
        part.grouping = s.grouping;
        StringBuilder body = new StringBuilder(parens ? "(" : "");
        if (!skipReal) {
            body.append(complexPart(part, c.real, type, precision, s));
            part.sign = '+';
        }
        body.append(complexPart(part, c.imag, type, precision, s)).append('j').append(parens ? ")" : "");
        int padding = s.width - body.codePointCount(0, body.length());
        if (padding <= 0) {
            return body.toString();
        }
        StringBuilder sb = new StringBuilder();
        int left = s.align == '<' ? 0 : s.align == '^' ? padding / 2 : padding;
        repeat(sb, s.fill, left);
        sb.append(body);
        repeat(sb, s.fill, padding - left);
        return sb.toString();
    }

    private static String complexPart(Spec part, double d, int type, int precision, Spec s) {
        return formattedDouble(part, type == 'r' ? ComplexNumbers.shortRepr(d) : doubleToString(d, (char) type, precision, s.alt, false, s.noNeg0));
    }

    /** Lays out sign, prefix, (grouped) digits and the rest of a number per the spec (calc_number_widths). */
    private static String number(Spec s, boolean negative, String prefix, String digits, String rest) {
        String sign = switch (s.sign) {
            case '+' -> negative ? "-" : "+";
            case ' ' -> negative ? "-" : " ";
            default -> negative ? "-" : "";
        };
        int nonDigit = sign.length() + prefix.length() + rest.length();
        int minWidth = s.fill == '0' && s.align == '=' ? s.width - nonDigit : 0;
        String grouped = digits;
        if (s.grouping != 0 && !digits.isEmpty()) {
            grouped = group(digits, s.grouping, s.groupFour ? 4 : 3, minWidth);
        }
        int digitLen = grouped.codePointCount(0, grouped.length());
        int padding = s.width - (nonDigit + digitLen);
        int lpad = 0;
        int spad = 0;
        int rpad = 0;
        if (padding > 0) {
            switch (s.align) {
                case '<' -> rpad = padding;
                case '^' -> {
                    lpad = padding / 2;
                    rpad = padding - lpad;
                }
                case '=' -> spad = padding;
                default -> lpad = padding;
            }
        }
        StringBuilder sb = new StringBuilder();
        repeat(sb, s.fill, lpad);
        sb.append(sign).append(prefix);
        repeat(sb, s.fill, spad);
        sb.append(grouped).append(rest);
        repeat(sb, s.fill, rpad);
        return sb.toString();
    }

    private static String group(String digits, char sep, int size, int minWidth) {
        StringBuilder rev = new StringBuilder();
        int count = 0;
        for (int i = digits.length() - 1; i >= 0; i--) {
            if (count > 0 && count % size == 0) {
                rev.append(sep);
            }
            rev.append(digits.charAt(i));
            count++;
        }
        while (rev.length() < minWidth) {
            if (count % size == 0) {
                rev.append(sep);
            }
            rev.append('0');
            count++;
        }
        return rev.reverse().toString();
    }

    // =====================================================================================================
    // printf-style formatting (str % args)
    // =====================================================================================================

    private static final int F_LJUST = 1;
    private static final int F_SIGN = 2;
    private static final int F_BLANK = 4;
    private static final int F_ALT = 8;
    private static final int F_ZERO = 16;

    /** State of one {@code %} operation: the arguments and which one is next (CPython's arglen/argidx). */
    private static final class PercentState {
        Object args;
        int argLen;
        int argIdx;
        Object dict;

        Object next() {
            if (argIdx < argLen) {
                argIdx++;
                if (argLen < 0) {
                    return args;
                }
                return ((PTuple) args).get(argIdx - 1);
            }
            throw Errors.typeError("not enough arguments for format string");
        }
    }

    private static boolean isMapping(Object o) {
        if (o instanceof PTuple || o instanceof String) {
            return false;
        }
        // As CPython's test of a mapping (a type with a subscript): these core types have one.
        if (o instanceof PDict || o instanceof PList || o instanceof PBytes || o instanceof dev.mp.runtime.objects.PByteArray
                || o instanceof dev.mp.runtime.objects.PRange || o instanceof dev.mp.runtime.objects.PMemoryView) {
            return true;
        }
        return Types.override(o, "__getitem__") != null;
    }

    /** {@code template % args}. */
    public static String percent(String template, Object args) {
        return percent(template, args, false);
    }

    /**
     * {@code template % args} for bytes: the template and result are bytes (here as Latin-1 text, one char per
     * byte); %s and %b take bytes-like objects, %r and %a give ascii(), %c takes an int below 256 or one byte.
     */
    public static byte[] percentBytes(byte[] template, Object args) {
        String text = percent(new String(template, java.nio.charset.StandardCharsets.ISO_8859_1), args, true);
        return text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static String percent(String template, Object args, boolean bytes) {
        int[] fmt = Sequences.codePoints(template);
        PercentState st = new PercentState();
        st.args = args;
        if (args instanceof PTuple t) {
            st.argLen = t.size();
            st.argIdx = 0;
        } else {
            st.argLen = -1;
            st.argIdx = -2;
        }
        if (isMapping(args) && !(bytes && (args instanceof PBytes || args instanceof dev.mp.runtime.objects.PByteArray))) {
            st.dict = args;
        }
        StringBuilder out = new StringBuilder(template.length() + 16);
        int pos = 0;
        int n = fmt.length;
        while (pos < n) {
            int c = fmt[pos];
            if (c != '%') {
                out.appendCodePoint(c);
                pos++;
                continue;
            }
            pos++;
            if (pos < n && fmt[pos] == '%') {
                out.append('%');
                pos++;
                continue;
            }
            // key
            if (pos < n && fmt[pos] == '(') {
                if (st.dict == null) {
                    throw Errors.typeError("format requires a mapping");
                }
                pos++;
                int depth = 1;
                int keyStart = pos;
                while (pos < n && depth > 0) {
                    if (fmt[pos] == ')') {
                        depth--;
                    } else if (fmt[pos] == '(') {
                        depth++;
                    }
                    pos++;
                }
                if (depth > 0) {
                    throw Errors.valueError("incomplete format key");
                }
                String key = new String(fmt, keyStart, pos - 1 - keyStart);
                st.args = Sequences.getItem(st.dict, bytes ? new PBytes(key.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)) : key);
                st.argLen = -1;
                st.argIdx = -2;
            }
            int flags = 0;
            flagLoop:
            while (pos < n) {
                switch (fmt[pos]) {
                    case '-' -> flags |= F_LJUST;
                    case '+' -> flags |= F_SIGN;
                    case ' ' -> flags |= F_BLANK;
                    case '#' -> flags |= F_ALT;
                    case '0' -> flags |= F_ZERO;
                    default -> {
                        break flagLoop;
                    }
                }
                pos++;
            }
            int width = -1;
            if (pos < n && fmt[pos] == '*') {
                Object v = st.next();
                if (!Types.isInt(v)) {
                    throw Errors.typeError("* wants int");
                }
                long w = asSize(v);
                if (w < 0) {
                    flags |= F_LJUST;
                    w = -w;
                }
                width = checkSize(w, "width too big");
                pos++;
            } else if (pos < n && fmt[pos] >= '0' && fmt[pos] <= '9') {
                width = readPercentInt(fmt, pos, "width too big");
                while (pos < n && fmt[pos] >= '0' && fmt[pos] <= '9') {
                    pos++;
                }
            }
            int prec = -1;
            if (pos < n && fmt[pos] == '.') {
                pos++;
                if (pos < n && fmt[pos] == '*') {
                    Object v = st.next();
                    if (!Types.isInt(v)) {
                        throw Errors.typeError("* wants int");
                    }
                    long p = asSize(v);
                    prec = p < 0 ? 0 : checkSize(p, "precision too big");
                    pos++;
                } else {
                    prec = 0;
                    if (pos < n && fmt[pos] >= '0' && fmt[pos] <= '9') {
                        prec = readPercentInt(fmt, pos, "precision too big");
                        while (pos < n && fmt[pos] >= '0' && fmt[pos] <= '9') {
                            pos++;
                        }
                    }
                }
            }
            if (pos < n && (fmt[pos] == 'h' || fmt[pos] == 'l' || fmt[pos] == 'L')) {
                pos++;
            }
            if (pos >= n) {
                throw Errors.valueError("incomplete format");
            }
            int ch = fmt[pos++];
            Object v = st.next();
            formatOne(out, ch, flags, width, prec, v, pos - 1, bytes);
        }
        if (st.argIdx < st.argLen && st.dict == null) {
            throw Errors.typeError("not all arguments converted during %s formatting", bytes ? "bytes" : "string");
        }
        return out.toString();
    }

    private static long asSize(Object v) {
        BigInteger b = Conversions.asBig(v);
        if (b.bitLength() > 63) {
            throw Errors.overflowError("Python int too large to convert to C ssize_t");
        }
        return b.longValue();
    }

    private static int checkSize(long v, String msg) {
        if (v > Integer.MAX_VALUE - 16) {
            throw Errors.valueError(msg);
        }
        return (int) v;
    }

    private static int readPercentInt(int[] fmt, int pos, String msg) {
        long acc = 0;
        while (pos < fmt.length && fmt[pos] >= '0' && fmt[pos] <= '9') {
            acc = acc * 10 + (fmt[pos] - '0');
            if (acc > Integer.MAX_VALUE) {
                throw Errors.valueError(msg);
            }
            pos++;
        }
        return checkSize(acc, msg);
    }

    private static void formatOne(StringBuilder out, int ch, int flags, int width, int prec, Object v, int index, boolean bytes) {
        String str;
        boolean numeric = false;
        switch (ch) {
            case 's', 'b' -> {
                if (!bytes && ch == 'b') {
                    throw Errors.valueError("unsupported format character 'b' (0x62) at index %d", index);
                }
                str = bytes ? bytesText(v) : Conversions.str(v);
            }
            case 'r' -> str = bytes ? ascii(v) : Conversions.repr(v);
            case 'a' -> str = ascii(v);
            case 'i', 'd', 'u', 'o', 'x', 'X' -> {
                str = percentInt(v, (char) ch, flags, prec);
                numeric = true;
            }
            case 'e', 'E', 'f', 'F', 'g', 'G' -> {
                double d = Conversions.asDouble(v);
                str = doubleToString(d, (char) ch, prec < 0 ? 6 : prec, (flags & F_ALT) != 0, false, false);
                numeric = true;
            }
            case 'c' -> str = bytes ? percentByte(v) : percentChar(v);
            default -> throw Errors.valueError("unsupported format character '%c' (0x%x) at index %d",
                    (31 <= ch && ch <= 126) ? (char) ch : '?', ch, index);
        }
        output(out, str, ch, flags, width, prec, numeric);
    }

    /** The bytes of a %s or %b argument of bytes formatting, as Latin-1 text. */
    private static String bytesText(Object v) {
        Object source = v;
        if (!(v instanceof PBytes) && !(v instanceof dev.mp.runtime.objects.PByteArray)) {
            Object method = Types.override(v, "__bytes__");
            if (method == null) {
                throw Errors.typeError("%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'", Types.typeName(v));
            }
            source = Calls.callDescriptor(method, v);
            if (!(source instanceof PBytes)) {
                throw Errors.typeError("__bytes__ returned non-bytes (type %s)", Types.typeName(source));
            }
        }
        return new String(Sequences.bytesOf(source), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** The byte of a %c argument of bytes formatting: an int in range(256) or a bytes object of length 1. */
    private static String percentByte(Object v) {
        if ((v instanceof PBytes || v instanceof dev.mp.runtime.objects.PByteArray) && Sequences.bytesOf(v).length == 1) {
            return String.valueOf((char) (Sequences.bytesOf(v)[0] & 0xff));
        }
        if (!Types.isInt(v)) {
            throw Errors.typeError("%c requires an integer in range(256) or a single byte");
        }
        BigInteger b = Conversions.asBig(Conversions.index(v));
        if (b.signum() < 0 || b.compareTo(BigInteger.valueOf(255)) > 0) {
            throw Errors.overflowError("%c arg not in range(256)");
        }
        return String.valueOf((char) b.intValue());
    }

    private static String percentChar(Object v) {
        v = Types.baseValue(v);
        if (v instanceof String s) {
            if (s.codePointCount(0, s.length()) != 1) {
                throw Errors.typeError("%c requires int or char");
            }
            return s;
        }
        Object idx;
        try {
            idx = Conversions.index(v);
        } catch (MpException e) {
            if (Exceptions.matches(e, "TypeError")) {
                throw Errors.typeError("%c requires int or char");
            }
            throw e;
        }
        BigInteger b = Conversions.asBig(idx);
        if (b.signum() < 0 || b.compareTo(BigInteger.valueOf(0x10ffff)) > 0) {
            throw Errors.overflowError("%c arg not in range(0x110000)");
        }
        return new String(Character.toChars(b.intValue()));
    }

    private static String percentInt(Object v, char type, int flags, int prec) {
        if (v instanceof PBoxed b && Types.isInt(b.value())) {
            // As CPython, an int subclass formats as its value, whatever its __int__ and __index__.
            v = b.value();
        }
        Object iv;
        if (v instanceof Long || v instanceof BigInteger) {
            iv = v;
        } else if (v instanceof Boolean b) {
            iv = b ? 1L : 0L;
        } else {
            boolean isNumber = v instanceof Double
                    || Types.override(v, "__index__") != null || Types.override(v, "__int__") != null
                    || Types.override(v, "__float__") != null;
            if (!isNumber) {
                throw wrongType(type, v);
            }
            try {
                if (type == 'o' || type == 'x' || type == 'X') {
                    iv = Conversions.index(v);
                } else {
                    iv = toInt(v);
                }
            } catch (MpException e) {
                if (Exceptions.matches(e, "TypeError")) {
                    throw wrongType(type, v);
                }
                throw e;
            }
        }
        int base = type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
        if (base == 10 && prec < 0 && iv instanceof Long l) {
            return Long.toString(l); // the common %d, without a big int's decimal conversion
        }
        BigInteger big = Conversions.asBig(iv);
        String digits = base == 10 ? IntDigits.toDecimal(big.abs()) : big.abs().toString(base);
        if (prec > digits.length()) {
            digits = "0".repeat(prec - digits.length()) + digits;
        }
        String prefix = "";
        if ((flags & F_ALT) != 0 && base != 10) {
            prefix = base == 8 ? "0o" : "0x";
        }
        String s = (big.signum() < 0 ? "-" : "") + prefix + digits;
        return type == 'X' ? s.toUpperCase(java.util.Locale.ROOT) : s;
    }

    private static Object toInt(Object v) {
        if (v instanceof Double d) {
            if (Double.isNaN(d)) {
                throw Errors.valueError("cannot convert float NaN to integer");
            }
            if (Double.isInfinite(d)) {
                throw Errors.overflowError("cannot convert float infinity to integer");
            }
            return Conversions.normalize(new BigDecimal(d).toBigInteger());
        }
        Object m = Types.override(v, "__int__");
        if (m != null && m != PNone.NONE) {
            Object r = Calls.callDescriptor(m, v);
            if (!Types.isInt(r)) {
                throw Errors.typeError("__int__ returned non-int (type %s)", Types.typeName(r));
            }
            return r;
        }
        if (Types.override(v, "__index__") != null) {
            return Conversions.index(v);
        }
        throw Errors.typeError("int() argument must be a string, a bytes-like object or a real number, not '%s'", Types.typeName(v));
    }

    private static MpException wrongType(char type, Object v) {
        if (type == 'o' || type == 'x' || type == 'X') {
            return Errors.typeError("%%%c format: an integer is required, not %s", type, Types.typeName(v));
        }
        return Errors.typeError("%%%c format: a real number is required, not %s", type, Types.typeName(v));
    }

    /** Pads one converted value (unicode_format_arg_output). */
    private static void output(StringBuilder out, String str, int ch, int flags, int width, int prec, boolean numeric) {
        if (!numeric) {
            // No sign, prefix or zero fill: the text, cut to the precision, padded with spaces to the width.
            int end = str.length();
            int len = width > 0 || prec >= 0 ? str.codePointCount(0, end) : 0;
            if ((ch == 's' || ch == 'r' || ch == 'a') && prec >= 0 && len > prec) {
                end = str.offsetByCodePoints(0, prec);
                len = prec;
            }
            boolean left = (flags & F_LJUST) != 0;
            if (!left && width > len) {
                repeat(out, ' ', width - len);
            }
            out.append(str, 0, end);
            if (left && width > len) {
                repeat(out, ' ', width - len);
            }
            return;
        }
        int fill = (flags & F_ZERO) != 0 ? '0' : ' ';
        int[] cps = Sequences.codePoints(str);
        int len = cps.length;
        if ((ch == 's' || ch == 'r' || ch == 'a') && prec >= 0 && len > prec) {
            len = prec;
        }
        int p = 0;
        int signChar = 0;
        if (numeric) {
            if (len > 0 && (cps[0] == '-' || cps[0] == '+')) {
                signChar = cps[0];
                len--;
                p++;
            } else if ((flags & F_SIGN) != 0) {
                signChar = '+';
            } else if ((flags & F_BLANK) != 0) {
                signChar = ' ';
            }
        }
        if (width < len) {
            width = len;
        }
        if (signChar != 0) {
            if (fill != ' ') {
                out.appendCodePoint(signChar);
            }
            if (width > len) {
                width--;
            }
        }
        boolean prefix = (flags & F_ALT) != 0 && (ch == 'x' || ch == 'X' || ch == 'o');
        if (prefix) {
            if (fill != ' ') {
                out.appendCodePoint(cps[p]).appendCodePoint(cps[p + 1]);
                p += 2;
            }
            width -= 2;
            if (width < 0) {
                width = 0;
            }
            len -= 2;
        }
        if (width > len && (flags & F_LJUST) == 0) {
            repeat(out, fill, width - len);
            width = len;
        }
        if (fill == ' ') {
            if (signChar != 0) {
                out.appendCodePoint(signChar);
            }
            if (prefix) {
                out.appendCodePoint(cps[p]).appendCodePoint(cps[p + 1]);
                p += 2;
            }
        }
        for (int i = 0; i < len; i++) {
            out.appendCodePoint(cps[p + i]);
        }
        if (width > len) {
            repeat(out, ' ', width - len);
        }
    }

    /** Python's {@code ascii(o)}: repr with non-ASCII characters escaped. */
    public static String ascii(Object o) {
        String r = Conversions.repr(o);
        StringBuilder sb = null;
        for (int i = 0; i < r.length();) {
            int cp = r.codePointAt(i);
            int cc = Character.charCount(cp);
            if (cp >= 0x80) {
                if (sb == null) {
                    sb = new StringBuilder(r.length() + 16).append(r, 0, i);
                }
                if (cp <= 0xff) {
                    sb.append(String.format("\\x%02x", cp));
                } else if (cp <= 0xffff) {
                    sb.append(String.format("\\u%04x", cp));
                } else {
                    sb.append(String.format("\\U%08x", cp));
                }
            } else if (sb != null) {
                sb.append((char) cp);
            }
            i += cc;
        }
        return sb == null ? r : sb.toString();
    }

    // =====================================================================================================
    // str.format
    // =====================================================================================================

    private static final class AutoNumber {
        /** 0 = not yet decided, 1 = automatic, 2 = manual. */
        int state;
        int next;
    }

    /** {@code template.format(*args, **kwargs)}; kwargs may be null. */
    public static String strFormat(String template, Object[] args, Object kwargs) {
        StringBuilder out = new StringBuilder(template.length() + 16);
        buildString(Sequences.codePoints(template), 0, -1, args, kwargs, 2, new AutoNumber(), out);
        return out.toString();
    }

    private static void buildString(int[] s, int start, int end, Object[] args, Object kwargs, int depth, AutoNumber auto,
                                    StringBuilder out) {
        if (depth <= 0) {
            throw Errors.valueError("Max string recursion exceeded");
        }
        if (end < 0) {
            end = s.length;
        }
        int pos = start;
        while (pos < end) {
            // literal text
            int c = 0;
            boolean markup = false;
            int litStart = pos;
            while (pos < end) {
                c = s[pos++];
                if (c == '{' || c == '}') {
                    markup = true;
                    break;
                }
            }
            boolean atEnd = pos >= end;
            int len = pos - litStart;
            if (markup && c == '}' && (atEnd || s[pos] != '}')) {
                throw Errors.valueError("Single '}' encountered in format string");
            }
            if (markup && atEnd && c == '{') {
                throw Errors.valueError("Single '{' encountered in format string");
            }
            if (markup) {
                if (s[pos] == c) {
                    pos++;
                    markup = false;
                } else {
                    len--;
                }
            }
            for (int i = 0; i < len; i++) {
                out.appendCodePoint(s[litStart + i]);
            }
            if (!markup) {
                continue;
            }
            // parse the field: name [!conv] [:spec] }
            int nameStart = pos;
            int fc = 0;
            while (pos < end) {
                fc = s[pos++];
                if (fc == '{') {
                    throw Errors.valueError("unexpected '{' in field name");
                }
                if (fc == '[') {
                    while (pos < end && s[pos] != ']') {
                        pos++;
                    }
                    continue;
                }
                if (fc == '}' || fc == ':' || fc == '!') {
                    break;
                }
            }
            int nameEnd = pos - 1;
            int conversion = 0;
            int specStart = -1;
            int specEnd = -1;
            boolean specNeedsExpanding = false;
            if (fc == '!' || fc == ':') {
                boolean done = false;
                if (fc == '!') {
                    if (pos >= end) {
                        throw Errors.valueError("end of string while looking for conversion specifier");
                    }
                    conversion = s[pos++];
                    if (pos < end) {
                        int c2 = s[pos++];
                        if (c2 == '}') {
                            done = true;
                        } else if (c2 != ':') {
                            throw Errors.valueError("expected ':' after conversion specifier");
                        }
                    }
                }
                if (!done) {
                    specStart = pos;
                    int count = 1;
                    boolean closed = false;
                    while (pos < end) {
                        int c3 = s[pos++];
                        if (c3 == '{') {
                            specNeedsExpanding = true;
                            count++;
                        } else if (c3 == '}') {
                            count--;
                            if (count == 0) {
                                specEnd = pos - 1;
                                closed = true;
                                break;
                            }
                        }
                    }
                    if (!closed) {
                        throw Errors.valueError("unmatched '{' in format spec");
                    }
                }
            } else if (fc != '}') {
                throw Errors.valueError("expected '}' before end of string");
            }
            // render the field
            Object obj = getFieldObject(s, nameStart, nameEnd, args, kwargs, auto);
            if (conversion != 0) {
                obj = switch (conversion) {
                    case 'r' -> Conversions.repr(obj);
                    case 's' -> Conversions.str(obj);
                    case 'a' -> ascii(obj);
                    default -> {
                        if (conversion > 32 && conversion < 127) {
                            throw Errors.valueError("Unknown conversion specifier %c", (char) conversion);
                        }
                        throw Errors.valueError("Unknown conversion specifier \\x%x", conversion);
                    }
                };
            }
            String spec;
            if (specStart < 0) {
                spec = "";
            } else if (specNeedsExpanding) {
                StringBuilder sb = new StringBuilder();
                buildString(s, specStart, specEnd, args, kwargs, depth - 1, auto, sb);
                spec = sb.toString();
            } else {
                spec = new String(s, specStart, specEnd - specStart);
            }
            out.append(format(obj, spec));
        }
    }

    /** Parses a field index: the value, -1 when not all decimal digits (or empty). */
    private static long fieldInteger(int[] s, int start, int end) {
        if (start >= end) {
            return -1;
        }
        long acc = 0;
        for (int i = start; i < end; i++) {
            int dv = Character.isDigit(s[i]) ? Character.digit(s[i], 10) : -1;
            if (dv < 0) {
                return -1;
            }
            if (acc > (Long.MAX_VALUE - dv) / 10) {
                throw Errors.valueError("Too many decimal digits in format string");
            }
            acc = acc * 10 + dv;
        }
        return acc;
    }

    private static Object getFieldObject(int[] s, int start, int end, Object[] args, Object kwargs, AutoNumber auto) {
        int i = start;
        while (i < end && s[i] != '.' && s[i] != '[') {
            i++;
        }
        long index = fieldInteger(s, start, i);
        boolean empty = i == start;
        boolean numeric = empty || index != -1;
        if (numeric) {
            if (auto.state == 0) {
                auto.state = empty ? 1 : 2;
            }
            if (auto.state == 2 && empty) {
                throw Errors.valueError("cannot switch from manual field specification to automatic field numbering");
            }
            if (auto.state == 1 && !empty) {
                throw Errors.valueError("cannot switch from automatic field numbering to manual field specification");
            }
            if (empty) {
                index = auto.next++;
            }
        }
        Object obj;
        if (index == -1) {
            String key = new String(s, start, i - start);
            if (kwargs == null) {
                throw Errors.keyError(key);
            }
            // A mapping's own lookup, so format_map honours __getitem__ and __missing__.
            obj = Sequences.getItem(kwargs, key);
        } else {
            if (index >= args.length) {
                throw Errors.indexError("Replacement index %d out of range for positional args tuple", index);
            }
            obj = args[(int) index];
        }
        // the rest: .attr or [key]
        int pos = i;
        while (pos < end) {
            int c = s[pos++];
            int nameStart = pos;
            int nameEnd;
            boolean attribute;
            if (c == '.') {
                attribute = true;
                while (pos < end && s[pos] != '.' && s[pos] != '[') {
                    pos++;
                }
                nameEnd = pos;
            } else if (c == '[') {
                attribute = false;
                while (pos < end && s[pos] != ']') {
                    pos++;
                }
                if (pos >= end) {
                    throw Errors.valueError("Missing ']' in format field");
                }
                nameEnd = pos;
                pos++;
            } else {
                throw Errors.valueError("Only '.' or '[' may follow ']' in format field specifier");
            }
            if (nameStart == nameEnd) {
                throw Errors.valueError("Empty attribute in format string");
            }
            String name = new String(s, nameStart, nameEnd - nameStart);
            if (attribute) {
                obj = Attributes.get(obj, name);
            } else {
                long idx = fieldInteger(s, nameStart, nameEnd);
                obj = Sequences.getItem(obj, idx == -1 ? name : (Object) idx);
            }
        }
        return obj;
    }
}
