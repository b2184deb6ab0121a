package dev.mp.runtime.ops;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.objects.PBoxed;
import dev.mp.runtime.objects.PComplex;
import dev.mp.runtime.objects.PSingleton;

/**
 * Python's complex type: arithmetic (CPython's algorithms, so results agree to the last bit and signed zeros
 * come out the same), conversions, parsing, repr and hash.
 */
public final class ComplexNumbers {
    private ComplexNumbers() {
    }

    /** Whether {@code o} takes part in complex arithmetic: a complex, an int, a bool or a float (or a subclass's instance). */
    public static boolean isOperand(Object o) {
        return o instanceof PComplex || Types.isNumber(o);
    }

    /** {@code o} as a complex: a complex itself, else an int or float with a zero imaginary part. */
    public static PComplex asComplex(Object o) {
        if (o instanceof PComplex c) {
            return c;
        }
        return new PComplex(Conversions.asDouble(Types.baseValue(o)), 0.0);
    }

    /** {@code a op b} where one operand is complex and the other a number or complex; NotImplemented for {@code //}, {@code %} and the bitwise operators. */
    @TruffleBoundary
    public static Object binary(Arithmetic.BinOp op, Object a, Object b) {
        PComplex x = asComplex(a);
        PComplex y = asComplex(b);
        return switch (op) {
            case ADD -> new PComplex(x.real + y.real, x.imag + y.imag);
            case SUB -> new PComplex(x.real - y.real, x.imag - y.imag);
            case MUL -> multiply(x, y);
            case TRUEDIV -> {
                PComplex q = divide(x, y);
                if (q == null) {
                    throw Errors.zeroDivision("complex division by zero");
                }
                yield q;
            }
            case POW -> power(x, y);
            default -> PSingleton.NOT_IMPLEMENTED;
        };
    }

    public static PComplex multiply(PComplex a, PComplex b) {
        return new PComplex(a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real);
    }

    /** a / b by Smith's method, as CPython's _Py_c_quot; null when b is zero. */
    public static PComplex divide(PComplex a, PComplex b) {
        double absReal = Math.abs(b.real);
        double absImag = Math.abs(b.imag);
        if (absReal >= absImag) {
            if (absReal == 0.0) {
                return null;
            }
            double ratio = b.imag / b.real;
            double denom = b.real + b.imag * ratio;
            return new PComplex((a.real + a.imag * ratio) / denom, (a.imag - a.real * ratio) / denom);
        }
        if (absImag >= absReal) {
            double ratio = b.real / b.imag;
            double denom = b.real * ratio + b.imag;
            return new PComplex((a.real * ratio + a.imag) / denom, (a.imag * ratio - a.real) / denom);
        }
        return new PComplex(Double.NaN, Double.NaN);
    }

    /**
     * a ** b as CPython 3.11's complex_pow: small integral exponents by repeated squaring, others through polar
     * form; ZeroDivisionError for zero to a negative or complex power, OverflowError when a part overflows.
     */
    public static PComplex power(PComplex a, PComplex b) {
        PComplex p;
        if (b.imag == 0.0 && b.real == Math.floor(b.real) && Math.abs(b.real) <= 100.0) {
            long n = (long) b.real;
            if (n > 0) {
                p = powerUnsigned(a, n);
            } else {
                p = divide(new PComplex(1.0, 0.0), powerUnsigned(a, -n));
                if (p == null) {
                    throw zeroToNegative();
                }
            }
        } else if (b.real == 0.0 && b.imag == 0.0) {
            p = new PComplex(1.0, 0.0);
        } else if (a.real == 0.0 && a.imag == 0.0) {
            if (b.imag != 0.0 || b.real < 0.0) {
                throw zeroToNegative();
            }
            p = new PComplex(0.0, 0.0);
        } else {
            double vabs = hypot(a.real, a.imag);
            double len = Math.pow(vabs, b.real);
            double at = Math.atan2(a.imag, a.real);
            double phase = at * b.real;
            if (b.imag != 0.0) {
                len /= Math.exp(at * b.imag);
                phase += b.imag * Math.log(vabs);
            }
            p = new PComplex(len * Math.cos(phase), len * Math.sin(phase));
        }
        if (Double.isInfinite(p.real) || Double.isInfinite(p.imag)) {
            throw Errors.overflowError("complex exponentiation");
        }
        return p;
    }

    private static RuntimeException zeroToNegative() {
        return Errors.zeroDivision("0.0 to a negative or complex power");
    }

    private static PComplex powerUnsigned(PComplex x, long n) {
        PComplex r = new PComplex(1.0, 0.0);
        PComplex p = x;
        for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
            if ((n & mask) != 0) {
                r = multiply(r, p);
            }
            p = multiply(p, p);
        }
        return r;
    }

    /**
     * sqrt(x*x + y*y) without undue overflow, correctly rounded in nearly all cases (Borges' fused multiply-add
     * correction), as the C library's hypot that CPython uses is; Java's Math.hypot may differ in the last bit.
     */
    public static double hypot(double x, double y) {
        double a = Math.abs(x);
        double b = Math.abs(y);
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return Double.POSITIVE_INFINITY;
        }
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.NaN;
        }
        if (a < b) {
            double t = a;
            a = b;
            b = t;
        }
        if (b <= a * 0x1p-27) {
            return a; // (b/a)^2 / 2 is below half an ulp of 1: the sum rounds to a
        }
        // Scale by a power of two so that the squares neither overflow nor lose precision as subnormals.
        int scale = 0;
        if (a > 0x1p500) {
            scale = 600;
        } else if (a < 0x1p-500) {
            scale = -600;
        }
        a = Math.scalb(a, -scale);
        b = Math.scalb(b, -scale);
        double h = Math.sqrt(Math.fma(a, a, b * b));
        double hSquared = h * h;
        double aSquared = a * a;
        double correction = Math.fma(-b, b, hSquared - aSquared) + Math.fma(h, h, -hSquared) - Math.fma(a, a, -aSquared);
        return Math.scalb(h - correction / (2 * h), scale);
    }

    /** abs(z): the hypotenuse; OverflowError when it overflows for finite parts. */
    public static double abs(PComplex z) {
        double r = hypot(z.real, z.imag);
        if (Double.isInfinite(r) && Double.isFinite(z.real) && Double.isFinite(z.imag)) {
            throw Errors.overflowError("absolute value too large");
        }
        return r;
    }

    /** {@code a op b} for ==, != between a complex and a number or complex; NotImplemented for the orderings. */
    public static Object compare(Object a, Object b, Comparisons.Op op) {
        if (op != Comparisons.Op.EQ && op != Comparisons.Op.NE) {
            return PSingleton.NOT_IMPLEMENTED;
        }
        boolean equal;
        if (a instanceof PComplex x && b instanceof PComplex y) {
            equal = x.real == y.real && x.imag == y.imag;
        } else {
            PComplex c = a instanceof PComplex x ? x : (PComplex) b;
            Object other = a instanceof PComplex ? b : a;
            // Compared to an int, the real part compares exactly (as float == int does), not through a rounded double.
            equal = c.imag == 0.0 && Comparisons.eq(c.real, Types.baseValue(other));
        }
        return equal == (op == Comparisons.Op.EQ);
    }

    /** CPython's hash of a complex: hash(real) + 1000003 * hash(imag), wrapping; -1 becomes -2. */
    public static long hash(PComplex z) {
        long h = hashPart(z, z.real) + 1000003L * hashPart(z, z.imag);
        return h == -1 ? -2 : h;
    }

    private static long hashPart(PComplex z, double part) {
        return Double.isNaN(part) ? Identity.id(z) >> 4 : Conversions.hash(part);
    }

    /** repr and str: {@code 1j}, {@code (1+2j)}, {@code (-0-1j)}, as CPython's complex_repr. */
    @TruffleBoundary
    public static String repr(PComplex z) {
        String imag = shortRepr(z.imag);
        if (z.real == 0.0 && Math.copySign(1.0, z.real) == 1.0) {
            return imag + "j";
        }
        String sign = imag.startsWith("-") ? "" : "+";
        return "(" + shortRepr(z.real) + sign + imag + "j)";
    }

    /** repr of a float without the ".0" that marks an integral float (CPython's 'r' format without Py_DTSF_ADD_DOT_0). */
    static String shortRepr(double d) {
        String r = FloatFormat.repr(d);
        return r.endsWith(".0") ? r.substring(0, r.length() - 2) : r;
    }

    private static final String NUMBER = "(?:(?:[0-9](?:_?[0-9])*(?:\\.(?:[0-9](?:_?[0-9])*)?)?|\\.[0-9](?:_?[0-9])*)(?:[eE][+-]?[0-9](?:_?[0-9])*)?"
            + "|(?i:inf(?:inity)?|nan))";
    private static final Pattern LITERAL = Pattern.compile("\\s*(\\()?\\s*(?:([+-]?" + NUMBER + ")(?:([+-])(" + NUMBER + ")?[jJ])?|([+-]?)(" + NUMBER
            + ")?[jJ])\\s*(\\))?\\s*");

    /** complex(string): "1", "2j", "1+2j", "(1-j)", with spaces around, as CPython's complex_from_string. */
    @TruffleBoundary
    public static PComplex parse(String text) {
        Matcher m = LITERAL.matcher(text);
        if (!m.matches() || (m.group(1) == null) != (m.group(7) == null)) {
            throw Errors.valueError("complex() arg is a malformed string");
        }
        if (m.group(2) != null) {
            double real = parseFloat(m.group(2));
            if (m.group(3) == null) {
                return new PComplex(real, 0.0);
            }
            double imag = m.group(4) == null ? 1.0 : parseFloat(m.group(4));
            return new PComplex(real, m.group(3).equals("-") ? -imag : imag);
        }
        double imag = m.group(6) == null ? 1.0 : parseFloat(m.group(6));
        return new PComplex(0.0, m.group(5).equals("-") ? -imag : imag);
    }

    private static double parseFloat(String s) {
        String t = s.replace("_", "").toLowerCase(java.util.Locale.ROOT);
        boolean negative = t.startsWith("-");
        String body = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        double v = body.startsWith("inf") ? Double.POSITIVE_INFINITY : body.equals("nan") ? Double.NaN : Double.parseDouble(body);
        return negative ? -v : v;
    }

    /**
     * complex(real, imag) as CPython's complex_new: a string alone is parsed; otherwise each argument is a complex,
     * an object with {@code __complex__}, or a real number, and the result is real + imag*1j computed part by part.
     */
    @TruffleBoundary
    public static PComplex construct(Object real, Object imag) {
        if (Types.baseValue(real) instanceof String s) {
            if (imag != null) {
                throw Errors.typeError("complex() can't take second arg if first is a string");
            }
            return parse(s);
        }
        if (imag != null && Types.baseValue(imag) instanceof String) {
            throw Errors.typeError("complex() second arg can't be a string");
        }
        PComplex cr = fromComplexMethod(real);
        boolean crIsComplex = cr != null;
        if (cr == null) {
            if (!Types.isNumber(real) && Types.override(real, "__float__") == null && Types.override(real, "__index__") == null) {
                throw Errors.typeError("complex() first argument must be a string or a number, not '%s'", Types.typeName(real));
            }
            cr = new PComplex(realValue(real), 0.0);
        }
        double ciReal;
        double ciImag = 0.0;
        boolean ciIsComplex = false;
        if (imag == null) {
            ciReal = cr.imag;
        } else if (imag instanceof PComplex c) {
            ciReal = c.real;
            ciImag = c.imag;
            ciIsComplex = true;
        } else {
            if (!Types.isNumber(imag) && Types.override(imag, "__float__") == null && Types.override(imag, "__index__") == null) {
                throw Errors.typeError("complex() second argument must be a number, not '%s'", Types.typeName(imag));
            }
            ciReal = realValue(imag);
        }
        double resultReal = ciIsComplex ? cr.real - ciImag : cr.real;
        if (crIsComplex && imag != null) {
            ciReal += cr.imag;
        }
        return new PComplex(resultReal, ciReal);
    }

    private static double realValue(Object o) {
        if (Types.override(o, "__float__") == null && Types.override(o, "__index__") != null) {
            return Conversions.asDouble(Conversions.index(o));
        }
        return Conversions.asDouble(o);
    }

    /** The complex a value stands for through {@code __complex__} (or itself); null when it has no such method. */
    private static PComplex fromComplexMethod(Object o) {
        if (o instanceof PComplex c) {
            return c;
        }
        Object method = Types.override(o, "__complex__");
        if (method == null) {
            return null;
        }
        Object r = Calls.callDescriptor(method, o);
        if (!(r instanceof PComplex c)) {
            throw Errors.typeError("__complex__ returned non-complex (type %s)", Types.typeName(r));
        }
        return c;
    }

    /**
     * An argument of the cmath functions (CPython's "D" conversion): a complex, an object with
     * {@code __complex__}, or a real number; TypeError "must be real number, not X" otherwise.
     */
    @TruffleBoundary
    public static PComplex argument(Object o) {
        PComplex c = fromComplexMethod(o);
        if (c != null) {
            return c;
        }
        if (o instanceof PBoxed b && Types.isNumber(b.value()) && Types.override(o, "__float__") == null) {
            return new PComplex(Conversions.asDouble(b.value()), 0.0);
        }
        if (Types.override(o, "__float__") == null && Types.override(o, "__index__") != null) {
            return new PComplex(Conversions.asDouble(Conversions.index(o)), 0.0);
        }
        return new PComplex(Conversions.asDouble(o), 0.0);
    }
}
