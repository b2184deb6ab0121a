package dev.mp.runtime.ops;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigInteger;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.objects.PBytes;

/**
 * The native single-character struct formats of memoryview items ('B', 'i', 'd', ...): their sizes on this
 * platform (LP64, native byte order) and reading and writing one item, with CPython's memoryview messages.
 */
public final class BufferFormats {
    private BufferFormats() {
    }

    /** The item size of a format ("@" prefix allowed), or -1 when it is not a native single-character format. */
    public static int itemSize(String format) {
        String f = format.startsWith("@") ? format.substring(1) : format;
        if (f.length() != 1) {
            return -1;
        }
        return switch (f.charAt(0)) {
            case 'c', 'b', 'B', '?' -> 1;
            case 'h', 'H', 'e' -> 2;
            case 'i', 'I', 'f' -> 4;
            case 'l', 'L', 'q', 'Q', 'n', 'N', 'd', 'P' -> 8;
            default -> -1;
        };
    }

    /** The format without its "@" prefix. */
    public static String plain(String format) {
        return format.startsWith("@") ? format.substring(1) : format;
    }

    /** Whether items of this format are bytes ('b', 'B' or 'c'): casts must start or end at one. */
    public static boolean isByteFormat(String format) {
        String f = plain(format);
        return f.equals("B") || f.equals("b") || f.equals("c");
    }

    @TruffleBoundary
    public static Object read(MemorySegment m, long at, String format) {
        return switch (plain(format).charAt(0)) {
            case 'c' -> new PBytes(new byte[] {m.get(ValueLayout.JAVA_BYTE, at)});
            case 'b' -> (long) m.get(ValueLayout.JAVA_BYTE, at);
            case 'B' -> (long) (m.get(ValueLayout.JAVA_BYTE, at) & 0xff);
            case '?' -> m.get(ValueLayout.JAVA_BYTE, at) != 0;
            case 'h' -> (long) m.get(ValueLayout.JAVA_SHORT_UNALIGNED, at);
            case 'H' -> (long) (m.get(ValueLayout.JAVA_SHORT_UNALIGNED, at) & 0xffff);
            case 'i' -> (long) m.get(ValueLayout.JAVA_INT_UNALIGNED, at);
            case 'I' -> m.get(ValueLayout.JAVA_INT_UNALIGNED, at) & 0xffffffffL;
            case 'l', 'q', 'n' -> m.get(ValueLayout.JAVA_LONG_UNALIGNED, at);
            case 'L', 'Q', 'N', 'P' -> unsigned(m.get(ValueLayout.JAVA_LONG_UNALIGNED, at));
            case 'f' -> (double) m.get(ValueLayout.JAVA_FLOAT_UNALIGNED, at);
            case 'd' -> m.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, at);
            case 'e' -> (double) Float.float16ToFloat(m.get(ValueLayout.JAVA_SHORT_UNALIGNED, at));
            default -> throw Errors.make("NotImplementedError", "memoryview: format %s not supported", format);
        };
    }

    private static Object unsigned(long v) {
        return v >= 0 ? v : BigInteger.valueOf(v).add(BigInteger.ONE.shiftLeft(64));
    }

    /** Writes {@code value} as one item; TypeError or ValueError "memoryview: invalid type/value for format 'X'". */
    @TruffleBoundary
    public static void write(MemorySegment m, long at, String format, Object value) {
        char f = plain(format).charAt(0);
        switch (f) {
            case 'c' -> {
                if (!(value instanceof PBytes b)) {
                    throw invalid("type", format, true);
                }
                if (b.bytes().length != 1) {
                    throw invalid("value", format, false);
                }
                m.set(ValueLayout.JAVA_BYTE, at, b.bytes()[0]);
            }
            case '?' -> m.set(ValueLayout.JAVA_BYTE, at, (byte) (Conversions.isTrue(value) ? 1 : 0));
            case 'f', 'd', 'e' -> {
                if (!Types.isNumber(value) && Types.override(value, "__float__") == null && Types.override(value, "__index__") == null) {
                    throw invalid("type", format, true);
                }
                double d = Conversions.asDouble(Types.isNumber(value) || Types.override(value, "__float__") != null ? value : Conversions.index(value));
                if (f == 'd') {
                    m.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, at, d);
                } else if (f == 'f') {
                    float x = (float) d;
                    if (Float.isInfinite(x) && !Double.isInfinite(d)) {
                        throw Errors.overflowError("float too large to pack with f format");
                    }
                    m.set(ValueLayout.JAVA_FLOAT_UNALIGNED, at, x);
                } else {
                    m.set(ValueLayout.JAVA_SHORT_UNALIGNED, at, Float.floatToFloat16((float) d));
                }
            }
            default -> writeInteger(m, at, format, f, value);
        }
    }

    private static void writeInteger(MemorySegment m, long at, String format, char f, Object value) {
        if (!Types.isInt(value) && Types.override(value, "__index__") == null) {
            throw invalid("type", format, true);
        }
        BigInteger v = Conversions.asBig(Conversions.index(value));
        int bits = itemSize(format) * 8;
        boolean signed = Character.isLowerCase(f);
        BigInteger min = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
        BigInteger max = signed ? BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE) : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            throw invalid("value", format, false);
        }
        long bitsValue = v.longValue();
        switch (bits) {
            case 8 -> m.set(ValueLayout.JAVA_BYTE, at, (byte) bitsValue);
            case 16 -> m.set(ValueLayout.JAVA_SHORT_UNALIGNED, at, (short) bitsValue);
            case 32 -> m.set(ValueLayout.JAVA_INT_UNALIGNED, at, (int) bitsValue);
            default -> m.set(ValueLayout.JAVA_LONG_UNALIGNED, at, bitsValue);
        }
    }

    private static RuntimeException invalid(String what, String format, boolean type) {
        String message = "memoryview: invalid " + what + " for format '" + format + "'";
        return type ? Errors.typeError("%s", message) : Errors.valueError("%s", message);
    }
}
