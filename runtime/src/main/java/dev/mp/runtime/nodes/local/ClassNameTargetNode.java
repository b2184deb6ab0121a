package dev.mp.runtime.nodes.local;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.nodes.Frames;
import dev.mp.runtime.ops.Errors;

/** A name assigned in a class body: an entry of the class namespace. */
public final class ClassNameTargetNode extends AssignTargetNode {
    private final String name;

    public ClassNameTargetNode(String name) {
        this.name = name.intern(); // namespace keys from source are interned too: compared by identity
    }

    @Override
    public void assign(VirtualFrame frame, Object value) {
        Frames.classNamespace(frame).put(name, value);
    }

    @Override
    public void delete(VirtualFrame frame) {
        if (Frames.classNamespace(frame).remove(name) == null) {
            throw Errors.nameError(name);
        }
    }
}
