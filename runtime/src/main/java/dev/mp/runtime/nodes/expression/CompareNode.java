package dev.mp.runtime.nodes.expression;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.MpException;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.ops.Comparisons;
import dev.mp.runtime.ops.Conversions;

/** A comparison chain {@code a < b <= c}: each operand evaluated once, stopping at the first false. */
public final class CompareNode extends MpExpressionNode {
    /** A comparison operator, including membership and identity. */
    public enum Op { LT, LE, EQ, NE, GT, GE, IN, NOT_IN, IS, IS_NOT }

    private final Op[] ops;
    @Children private final MpExpressionNode[] operands;

    public CompareNode(Op[] ops, MpExpressionNode[] operands) {
        this.ops = ops;
        this.operands = operands;
    }

    @Override
    @ExplodeLoop
    public Object execute(VirtualFrame frame) {
        Object left = operands[0].execute(frame);
        Object result = Boolean.TRUE;
        for (int i = 0; i < ops.length; i++) {
            Object right = operands[i + 1].execute(frame);
            try {
                result = compare(ops[i], left, right);
                if (i < ops.length - 1 && !Conversions.isTrue(result)) {
                    return result;
                }
            } catch (MpException e) {
                throw failedHere(e);
            }
            left = right;
        }
        return result;
    }

    static Object compare(Op op, Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long l = x;
            long r = y;
            switch (op) {
                case LT:
                    return l < r;
                case LE:
                    return l <= r;
                case EQ:
                    return l == r;
                case NE:
                    return l != r;
                case GT:
                    return l > r;
                case GE:
                    return l >= r;
                default:
                    break;
            }
        }
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
