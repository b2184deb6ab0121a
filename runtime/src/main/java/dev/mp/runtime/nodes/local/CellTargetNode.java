package dev.mp.runtime.nodes.local;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.objects.PCell;
import dev.mp.runtime.ops.Errors;

/** A variable shared with nested functions, through the cell in its frame slot. */
public final class CellTargetNode extends AssignTargetNode {
    private final int slot;
    private final String name;

    public CellTargetNode(int slot, String name) {
        this.slot = slot;
        this.name = name;
    }

    @Override
    public void assign(VirtualFrame frame, Object value) {
        ((PCell) frame.getObjectStatic(slot)).value = value;
    }

    @Override
    public void delete(VirtualFrame frame) {
        PCell cell = (PCell) frame.getObjectStatic(slot);
        if (cell.value == null) {
            throw Errors.make("UnboundLocalError", "cannot access local variable '%s' where it is not associated with a value", name);
        }
        cell.value = null;
    }
}
