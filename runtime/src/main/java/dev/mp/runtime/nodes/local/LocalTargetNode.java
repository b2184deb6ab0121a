package dev.mp.runtime.nodes.local;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.ops.Errors;

/** A function-local variable in a frame slot. */
public final class LocalTargetNode extends AssignTargetNode {
    private final int slot;
    private final String name;

    public LocalTargetNode(int slot, String name) {
        this.slot = slot;
        this.name = name;
    }

    public int slot() {
        return slot;
    }

    @Override
    public void assign(VirtualFrame frame, Object value) {
        frame.setObjectStatic(slot, value);
    }

    @Override
    public void delete(VirtualFrame frame) {
        if (frame.getObjectStatic(slot) == null) {
            throw Errors.make("UnboundLocalError", "cannot access local variable '%s' where it is not associated with a value", name);
        }
        frame.setObjectStatic(slot, null);
    }
}
