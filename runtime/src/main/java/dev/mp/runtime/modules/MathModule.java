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
        real(m, "cosh", MathModule::cosh, true);
        // StrictMath's tanh is the C library's algorithm; Math's (a JIT intrinsic) differs in the last digit.
        real(m, "tanh", StrictMath::tanh, false);
        real(m, "asinh", MathModule::asinh, false);
        real(m, "acosh", MathModule::acosh, false);
        real(m, "atanh", MathModule::atanh, false);
        real(m, "log1p", x -> x <= -1 ? Double.NaN : Math.log1p(x), false);
        real(m, "fabs", Math::abs, false);
        real(m, "cbrt", Math::cbrt, false);
        real(m, "erf", SpecialFunctions::erf, false);
        real(m, "erfc", SpecialFunctions::erfc, false);
        real(m, "gamma", SpecialFunctions::gamma, true);
        real(m, "lgamma", SpecialFunctions::lgamma, true);
        // Plain products, which may overflow to an infinity without an error.
        moduleFunction(m, "degrees", "x, /", a -> Math.toDegrees(toDouble(a[0])));
        moduleFunction(m, "radians", "x, /", a -> Math.toRadians(toDouble(a[0])));
        moduleFunction(m, "atan2", "y, x, /", a -> atan2(toDouble(a[0]), toDouble(a[1])));
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
        moduleFunction(m, "hypot", "*coordinates", a -> {
            Object[] items = ((PTuple) a[0]).items();
            double[] coordinates = new double[items.length];
            for (int i = 0; i < items.length; i++) {
                coordinates[i] = Math.abs(toDouble(items[i]));
            }
            return vectorNorm(coordinates);
        });
        moduleFunction(m, "dist", "p, q, /", a -> {
            Object[] p = Iteration.toArray(a[0]);
            Object[] q = Iteration.toArray(a[1]);
            if (p.length != q.length) {
                throw Errors.valueError("both points must have the same number of dimensions");
            }
            double[] diffs = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                diffs[i] = Math.abs(toDouble(p[i]) - toDouble(q[i]));
            }
            return vectorNorm(diffs);
        });
        moduleFunction(m, "ldexp", "x, i, /", a -> {
            double x = toDouble(a[0]);
            // Only an int is an exponent (not an object with __index__), as in CPython.
            Object i = Types.isInt(Types.baseValue(a[1])) ? Conversions.index(a[1]) : null;
            if (i == null) {
                throw Errors.typeError("Expected an int as second argument to ldexp.");
            }
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
            double num = log(a[0], Math::log);
            if (a[1] == null) {
                return num;
            }
            double den = log(a[1], Math::log);
            if (den == 0) {
                throw Errors.zeroDivision("float division by zero");
            }
            return num / den;
        });
        moduleFunction(m, "log2", "x, /", a -> log(a[0], MathModule::log2));
        moduleFunction(m, "log10", "x, /", a -> log(a[0], MathModule::log10));

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

        moduleFunction(m, "factorial", "n, /", a -> factorial(a[0]));
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
            BigInteger n = integer(a[0]);
            BigInteger k = integer(a[1]);
            checkNonNegative(n, k);
            BigInteger smaller = k.min(n.subtract(k));
            if (smaller.signum() < 0) {
                return 0L;
            }
            if (smaller.bitLength() > 63) {
                throw Errors.overflowError("min(n - k, k) must not exceed %d", Long.MAX_VALUE);
            }
            return Conversions.normalize(productRange(n.subtract(smaller).add(BigInteger.ONE), n).divide(productRange(BigInteger.ONE, smaller)));
        });
        moduleFunction(m, "perm", "n, k=None, /", a -> {
            if (a[1] == dev.mp.runtime.objects.PNone.NONE) {
                return factorial(a[0]);
            }
            BigInteger n = integer(a[0]);
            BigInteger k = integer(a[1]);
            checkNonNegative(n, k);
            if (k.compareTo(n) > 0) {
                return 0L;
            }
            if (k.bitLength() > 63) {
                throw Errors.overflowError("k must not exceed %d", Long.MAX_VALUE);
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
        double r;
        if (ax > 0x1p28) {
            r = Math.log(ax) + LN2;
        } else if (ax > 2) {
            r = Math.log(2 * ax + 1 / (Math.sqrt(ax * ax + 1) + ax));
        } else {
            double t = ax * ax;
            r = Math.log1p(ax + t / (1 + Math.sqrt(1 + t)));
        }
        return Math.copySign(r, x);
    }

    private static double pow(double x, double y) {
        // C99's results where Java's differ: 1**y and (-1)**(+-inf) are 1.
        if (x == 1 || (x == -1 && Double.isInfinite(y))) {
            return 1.0;
        }
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
        return r;
    }

    /**
     * The Euclidean norm of non-negative coordinates, as CPython computes it so that results agree to the last
     * bit: scaled by a power of two, squared exactly by Veltkamp-Dekker splitting, summed with compensation, and
     * the square root corrected by one Newton step.
     */
    private static double vectorNorm(double[] v) {
        double max = 0;
        boolean nan = false;
        for (double x : v) {
            nan |= Double.isNaN(x);
            if (x > max) {
                max = x; // not Math.max, which would make a NaN the maximum over an infinity
            }
        }
        if (Double.isInfinite(max)) {
            return max;
        }
        if (nan) {
            return Double.NaN;
        }
        if (max == 0 || v.length <= 1) {
            return max;
        }
        int maxExponent = Math.getExponent(max) + 1;
        double csum = 1.0;
        double frac1 = 0;
        if (maxExponent < -1022) {
            // Subnormal: 2**-maxExponent would overflow, so divide by the largest coordinate instead.
            for (double x : v) {
                double sq = (x / max) * (x / max);
                double old = csum;
                csum += sq;
                frac1 += (old - csum) + sq;
            }
            return max * Math.sqrt(csum - 1.0 + frac1);
        }
        double scale = Math.scalb(1.0, -maxExponent);
        double frac2 = 0;
        double frac3 = 0;
        for (double coordinate : v) {
            double x = coordinate * scale;
            double t = x * SPLITTER;
            double hi = t - (t - x);
            double lo = x - hi;
            double sq = hi * hi;
            double old = csum;
            csum += sq;
            frac1 += (old - csum) + sq;
            double cross = 2.0 * hi * lo;
            old = csum;
            csum += cross;
            frac2 += (old - csum) + cross;
            frac3 += lo * lo;
        }
        double h = Math.sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
        double t = h * SPLITTER;
        double hi = t - (t - h);
        double lo = h - hi;
        double x = -hi * hi;
        double old = csum;
        csum += x;
        frac1 += (old - csum) + x;
        x = -2.0 * hi * lo;
        old = csum;
        csum += x;
        frac2 += (old - csum) + x;
        x = -lo * lo;
        old = csum;
        csum += x;
        frac3 += (old - csum) + x;
        x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }

    /** 2**27 + 1, which splits a double into two halves of 26 bits. */
    private static final double SPLITTER = 134217729.0;

    /** atan2 with C99's special values, and pi/2 where y/x is beyond 2**60 (Java's answer there is one ulp above). */
    private static double atan2(double y, double x) {
        if (Double.isFinite(x) && Double.isFinite(y) && y != 0 && (x == 0 || Math.getExponent(y) - Math.getExponent(x) > 60)) {
            return Math.copySign(Math.PI / 2, y);
        }
        return Math.atan2(y, x);
    }

    /** cosh by exp as C libraries compute it, since Java's differs in the last digit (cosh(1)). */
    private static double cosh(double x) {
        double ax = Math.abs(x);
        if (Double.isNaN(x)) {
            return x;
        }
        if (ax < 0.5 * LN2) {
            double t = Math.expm1(ax);
            double w = 1 + t;
            return ax < 0x1p-55 ? w : 1 + (t * t) / (w + w);
        }
        if (ax < 22) {
            double t = Math.exp(ax);
            return 0.5 * t + 0.5 / t;
        }
        if (ax < 709.782712893384) {
            return 0.5 * Math.exp(ax);
        }
        double w = Math.exp(0.5 * ax);
        return 0.5 * w * w;
    }

    /** acosh without overflow for large x, by the formulas C libraries use. */
    private static double acosh(double x) {
        if (x < 1) {
            return Double.NaN;
        }
        if (x >= 0x1p28) {
            return Double.isInfinite(x) ? x : Math.log(x) + LN2;
        }
        if (x > 2) {
            return Math.log(2 * x - 1 / (x + Math.sqrt(x * x - 1)));
        }
        double t = x - 1;
        return Math.log1p(t + Math.sqrt(2 * t + t * t));
    }

    /** atanh by log1p, as C libraries compute it. */
    private static double atanh(double x) {
        double ax = Math.abs(x);
        if (ax >= 1) {
            return Double.isNaN(x) ? x : Double.NaN;
        }
        double r;
        if (ax < 0.5) {
            double t = ax + ax;
            r = 0.5 * Math.log1p(t + t * ax / (1 - ax));
        } else {
            r = 0.5 * Math.log1p((ax + ax) / (1 - ax));
        }
        return Math.copySign(r, x);
    }

    /**
     * log2 as k + log(m) / ln 2 for x = m 2**k with m near 1, in double-double arithmetic before the last
     * rounding: exact at the powers of two and almost always correctly rounded, as the C library's.
     */
    private static double log2(double x) {
        if (!(x > 0) || !Double.isFinite(x)) {
            return Math.log(x);
        }
        int k = Math.getExponent(x);
        if (k < Double.MIN_EXPONENT) {
            x *= 0x1p54;
            k = Math.getExponent(x) - 54;
        }
        double m = Math.scalb(x, -Math.getExponent(x));
        if (m > SQRT2) {
            m /= 2;
            k++;
        }
        double lm = Math.log(m);
        double hi = lm * INV_LN2;
        double lo = Math.fma(lm, INV_LN2, -hi) + lm * INV_LN2_LO;
        double sum = k + hi;
        double err = k == 0 ? 0 : (k - sum) + hi;
        return sum + (err + lo);
    }

    private static final double SQRT2 = Math.sqrt(2);

    /**
     * log10 as the C library computes it, from the natural logarithm of the mantissa and log10(2) split in two
     * (Java's log10 differs in the last digit for about one argument in ten).
     */
    private static double log10(double x) {
        if (!(x > 0) || !Double.isFinite(x)) {
            return Math.log10(x);
        }
        int k = Math.getExponent(x);
        if (k < Double.MIN_EXPONENT) {
            k = Math.getExponent(x * 0x1p54) - 54;
        }
        // The mantissa in [1, 2) for x >= 1, in [0.5, 1) below, so that k and the mantissa's log do not cancel.
        int y = k < 0 ? k + 1 : k;
        double mantissa = Math.scalb(x, -y);
        double z = y * LOG10_2_LO + INV_LN10 * Math.log(mantissa);
        return z + y * LOG10_2_HI;
    }

    /** 1 / ln 10, and log10(2) as a double with trailing zeros plus the rest. */
    private static final double INV_LN10 = 4.34294481903251816668e-01;
    private static final double LOG10_2_HI = 3.01029995663611771306e-01;
    private static final double LOG10_2_LO = 3.69423907715893078616e-13;
    /** 1 / ln 2 as the sum of two doubles. */
    private static final double INV_LN2 = 1.4426950408889634;
    private static final double INV_LN2_LO = 2.0355273740931033e-17;

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
    private static double log(Object x, DoubleUnaryOperator f) {
        if (Types.baseValue(x) instanceof BigInteger big) {
            if (big.signum() <= 0) {
                throw Errors.valueError("math domain error");
            }
            double d = big.doubleValue();
            if (Double.isFinite(d)) {
                return f.applyAsDouble(d);
            }
            // Beyond the float range: x = m * 2**e with 0.5 <= m < 1, as CPython's loghelper splits it.
            int e = big.bitLength();
            // The top 63 bits with a sticky bit for the rest round to 53 bits exactly as the whole would.
            long top = big.shiftRight(e - 63).longValue() | (big.getLowestSetBit() < e - 63 ? 1 : 0);
            double m = top / 0x1p63;
            if (m == 1.0) {
                m = 0.5;
                e++;
            }
            return f.applyAsDouble(m) + f.applyAsDouble(2.0) * e;
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

    /**
     * The correctly rounded sum of floats by Shewchuk's exact partial sums, as CPython computes it: an
     * intermediate partial that overflows is an error even where the exact sum would be in range.
     */
    private static double fsum(List<Object> items) {
        double[] partials = new double[8];
        int n = 0;
        double specialSum = 0;
        double infSum = 0;
        for (Object o : items) {
            double x = toDouble(o);
            double original = x;
            int i = 0;
            for (int j = 0; j < n; j++) {
                double y = partials[j];
                if (Math.abs(x) < Math.abs(y)) {
                    double t = x;
                    x = y;
                    y = t;
                }
                double hi = x + y;
                double lo = y - (hi - x);
                if (lo != 0) {
                    partials[i++] = lo;
                }
                x = hi;
            }
            n = i;
            if (x != 0) {
                if (!Double.isFinite(x)) {
                    if (Double.isFinite(original)) {
                        throw Errors.overflowError("intermediate overflow in fsum");
                    }
                    if (Double.isInfinite(original)) {
                        infSum += original;
                    }
                    specialSum += original;
                    n = 0;
                } else {
                    if (n == partials.length) {
                        partials = java.util.Arrays.copyOf(partials, 2 * n);
                    }
                    partials[n++] = x;
                }
            }
        }
        if (specialSum != 0) {
            if (Double.isNaN(infSum)) {
                throw Errors.valueError("-inf + inf in fsum");
            }
            return specialSum;
        }
        double hi = 0;
        if (n > 0) {
            hi = partials[--n];
            double lo = 0;
            // Add the partials from the top until the sum becomes inexact.
            while (n > 0) {
                double x = hi;
                double y = partials[--n];
                hi = x + y;
                lo = y - (hi - x);
                if (lo != 0) {
                    break;
                }
            }
            // Round half to even across the remaining partials: they may tip a tie.
            if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
                double y = lo * 2;
                double x = hi + y;
                if (y == x - hi) {
                    hi = x;
                }
            }
        }
        return hi;
    }

    /** An integer argument (via {@code __index__}) as a BigInteger. */
    private static BigInteger integer(Object o) {
        return Conversions.asBig(Conversions.index(o));
    }

    /** comb's and perm's check of their arguments, n's first. */
    private static void checkNonNegative(BigInteger n, BigInteger k) {
        if (n.signum() < 0) {
            throw Errors.valueError("n must be a non-negative integer");
        }
        if (k.signum() < 0) {
            throw Errors.valueError("k must be a non-negative integer");
        }
    }

    private static Object factorial(Object arg) {
        BigInteger n = integer(arg);
        if (n.signum() < 0) {
            throw Errors.valueError("factorial() not defined for negative values");
        }
        if (n.bitLength() > 63) {
            throw Errors.overflowError("factorial() argument should not exceed %d", Long.MAX_VALUE);
        }
        return Conversions.normalize(productRange(BigInteger.ONE, n));
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
