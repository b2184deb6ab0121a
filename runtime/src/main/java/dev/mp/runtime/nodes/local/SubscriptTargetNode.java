package dev.mp.runtime.nodes.local;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.MpException;

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
        Object i = index.execute(frame);
        try {
            Sequences.setItem(o, i, value);
        } catch (MpException e) {
            throw failedHere(e);
        }
    }

    @Override
    public void delete(VirtualFrame frame) {
        Object o = object.execute(frame);
        Object i = index.execute(frame);
        try {
            Sequences.delItem(o, i);
        } catch (MpException e) {
            throw failedHere(e);
        }
    }
}
