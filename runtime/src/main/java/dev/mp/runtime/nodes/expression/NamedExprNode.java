package dev.mp.runtime.nodes.expression;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.local.AssignTargetNode;

/** {@code name := value}: assigns and evaluates to the value. */
public final class NamedExprNode extends MpExpressionNode {
    @Child private AssignTargetNode target;
    @Child private MpExpressionNode value;

    public NamedExprNode(AssignTargetNode target, MpExpressionNode value) {
        this.target = target;
        this.value = value;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object v = value.execute(frame);
        target.assign(frame, v);
        return v;
    }
}
