package dev.mp.runtime.nodes.controlflow;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.MpStatementNode;
import dev.mp.runtime.nodes.local.AssignTargetNode;

/** {@code t1 = t2 = value}: evaluates the value once and assigns it to each target, left to right. */
public final class AssignNode extends MpStatementNode {
    @Children private final AssignTargetNode[] targets;
    @Child private MpExpressionNode value;

    public AssignNode(AssignTargetNode[] targets, MpExpressionNode value) {
        this.targets = targets;
        this.value = value;
    }

    @Override
    @ExplodeLoop
    public void execute(VirtualFrame frame) {
        Object v = value.execute(frame);
        for (AssignTargetNode t : targets) {
            t.assign(frame, v);
        }
    }
}
