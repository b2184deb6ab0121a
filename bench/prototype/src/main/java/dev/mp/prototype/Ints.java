package dev.mp.prototype;

import java.math.BigInteger;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/** Python int arithmetic past the range of {@code long}: the slow paths both designs share. */
final class Ints {
    private Ints() {
    }

    @TruffleBoundary
    static Object add(Object a, Object b) {
        return normalize(big(a).add(big(b)));
    }

    @TruffleBoundary
    static Object sub(Object a, Object b) {
        return normalize(big(a).subtract(big(b)));
    }

    @TruffleBoundary
    static Object mod(Object a, Object b) {
        BigInteger d = big(b);
        BigInteger r = big(a).mod(d.abs());
        return normalize(d.signum() < 0 && r.signum() != 0 ? r.add(d) : r);
    }

    @TruffleBoundary
    static boolean less(Object a, Object b) {
        return big(a).compareTo(big(b)) < 0;
    }

    private static BigInteger big(Object o) {
        if (o instanceof Long l) {
            return BigInteger.valueOf(l);
        }
        if (o instanceof BigInteger b) {
            return b;
        }
        throw new IllegalArgumentException("not an int: " + o);
    }

    private static Object normalize(BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }
}
