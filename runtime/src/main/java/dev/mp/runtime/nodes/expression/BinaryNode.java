package dev.mp.runtime.nodes.expression;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.MpException;
import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.arithmetic.BinaryOpNode;
import dev.mp.runtime.ops.Arithmetic.BinOp;

/** A binary arithmetic or bitwise operator: evaluates both operands, then applies the specialized operator. */
public final class BinaryNode extends MpExpressionNode {
    @Child private MpExpressionNode left;
    @Child private MpExpressionNode right;
    @Child private BinaryOpNode operator;

    public BinaryNode(BinOp op, MpExpressionNode left, MpExpressionNode right) {
        this.left = left;
        this.right = right;
        this.operator = BinaryOpNode.create(op, false);
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object a = left.execute(frame);
        Object b = right.execute(frame);
        try {
            return operator.execute(a, b);
        } catch (MpException e) {
            throw failedHere(e);
        }
    }
}
