package dev.mp.runtime.nodes.expression;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.nodes.MpExpressionNode;

/** A constant: a number, string, bytes, None, True, False or Ellipsis. */
public final class LiteralNode extends MpExpressionNode {
    private final Object value;

    public LiteralNode(Object value) {
        this.value = value;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        return value;
    }

    public Object value() {
        return value;
    }
}
