package dev.mp.runtime.nodes.expression;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import dev.mp.runtime.MpException;
import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.arithmetic.CompareOpNode.Op;
import dev.mp.runtime.nodes.arithmetic.CompareOpNode;
import dev.mp.runtime.ops.Conversions;

/** A comparison chain {@code a < b <= c}: each operand evaluated once, stopping at the first false. */
public final class CompareNode extends MpExpressionNode {
    @Children private final MpExpressionNode[] operands;
    @Children private final CompareOpNode[] comparisons;

    public CompareNode(Op[] ops, MpExpressionNode[] operands) {
        this.operands = operands;
        this.comparisons = new CompareOpNode[ops.length];
        for (int i = 0; i < ops.length; i++) {
            comparisons[i] = CompareOpNode.create(ops[i]);
        }
    }

    @Override
    @ExplodeLoop
    public Object execute(VirtualFrame frame) {
        Object left = operands[0].execute(frame);
        Object result = Boolean.TRUE;
        for (int i = 0; i < comparisons.length; i++) {
            Object right = operands[i + 1].execute(frame);
            try {
                result = comparisons[i].execute(left, right);
                if (i < comparisons.length - 1 && !Conversions.isTrue(result)) {
                    return result;
                }
            } catch (MpException e) {
                throw failedHere(e);
            }
            left = right;
        }
        return result;
    }
}
