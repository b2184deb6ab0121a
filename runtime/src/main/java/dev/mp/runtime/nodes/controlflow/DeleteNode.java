package dev.mp.runtime.nodes.controlflow;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import dev.mp.runtime.nodes.MpStatementNode;
import dev.mp.runtime.nodes.local.AssignTargetNode;

/** {@code del a, b.c, d[e]}. */
public final class DeleteNode extends MpStatementNode {
    @Children private final AssignTargetNode[] targets;

    public DeleteNode(AssignTargetNode[] targets) {
        this.targets = targets;
    }

    @Override
    @ExplodeLoop
    public void execute(VirtualFrame frame) {
        for (AssignTargetNode t : targets) {
            t.delete(frame);
        }
    }
}
