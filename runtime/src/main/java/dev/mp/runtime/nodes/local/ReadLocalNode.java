package dev.mp.runtime.nodes.local;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.ops.Errors;

/** Reads a function-local variable from its frame slot. */
public final class ReadLocalNode extends MpExpressionNode {
    private final int slot;
    private final String name;

    public ReadLocalNode(int slot, String name) {
        this.slot = slot;
        this.name = name;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object v = frame.getObjectStatic(slot);
        if (v == null) {
            CompilerDirectives.transferToInterpreter();
            throw failedHere(Errors.make("UnboundLocalError", "cannot access local variable '%s' where it is not associated with a value", name));
        }
        return v;
    }
}
