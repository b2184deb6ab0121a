package dev.mp.runtime.nodes.local;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.MpException;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.attribute.SetAttributeNode;
import dev.mp.runtime.ops.Attributes;

/** {@code obj.name = value}. */
public final class AttributeTargetNode extends AssignTargetNode {
    @Child private MpExpressionNode object;
    private final String name;
    @Child private SetAttributeNode store;

    public AttributeTargetNode(MpExpressionNode object, String name) {
        this.object = object;
        this.name = name.intern(); // namespace keys from source are interned too: compared by identity
        this.store = SetAttributeNode.create(this.name);
    }

    @Override
    public void assign(VirtualFrame frame, Object value) {
        Object o = object.execute(frame);
        try {
            store.execute(o, value);
        } catch (MpException e) {
            throw failedHere(e);
        }
    }

    @Override
    public void delete(VirtualFrame frame) {
        Object o = object.execute(frame);
        try {
            Attributes.delete(o, name);
        } catch (MpException e) {
            throw failedHere(e);
        }
    }
}
