package dev.mp.runtime.modules;

/**
 * The gamma and error functions, which Java's Math lacks. Accurate to a few units in the last place: gamma
 * and lgamma by the Lanczos approximation (g = 7, 9 terms), erf and erfc by their Taylor series near zero
 * and a continued fraction beyond. Poles give NaN and overflow gives infinity, for the caller to report.
 */
final class SpecialFunctions {
    private SpecialFunctions() {
    }

    private static final double LANCZOS_G = 7;
    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
    private static final double LOG_SQRT_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    private static final double SQRT_PI = Math.sqrt(Math.PI);

    /** sin(pi x), exact at the integers and half-integers. */
    private static double sinPi(double x) {
        double r = x % 2.0;
        if (r == Math.rint(r)) {
            return Math.copySign(0.0, x);
        }
        if (Math.abs(r) == 0.5 || Math.abs(r) == 1.5) {
            return (r == 0.5 || r == -1.5) ? 1.0 : -1.0;
        }
        return Math.sin(Math.PI * r);
    }

    /** The Lanczos series A_g(x) for x >= 0.5: Gamma(x) = sqrt(2 pi) t^(x - 1/2) e^-t A_g(x), t = x + g - 1/2. */
    private static double lanczosSum(double x) {
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (x - 1 + i);
        }
        return sum;
    }

    static double gamma(double x) {
        if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
            return x;
        }
        if (x == Double.NEGATIVE_INFINITY || (x <= 0 && x == Math.rint(x))) {
            return Double.NaN;
        }
        if (x == Math.rint(x) && x <= 23) {
            double f = 1;
            for (int i = 2; i < x; i++) {
                f *= i;
            }
            return f;
        }
        if (x < 0.5) {
            return Math.PI / (sinPi(x) * gamma(1 - x));
        }
        if (x > 171.7) {
            return Double.POSITIVE_INFINITY;
        }
        double t = x + LANCZOS_G - 0.5;
        // t^(x - 1/2) in two halves, so that it does not overflow before e^-t brings it back into range.
        double half = Math.pow(t, (x - 0.5) / 2);
        return Math.sqrt(2 * Math.PI) * half * (half * Math.exp(-t)) * lanczosSum(x);
    }

    static double lgamma(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (Double.isInfinite(x)) {
            return Double.POSITIVE_INFINITY;
        }
        if (x <= 0 && x == Math.rint(x)) {
            return Double.NaN;
        }
        if (x == 1 || x == 2) {
            return 0.0;
        }
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(sinPi(x))) - lgamma(1 - x);
        }
        double t = x + LANCZOS_G - 0.5;
        return LOG_SQRT_TWO_PI + (x - 0.5) * Math.log(t) - t + Math.log(lanczosSum(x));
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
        for (int n = FRACTION_TERMS; n >= 1; n--) {
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
