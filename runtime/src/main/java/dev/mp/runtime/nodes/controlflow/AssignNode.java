package dev.mp.runtime.nodes.controlflow;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.MpStatementNode;
import dev.mp.runtime.nodes.function.SuspensionPointNode;
import dev.mp.runtime.nodes.local.AssignTargetNode;
import dev.mp.runtime.nodes.local.LocalTargetNode;

/** {@code t1 = t2 = value}: evaluates the value once and assigns it to each target, left to right. */
public final class AssignNode extends MpStatementNode {
    @Children private final AssignTargetNode[] targets;
    @Child private MpExpressionNode value;
    /** The slot of the one target when it is a local variable (the common case, written without a call), else -1. */
    private final int localSlot;

    public AssignNode(AssignTargetNode[] targets, MpExpressionNode value) {
        this.targets = targets;
        this.value = value;
        this.localSlot = targets.length == 1 && targets[0] instanceof LocalTargetNode local ? local.slot() : -1;
    }

    @Override
    public void execute(VirtualFrame frame) {
        assign(frame, value.execute(frame));
    }

    /**
     * {@code x = yield v} and {@code x = await f()} suspend their generator by giving a {@link Completion.Suspend}
     * (nothing is assigned until the resumption), not by an exception.
     */
    @Override
    public Object executeReturning(VirtualFrame frame) {
        Object v;
        if (value instanceof SuspensionPointNode suspension) {
            v = suspension.executeOrSuspend(frame);
        } else {
            v = value.execute(frame);
        }
        if (v instanceof Completion.Suspend) {
            return v;
        }
        assign(frame, v);
        return null;
    }

    @ExplodeLoop
    private void assign(VirtualFrame frame, Object v) {
        if (localSlot >= 0) {
            frame.setObjectStatic(localSlot, v);
            return;
        }
        for (AssignTargetNode t : targets) {
            t.assign(frame, v);
        }
    }
}
