package dev.mp.runtime.nodes.local;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.ops.Sequences;

/** {@code obj[index] = value}. */
public final class SubscriptTargetNode extends AssignTargetNode {
    @Child private MpExpressionNode object;
    @Child private MpExpressionNode index;

    public SubscriptTargetNode(MpExpressionNode object, MpExpressionNode index) {
        this.object = object;
        this.index = index;
    }

    @Override
    public void assign(VirtualFrame frame, Object value) {
        Object o = object.execute(frame);
        Sequences.setItem(o, index.execute(frame), value);
    }

    @Override
    public void delete(VirtualFrame frame) {
        Object o = object.execute(frame);
        Sequences.delItem(o, index.execute(frame));
    }
}
