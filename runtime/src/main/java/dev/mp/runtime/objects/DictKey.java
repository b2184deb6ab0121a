package dev.mp.runtime.objects;

import java.math.BigInteger;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Types;

/**
 * Maps a Python value to the Java object that stands for it as a hash key, so that values Python deems
 * equal ({@code 1}, {@code 1.0}, {@code True}) are one key in Java hash maps.
 */
public final class DictKey {
    private DictKey() {
    }

    /** Raises TypeError for unhashable values, as Python does when one is used as a key. */
    @TruffleBoundary
    public static Object of(Object key) {
        if (key instanceof String || key instanceof Long) {
            return key;
        }
        if (key instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (key instanceof Double d) {
            double v = d;
            if (v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 9.2e18) {
                return (long) v;
            }
            if (v == Math.rint(v) && !Double.isInfinite(v)) {
                return new java.math.BigDecimal(v).toBigInteger();
            }
            return d;
        }
        if (key instanceof BigInteger) {
            return key;
        }
        if (key instanceof PComplex c && c.imag == 0.0 && Types.override(c, "__eq__") == null && Types.override(c, "__hash__") == null) {
            return of(c.real); // equal to its real part, so the same key
        }
        if (key instanceof PList || key instanceof PDict || key instanceof PSet set && !set.isFrozen() || key instanceof PByteArray
                || key instanceof PSlice) {
            throw Errors.typeError("unhashable type: '%s'", Types.typeName(key));
        }
        if (key instanceof PBoxed boxed) {
            // Without its own __hash__ and __eq__, an instance of a subclass of int, float or str is the same key as its value.
            Object hash = Types.override(boxed, "__hash__");
            if (hash == PNone.NONE) {
                throw Errors.typeError("unhashable type: '%s'", Types.typeName(key));
            }
            return hash == null && Types.override(boxed, "__eq__") == null ? of(boxed.value()) : key;
        }
        if (key instanceof PInstance inst && inst.getPythonClass().lookup("__hash__") == PNone.NONE) {
            throw Errors.typeError("unhashable type: '%s'", Types.typeName(key));
        }
        return key;
    }
}
