package dev.mp.runtime.nodes.local;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.nodes.Frames;
import dev.mp.runtime.ops.Errors;

/** A module global. */
public final class GlobalTargetNode extends AssignTargetNode {
    private final String name;

    public GlobalTargetNode(String name) {
        this.name = name.intern(); // namespace keys from source are interned too: compared by identity
    }

    @Override
    public void assign(VirtualFrame frame, Object value) {
        Frames.globals(frame).put(name, value);
    }

    @Override
    public void delete(VirtualFrame frame) {
        if (Frames.globals(frame).remove(name) == null) {
            throw Errors.nameError(name);
        }
    }
}
