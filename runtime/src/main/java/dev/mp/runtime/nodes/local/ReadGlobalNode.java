package dev.mp.runtime.nodes.local;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.nodes.Frames;
import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.ops.Errors;

/** Reads a module global, falling back to the builtins, else NameError. */
public final class ReadGlobalNode extends MpExpressionNode {
    private final String name;

    public ReadGlobalNode(String name) {
        this.name = name.intern(); // namespace keys from source are interned too: compared by identity
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object v = Frames.globals(frame).get(name);
        if (v != null) {
            return v;
        }
        v = MpContext.get(this).builtins().dict().get(name);
        if (v != null) {
            return v;
        }
        throw failedHere(Errors.nameError(name));
    }
}
