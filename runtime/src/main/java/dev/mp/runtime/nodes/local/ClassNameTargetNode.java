package dev.mp.runtime.nodes.local;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.nodes.Frames;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Namespaces;

/** A name assigned in a class body (or in code run with a separate locals mapping): an entry of that namespace. */
public final class ClassNameTargetNode extends AssignTargetNode {
    private final String name;

    public ClassNameTargetNode(String name) {
        this.name = name.intern(); // namespace keys from source are interned too: compared by identity
    }

    @Override
    public void assign(VirtualFrame frame, Object value) {
        Namespaces.put(Frames.classNamespace(frame), name, value);
    }

    @Override
    public void delete(VirtualFrame frame) {
        if (!Namespaces.remove(Frames.classNamespace(frame), name)) {
            throw Errors.nameError(name);
        }
    }
}
