package dev.mp.runtime.modules;

/**
 * The gamma and error functions, which Java's Math lacks: gamma and lgamma as CPython computes them, erf and erfc
 * by their Taylor series near zero and a continued fraction beyond (as CPython does where the C library lacks
 * them). Poles give NaN and overflow gives infinity, for the caller to report.
 */
final class SpecialFunctions {
    private SpecialFunctions() {
    }

    /*
     * gamma and lgamma by CPython's own method, so that results agree to the last bit where exp, pow and log do:
     * Lanczos' approximation with Boost's parameters (N = 13, g = 6.024680040776729583740234375) as a rational
     * function, a correction for the rounding of x + g - 1/2, and the reflection formula for negative x.
     */
    private static final double LANCZOS_G = 6.024680040776729583740234375;
    private static final double LANCZOS_G_MINUS_HALF = 5.524680040776729583740234375;
    private static final double[] LANCZOS_NUMERATOR = {23531376880.410759688572007674451636754734846804940,
        42919803642.649098768957899047001988850926355848959, 35711959237.355668049440185451547166705960488635843,
        17921034426.037209699919755754458931112671403265390, 6039542586.3520280050642916443072979210699388420708,
        1439720407.3117216736632230727949123939715485786772, 248874557.86205415651146038641322942321632125127801,
        31426415.585400194380614231628318205362874684987640, 2876370.6289353724412254090516208496135991145378768,
        186056.26539522349504029498971604569928220784236328, 8071.6720023658162106380029022722506138218516325024,
        210.82427775157934587250973392071336271166969580291, 2.5066282746310002701649081771338373386264310793408};
    /** The denominator's coefficients: x (x + 1) ... (x + 11) expanded. */
    private static final double[] LANCZOS_DENOMINATOR = {0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
        13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0};
    private static final double LOG_PI = 1.144729885849400174143427351353058711647;
    private static final double SQRT_PI = Math.sqrt(Math.PI);

    /** sin(pi x) for finite x, exact at the integers and half-integers. */
    private static double sinPi(double x) {
        double y = Math.abs(x) % 2.0;
        double r = switch ((int) Math.round(2.0 * y)) {
            case 0 -> Math.sin(Math.PI * y);
            case 1 -> Math.cos(Math.PI * (y - 0.5));
            case 2 -> Math.sin(Math.PI * (1.0 - y)); // not -sin(pi (y - 1)), which is -0.0 at y = 1
            case 3 -> -Math.cos(Math.PI * (y - 1.5));
            default -> Math.sin(Math.PI * (y - 2.0));
        };
        return Math.copySign(1.0, x) * r;
    }

    /** The Lanczos sum for positive x, as a rational function in x below 5 and in 1/x above (against overflow). */
    private static double lanczosSum(double x) {
        double num = 0;
        double den = 0;
        if (x < 5.0) {
            for (int i = LANCZOS_NUMERATOR.length - 1; i >= 0; i--) {
                num = num * x + LANCZOS_NUMERATOR[i];
                den = den * x + LANCZOS_DENOMINATOR[i];
            }
        } else {
            for (int i = 0; i < LANCZOS_NUMERATOR.length; i++) {
                num = num / x + LANCZOS_NUMERATOR[i];
                den = den / x + LANCZOS_DENOMINATOR[i];
            }
        }
        return num / den;
    }

    /** Gamma(x); NaN at the poles (an error for the caller), infinity where it overflows. */
    static double gamma(double x) {
        if (!Double.isFinite(x)) {
            return Double.isNaN(x) || x > 0 ? x : Double.NaN;
        }
        if (x == 0) {
            return Double.NaN;
        }
        if (x == Math.floor(x)) {
            if (x < 0) {
                return Double.NaN;
            }
            if (x <= 23) {
                double f = 1;
                for (int i = 2; i < x; i++) {
                    f *= i;
                }
                return f;
            }
        }
        double ax = Math.abs(x);
        if (ax < 1e-20) {
            return 1.0 / x;
        }
        if (ax > 200.0) {
            return x < 0 ? 0.0 / sinPi(x) : Double.POSITIVE_INFINITY;
        }
        double y = ax + LANCZOS_G_MINUS_HALF;
        // The rounding error of y, for the correction below.
        double z = ax > LANCZOS_G_MINUS_HALF ? (y - ax) - LANCZOS_G_MINUS_HALF : (y - LANCZOS_G_MINUS_HALF) - ax;
        z = z * LANCZOS_G / y;
        double r;
        if (x < 0) {
            r = -Math.PI / sinPi(ax) / ax * Math.exp(y) / lanczosSum(ax);
            r -= z * r;
            if (ax < 140.0) {
                r /= Math.pow(y, ax - 0.5);
            } else {
                double sqrtPow = Math.pow(y, ax / 2.0 - 0.25);
                r /= sqrtPow;
                r /= sqrtPow;
            }
        } else {
            r = lanczosSum(ax) / Math.exp(y);
            r += z * r;
            if (ax < 140.0) {
                r *= Math.pow(y, ax - 0.5);
            } else {
                double sqrtPow = Math.pow(y, ax / 2.0 - 0.25);
                r *= sqrtPow;
                r *= sqrtPow;
            }
        }
        return r;
    }

    /** log |Gamma(x)|; NaN at the poles (an error for the caller). */
    static double lgamma(double x) {
        if (!Double.isFinite(x)) {
            return Double.isNaN(x) ? x : Double.POSITIVE_INFINITY;
        }
        if (x == Math.floor(x) && x <= 2.0) {
            return x <= 0 ? Double.NaN : 0.0;
        }
        double ax = Math.abs(x);
        if (ax < 1e-20) {
            return -Math.log(ax);
        }
        double r = Math.log(lanczosSum(ax)) - LANCZOS_G;
        r += (ax - 0.5) * (Math.log(ax + LANCZOS_G - 0.5) - 1);
        if (x < 0) {
            r = LOG_PI - Math.log(Math.abs(sinPi(ax))) - Math.log(ax) - r;
        }
        return r;
    }

    /** Below this |x| the series is used; above it the continued fraction. */
    private static final double SERIES_CUTOFF = 1.5;
    private static final int SERIES_TERMS = 25;
    private static final int FRACTION_TERMS = 50;

    /** erf(x) for |x| < 1.5: 2x/sqrt(pi) e^(-x^2) (1 + 2x^2/3 + (2x^2)^2/(3*5) + ...), summed from the last term. */
    private static double erfSeries(double x) {
        double x2 = x * x;
        double acc = 0;
        for (int n = SERIES_TERMS; n >= 1; n--) {
            acc = 1 + 2 * x2 * acc / (2 * n + 1);
        }
        return 2 * x / SQRT_PI * Math.exp(-x2) * acc;
    }

    /** erfc(x) for x >= 1.5, by the continued fraction of e^(x^2) erfc(x), evaluated from the last term. */
    private static double erfcFraction(double x) {
        if (x >= 30) {
            return 0.0;
        }
        double x2 = x * x;
        double fraction = 0;
        // The fraction converges slowly near the cutoff: 50 terms leave erfc(1.5) wrong from its 12th digit.
        for (int n = x < 3 ? 2 * FRACTION_TERMS : FRACTION_TERMS; n >= 1; n--) {
            fraction = (n / 2.0) / (x + fraction);
        }
        return Math.exp(-x2) / SQRT_PI / (x + fraction);
    }

    static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (Math.abs(x) < SERIES_CUTOFF) {
            return erfSeries(x);
        }
        double tail = erfcFraction(Math.abs(x));
        return x > 0 ? 1 - tail : tail - 1;
    }

    static double erfc(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (Math.abs(x) < SERIES_CUTOFF) {
            return 1 - erfSeries(x);
        }
        double tail = erfcFraction(Math.abs(x));
        return x > 0 ? tail : 2 - tail;
    }
}
