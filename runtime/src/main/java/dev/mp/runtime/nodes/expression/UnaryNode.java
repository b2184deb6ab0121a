package dev.mp.runtime.nodes.expression;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.MpException;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.ops.Arithmetic;
import dev.mp.runtime.ops.Conversions;

/** Unary {@code -}, {@code +}, {@code ~} and {@code not}. */
public final class UnaryNode extends MpExpressionNode {
    /** The operator. */
    public enum Op { NEG, POS, INVERT, NOT }

    private final Op op;
    @Child private MpExpressionNode operand;

    public UnaryNode(Op op, MpExpressionNode operand) {
        this.op = op;
        this.operand = operand;
    }

    /** Whether this is a constant CPython folds at compile time: a sign or inversion applied to a literal. */
    public boolean isFoldedConstant() {
        return op != Op.NOT && operand instanceof LiteralNode;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object v = operand.execute(frame);
        try {
            return switch (op) {
                case NEG -> Arithmetic.negate(v);
                case POS -> Arithmetic.positive(v);
                case INVERT -> Arithmetic.invert(v);
                case NOT -> !Conversions.isTrue(v);
            };
        } catch (MpException e) {
            throw failedHere(e);
        }
    }
}
