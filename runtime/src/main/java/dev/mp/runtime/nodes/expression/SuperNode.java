package dev.mp.runtime.nodes.expression;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.nodes.Frames;
import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.objects.PCell;
import dev.mp.runtime.objects.PFunction;
import dev.mp.runtime.objects.PSuper;
import dev.mp.runtime.ops.Errors;

/** Zero-argument {@code super()} in a method: the defining class and the method's first argument. */
public final class SuperNode extends MpExpressionNode {
    private final int firstArgumentSlot;

    /** @param firstArgumentSlot the slot of the first parameter, or -1 when the function has none */
    public SuperNode(int firstArgumentSlot) {
        this.firstArgumentSlot = firstArgumentSlot;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        PFunction f = Frames.function(frame);
        if (f == null || f.definingClass() == null) {
            throw Errors.runtimeError("super(): __class__ cell not found");
        }
        if (firstArgumentSlot < 0) {
            throw Errors.runtimeError("super(): no arguments");
        }
        Object self = frame.getObjectStatic(firstArgumentSlot);
        if (self instanceof PCell c) {
            self = c.value;
        }
        return new PSuper(f.definingClass(), self);
    }
}
