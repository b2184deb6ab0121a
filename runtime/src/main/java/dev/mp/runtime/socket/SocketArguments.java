package dev.mp.runtime.socket;

import java.math.BigInteger;

import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;

/** Python values as the C arguments of socket calls, with CPython's errors for values that do not fit. */
public final class SocketArguments {
    private SocketArguments() {
    }

    /** A Python int as a C int, with CPython's OverflowError messages. */
    public static int intArg(Object o) {
        Object v = Conversions.index(o);
        if (v instanceof BigInteger b) {
            throw Errors.overflowError(b.signum() > 0 ? "signed integer is greater than maximum" : "signed integer is less than minimum");
        }
        long l = (Long) v;
        if (l > Integer.MAX_VALUE) {
            throw Errors.overflowError("signed integer is greater than maximum");
        }
        if (l < Integer.MIN_VALUE) {
            throw Errors.overflowError("signed integer is less than minimum");
        }
        return (int) l;
    }

    /** A timeout in seconds: None (null), a float, or an int, as CPython's settimeout takes them. */
    public static Double timeoutArg(Object o) {
        if (o == PNone.NONE) {
            return null;
        }
        if (o instanceof Double d) {
            return d;
        }
        Object v = Conversions.index(o);
        if (v instanceof BigInteger) {
            throw Errors.overflowError("timestamp too large to convert to C _PyTime_t");
        }
        return (double) (Long) v;
    }
}
