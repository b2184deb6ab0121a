package dev.mp.runtime.ops;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.objects.PBoxed;
import dev.mp.runtime.objects.PByteArray;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PComplex;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PSet;
import dev.mp.runtime.objects.PSingleton;
import dev.mp.runtime.objects.PTuple;

/** Binary and unary arithmetic with Python's numeric tower, sequence operators and operator overloading. */
public final class Arithmetic {
    private Arithmetic() {
    }

    /** The binary operators, with their symbols and special-method names. */
    public enum BinOp {
        ADD("+", "add"), SUB("-", "sub"), MUL("*", "mul"), TRUEDIV("/", "truediv"), FLOORDIV("//", "floordiv"),
        MOD("%", "mod"), POW("**", "pow"), LSHIFT("<<", "lshift"), RSHIFT(">>", "rshift"), AND("&", "and"),
        OR("|", "or"), XOR("^", "xor"), MATMUL("@", "matmul");

        public final String symbol;
        public final String method;
        final String reflected;
        final String inplace;

        BinOp(String symbol, String name) {
            this.symbol = symbol;
            this.method = "__" + name + "__";
            this.reflected = "__r" + name + "__";
            this.inplace = "__i" + name + "__";
        }

        /** The operators that ints have and floats do not. */
        boolean isIntegerOnly() {
            return this == LSHIFT || this == RSHIFT || this == AND || this == OR || this == XOR;
        }

        public static BinOp fromSymbol(String s) {
            for (BinOp op : values()) {
                if (op.symbol.equals(s)) {
                    return op;
                }
            }
            throw new IllegalArgumentException(s);
        }
    }

    @TruffleBoundary
    public static Object binary(BinOp op, Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return longOp(op, x, y);
        }
        if (a instanceof Double x && b instanceof Double y) {
            return doubleOp(op, x, y);
        }
        Object r = userBinary(op, a, b);
        if (r != PSingleton.NOT_IMPLEMENTED) {
            return r;
        }
        r = builtinBinary(op, a, b);
        if (r != PSingleton.NOT_IMPLEMENTED) {
            return r;
        }
        r = coreMethodBinary(op, a, b);
        if (r != PSingleton.NOT_IMPLEMENTED) {
            return r;
        }
        if (op == BinOp.POW) {
            throw Errors.typeError("unsupported operand type(s) for ** or pow(): '%s' and '%s'", Types.typeName(a), Types.typeName(b));
        }
        throw Errors.unsupportedBinary(op.symbol, a, b);
    }

    /** {@code a op= b}: the in-place method if there is one (lists extend in place), else the binary op. */
    @TruffleBoundary
    public static Object inplace(BinOp op, Object a, Object b) {
        Object m = Types.override(a, op.inplace);
        if (m != null) {
            Object r = Calls.callDescriptor(m, a, b);
            if (r != PSingleton.NOT_IMPLEMENTED) {
                return r;
            }
        } else if (a instanceof PList l && op == BinOp.ADD) {
            if (b instanceof PList other) {
                l.items().addAll(new ArrayList<>(other.items()));
            } else {
                Iteration.forEach(b, l::add);
            }
            return l;
        }
        if (a instanceof PList l && op == BinOp.MUL && Types.isInt(b)) {
            List<Object> copy = new ArrayList<>(l.items());
            int size = Sizes.repeated(copy.size(), Sizes.indexSized(b), null);
            l.items().clear();
            for (int i = 0; i < size; i += copy.size()) {
                l.items().addAll(copy);
            }
            return l;
        }
        if (a instanceof PSet s && !s.isFrozen() && b instanceof PSet other) {
            switch (op) {
                case OR -> s.addAll(other);
                case AND -> s.takeContents(Sets.intersection(s, other));
                case SUB -> Sets.differenceUpdate(s, other);
                case XOR -> Sets.symmetricDifferenceUpdate(s, other);
                default -> {
                    return binary(op, a, b);
                }
            }
            return s;
        }
        if (a instanceof PDict d && op == BinOp.OR && b instanceof PDict other) {
            for (PDict.Entry e : other.entries()) {
                d.put(e.key, e.value);
            }
            return d;
        }
        if (a instanceof PByteArray ba && op == BinOp.ADD) {
            ba.append(Sequences.bytesOf(b));
            return ba;
        }
        try {
            return binary(op, a, b);
        } catch (dev.mp.runtime.MpException e) {
            String prefix = "unsupported operand type(s) for " + op.symbol + ":";
            if (Exceptions.matches(e, "TypeError") && Exceptions.str(e.pythonException()).startsWith(prefix)) {
                throw Errors.typeError("unsupported operand type(s) for %s=: '%s' and '%s'", op.symbol, Types.typeName(a), Types.typeName(b));
            }
            throw e;
        }
    }

    private static Object userBinary(BinOp op, Object a, Object b) {
        boolean aUser = Types.hasOverrides(a);
        boolean bUser = Types.hasOverrides(b);
        if (!aUser && !bUser) {
            return PSingleton.NOT_IMPLEMENTED;
        }
        boolean rightFirst = bUser && Types.typeOf(b) != Types.typeOf(a) && Types.typeOf(b).isSubclassOf(Types.typeOf(a));
        if (rightFirst) {
            Object r = callIf(b, op.reflected, a);
            if (r != PSingleton.NOT_IMPLEMENTED) {
                return r;
            }
        }
        if (aUser) {
            Object r = callIf(a, op.method, b);
            if (r != PSingleton.NOT_IMPLEMENTED) {
                return r;
            }
        }
        if (bUser && !rightFirst && Types.typeOf(b) != Types.typeOf(a)) {
            return callIf(b, op.reflected, a);
        }
        return PSingleton.NOT_IMPLEMENTED;
    }

    /**
     * An operator that a core type defines as a builtin method rather than in the operations (the set
     * operators of dict views): a's method, then b's reflected one.
     */
    private static Object coreMethodBinary(BinOp op, Object a, Object b) {
        Object m = Types.typeOf(a).isCore() ? Types.typeOf(a).lookup(op.method) : null;
        if (m instanceof dev.mp.runtime.objects.PBuiltinFunction) {
            Object r = Calls.callDescriptor(m, a, b);
            if (r != PSingleton.NOT_IMPLEMENTED) {
                return r;
            }
        }
        m = Types.typeOf(b).isCore() ? Types.typeOf(b).lookup(op.reflected) : null;
        if (m instanceof dev.mp.runtime.objects.PBuiltinFunction) {
            return Calls.callDescriptor(m, b, a);
        }
        return PSingleton.NOT_IMPLEMENTED;
    }

    private static Object callIf(Object self, String method, Object other) {
        Object m = Types.override(self, method);
        if (m != null) {
            return Calls.callDescriptor(m, self, other);
        }
        return PSingleton.NOT_IMPLEMENTED;
    }

    /**
     * {@code a op b} as the core types implement it, without special methods: NotImplemented when the core
     * types do not define it for these operands (what {@code int.__add__} and the like return).
     */
    public static Object nativeBinary(BinOp op, Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return longOp(op, x, y);
        }
        return builtinBinary(op, Types.baseValue(a), Types.baseValue(b));
    }

    private static Object builtinBinary(BinOp op, Object a, Object b) {
        // Instances of subclasses of int, float and str compute as their values; the right operand of str %
        // keeps its class, as str() and repr() of it must call its methods.
        Object av = Types.baseValue(a);
        Object bv = op == BinOp.MOD && av instanceof String ? b : Types.baseValue(b);
        if ((av instanceof PComplex || bv instanceof PComplex) && ComplexNumbers.isOperand(av) && ComplexNumbers.isOperand(bv)) {
            return ComplexNumbers.binary(op, av, bv);
        }
        if (av instanceof Boolean x && bv instanceof Boolean y && (op == BinOp.AND || op == BinOp.OR || op == BinOp.XOR)) {
            return op == BinOp.AND ? x & y : op == BinOp.OR ? x | y : x ^ y;
        }
        boolean floatOperand = av instanceof Double || bv instanceof Double;
        if (Types.isNumber(av) && Types.isNumber(bv) && op != BinOp.MATMUL && !(floatOperand && op.isIntegerOnly())) {
            if (floatOperand) {
                return doubleOp(op, Conversions.asDouble(av), Conversions.asDouble(bv));
            }
            if (av instanceof BigInteger || bv instanceof BigInteger) {
                return bigOp(op, Conversions.asBig(av), Conversions.asBig(bv));
            }
            return longOp(op, Conversions.asLong(av), Conversions.asLong(bv));
        }
        switch (op) {
            case ADD:
                if (av instanceof String s && bv instanceof String t) {
                    return s.concat(t);
                }
                if (av instanceof PList x && bv instanceof PList y) {
                    PList r = new PList(x.items());
                    r.items().addAll(y.items());
                    return r;
                }
                if (av instanceof PTuple x && bv instanceof PTuple y) {
                    Object[] r = new Object[x.size() + y.size()];
                    System.arraycopy(x.items(), 0, r, 0, x.size());
                    System.arraycopy(y.items(), 0, r, x.size(), y.size());
                    return new PTuple(r);
                }
                // Any bytes-like right operand (an array.array too), as CPython's buffer protocol.
                boolean bytesLike = bv instanceof PBytes || bv instanceof PByteArray || bv instanceof dev.mp.runtime.objects.PMemoryView
                        || bv instanceof dev.mp.runtime.objects.BufferExporter;
                if ((av instanceof PBytes || av instanceof PByteArray) && !bytesLike && Types.override(b, "__radd__") == null) {
                    throw Errors.typeError("can't concat %s to %s", Types.typeName(b), Types.typeName(a));
                }
                if ((av instanceof PBytes || av instanceof PByteArray) && bytesLike) {
                    byte[] x = Sequences.bytesOf(av);
                    byte[] y = Sequences.bytesOf(bv);
                    byte[] r = new byte[x.length + y.length];
                    System.arraycopy(x, 0, r, 0, x.length);
                    System.arraycopy(y, 0, r, x.length, y.length);
                    return av instanceof PBytes ? new PBytes(r) : new PByteArray(r);
                }
                if (av instanceof String && !(bv instanceof String)) {
                    throw Errors.typeError("can only concatenate str (not \"%s\") to str", Types.typeName(b));
                }
                if (av instanceof PList && !(bv instanceof PList)) {
                    throw Errors.typeError("can only concatenate list (not \"%s\") to list", Types.typeName(b));
                }
                if (av instanceof PTuple && !(bv instanceof PTuple)) {
                    throw Errors.typeError("can only concatenate tuple (not \"%s\") to tuple", Types.typeName(b));
                }
                break;
            case MUL:
                if (Types.isInt(bv) && !Types.isInt(av)) {
                    Object r = Sequences.repeat(av, bv);
                    if (r != null) {
                        return r;
                    }
                }
                if (Types.isInt(av) && !Types.isInt(bv)) {
                    Object r = Sequences.repeat(bv, av);
                    if (r != null) {
                        return r;
                    }
                }
                if (isRepeatable(av) && !Types.isInt(bv)) {
                    throw Errors.typeError("can't multiply sequence by non-int of type '%s'", Types.typeName(b));
                }
                if (isRepeatable(bv) && !Types.isInt(av)) {
                    throw Errors.typeError("can't multiply sequence by non-int of type '%s'", Types.typeName(a));
                }
                break;
            case MOD:
                if (av instanceof String s) {
                    return StringFormatting.percent(s, bv);
                }
                if (av instanceof PBytes bytes) {
                    return new PBytes(StringFormatting.percentBytes(bytes.bytes(), bv));
                }
                if (av instanceof PByteArray array) {
                    return new PByteArray(StringFormatting.percentBytes(array.toBytes(), bv));
                }
                break;
            case OR:
            case AND:
            case SUB:
            case XOR:
                if (av instanceof PSet x && bv instanceof PSet y) {
                    return Sets.operator(op, x, y);
                }
                if (op == BinOp.OR && av instanceof PDict x && bv instanceof PDict y) {
                    PDict r = x.copy();
                    for (PDict.Entry e : y.entries()) {
                        r.put(e.key, e.value);
                    }
                    return r;
                }
                break;
            default:
                break;
        }
        return PSingleton.NOT_IMPLEMENTED;
    }

    static Object longOp(BinOp op, long x, long y) {
        switch (op) {
            case ADD: {
                long r = x + y;
                if (((x ^ r) & (y ^ r)) < 0) {
                    return BigInteger.valueOf(x).add(BigInteger.valueOf(y));
                }
                return r;
            }
            case SUB: {
                long r = x - y;
                if (((x ^ y) & (x ^ r)) < 0) {
                    return BigInteger.valueOf(x).subtract(BigInteger.valueOf(y));
                }
                return r;
            }
            case MUL: {
                long hi = Math.multiplyHigh(x, y);
                long lo = x * y;
                if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
                    return lo;
                }
                return BigInteger.valueOf(x).multiply(BigInteger.valueOf(y));
            }
            case TRUEDIV:
                if (y == 0) {
                    throw Errors.zeroDivision("division by zero");
                }
                if (Math.abs(x) < (1L << 53) && Math.abs(y) < (1L << 53)) {
                    return (double) x / (double) y;
                }
                return trueDivide(BigInteger.valueOf(x), BigInteger.valueOf(y));
            case FLOORDIV:
                if (y == 0) {
                    throw Errors.zeroDivision("integer division or modulo by zero");
                }
                if (x == Long.MIN_VALUE && y == -1) {
                    return BigInteger.valueOf(x).negate();
                }
                return Math.floorDiv(x, y);
            case MOD:
                if (y == 0) {
                    throw Errors.zeroDivision("integer modulo by zero");
                }
                return Math.floorMod(x, y);
            case POW:
                if (y < 0) {
                    if (x == 0) {
                        throw Errors.zeroDivision("0.0 cannot be raised to a negative power");
                    }
                    return Math.pow(x, y);
                }
                return Conversions.normalize(power(BigInteger.valueOf(x), y));
            case LSHIFT:
                if (y < 0) {
                    throw Errors.valueError("negative shift count");
                }
                if (x == 0) {
                    return 0L; // whatever the count, as CPython
                }
                if (y < 63 && Long.numberOfLeadingZeros(Math.abs(x)) > y + 1) {
                    return x << y;
                }
                return Conversions.normalize(BigInteger.valueOf(x).shiftLeft(checkedExponent(y)));
            case RSHIFT:
                if (y < 0) {
                    throw Errors.valueError("negative shift count");
                }
                return x >> Math.min(y, 63);
            case AND:
                return x & y;
            case OR:
                return x | y;
            case XOR:
                return x ^ y;
            default:
                throw Errors.unsupportedBinary(op.symbol, x, y);
        }
    }

    private static int checkedExponent(long y) {
        if (y > Integer.MAX_VALUE) {
            throw Errors.make("MemoryError", "");
        }
        return (int) y;
    }

    /**
     * {@code base ** exponent} for a non-negative exponent; MemoryError when the result could not be held (a Java
     * BigInteger has fewer than 2**31 bits), checked before computing it.
     */
    private static BigInteger power(BigInteger base, long exponent) {
        int bits = base.abs().bitLength();
        if (bits <= 1) {
            // 0, 1 and -1 stay small for any exponent.
            return base.signum() == 0 ? (exponent == 0 ? BigInteger.ONE : BigInteger.ZERO)
                    : base.signum() > 0 || exponent % 2 == 0 ? BigInteger.ONE : BigInteger.ONE.negate();
        }
        if (exponent > Integer.MAX_VALUE || (double) (bits - 1) * exponent >= Integer.MAX_VALUE) {
            throw Errors.memoryError();
        }
        return base.pow((int) exponent);
    }

    private static Object bigOp(BinOp op, BigInteger x, BigInteger y) {
        switch (op) {
            case ADD:
                return Conversions.normalize(x.add(y));
            case SUB:
                return Conversions.normalize(x.subtract(y));
            case MUL:
                return Conversions.normalize(x.multiply(y));
            case TRUEDIV:
                if (y.signum() == 0) {
                    throw Errors.zeroDivision("division by zero");
                }
                return trueDivide(x, y);
            case FLOORDIV: {
                if (y.signum() == 0) {
                    throw Errors.zeroDivision("integer division or modulo by zero");
                }
                BigInteger[] qr = x.divideAndRemainder(y);
                BigInteger q = qr[0];
                if (qr[1].signum() != 0 && (qr[1].signum() != y.signum())) {
                    q = q.subtract(BigInteger.ONE);
                }
                return Conversions.normalize(q);
            }
            case MOD: {
                if (y.signum() == 0) {
                    throw Errors.zeroDivision("integer modulo by zero");
                }
                BigInteger r = x.mod(y.abs());
                if (y.signum() < 0 && r.signum() != 0) {
                    r = r.add(y);
                }
                return Conversions.normalize(r);
            }
            case POW:
                if (y.signum() < 0) {
                    return Math.pow(x.doubleValue(), y.doubleValue());
                }
                if (y.bitLength() > 63) {
                    // Only 0, 1 and -1 have powers this large that fit in memory.
                    if (x.abs().compareTo(BigInteger.ONE) <= 0) {
                        return Conversions.normalize(x.signum() < 0 && y.testBit(0) ? x : x.abs());
                    }
                    throw Errors.make("MemoryError", "");
                }
                return Conversions.normalize(power(x, y.bitLength() < 64 ? y.longValue() : Long.MAX_VALUE));
            case LSHIFT:
                if (y.signum() < 0) {
                    throw Errors.valueError("negative shift count");
                }
                if (x.signum() == 0) {
                    return 0L;
                }
                if (y.bitLength() > 63) {
                    throw Errors.overflowError("too many digits in integer");
                }
                return Conversions.normalize(x.shiftLeft(checkedExponent(y.longValueExact())));
            case RSHIFT:
                if (y.signum() < 0) {
                    throw Errors.valueError("negative shift count");
                }
                return Conversions.normalize(x.shiftRight(y.bitLength() > 31 ? Integer.MAX_VALUE : y.intValue()));
            case AND:
                return Conversions.normalize(x.and(y));
            case OR:
                return Conversions.normalize(x.or(y));
            case XOR:
                return Conversions.normalize(x.xor(y));
            default:
                throw Errors.unsupportedBinary(op.symbol, x, y);
        }
    }

    /**
     * x / y correctly rounded (half to even), as CPython's int true division: the quotient is computed to 55+
     * bits with a sticky bit for the remainder, so that converting it to a double rounds once.
     */
    private static double trueDivide(BigInteger x, BigInteger y) {
        boolean negative = x.signum() * y.signum() < 0;
        BigInteger a = x.abs();
        BigInteger b = y.abs();
        if (a.signum() == 0) {
            return negative ? -0.0 : 0.0;
        }
        int shift = a.bitLength() - b.bitLength() - 55;
        BigInteger[] qr = (shift >= 0 ? a : a.shiftLeft(-shift)).divideAndRemainder(shift >= 0 ? b.shiftLeft(shift) : b);
        long q = qr[0].longValue() | (qr[1].signum() != 0 ? 1 : 0);
        if (shift + 63 - Long.numberOfLeadingZeros(q) > 1023) {
            throw Errors.overflowError("integer division result too large for a float");
        }
        double r;
        int bits = 64 - Long.numberOfLeadingZeros(q);
        if (shift + bits - 53 < -1074) {
            // A subnormal (or zero) result: round q to a multiple of 2^-1074 here, as the conversion cannot.
            int drop = -1074 - shift;
            long kept = drop >= 63 ? 0 : q >>> drop;
            long rest = drop >= 63 ? q : q & ((1L << drop) - 1);
            long half = drop >= 64 ? Long.MAX_VALUE : 1L << (drop - 1);
            if (drop < 64 && (rest > half || (rest == half && (kept & 1) != 0))) {
                kept++;
            }
            r = Math.scalb((double) kept, -1074);
        } else {
            r = Math.scalb((double) q, shift);
        }
        if (Double.isInfinite(r)) {
            throw Errors.overflowError("integer division result too large for a float");
        }
        return negative ? -r : r;
    }

    static Object doubleOp(BinOp op, double x, double y) {
        switch (op) {
            case ADD:
                return x + y;
            case SUB:
                return x - y;
            case MUL:
                return x * y;
            case TRUEDIV:
                if (y == 0) {
                    throw Errors.zeroDivision("float division by zero");
                }
                return x / y;
            case FLOORDIV:
                if (y == 0) {
                    throw Errors.zeroDivision("float floor division by zero");
                }
                return floorDivFloat(x, y);
            case MOD: {
                if (y == 0) {
                    throw Errors.zeroDivision("float modulo");
                }
                double m = x % y;
                if (m != 0 && ((m < 0) != (y < 0))) {
                    m += y;
                } else if (m == 0) {
                    m = Math.copySign(0.0, y);
                }
                return m;
            }
            case POW:
                if (x == 0 && y < 0) {
                    throw Errors.zeroDivision("0.0 cannot be raised to a negative power");
                }
                if (x == 1.0 || (x == -1.0 && Double.isInfinite(y))) {
                    return 1.0; // C's pow, which CPython follows; Java's Math.pow gives NaN for 1 ** nan and -1 ** inf
                }
                if (x < 0 && y != Math.rint(y) && Double.isFinite(y)) {
                    // A negative number to a fractional power is complex, as CPython's float_pow answers.
                    return ComplexNumbers.power(new PComplex(x, 0.0), new PComplex(y, 0.0));
                }
                double r = Math.pow(x, y);
                if (Double.isInfinite(r) && !Double.isInfinite(x) && !Double.isInfinite(y)) {
                    throw Errors.overflowError("(34, 'Numerical result out of range')");
                }
                return r;
            default:
                throw Errors.typeError("unsupported operand type(s) for %s: 'float' and 'float'", op.symbol);
        }
    }

    /** The sequences that {@code *} repeats, whose product with a non-int CPython words as a sequence's. */
    private static boolean isRepeatable(Object v) {
        return v instanceof String || v instanceof PList || v instanceof PTuple || v instanceof PBytes || v instanceof PByteArray;
    }

    /** CPython's float floor division (its float_divmod): a NaN remainder (an infinite dividend) gives NaN. */
    private static double floorDivFloat(double x, double y) {
        double mod = x % y;
        double div = (x - mod) / y;
        if (mod != 0 && ((y < 0) != (mod < 0))) {
            div -= 1.0;
        }
        if (div == 0) {
            return Math.copySign(0.0, x / y);
        }
        double floordiv = Math.floor(div);
        if (div - floordiv > 0.5) {
            floordiv += 1.0;
        }
        return floordiv;
    }

    @TruffleBoundary
    public static Object negate(Object a) {
        if (a instanceof Long l) {
            return l == Long.MIN_VALUE ? BigInteger.valueOf(l).negate() : (Object) (-l);
        }
        if (a instanceof Double d) {
            return -d;
        }
        if (a instanceof Boolean b) {
            return b ? -1L : 0L;
        }
        if (a instanceof BigInteger b) {
            return Conversions.normalize(b.negate());
        }
        if (a instanceof PComplex c && (!c.isSubclassInstance() || Types.override(c, "__neg__") == null)) {
            return new PComplex(-c.real, -c.imag);
        }
        return unaryUser(a, "__neg__", "-", Arithmetic::negate);
    }

    @TruffleBoundary
    public static Object positive(Object a) {
        if (a instanceof Long || a instanceof Double || a instanceof BigInteger) {
            return a;
        }
        if (a instanceof PComplex c && (!c.isSubclassInstance() || Types.override(c, "__pos__") == null)) {
            return c.isSubclassInstance() ? new PComplex(c.real, c.imag) : c;
        }
        if (a instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        return unaryUser(a, "__pos__", "+", Arithmetic::positive);
    }

    @TruffleBoundary
    public static Object invert(Object a) {
        if (a instanceof Long l) {
            return ~l;
        }
        if (a instanceof Boolean b) {
            return b ? -2L : -1L;
        }
        if (a instanceof BigInteger b) {
            return Conversions.normalize(b.not());
        }
        return unaryUser(a, "__invert__", "~", Arithmetic::invert);
    }

    /** A unary operator on a value of a class: its special method, else {@code onValue} of an int or float subclass's value. */
    private static Object unaryUser(Object a, String method, String symbol, java.util.function.UnaryOperator<Object> onValue) {
        Object m = Types.override(a, method);
        if (m != null) {
            return Calls.callDescriptor(m, a);
        }
        if (a instanceof PBoxed b && Types.isNumber(b.value())) {
            return onValue.apply(b.value());
        }
        throw Errors.typeError("bad operand type for unary %s: '%s'", symbol, Types.typeName(a));
    }
}
