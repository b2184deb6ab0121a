package dev.mp.runtime.nodes.arithmetic;

import java.math.BigInteger;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

import dev.mp.runtime.ops.Arithmetic.BinOp;
import dev.mp.runtime.ops.Arithmetic;
import dev.mp.runtime.ops.ComplexNumbers;
import dev.mp.runtime.objects.PComplex;

/**
 * A binary arithmetic or bitwise operator applied to two evaluated operands. Each operator is its own node with
 * specializations for {@code long} and {@code double} operands (and complex ones for + - *); everything else (big ints, bools, sequences,
 * operator overloading) goes to {@link Arithmetic} behind a boundary. The in-place form ({@code +=}) shares the
 * numeric specializations, since ints and floats have no in-place methods, and differs only in its generic case.
 */
public abstract class BinaryOpNode extends Node {
    protected final BinOp op;
    protected final boolean inplace;

    protected BinaryOpNode(BinOp op, boolean inplace) {
        this.op = op;
        this.inplace = inplace;
    }

    public abstract Object execute(Object left, Object right);

    /** The node for {@code left op right}, or for {@code left op= right} when {@code inplace}. */
    public static BinaryOpNode create(BinOp op, boolean inplace) {
        return switch (op) {
            case ADD -> BinaryOpNodeFactory.AddNodeGen.create(inplace);
            case SUB -> BinaryOpNodeFactory.SubNodeGen.create(inplace);
            case MUL -> BinaryOpNodeFactory.MulNodeGen.create(inplace);
            case TRUEDIV -> BinaryOpNodeFactory.TrueDivNodeGen.create(inplace);
            case FLOORDIV -> BinaryOpNodeFactory.FloorDivNodeGen.create(inplace);
            case MOD -> BinaryOpNodeFactory.ModNodeGen.create(inplace);
            case AND, OR, XOR -> BinaryOpNodeFactory.BitwiseNodeGen.create(op, inplace);
            case LSHIFT, RSHIFT -> BinaryOpNodeFactory.ShiftNodeGen.create(op, inplace);
            default -> BinaryOpNodeFactory.GenericNodeGen.create(op, inplace);
        };
    }

    @TruffleBoundary
    protected final Object generic(Object left, Object right) {
        return inplace ? Arithmetic.inplace(op, left, right) : Arithmetic.binary(op, left, right);
    }

    protected static boolean isNonZero(double x) {
        return x != 0.0;
    }

    /** Ints whose quotient as doubles is correctly rounded: both exactly representable. */
    protected static boolean exactInDouble(long x) {
        return x >= -(1L << 53) && x <= (1L << 53);
    }

    public abstract static class AddNode extends BinaryOpNode {
        protected AddNode(boolean inplace) {
            super(BinOp.ADD, inplace);
        }

        @Specialization(rewriteOn = ArithmeticException.class)
        protected static long longs(long a, long b) {
            return Math.addExact(a, b);
        }

        @Specialization(replaces = "longs")
        protected static Object longsWide(long a, long b) {
            long r = a + b;
            return ((a ^ r) & (b ^ r)) < 0 ? bigAdd(a, b) : r;
        }

        @Specialization
        protected static double doubles(double a, double b) {
            return a + b;
        }

        @Specialization
        protected static double longDouble(long a, double b) {
            return a + b;
        }

        @Specialization
        protected static double doubleLong(double a, long b) {
            return a + b;
        }

        @Specialization
        protected static String strings(String a, String b) {
            return concat(a, b);
        }

        @Specialization(guards = {"!a.isSubclassInstance()", "!b.isSubclassInstance()"})
        protected static PComplex complexes(PComplex a, PComplex b) {
            return new PComplex(a.real + b.real, a.imag + b.imag);
        }

        @Fallback
        protected Object other(Object a, Object b) {
            return generic(a, b);
        }

        @TruffleBoundary
        private static Object bigAdd(long a, long b) {
            return BigInteger.valueOf(a).add(BigInteger.valueOf(b));
        }

        @TruffleBoundary
        private static String concat(String a, String b) {
            return a.concat(b);
        }
    }

    public abstract static class SubNode extends BinaryOpNode {
        protected SubNode(boolean inplace) {
            super(BinOp.SUB, inplace);
        }

        @Specialization(rewriteOn = ArithmeticException.class)
        protected static long longs(long a, long b) {
            return Math.subtractExact(a, b);
        }

        @Specialization
        protected static double doubles(double a, double b) {
            return a - b;
        }

        @Specialization
        protected static double longDouble(long a, double b) {
            return a - b;
        }

        @Specialization
        protected static double doubleLong(double a, long b) {
            return a - b;
        }

        @Specialization(guards = {"!a.isSubclassInstance()", "!b.isSubclassInstance()"})
        protected static PComplex complexes(PComplex a, PComplex b) {
            return new PComplex(a.real - b.real, a.imag - b.imag);
        }

        @Fallback
        protected Object other(Object a, Object b) {
            return generic(a, b);
        }
    }

    public abstract static class MulNode extends BinaryOpNode {
        protected MulNode(boolean inplace) {
            super(BinOp.MUL, inplace);
        }

        @Specialization(rewriteOn = ArithmeticException.class)
        protected static long longs(long a, long b) {
            return Math.multiplyExact(a, b);
        }

        @Specialization
        protected static double doubles(double a, double b) {
            return a * b;
        }

        @Specialization
        protected static double longDouble(long a, double b) {
            return a * b;
        }

        @Specialization
        protected static double doubleLong(double a, long b) {
            return a * b;
        }

        @Specialization(guards = {"!a.isSubclassInstance()", "!b.isSubclassInstance()"})
        protected static PComplex complexes(PComplex a, PComplex b) {
            return ComplexNumbers.multiply(a, b);
        }

        @Fallback
        protected Object other(Object a, Object b) {
            return generic(a, b);
        }
    }

    public abstract static class TrueDivNode extends BinaryOpNode {
        protected TrueDivNode(boolean inplace) {
            super(BinOp.TRUEDIV, inplace);
        }

        @Specialization(guards = {"b != 0", "exactInDouble(a)", "exactInDouble(b)"})
        protected static double longs(long a, long b) {
            return (double) a / (double) b;
        }

        @Specialization(guards = "isNonZero(b)")
        protected static double doubles(double a, double b) {
            return a / b;
        }

        @Fallback
        protected Object other(Object a, Object b) {
            return generic(a, b);
        }
    }

    public abstract static class FloorDivNode extends BinaryOpNode {
        protected FloorDivNode(boolean inplace) {
            super(BinOp.FLOORDIV, inplace);
        }

        @Specialization(guards = {"b != 0", "!isMinByMinusOne(a, b)"})
        protected static long longs(long a, long b) {
            return Math.floorDiv(a, b);
        }

        @Fallback
        protected Object other(Object a, Object b) {
            return generic(a, b);
        }

        /** The one quotient of longs that overflows. */
        protected static boolean isMinByMinusOne(long a, long b) {
            return a == Long.MIN_VALUE && b == -1;
        }
    }

    public abstract static class ModNode extends BinaryOpNode {
        protected ModNode(boolean inplace) {
            super(BinOp.MOD, inplace);
        }

        @Specialization(guards = "b != 0")
        protected static long longs(long a, long b) {
            return Math.floorMod(a, b);
        }

        @Fallback
        protected Object other(Object a, Object b) {
            return generic(a, b);
        }
    }

    public abstract static class BitwiseNode extends BinaryOpNode {
        protected BitwiseNode(BinOp op, boolean inplace) {
            super(op, inplace);
        }

        @Specialization
        protected long longs(long a, long b) {
            return switch (op) {
                case AND -> a & b;
                case OR -> a | b;
                default -> a ^ b;
            };
        }

        @Fallback
        protected Object other(Object a, Object b) {
            return generic(a, b);
        }
    }

    public abstract static class ShiftNode extends BinaryOpNode {
        protected ShiftNode(BinOp op, boolean inplace) {
            super(op, inplace);
        }

        /** Right shifts of any non-negative count, and left shifts that lose no bits. */
        @Specialization(guards = {"b >= 0", "fits(a, b)"})
        protected long longs(long a, long b) {
            if (op == BinOp.RSHIFT) {
                return b >= 64 ? (a < 0 ? -1 : 0) : a >> b;
            }
            return a << b;
        }

        protected final boolean fits(long a, long b) {
            return op == BinOp.RSHIFT || (b < 63 && (a << b) >> b == a);
        }

        @Fallback
        protected Object other(Object a, Object b) {
            return generic(a, b);
        }
    }

    /** Operators without specializations: {@code **} and {@code @}. */
    public abstract static class GenericNode extends BinaryOpNode {
        protected GenericNode(BinOp op, boolean inplace) {
            super(op, inplace);
        }

        @Specialization
        protected Object any(Object a, Object b) {
            return generic(a, b);
        }
    }
}
