package dev.mp.runtime.nodes.expression;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.MpException;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.attribute.GetAttributeNode;

/** {@code obj.name}. */
public final class AttributeNode extends MpExpressionNode {
    @Child private MpExpressionNode object;
    @Child private GetAttributeNode read;

    public AttributeNode(MpExpressionNode object, String name) {
        this.object = object;
        this.read = GetAttributeNode.create(name);
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object o = object.execute(frame);
        try {
            return read.execute(o);
        } catch (MpException e) {
            throw failedHere(e);
        }
    }
}
