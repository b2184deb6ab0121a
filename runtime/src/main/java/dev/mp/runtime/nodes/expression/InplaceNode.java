package dev.mp.runtime.nodes.expression;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.ops.Arithmetic;
import dev.mp.runtime.ops.Arithmetic.BinOp;

/** The value of {@code target op= operand}: the in-place operator applied to an already read target value. */
public final class InplaceNode extends MpExpressionNode {
    private final BinOp op;
    @Child private MpExpressionNode target;
    @Child private MpExpressionNode operand;

    public InplaceNode(BinOp op, MpExpressionNode target, MpExpressionNode operand) {
        this.op = op;
        this.target = target;
        this.operand = operand;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object a = target.execute(frame);
        Object b = operand.execute(frame);
        if (a instanceof Long x && b instanceof Long y && op == BinOp.ADD) {
            long s = x + y;
            if (((x ^ s) & (y ^ s)) >= 0) {
                return s;
            }
        }
        return Arithmetic.inplace(op, a, b);
    }
}
