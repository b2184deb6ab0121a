package dev.mp.runtime.nodes.arithmetic;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

import dev.mp.runtime.ops.Comparisons;

/**
 * One comparison of a chain applied to two evaluated operands, specialized for {@code long}, {@code double} and
 * (for equality) {@code String} operands. Java's primitive comparisons treat NaN as Python does: unequal to
 * everything, ordered with nothing. Other operands go to {@link Comparisons} behind a boundary.
 */
public abstract class CompareOpNode extends Node {
    /** A comparison operator, including membership and identity. */
    public enum Op { LT, LE, EQ, NE, GT, GE, IN, NOT_IN, IS, IS_NOT }

    protected final Op op;

    protected CompareOpNode(Op op) {
        this.op = op;
    }

    public abstract Object execute(Object left, Object right);

    public static CompareOpNode create(Op op) {
        return CompareOpNodeGen.create(op);
    }

    protected final boolean isOrdering() {
        return op != Op.IN && op != Op.NOT_IN && op != Op.IS && op != Op.IS_NOT;
    }

    protected final boolean isEquality() {
        return op == Op.EQ || op == Op.NE;
    }

    @Specialization(guards = "isOrdering()")
    protected boolean longs(long a, long b) {
        return switch (op) {
            case LT -> a < b;
            case LE -> a <= b;
            case EQ -> a == b;
            case NE -> a != b;
            case GT -> a > b;
            default -> a >= b;
        };
    }

    @Specialization(guards = "isOrdering()")
    protected boolean doubles(double a, double b) {
        return switch (op) {
            case LT -> a < b;
            case LE -> a <= b;
            case EQ -> a == b;
            case NE -> a != b;
            case GT -> a > b;
            default -> a >= b;
        };
    }

    @Specialization(guards = {"isOrdering()", "exactInDouble(a)"})
    protected boolean longDouble(long a, double b) {
        return doubles(a, b);
    }

    @Specialization(guards = {"isOrdering()", "exactInDouble(b)"})
    protected boolean doubleLong(double a, long b) {
        return doubles(a, b);
    }

    @Specialization(guards = "isEquality()")
    protected boolean strings(String a, String b) {
        return equal(a, b) == (op == Op.EQ);
    }

    @Fallback
    protected Object other(Object a, Object b) {
        return generic(op, a, b);
    }

    /** Ints that convert to double without rounding, so that comparing the doubles is comparing the values. */
    protected static boolean exactInDouble(long x) {
        return x >= -(1L << 53) && x <= (1L << 53);
    }

    @TruffleBoundary
    private static boolean equal(String a, String b) {
        return a.equals(b);
    }

    @TruffleBoundary
    private static Object generic(Op op, Object a, Object b) {
        return switch (op) {
            case LT -> Comparisons.compare(a, b, Comparisons.Op.LT);
            case LE -> Comparisons.compare(a, b, Comparisons.Op.LE);
            case EQ -> Comparisons.compare(a, b, Comparisons.Op.EQ);
            case NE -> Comparisons.compare(a, b, Comparisons.Op.NE);
            case GT -> Comparisons.compare(a, b, Comparisons.Op.GT);
            case GE -> Comparisons.compare(a, b, Comparisons.Op.GE);
            case IN -> Comparisons.contains(b, a);
            case NOT_IN -> !Comparisons.contains(b, a);
            case IS -> isSame(a, b);
            case IS_NOT -> !isSame(a, b);
        };
    }

    /** {@code is}: identity, with ints, floats and strs of equal value treated as one object, as CPython caches them. */
    public static boolean isSame(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a instanceof Long x && b instanceof Long y) {
            return x.longValue() == y.longValue();
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return x.booleanValue() == y.booleanValue();
        }
        return false;
    }
}
