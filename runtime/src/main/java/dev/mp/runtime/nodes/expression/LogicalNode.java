package dev.mp.runtime.nodes.expression;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.ops.Conversions;

/** {@code a and b and c} / {@code a or b}: returns the deciding operand, as Python does. */
public final class LogicalNode extends MpExpressionNode {
    private final boolean isAnd;
    @Children private final MpExpressionNode[] operands;

    public LogicalNode(boolean isAnd, MpExpressionNode[] operands) {
        this.isAnd = isAnd;
        this.operands = operands;
    }

    @Override
    @ExplodeLoop
    public Object execute(VirtualFrame frame) {
        Object v = null;
        for (int i = 0; i < operands.length; i++) {
            v = operands[i].execute(frame);
            if (i < operands.length - 1 && Conversions.isTrue(v) != isAnd) {
                return v;
            }
        }
        return v;
    }
}
