package dev.mp.runtime.nodes.expression;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.objects.PSlice;

/** {@code lower:upper:step} inside a subscript; absent parts are None. */
public final class SliceNode extends MpExpressionNode {
    @Child private MpExpressionNode lower;
    @Child private MpExpressionNode upper;
    @Child private MpExpressionNode step;

    public SliceNode(MpExpressionNode lower, MpExpressionNode upper, MpExpressionNode step) {
        this.lower = lower;
        this.upper = upper;
        this.step = step;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        return new PSlice(lower.execute(frame), upper.execute(frame), step.execute(frame));
    }
}
