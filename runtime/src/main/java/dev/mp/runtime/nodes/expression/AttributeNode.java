package dev.mp.runtime.nodes.expression;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.MpException;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.ops.Attributes;

/** {@code obj.name}. */
public final class AttributeNode extends MpExpressionNode {
    @Child private MpExpressionNode object;
    private final String name;

    public AttributeNode(MpExpressionNode object, String name) {
        this.object = object;
        this.name = name.intern(); // namespace keys from source are interned too: compared by identity
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object o = object.execute(frame);
        try {
            return Attributes.get(o, name);
        } catch (MpException e) {
            throw failedHere(e);
        }
    }
}
