package dev.mp.runtime.modules;

import java.math.BigInteger;
import java.nio.ByteOrder;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PByteArray;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.MpException;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Types;

/**
 * A parsed {@code struct} format: its byte order and its items (a code, a repeat count and an offset), the
 * packed size and the number of values it packs. Sizes, alignments and error messages are those of CPython 3.11
 * on a 64-bit Linux machine ({@code l}, {@code L}, {@code n}, {@code N} and {@code P} are 8 bytes in native mode).
 */
final class StructFormat {
    /** {@code struct.error}, which every struct failure but a few TypeErrors and OverflowErrors raises. */
    static final PClass ERROR = PClass.create("error", "error", "struct", new PClass[] {BuiltinClasses.exception("Exception")});

    private static final String CODES = "xcbB?hHiIlLqQnNefdspP";
    private static final int[] NATIVE_SIZES = {1, 1, 1, 1, 1, 2, 2, 4, 4, 8, 8, 8, 8, 8, 8, 2, 4, 8, 1, 1, 8};
    private static final int[] STANDARD_SIZES = {1, 1, 1, 1, 1, 2, 2, 4, 4, 4, 4, 8, 8, 0, 0, 2, 4, 8, 1, 1, 0};
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    /** '@': native sizes, alignment and byte order; the others standard sizes, no alignment. */
    final boolean nativeMode;
    final boolean bigEndian;
    final char[] codes;
    final long[] counts;
    final int[] offsets;
    final int size;
    /** How many values pack() takes. */
    final int valueCount;

    private StructFormat(boolean nativeMode, boolean bigEndian, char[] codes, long[] counts, int[] offsets, int size, int valueCount) {
        this.nativeMode = nativeMode;
        this.bigEndian = bigEndian;
        this.codes = codes;
        this.counts = counts;
        this.offsets = offsets;
        this.size = size;
        this.valueCount = valueCount;
    }

    static MpException structError(String fmt, Object... args) {
        return Errors.raise(ERROR, args.length == 0 ? fmt : String.format(fmt, args));
    }

    /** The format's text from a str or bytes argument, as Struct() takes it. */
    @TruffleBoundary
    static String text(Object format) {
        Object f = Types.baseValue(format);
        if (f instanceof String s) {
            // CPython encodes the format as ASCII (UnicodeEncodeError for other characters).
            dev.mp.runtime.builtins.Codecs.encode(s, "ascii", "strict");
            return s;
        }
        if (f instanceof PBytes b) {
            return new String(b.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        throw Errors.typeError("Struct() argument 1 must be a str or bytes object, not %s", Types.typeName(format));
    }

    @TruffleBoundary
    static StructFormat parse(String s) {
        if (s.indexOf('\0') >= 0) {
            throw structError("embedded null character");
        }
        int i = 0;
        boolean nativeMode = true;
        boolean big = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN;
        if (!s.isEmpty() && "@=<>!".indexOf(s.charAt(0)) >= 0) {
            char order = s.charAt(0);
            nativeMode = order == '@';
            big = order == '>' || order == '!' || ((order == '=' || order == '@') && big);
            i = 1;
        }
        java.util.List<Character> codes = new java.util.ArrayList<>();
        java.util.List<Long> counts = new java.util.ArrayList<>();
        java.util.List<Integer> offsets = new java.util.ArrayList<>();
        long size = 0;
        long values = 0;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == ' ' || (c >= '\t' && c <= '\r')) {
                continue;
            }
            long num = 1;
            if (c >= '0' && c <= '9') {
                num = c - '0';
                while (i < s.length() && (c = s.charAt(i)) >= '0' && c <= '9') {
                    i++;
                    if (num > (Long.MAX_VALUE - (c - '0')) / 10) {
                        throw structError("total struct size too long");
                    }
                    num = num * 10 + (c - '0');
                }
                if (i >= s.length()) {
                    throw structError("repeat count given without format specifier");
                }
                c = s.charAt(i++);
            }
            int itemSize = itemSize(c, nativeMode);
            if (nativeMode && itemSize > 1 && c != 's' && c != 'p') {
                size = (size + itemSize - 1) / itemSize * itemSize;
            }
            if (num > (Long.MAX_VALUE - size) / itemSize) {
                throw structError("total struct size too long");
            }
            if (c == 's' || c == 'p') {
                values++;
            } else if (c != 'x') {
                values += num;
            }
            codes.add(c);
            counts.add(num);
            offsets.add((int) Math.min(size, Integer.MAX_VALUE));
            size += num * itemSize;
        }
        if (size > Integer.MAX_VALUE - 8 || values > Integer.MAX_VALUE - 8) {
            throw Errors.memoryError();
        }
        char[] codeArray = new char[codes.size()];
        long[] countArray = new long[codes.size()];
        int[] offsetArray = new int[codes.size()];
        for (int k = 0; k < codeArray.length; k++) {
            codeArray[k] = codes.get(k);
            countArray[k] = counts.get(k);
            offsetArray[k] = offsets.get(k);
        }
        return new StructFormat(nativeMode, big, codeArray, countArray, offsetArray, (int) size, (int) values);
    }

    private static int itemSize(char c, boolean nativeMode) {
        int k = CODES.indexOf(c);
        int itemSize = k < 0 ? 0 : nativeMode ? NATIVE_SIZES[k] : STANDARD_SIZES[k];
        if (itemSize == 0) {
            throw structError("bad char in struct format");
        }
        return itemSize;
    }

    private int itemSize(char c) {
        return itemSize(c, nativeMode);
    }

    /** Packs {@code values} (exactly {@link #valueCount} of them) into {@code out} at {@code base}. */
    @TruffleBoundary
    void pack(Object[] values, int first, byte[] out, int base) {
        int v = first;
        for (int k = 0; k < codes.length; k++) {
            char c = codes[k];
            int at = base + offsets[k];
            if (c == 'x') {
                continue;
            }
            if (c == 's' || c == 'p') {
                packString(c, (int) counts[k], values[v++], out, at);
                continue;
            }
            int itemSize = itemSize(c);
            for (long n = 0; n < counts[k]; n++, at += itemSize) {
                packOne(c, itemSize, values[v++], out, at);
            }
        }
    }

    private static void packString(char c, int count, Object value, byte[] out, int at) {
        Object b = Types.baseValue(value);
        if (!(b instanceof PBytes) && !(b instanceof PByteArray)) {
            throw structError("argument for '%c' must be a bytes object", c);
        }
        byte[] data = dev.mp.runtime.ops.Sequences.bytesOf(b);
        if (c == 's') {
            System.arraycopy(data, 0, out, at, Math.min(data.length, count));
        } else if (count > 0) {
            int n = Math.min(data.length, count - 1);
            System.arraycopy(data, 0, out, at + 1, n);
            out[at] = (byte) Math.min(n, 255);
        }
    }

    private void packOne(char c, int itemSize, Object value, byte[] out, int at) {
        switch (c) {
            case 'c' -> {
                Object b = Types.baseValue(value);
                if (!(b instanceof PBytes bytes) || bytes.bytes().length != 1) {
                    throw structError("char format requires a bytes object of length 1");
                }
                out[at] = bytes.bytes()[0];
            }
            case '?' -> out[at] = (byte) (Conversions.isTrue(value) ? 1 : 0);
            case 'e' -> {
                double d = floatValue(value);
                if (Double.isFinite(d) && Math.abs(d) >= 65520.0) {
                    throw packOverflow(value, "float too large to pack with e format");
                }
                write(out, at, 2, toHalf(d));
            }
            case 'f' -> {
                double d = floatValue(value);
                float f = (float) d;
                if (!nativeMode && Float.isInfinite(f) && !Double.isInfinite(d)) {
                    throw packOverflow(value, "float too large to pack with f format");
                }
                write(out, at, 4, Float.floatToRawIntBits(f));
            }
            case 'd' -> write(out, at, 8, Double.doubleToRawLongBits(floatValue(value)));
            default -> write(out, at, itemSize, integerBits(c, itemSize, integerValue(value), Types.isInt(Types.baseValue(value))));
        }
    }

    /**
     * An OverflowError while packing: CPython reports it as struct.error "int too large to convert" when the value
     * is an int, and lets it through for other values (a float, an object with {@code __index__}).
     */
    private static MpException packOverflow(Object value, String message) {
        return packOverflow(Types.isInt(Types.baseValue(value)), message);
    }

    private static MpException packOverflow(boolean isInt, String message) {
        return isInt ? structError("int too large to convert") : Errors.overflowError(message);
    }

    /** Writes the low {@code width} bytes of {@code bits} in the format's byte order. */
    private void write(byte[] out, int at, int width, long bits) {
        for (int j = 0; j < width; j++) {
            int shift = 8 * j;
            out[bigEndian ? at + width - 1 - j : at + j] = (byte) (bits >>> shift);
        }
    }

    private long read(byte[] in, int at, int width) {
        long bits = 0;
        for (int j = 0; j < width; j++) {
            bits |= (long) (in[bigEndian ? at + width - 1 - j : at + j] & 0xff) << (8 * j);
        }
        return bits;
    }

    private static Object integerValue(Object value) {
        Object v = Types.baseValue(value);
        if (v instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (v instanceof Long || v instanceof BigInteger) {
            return v;
        }
        if (Types.override(value, "__index__") != null) {
            return Conversions.index(value);
        }
        throw structError("required argument is not an integer");
    }

    private static double floatValue(Object value) {
        Object v = Types.baseValue(value);
        if (v instanceof Double d) {
            return d;
        }
        if (Types.override(value, "__float__") != null) {
            return Conversions.asDouble(value);
        }
        if (!(v instanceof Long || v instanceof BigInteger || v instanceof Boolean)) {
            if (Types.override(value, "__index__") == null) {
                throw structError("required argument is not a float");
            }
            v = Conversions.index(value);
        }
        if (v instanceof BigInteger big && Double.isInfinite(big.doubleValue())) {
            throw structError("required argument is not a float");
        }
        return Conversions.asDouble(v);
    }

    /**
     * The bits of integer {@code value} for code {@code c}, or struct.error with CPython's message. CPython checks
     * the codes that its native functions pack ({@code b B h H i I} and, in little-endian or native modes,
     * {@code q Q}) with different wording from its big-endian ones; the messages follow each.
     */
    private long integerBits(char c, int itemSize, Object value, boolean isInt) {
        BigInteger big = value instanceof BigInteger b ? b : null;
        long v = big == null ? (Long) value : 0;
        boolean fitsLong = big == null;
        boolean fitsUnsigned = fitsLong ? v >= 0 : big.signum() >= 0 && big.compareTo(TWO_64) < 0;
        boolean nativeFunctions = !bigEndian;
        switch (c) {
            case 'b', 'B', 'h', 'i', 'n' -> {
                if (!fitsLong) {
                    throw structError("argument out of range");
                }
                long min = c == 'B' ? 0 : c == 'b' ? -128 : c == 'h' ? -32768 : c == 'i' ? Integer.MIN_VALUE : Long.MIN_VALUE;
                long max = c == 'B' ? 255 : c == 'b' ? 127 : c == 'h' ? 32767 : c == 'i' ? Integer.MAX_VALUE : Long.MAX_VALUE;
                if (v < min || v > max) {
                    String name = c == 'b' ? "byte format" : c == 'B' ? "ubyte format" : c == 'h' && nativeFunctions ? "short format" : "'" + c + "' format";
                    throw structError("%s requires %d <= number <= %d", name, min, max);
                }
                return v;
            }
            case 'H' -> {
                if (nativeFunctions) {
                    if (!fitsLong) {
                        throw structError("argument out of range");
                    }
                    if (v < 0 || v > 65535) {
                        throw structError("ushort format requires 0 <= number <= 65535");
                    }
                    return v;
                }
                return unsigned(c, itemSize, value, fitsUnsigned);
            }
            case 'I', 'L', 'N' -> {
                return unsigned(c, itemSize, value, fitsUnsigned);
            }
            case 'l', 'q' -> {
                if (!fitsLong) {
                    throw c == 'q' && !nativeFunctions ? packOverflow(isInt, "int too large to convert") : structError("argument out of range");
                }
                if (itemSize == 4 && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
                    throw structError("'%c' format requires %d <= number <= %d", c, Integer.MIN_VALUE, Integer.MAX_VALUE);
                }
                return v;
            }
            case 'Q' -> {
                if (!fitsUnsigned) {
                    throw nativeFunctions ? structError("argument out of range")
                            : packOverflow(isInt, big == null || big.signum() < 0 ? "can't convert negative int to unsigned" : "int too large to convert");
                }
                return fitsLong ? v : big.longValue();
            }
            case 'P' -> {
                if (!fitsLong && !fitsUnsigned) {
                    throw packOverflow(isInt, "int too large to convert");
                }
                return fitsLong ? v : big.longValue();
            }
            default -> throw new IllegalStateException("no integer code " + c);
        }
    }

    private static long unsigned(char c, int itemSize, Object value, boolean fitsUnsigned) {
        if (!fitsUnsigned) {
            throw structError("argument out of range");
        }
        long v = value instanceof BigInteger b ? b.longValue() : (Long) value;
        if (itemSize < 8 && Long.compareUnsigned(v, (1L << (8 * itemSize)) - 1) > 0) {
            throw structError("'%c' format requires 0 <= number <= %d", c, (1L << (8 * itemSize)) - 1);
        }
        return v;
    }

    /** The values packed in {@code in} at {@code base} ({@link #size} bytes). */
    @TruffleBoundary
    Object[] unpack(byte[] in, int base) {
        Object[] out = new Object[valueCount];
        int v = 0;
        for (int k = 0; k < codes.length; k++) {
            char c = codes[k];
            int at = base + offsets[k];
            int count = (int) counts[k];
            switch (c) {
                case 'x' -> {
                }
                case 's' -> out[v++] = new PBytes(java.util.Arrays.copyOfRange(in, at, at + count));
                case 'p' -> {
                    int n = count == 0 ? 0 : Math.min(in[at] & 0xff, count - 1);
                    out[v++] = new PBytes(count == 0 ? new byte[0] : java.util.Arrays.copyOfRange(in, at + 1, at + 1 + n));
                }
                default -> {
                    int itemSize = itemSize(c);
                    for (int n = 0; n < count; n++, at += itemSize) {
                        out[v++] = unpackOne(c, itemSize, in, at);
                    }
                }
            }
        }
        return out;
    }

    private Object unpackOne(char c, int itemSize, byte[] in, int at) {
        long bits = read(in, at, itemSize);
        return switch (c) {
            case 'c' -> new PBytes(new byte[] {in[at]});
            case '?' -> bits != 0;
            case 'e' -> fromHalf((int) bits);
            case 'f' -> (double) Float.intBitsToFloat((int) bits);
            case 'd' -> Double.longBitsToDouble(bits);
            case 'B', 'H', 'I', 'L', 'Q', 'N', 'P' -> bits >= 0 ? bits : new BigInteger(Long.toUnsignedString(bits));
            default -> itemSize == 8 ? bits : bits << (64 - 8 * itemSize) >> (64 - 8 * itemSize);
        };
    }

    /** IEEE 754 binary16 bits of {@code x}, rounded half to even; OverflowError past the largest half. */
    private static long toHalf(double x) {
        int sign = (Double.doubleToRawLongBits(x) < 0) ? 0x8000 : 0;
        double a = Math.abs(x);
        if (Double.isNaN(x)) {
            return sign | 0x7e00;
        }
        if (Double.isInfinite(x)) {
            return sign | 0x7c00;
        }
        if (a == 0) {
            return sign;
        }
        int e = Math.getExponent(a);
        if (e < -14) {
            // A subnormal half: a multiple of 2^-24 (1024 of them round up to the smallest normal, 0x0400).
            return sign | (long) Math.rint(a * 0x1p24);
        }
        long mantissa = (long) Math.rint((a / Math.scalb(1.0, e) - 1) * 1024);
        if (mantissa == 1024) {
            mantissa = 0;
            e++;
        }
        if (e > 15) {
            throw Errors.overflowError("float too large to pack with e format");
        }
        return sign | (long) (e + 15) << 10 | mantissa;
    }

    private static double fromHalf(int bits) {
        double sign = (bits & 0x8000) != 0 ? -1 : 1;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) {
            return mantissa == 0 ? sign * Double.POSITIVE_INFINITY : Math.copySign(Double.NaN, sign);
        }
        if (exponent == 0) {
            return sign * mantissa * 0x1p-24;
        }
        return sign * Math.scalb((double) (1024 + mantissa), exponent - 25);
    }
}
