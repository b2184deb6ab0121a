package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.moduleFunction;

import java.util.function.UnaryOperator;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.objects.PComplex;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.ComplexNumbers;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;

/**
 * The {@code cmath} module. For finite arguments the functions use CPython's formulas (after Kahan), so the
 * branch cuts lie where CPython's do and the sign of a zero part selects the side of a cut. For non-finite
 * arguments the results follow C99 Annex G for sqrt, exp and log; the other functions compute through the
 * same formulas, with CPython's errors: NaN from an argument without NaN is "math domain error", an
 * infinite result from finite parts "math range error".
 */
final class CmathModule {
    private CmathModule() {
    }

    private static final double LARGE = Double.MAX_VALUE / 4;
    private static final double SQRT_LARGE = Math.sqrt(LARGE);
    private static final double LOG_LARGE = Math.log(LARGE);
    private static final double SQRT_DBL_MIN = Math.sqrt(Double.MIN_NORMAL);
    private static final double LN2 = 0.6931471805599453;
    private static final double LN10 = 2.302585092994046;
    private static final double INF = Double.POSITIVE_INFINITY;

    static void populate(PModule m) {
        m.dict().put("pi", Math.PI);
        m.dict().put("e", Math.E);
        m.dict().put("tau", 2 * Math.PI);
        m.dict().put("inf", INF);
        m.dict().put("nan", Double.NaN);
        m.dict().put("infj", new PComplex(0.0, INF));
        m.dict().put("nanj", new PComplex(0.0, Double.NaN));
        function(m, "sqrt", CmathModule::sqrt);
        function(m, "exp", CmathModule::exp);
        function(m, "log10", z -> {
            PComplex r = log(z);
            return new PComplex(r.real / LN10, r.imag / LN10);
        });
        function(m, "sin", z -> timesMinusI(sinh(timesI(z))));
        function(m, "cos", z -> cosh(timesI(z)));
        function(m, "tan", z -> timesMinusI(tanh(timesI(z))));
        function(m, "asin", z -> timesMinusI(asinh(timesI(z))));
        function(m, "acos", CmathModule::acos);
        function(m, "atan", z -> timesMinusI(atanh(timesI(z))));
        function(m, "sinh", CmathModule::sinh);
        function(m, "cosh", CmathModule::cosh);
        function(m, "tanh", CmathModule::tanh);
        function(m, "asinh", CmathModule::asinh);
        function(m, "acosh", CmathModule::acosh);
        function(m, "atanh", CmathModule::atanh);
        moduleFunction(m, "log", "x, base=?, /", a -> {
            if (a[1] == null) {
                return checked(ComplexNumbers.argument(a[0]), CmathModule::log);
            }
            // As CPython's: only the base's pole and a zero divisor are errors (a pole of x gives -inf+nanj).
            PComplex base = ComplexNumbers.argument(a[1]);
            PComplex q = ComplexNumbers.divide(log(ComplexNumbers.argument(a[0])), log(base));
            if (q == null || (base.real == 0.0 && base.imag == 0.0)) {
                throw Errors.valueError("math domain error");
            }
            return q;
        });
        moduleFunction(m, "phase", "z, /", a -> phase(ComplexNumbers.argument(a[0])));
        moduleFunction(m, "polar", "z, /", a -> {
            PComplex z = ComplexNumbers.argument(a[0]);
            double r = ComplexNumbers.hypot(z.real, z.imag);
            if (Double.isInfinite(r) && Double.isFinite(z.real) && Double.isFinite(z.imag)) {
                throw Errors.overflowError("math range error");
            }
            return PTuple.of(r, phase(z));
        });
        moduleFunction(m, "rect", "r, phi, /", a -> rect(Conversions.asDouble(a[0]), Conversions.asDouble(a[1])));
        moduleFunction(m, "isfinite", "z, /", a -> {
            PComplex z = ComplexNumbers.argument(a[0]);
            return Double.isFinite(z.real) && Double.isFinite(z.imag);
        });
        moduleFunction(m, "isinf", "z, /", a -> {
            PComplex z = ComplexNumbers.argument(a[0]);
            return Double.isInfinite(z.real) || Double.isInfinite(z.imag);
        });
        moduleFunction(m, "isnan", "z, /", a -> {
            PComplex z = ComplexNumbers.argument(a[0]);
            return Double.isNaN(z.real) || Double.isNaN(z.imag);
        });
        moduleFunction(m, "isclose", "a, b, *, rel_tol=1e-09, abs_tol=0.0", a -> isClose(ComplexNumbers.argument(a[0]),
                ComplexNumbers.argument(a[1]), Conversions.asDouble(a[2]), Conversions.asDouble(a[3])));
    }

    private static void function(PModule m, String name, UnaryOperator<PComplex> f) {
        moduleFunction(m, name, "z, /", a -> checked(ComplexNumbers.argument(a[0]), f));
    }

    /** f(z) with CPython's errors: see the class comment. */
    @TruffleBoundary
    private static PComplex checked(PComplex z, UnaryOperator<PComplex> f) {
        PComplex r = f.apply(z);
        if (Double.isFinite(z.real) && Double.isFinite(z.imag) && (Double.isInfinite(r.real) || Double.isInfinite(r.imag))) {
            // log(0) and atanh(+-1) are poles: domain errors, as in CPython; other infinities are overflows.
            if (isPole(z)) {
                throw Errors.valueError("math domain error");
            }
            throw Errors.overflowError("math range error");
        }
        boolean nanIn = Double.isNaN(z.real) || Double.isNaN(z.imag);
        if (!nanIn && (Double.isNaN(r.real) || Double.isNaN(r.imag))) {
            throw Errors.valueError("math domain error");
        }
        return r;
    }

    /** Whether the infinite result r of a finite z comes from a pole (log 0, atanh +-1, atan +-i) rather than overflow. */
    private static boolean isPole(PComplex z) {
        double size = ComplexNumbers.hypot(z.real, z.imag);
        return size == 0.0 || size == 1.0;
    }

    private static PComplex timesI(PComplex z) {
        return new PComplex(-z.imag, z.real);
    }

    private static PComplex timesMinusI(PComplex z) {
        return new PComplex(z.imag, -z.real);
    }

    private static double phase(PComplex z) {
        return Math.atan2(z.imag, z.real);
    }

    static PComplex sqrt(PComplex z) {
        if (Double.isInfinite(z.imag)) {
            return new PComplex(INF, z.imag);
        }
        if (Double.isInfinite(z.real)) {
            if (Double.isNaN(z.imag)) {
                return z.real > 0 ? new PComplex(INF, Double.NaN) : new PComplex(Double.NaN, INF);
            }
            return z.real > 0 ? new PComplex(INF, Math.copySign(0.0, z.imag)) : new PComplex(0.0, Math.copySign(INF, z.imag));
        }
        if (Double.isNaN(z.real) || Double.isNaN(z.imag)) {
            return new PComplex(Double.NaN, Double.NaN);
        }
        if (z.real == 0.0 && z.imag == 0.0) {
            return new PComplex(0.0, z.imag);
        }
        double ax = Math.abs(z.real);
        double ay = Math.abs(z.imag);
        double s;
        if (ax < Double.MIN_NORMAL && ay < Double.MIN_NORMAL) {
            // hypot(ax, ay) would be subnormal: scale up, then down.
            ax = Math.scalb(ax, 53);
            s = Math.scalb(Math.sqrt(ax + ComplexNumbers.hypot(ax, Math.scalb(ay, 53))), -27);
        } else {
            ax /= 8.0;
            s = 2.0 * Math.sqrt(ax + ComplexNumbers.hypot(ax, ay / 8.0));
        }
        double d = ay / (2.0 * s);
        return z.real >= 0.0 ? new PComplex(s, Math.copySign(d, z.imag)) : new PComplex(d, Math.copySign(s, z.imag));
    }

    static PComplex exp(PComplex z) {
        if (Double.isInfinite(z.real) && !Double.isFinite(z.imag)) {
            // exp(-inf +- i inf or nan) is 0, exp(+inf +- i inf or nan) is inf with an undefined phase.
            return z.real < 0 ? new PComplex(0.0, 0.0) : new PComplex(INF, Double.NaN);
        }
        if ((Double.isInfinite(z.real) || Double.isNaN(z.real)) && z.imag == 0.0) {
            return new PComplex(z.real > 0 || Double.isNaN(z.real) ? Math.exp(z.real) : 0.0, z.imag);
        }
        double l;
        double real;
        double imag;
        if (z.real > LOG_LARGE) {
            l = Math.exp(z.real - 1.0);
            real = l * Math.cos(z.imag) * Math.E;
            imag = l * Math.sin(z.imag) * Math.E;
        } else {
            l = Math.exp(z.real);
            real = l * Math.cos(z.imag);
            imag = l * Math.sin(z.imag);
        }
        return new PComplex(real, imag);
    }

    static PComplex log(PComplex z) {
        double ax = Math.abs(z.real);
        double ay = Math.abs(z.imag);
        double real;
        if (Double.isInfinite(ax) || Double.isInfinite(ay)) {
            real = INF;
        } else if (Double.isNaN(ax) || Double.isNaN(ay)) {
            return new PComplex(Double.NaN, Double.NaN);
        } else if (ax > LARGE || ay > LARGE) {
            real = Math.log(ComplexNumbers.hypot(ax / 2.0, ay / 2.0)) + LN2;
        } else if (ax < Double.MIN_NORMAL && ay < Double.MIN_NORMAL) {
            if (ax > 0.0 || ay > 0.0) {
                // hypot(ax, ay) would be subnormal
                real = Math.log(ComplexNumbers.hypot(Math.scalb(ax, 53), Math.scalb(ay, 53))) - 53 * LN2;
            } else {
                real = Double.NEGATIVE_INFINITY;
            }
        } else {
            double h = ComplexNumbers.hypot(ax, ay);
            if (0.71 <= h && h <= 1.73) {
                double am = Math.max(ax, ay);
                double an = Math.min(ax, ay);
                real = Math.log1p((am - 1) * (am + 1) + an * an) / 2.0;
            } else {
                real = Math.log(h);
            }
        }
        return new PComplex(real, Math.atan2(z.imag, z.real));
    }

    static PComplex acos(PComplex z) {
        if (Double.isNaN(z.imag) && (z.real == 0.0 || Double.isInfinite(z.real))) {
            return z.real == 0.0 ? new PComplex(Math.PI / 2, Double.NaN) : new PComplex(Double.NaN, INF);
        }
        if (Math.abs(z.real) > LARGE || Math.abs(z.imag) > LARGE) {
            double real = Math.atan2(Math.abs(z.imag), z.real);
            double big = Math.log(ComplexNumbers.hypot(z.real / 2.0, z.imag / 2.0)) + LN2 * 2.0;
            return new PComplex(real, z.real < 0 ? -Math.copySign(big, z.imag) : Math.copySign(big, -z.imag));
        }
        PComplex s1 = sqrt(new PComplex(1.0 - z.real, -z.imag));
        PComplex s2 = sqrt(new PComplex(1.0 + z.real, z.imag));
        return new PComplex(2.0 * Math.atan2(s1.real, s2.real), MathModule.asinh(s2.real * s1.imag - s2.imag * s1.real));
    }

    static PComplex acosh(PComplex z) {
        if (Math.abs(z.real) > LARGE || Math.abs(z.imag) > LARGE) {
            return new PComplex(Math.log(ComplexNumbers.hypot(z.real / 2.0, z.imag / 2.0)) + LN2 * 2.0, Math.atan2(z.imag, z.real));
        }
        PComplex s1 = sqrt(new PComplex(z.real - 1.0, z.imag));
        PComplex s2 = sqrt(new PComplex(z.real + 1.0, z.imag));
        return new PComplex(MathModule.asinh(s1.real * s2.real + s1.imag * s2.imag), 2.0 * Math.atan2(s1.imag, s2.real));
    }

    static PComplex asinh(PComplex z) {
        if (Double.isNaN(z.real) && z.imag == 0.0) {
            return z;
        }
        if (Double.isNaN(z.real) && Double.isInfinite(z.imag)) {
            return new PComplex(INF, Double.NaN);
        }
        if (Math.abs(z.real) > LARGE || Math.abs(z.imag) > LARGE) {
            double big = Math.log(ComplexNumbers.hypot(z.real / 2.0, z.imag / 2.0)) + LN2 * 2.0;
            double real = z.imag >= 0.0 ? Math.copySign(big, z.real) : -Math.copySign(big, -z.real);
            return new PComplex(real, Math.atan2(z.imag, Math.abs(z.real)));
        }
        PComplex s1 = sqrt(new PComplex(1.0 + z.imag, -z.real));
        PComplex s2 = sqrt(new PComplex(1.0 - z.imag, z.real));
        return new PComplex(MathModule.asinh(s1.real * s2.imag - s2.real * s1.imag), Math.atan2(z.imag, s1.real * s2.real - s1.imag * s2.imag));
    }

    static PComplex atanh(PComplex z) {
        if (z.real < 0.0) {
            // atanh(z) = -atanh(-z) puts the computation where z.real >= 0
            PComplex r = atanh(new PComplex(-z.real, -z.imag));
            return new PComplex(-r.real, -r.imag);
        }
        double ay = Math.abs(z.imag);
        if (z.real == 0.0 && Double.isNaN(z.imag)) {
            return z;
        }
        if (Double.isInfinite(z.real) && Double.isNaN(z.imag)) {
            return new PComplex(0.0, Double.NaN);
        }
        if (Double.isInfinite(z.real) || Double.isInfinite(ay)) {
            return new PComplex(Double.isNaN(z.real) ? 0.0 : Math.copySign(0.0, z.real), -Math.copySign(Math.PI / 2.0, -z.imag));
        }
        if (z.real > SQRT_LARGE || ay > SQRT_LARGE) {
            double h = ComplexNumbers.hypot(z.real / 2.0, z.imag / 2.0);
            return new PComplex(z.real / 4.0 / h / h, -Math.copySign(Math.PI / 2.0, -z.imag));
        }
        if (z.real == 1.0 && ay < SQRT_DBL_MIN) {
            if (ay == 0.0) {
                return new PComplex(INF, z.imag);
            }
            return new PComplex(-Math.log(Math.sqrt(ay) / Math.sqrt(ComplexNumbers.hypot(ay, 2.0))), Math.copySign(Math.atan2(2.0, -ay) / 2, z.imag));
        }
        return new PComplex(Math.log1p(4.0 * z.real / ((1 - z.real) * (1 - z.real) + ay * ay)) / 4.0,
                -Math.atan2(-2.0 * z.imag, (1 - z.real) * (1 + z.real) - ay * ay) / 2.0);
    }

    static PComplex cosh(PComplex z) {
        if (!Double.isFinite(z.imag) && (z.real == 0.0 || Double.isInfinite(z.real))) {
            // C99 Annex G, with CPython's choice of signs: cosh(+-0 + i nan) = nan + 0i, cosh(+-inf + i inf/nan) = inf + i nan
            return z.real == 0.0 ? new PComplex(Double.NaN, 0.0) : new PComplex(INF, Double.NaN);
        }
        if (Double.isNaN(z.real) && z.imag == 0.0) {
            return new PComplex(Double.NaN, 0.0);
        }
        if (Math.abs(z.real) > LOG_LARGE && Double.isFinite(z.real)) {
            // cosh(z.real) overflows where cosh(z) may not
            double xMinusOne = z.real - Math.copySign(1.0, z.real);
            return new PComplex(Math.cos(z.imag) * Math.cosh(xMinusOne) * Math.E, Math.sin(z.imag) * Math.sinh(xMinusOne) * Math.E);
        }
        if (z.imag == 0.0) {
            return new PComplex(Math.cosh(z.real), Double.isNaN(z.real) ? z.imag : z.imag * Math.signum(z.real));
        }
        return new PComplex(Math.cos(z.imag) * Math.cosh(z.real), Math.sin(z.imag) * Math.sinh(z.real));
    }

    static PComplex sinh(PComplex z) {
        if (!Double.isFinite(z.imag) && (z.real == 0.0 || Double.isInfinite(z.real))) {
            // C99 Annex G, with CPython's choice of signs: sinh(+-0 + i nan) = 0 + i nan, sinh(+-inf + i inf/nan) = inf + i nan
            return z.real == 0.0 ? new PComplex(0.0, Double.NaN) : new PComplex(INF, Double.NaN);
        }
        if (Math.abs(z.real) > LOG_LARGE && Double.isFinite(z.real)) {
            double xMinusOne = z.real - Math.copySign(1.0, z.real);
            return new PComplex(Math.cos(z.imag) * Math.sinh(xMinusOne) * Math.E, Math.sin(z.imag) * Math.cosh(xMinusOne) * Math.E);
        }
        if (z.imag == 0.0) {
            return new PComplex(Math.sinh(z.real), z.imag);
        }
        return new PComplex(Math.cos(z.imag) * Math.sinh(z.real), Math.sin(z.imag) * Math.cosh(z.real));
    }

    static PComplex tanh(PComplex z) {
        if (Double.isNaN(z.real) && z.imag == 0.0) {
            return z;
        }
        if (Double.isInfinite(z.real) && !Double.isFinite(z.imag)) {
            return new PComplex(Math.copySign(1.0, z.real), 0.0);
        }
        if (Math.abs(z.real) > LOG_LARGE) {
            return new PComplex(Math.copySign(1.0, z.real), 4.0 * Math.sin(z.imag) * Math.cos(z.imag) * Math.exp(-2.0 * Math.abs(z.real)));
        }
        double tx = Math.tanh(z.real);
        double ty = Math.tan(z.imag);
        double cx = 1.0 / Math.cosh(z.real);
        double txty = tx * ty;
        double denom = 1.0 + txty * txty;
        return new PComplex(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx);
    }

    private static PComplex rect(double r, double phi) {
        if (Double.isInfinite(r) && Double.isFinite(phi) && phi != 0.0) {
            double sign = r > 0 ? 1.0 : -1.0;
            return new PComplex(sign * Math.copySign(INF, Math.cos(phi)), sign * Math.copySign(INF, Math.sin(phi)));
        }
        if (r != 0.0 && !Double.isNaN(r) && Double.isInfinite(phi)) {
            throw Errors.valueError("math domain error");
        }
        if (Double.isInfinite(r) && Double.isNaN(phi)) {
            return new PComplex(INF, Double.NaN);
        }
        if (phi == 0.0) {
            return new PComplex(r, Double.isNaN(r) ? 0.0 : Double.isInfinite(r) ? phi * Math.signum(r) : r * phi);
        }
        if (r == 0.0 && !Double.isFinite(phi)) {
            return new PComplex(0.0, 0.0);
        }
        return new PComplex(r * Math.cos(phi), r * Math.sin(phi));
    }

    private static boolean isClose(PComplex a, PComplex b, double relTol, double absTol) {
        if (relTol < 0 || absTol < 0) {
            throw Errors.valueError("tolerances must be non-negative");
        }
        if (a.real == b.real && a.imag == b.imag) {
            return true;
        }
        if (Double.isInfinite(a.real) || Double.isInfinite(a.imag) || Double.isInfinite(b.real) || Double.isInfinite(b.imag)) {
            return false;
        }
        double diff = ComplexNumbers.hypot(b.real - a.real, b.imag - a.imag);
        return diff <= relTol * ComplexNumbers.hypot(b.real, b.imag) || diff <= relTol * ComplexNumbers.hypot(a.real, a.imag) || diff <= absTol;
    }
}
