package dev.mp.runtime.nodes.local;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.objects.PCell;
import dev.mp.runtime.ops.Errors;

/** Reads a variable shared with nested functions: the frame slot holds its {@link PCell}. */
public final class ReadCellNode extends MpExpressionNode {
    private final int slot;
    private final String name;
    private final boolean free;

    /** @param free true when the variable belongs to an enclosing function (then the message differs) */
    public ReadCellNode(int slot, String name, boolean free) {
        this.slot = slot;
        this.name = name;
        this.free = free;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object v = ((PCell) frame.getObjectStatic(slot)).value;
        if (v == null) {
            if (free) {
                throw failedHere(Errors.make("NameError", "cannot access free variable '%s' where it is not associated with a value in enclosing scope", name));
            }
            throw failedHere(Errors.make("UnboundLocalError", "cannot access local variable '%s' where it is not associated with a value", name));
        }
        return v;
    }
}
