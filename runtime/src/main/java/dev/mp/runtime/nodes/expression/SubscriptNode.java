package dev.mp.runtime.nodes.expression;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.MpException;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.ops.Sequences;

/** {@code obj[index]}, with a fast path for a list and an in-range int. */
public final class SubscriptNode extends MpExpressionNode {
    @Child private MpExpressionNode object;
    @Child private MpExpressionNode index;

    public SubscriptNode(MpExpressionNode object, MpExpressionNode index) {
        this.object = object;
        this.index = index;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object o = object.execute(frame);
        Object i = index.execute(frame);
        if (o instanceof PList l && i instanceof Long n && n >= 0 && n < l.size()) {
            return l.get((int) (long) n);
        }
        try {
            return Sequences.getItem(o, i);
        } catch (MpException e) {
            throw failedHere(e);
        }
    }
}
