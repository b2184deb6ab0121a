package dev.mp.runtime.nodes.expression;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.arithmetic.BinaryOpNode;
import dev.mp.runtime.ops.Arithmetic.BinOp;

/** The value of {@code target op= operand}: the in-place operator applied to an already read target value. */
public final class InplaceNode extends MpExpressionNode {
    @Child private MpExpressionNode target;
    @Child private MpExpressionNode operand;
    @Child private BinaryOpNode operator;

    public InplaceNode(BinOp op, MpExpressionNode target, MpExpressionNode operand) {
        this.target = target;
        this.operand = operand;
        this.operator = BinaryOpNode.create(op, true);
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object a = target.execute(frame);
        Object b = operand.execute(frame);
        return operator.execute(a, b);
    }
}
