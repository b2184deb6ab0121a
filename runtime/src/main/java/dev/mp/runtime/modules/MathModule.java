package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.moduleFunction;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Arithmetic;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Iteration;
import dev.mp.runtime.ops.Types;

/**
 * The {@code math} module, with CPython's results at the edges: "math domain error" (ValueError) where the
 * result is not a real number, "math range error" (OverflowError) where it overflows.
 */
final class MathModule {
    private MathModule() {
    }

    private static final double LN2 = Math.log(2);

    static void populate(PModule m) {
        m.dict().put("pi", Math.PI);
        m.dict().put("e", Math.E);
        m.dict().put("tau", 2 * Math.PI);
        m.dict().put("inf", Double.POSITIVE_INFINITY);
        m.dict().put("nan", Double.NaN);

        // Functions of one float, as CPython's math_1: NaN from a non-NaN is a domain error, infinity from a
        // finite argument is a range error where the function can overflow and a domain error elsewhere.
        real(m, "sqrt", Math::sqrt, false);
        real(m, "exp", Math::exp, true);
        real(m, "exp2", x -> Math.pow(2, x), true);
        real(m, "expm1", Math::expm1, true);
        real(m, "sin", Math::sin, false);
        real(m, "cos", Math::cos, false);
        real(m, "tan", Math::tan, false);
        real(m, "asin", Math::asin, false);
        real(m, "acos", Math::acos, false);
        real(m, "atan", Math::atan, false);
        real(m, "sinh", Math::sinh, true);
        real(m, "cosh", Math::cosh, true);
        real(m, "tanh", Math::tanh, false);
        real(m, "asinh", MathModule::asinh, false);
        real(m, "acosh", x -> x < 1 ? Double.NaN : Math.log(x + Math.sqrt(x * x - 1)), false);
        real(m, "atanh", x -> Math.abs(x) >= 1 ? Double.NaN : 0.5 * Math.log1p(2 * x / (1 - x)), false);
        real(m, "log1p", x -> x <= -1 ? Double.NaN : Math.log1p(x), false);
        real(m, "fabs", Math::abs, false);
        real(m, "cbrt", Math::cbrt, false);
        real(m, "erf", SpecialFunctions::erf, false);
        real(m, "erfc", SpecialFunctions::erfc, false);
        real(m, "gamma", SpecialFunctions::gamma, true);
        real(m, "lgamma", SpecialFunctions::lgamma, true);
        real(m, "degrees", Math::toDegrees, true);
        real(m, "radians", Math::toRadians, false);
        moduleFunction(m, "atan2", "y, x, /", a -> Math.atan2(toDouble(a[0]), toDouble(a[1])));
        moduleFunction(m, "copysign", "x, y, /", a -> Math.copySign(toDouble(a[0]), toDouble(a[1])));
        moduleFunction(m, "fmod", "x, y, /", a -> {
            double x = toDouble(a[0]);
            double y = toDouble(a[1]);
            if (Double.isInfinite(y) && Double.isFinite(x)) {
                return x;
            }
            return checked(x % y, x, y, false);
        });
        moduleFunction(m, "remainder", "x, y, /", a -> {
            double x = toDouble(a[0]);
            double y = toDouble(a[1]);
            if (Double.isInfinite(y) && Double.isFinite(x)) {
                return x;
            }
            return checked(Math.IEEEremainder(x, y), x, y, false);
        });
        moduleFunction(m, "pow", "x, y, /", a -> pow(toDouble(a[0]), toDouble(a[1])));
        moduleFunction(m, "hypot", "*coordinates", a -> hypot(((PTuple) a[0]).items()));
        moduleFunction(m, "dist", "p, q, /", a -> {
            Object[] p = Iteration.toArray(a[0]);
            Object[] q = Iteration.toArray(a[1]);
            if (p.length != q.length) {
                throw Errors.valueError("both points must have the same number of dimensions");
            }
            Object[] diffs = new Object[p.length];
            for (int i = 0; i < p.length; i++) {
                diffs[i] = toDouble(p[i]) - toDouble(q[i]);
            }
            return hypot(diffs);
        });
        moduleFunction(m, "ldexp", "x, i, /", a -> {
            double x = toDouble(a[0]);
            Object i = Conversions.index(a[1]);
            int exp = i instanceof BigInteger b ? (b.signum() < 0 ? Integer.MIN_VALUE / 2 : Integer.MAX_VALUE / 2)
                    : (int) Math.max(Integer.MIN_VALUE / 2, Math.min(Integer.MAX_VALUE / 2, (Long) i));
            return checked(Math.scalb(x, exp), x, 0, true);
        });
        moduleFunction(m, "frexp", "x, /", a -> frexp(toDouble(a[0])));
        moduleFunction(m, "modf", "x, /", a -> {
            double x = toDouble(a[0]);
            if (Double.isInfinite(x)) {
                return PTuple.of(Math.copySign(0.0, x), x);
            }
            double whole = x < 0 ? Math.ceil(x) : Math.floor(x);
            return PTuple.of(Math.copySign(x - whole, x), whole);
        });
        moduleFunction(m, "isfinite", "x, /", a -> Double.isFinite(toDouble(a[0])));
        moduleFunction(m, "isinf", "x, /", a -> Double.isInfinite(toDouble(a[0])));
        moduleFunction(m, "isnan", "x, /", a -> Double.isNaN(toDouble(a[0])));
        moduleFunction(m, "isclose", "a, b, *, rel_tol=1e-09, abs_tol=0.0", a -> isClose(toDouble(a[0]), toDouble(a[1]), toDouble(a[2]),
                toDouble(a[3])));
        moduleFunction(m, "nextafter", "x, y, /", a -> Math.nextAfter(toDouble(a[0]), toDouble(a[1])));
        moduleFunction(m, "ulp", "x, /", a -> {
            double x = toDouble(a[0]);
            return Double.isInfinite(x) ? Math.abs(x) : Math.ulp(x);
        });
        moduleFunction(m, "log", "x, base=?, /", a -> {
            double num = log(a[0], Math::log, Math.E);
            if (a[1] == null) {
                return num;
            }
            double den = log(a[1], Math::log, Math.E);
            if (den == 0) {
                throw Errors.zeroDivision("float division by zero");
            }
            return num / den;
        });
        moduleFunction(m, "log2", "x, /", a -> log(a[0], x -> Math.log(x) / LN2, 2));
        moduleFunction(m, "log10", "x, /", a -> log(a[0], Math::log10, 10));

        moduleFunction(m, "floor", "x, /", a -> rounded(a[0], "__floor__", Math::floor));
        moduleFunction(m, "ceil", "x, /", a -> rounded(a[0], "__ceil__", Math::ceil));
        moduleFunction(m, "trunc", "x, /", a -> {
            if (Types.isInt(a[0])) {
                return Conversions.index(a[0]);
            }
            if (Types.baseValue(a[0]) instanceof Double d) {
                return toInt(d < 0 ? Math.ceil(d) : Math.floor(d));
            }
            Object method = Types.override(a[0], "__trunc__");
            if (method == null) {
                throw Errors.typeError("type %s doesn't define __trunc__ method", Types.typeName(a[0]));
            }
            return Calls.callDescriptor(method, a[0]);
        });
        moduleFunction(m, "fsum", "seq, /", a -> fsum(Iteration.toList(a[0])));
        moduleFunction(m, "prod", "iterable, /, *, start=1", a -> {
            Object product = a[1];
            for (Object o : Iteration.toList(a[0])) {
                product = Arithmetic.binary(Arithmetic.BinOp.MUL, product, o);
            }
            return product;
        });

        moduleFunction(m, "factorial", "n, /", a -> {
            BigInteger n = integer(a[0]);
            if (n.signum() < 0) {
                throw Errors.valueError("factorial() not defined for negative values");
            }
            if (n.bitLength() > 63) {
                throw Errors.overflowError("factorial() argument should not exceed %d", Long.MAX_VALUE);
            }
            return Conversions.normalize(productRange(BigInteger.ONE, n));
        });
        moduleFunction(m, "gcd", "*integers", a -> {
            BigInteger g = BigInteger.ZERO;
            for (Object o : ((PTuple) a[0]).items()) {
                g = g.gcd(integer(o));
            }
            return Conversions.normalize(g);
        });
        moduleFunction(m, "lcm", "*integers", a -> {
            BigInteger l = BigInteger.ONE;
            for (Object o : ((PTuple) a[0]).items()) {
                BigInteger v = integer(o).abs();
                l = v.signum() == 0 || l.signum() == 0 ? BigInteger.ZERO : l.divide(l.gcd(v)).multiply(v);
            }
            return Conversions.normalize(l);
        });
        moduleFunction(m, "isqrt", "n, /", a -> {
            BigInteger n = integer(a[0]);
            if (n.signum() < 0) {
                throw Errors.valueError("isqrt() argument must be nonnegative");
            }
            return Conversions.normalize(n.sqrt());
        });
        moduleFunction(m, "comb", "n, k, /", a -> {
            BigInteger n = nonNegative(a[0], "n");
            BigInteger k = nonNegative(a[1], "k");
            if (k.compareTo(n) > 0) {
                return 0L;
            }
            BigInteger smaller = k.min(n.subtract(k));
            return Conversions.normalize(productRange(n.subtract(smaller).add(BigInteger.ONE), n).divide(productRange(BigInteger.ONE, smaller)));
        });
        moduleFunction(m, "perm", "n, k=None, /", a -> {
            BigInteger n = nonNegative(a[0], "n");
            BigInteger k = a[1] == dev.mp.runtime.objects.PNone.NONE ? n : nonNegative(a[1], "k");
            if (k.compareTo(n) > 0) {
                return 0L;
            }
            return Conversions.normalize(productRange(n.subtract(k).add(BigInteger.ONE), n));
        });
    }

    private static void real(PModule m, String name, DoubleUnaryOperator f, boolean canOverflow) {
        moduleFunction(m, name, "x, /", a -> {
            double x = toDouble(a[0]);
            return checked(f.applyAsDouble(x), x, 0, canOverflow);
        });
    }

    /** A float argument: a float, an int (OverflowError when too large) or an object with {@code __float__}. */
    static double toDouble(Object o) {
        return Conversions.asDouble(o);
    }

    /**
     * Checks a result computed from finite or infinite arguments {@code x} (and {@code y}): NaN from non-NaN
     * arguments is a domain error; an infinity from finite ones a range error, or a domain error where the
     * function has a pole rather than an overflow.
     */
    private static double checked(double r, double x, double y, boolean canOverflow) {
        if (Double.isNaN(r) && !Double.isNaN(x) && !Double.isNaN(y)) {
            throw Errors.valueError("math domain error");
        }
        if (Double.isInfinite(r) && Double.isFinite(x) && Double.isFinite(y)) {
            if (canOverflow) {
                throw Errors.overflowError("math range error");
            }
            throw Errors.valueError("math domain error");
        }
        return r;
    }

    static double asinh(double x) {
        if (Double.isInfinite(x) || x == 0) {
            return x;
        }
        double ax = Math.abs(x);
        double r = ax > 1e8 ? Math.log(ax) + LN2 : Math.log1p(ax + ax * ax / (1 + Math.sqrt(1 + ax * ax)));
        return Math.copySign(r, x);
    }

    private static double pow(double x, double y) {
        if (x == 0 && y < 0 && Double.isFinite(y)) {
            throw Errors.valueError("math domain error");
        }
        double r = Math.pow(x, y);
        if (Double.isNaN(r) && !Double.isNaN(x) && !Double.isNaN(y)) {
            throw Errors.valueError("math domain error");
        }
        if (Double.isInfinite(r) && Double.isFinite(x) && Double.isFinite(y)) {
            throw Errors.overflowError("math range error");
        }
        // CPython defines 1**nan and nan**0 as 1, as C99 does; Java agrees on the second only.
        return x == 1 ? 1.0 : r;
    }

    private static double hypot(Object[] coordinates) {
        double max = 0;
        boolean nan = false;
        double[] values = new double[coordinates.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.abs(toDouble(coordinates[i]));
            if (Double.isInfinite(values[i])) {
                return Double.POSITIVE_INFINITY;
            }
            nan |= Double.isNaN(values[i]);
            max = Math.max(max, values[i]);
        }
        if (nan) {
            return Double.NaN;
        }
        if (values.length == 2) {
            return Math.hypot(values[0], values[1]);
        }
        if (max == 0) {
            return 0.0;
        }
        double sum = 0;
        for (double v : values) {
            double scaled = v / max;
            sum += scaled * scaled;
        }
        return max * Math.sqrt(sum);
    }

    private static PTuple frexp(double x) {
        if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) {
            return PTuple.of(x, 0L);
        }
        int exponent = Math.getExponent(x);
        if (exponent == Double.MIN_EXPONENT - 1) {
            // Subnormal: scale into the normal range first.
            PTuple scaled = frexp(x * 0x1p54);
            return PTuple.of(scaled.get(0), (Long) scaled.get(1) - 54);
        }
        return PTuple.of(Math.scalb(x, -(exponent + 1)), (long) (exponent + 1));
    }

    private static boolean isClose(double a, double b, double relTol, double absTol) {
        if (relTol < 0 || absTol < 0) {
            throw Errors.valueError("tolerances must be non-negative");
        }
        if (a == b) {
            return true;
        }
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return false;
        }
        double diff = Math.abs(b - a);
        return diff <= Math.abs(relTol * b) || diff <= Math.abs(relTol * a) || diff <= absTol;
    }

    /**
     * A logarithm of an int or float; a large int goes through its bit length, so that ints beyond the float
     * range have logarithms too.
     */
    private static double log(Object x, DoubleUnaryOperator f, double base) {
        if (x instanceof BigInteger big) {
            if (big.signum() <= 0) {
                throw Errors.valueError("math domain error");
            }
            int shift = Math.max(0, big.bitLength() - 60);
            double mantissa = big.shiftRight(shift).doubleValue();
            return f.applyAsDouble(mantissa) + shift * (Math.log(2) / Math.log(base));
        }
        double v = toDouble(x);
        if (v <= 0 && !Double.isNaN(v)) {
            throw Errors.valueError("math domain error");
        }
        return f.applyAsDouble(v);
    }

    /** floor and ceil: ints as they are, floats to int, else the object's {@code __floor__}/{@code __ceil__}. */
    private static Object rounded(Object x, String method, DoubleUnaryOperator f) {
        if (Types.isInt(x)) {
            return Conversions.index(x);
        }
        if (!(x instanceof Double)) {
            Object m = Types.override(x, method);
            if (m != null) {
                return Calls.callDescriptor(m, x);
            }
        }
        return toInt(f.applyAsDouble(toDouble(x)));
    }

    /** An integral float as an int, with CPython's errors for infinities and NaN. */
    static Object toInt(double d) {
        if (Double.isNaN(d)) {
            throw Errors.valueError("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(d)) {
            throw Errors.overflowError("cannot convert float infinity to integer");
        }
        if (Math.abs(d) < 9e18) {
            return (long) d;
        }
        return Conversions.normalize(new BigDecimal(d).toBigInteger());
    }

    /** The exact sum of floats, rounded once, with CPython's errors for infinities and overflow. */
    private static double fsum(List<Object> items) {
        BigDecimal exact = BigDecimal.ZERO;
        double special = 0;
        boolean hasSpecial = false;
        for (Object o : items) {
            double d = toDouble(o);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                if (hasSpecial && Double.isInfinite(d) && Double.isInfinite(special) && d != special) {
                    throw Errors.valueError("-inf + inf in fsum");
                }
                special = hasSpecial && Double.isNaN(special) ? special : d;
                hasSpecial = true;
            } else {
                exact = exact.add(new BigDecimal(d));
            }
        }
        if (hasSpecial) {
            return special;
        }
        double r = exact.doubleValue();
        if (Double.isInfinite(r)) {
            throw Errors.overflowError("intermediate overflow in fsum");
        }
        return r;
    }

    /** An integer argument (via {@code __index__}) as a BigInteger. */
    private static BigInteger integer(Object o) {
        return Conversions.asBig(Conversions.index(o));
    }

    private static BigInteger nonNegative(Object o, String name) {
        BigInteger v = integer(o);
        if (v.signum() < 0) {
            throw Errors.valueError("%s must be a non-negative integer", name);
        }
        return v;
    }

    /** The product of the integers from {@code low} to {@code high}, by halves so big products stay balanced. */
    private static BigInteger productRange(BigInteger low, BigInteger high) {
        int cmp = low.compareTo(high);
        if (cmp > 0) {
            return BigInteger.ONE;
        }
        if (cmp == 0) {
            return low;
        }
        if (high.subtract(low).compareTo(BigInteger.valueOf(16)) < 0) {
            BigInteger p = low;
            for (BigInteger i = low.add(BigInteger.ONE); i.compareTo(high) <= 0; i = i.add(BigInteger.ONE)) {
                p = p.multiply(i);
            }
            return p;
        }
        BigInteger mid = low.add(high).shiftRight(1);
        return productRange(low, mid).multiply(productRange(mid.add(BigInteger.ONE), high));
    }
}
