package dev.mp.runtime.objects;

import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;

/**
 * Converts values crossing the boundary between mp and the outside (the host, through interop):
 * {@link #toMp} for values coming in, {@link #toInterop} for values going out.
 */
public final class HostValues {
    private HostValues() {
    }

    private static final InteropLibrary LIB = InteropLibrary.getUncached();

    /**
     * An mp value as an interop value. Every mp value is one already except an int outside the long range,
     * a {@code BigInteger}, which interop knows only as a number object.
     */
    public static Object toInterop(Object o) {
        return o instanceof java.math.BigInteger b ? new InteropBigInteger(b) : o;
    }

    /** Arguments for a call into foreign code, each converted with {@link #toInterop}. */
    public static Object[] toInterop(Object[] values) {
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = toInterop(values[i]);
        }
        return out;
    }

    /** Arguments from a call by foreign code, each converted with {@link #toMp}. */
    public static Object[] toMp(Object[] values) {
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = toMp(values[i]);
        }
        return out;
    }

    /**
     * A value from outside as an mp value: Java numbers widen to int (long or BigInteger) or float, chars
     * become str, interop null is None; any other foreign object (a host object) stays as it is.
     */
    public static Object toMp(Object o) {
        if (o == null) {
            return PNone.NONE;
        }
        if (o instanceof PObject || o instanceof Long || o instanceof String || o instanceof Boolean || o instanceof Double
                || o instanceof java.math.BigInteger) {
            return o;
        }
        if (o instanceof dev.mp.runtime.MpException e) {
            // A Python exception the host caught (PolyglotException.getGuestObject) and hands back.
            return e.pythonException();
        }
        if (o instanceof Integer i) {
            return (long) i;
        }
        if (o instanceof Short s) {
            return (long) s;
        }
        if (o instanceof Byte b) {
            return (long) b;
        }
        if (o instanceof Float f) {
            return (double) f;
        }
        if (o instanceof Character c) {
            return String.valueOf(c);
        }
        try {
            if (LIB.isNull(o)) {
                return PNone.NONE;
            }
            if (LIB.isBoolean(o)) {
                return LIB.asBoolean(o);
            }
            if (LIB.isString(o)) {
                return LIB.asString(o);
            }
            if (LIB.isNumber(o)) {
                if (LIB.fitsInLong(o)) {
                    return LIB.asLong(o);
                }
                if (LIB.fitsInBigInteger(o)) {
                    java.math.BigInteger b = LIB.asBigInteger(o);
                    return b.bitLength() < 64 ? (Object) b.longValue() : b; // an int in the long range is a long
                }
                if (LIB.fitsInDouble(o)) {
                    return LIB.asDouble(o);
                }
            }
        } catch (UnsupportedMessageException e) {
            return o;
        }
        return o;
    }
}
