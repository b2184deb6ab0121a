package dev.mp.runtime.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;

import dev.mp.runtime.ops.Conversions;

/** A node that computes a value. */
public abstract class MpExpressionNode extends Node {

    public abstract Object execute(VirtualFrame frame);

    /** The Python truth value of the result. */
    public boolean executeCondition(VirtualFrame frame) {
        return Conversions.isTrue(execute(frame));
    }
}
