package dev.mp.runtime.modules;

import java.math.BigDecimal;
import java.math.RoundingMode;

import dev.mp.runtime.objects.PBoxed;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Types;

/** {@code round(number, ndigits)}: round-half-even on the exact binary value, as CPython. */
final class Rounding {
    private Rounding() {
    }

    static Object round(Object number, Object ndigits) {
        if (number instanceof Double d) {
            if (ndigits == PNone.NONE) {
                if (Double.isNaN(d)) {
                    throw Errors.valueError("cannot convert float NaN to integer");
                }
                if (Double.isInfinite(d)) {
                    throw Errors.overflowError("cannot convert float infinity to integer");
                }
                return Conversions.normalize(new BigDecimal(d).setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact());
            }
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return d;
            }
            int n = (int) Conversions.asLong(ndigits);
            // A value rounded to zero keeps its sign, as in CPython: round(-1e-17, 12) is -0.0.
            return Math.copySign(new BigDecimal(d).setScale(n, RoundingMode.HALF_EVEN).doubleValue(), d);
        }
        if (Types.isInt(number) && !(number instanceof PBoxed)) {
            if (ndigits == PNone.NONE || Conversions.asLong(ndigits) >= 0) {
                return Conversions.index(number);
            }
            int n = (int) -Conversions.asLong(ndigits);
            BigDecimal v = new BigDecimal(Conversions.asBig(number)).setScale(-n, RoundingMode.HALF_EVEN);
            return Conversions.normalize(v.toBigInteger());
        }
        Object method = Types.override(number, "__round__");
        if (method == null && number instanceof PBoxed b && Types.isNumber(b)) {
            return round(b.value(), ndigits);
        }
        if (method == null) {
            throw Errors.typeError("type %s doesn't define __round__ method", Types.typeName(number));
        }
        return ndigits == PNone.NONE ? Calls.callDescriptor(method, number) : Calls.callDescriptor(method, number, ndigits);
    }
}
