package dev.mp.runtime.ops;

import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;

import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PObject;

/** Converts values that come from outside mp (interop primitives, host objects) into mp values. */
public final class HostValues {
    private HostValues() {
    }

    private static final InteropLibrary LIB = InteropLibrary.getUncached();

    public static Object toMp(Object o) {
        if (o == null) {
            return PNone.NONE;
        }
        if (o instanceof PObject || o instanceof Long || o instanceof String || o instanceof Boolean || o instanceof Double
                || o instanceof java.math.BigInteger) {
            return o;
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
                    return Conversions.normalize(LIB.asBigInteger(o));
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
