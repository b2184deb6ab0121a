package dev.mp.runtime.nodes.function;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.objects.PGenerator;

/**
 * Where generator bodies keep their state: the frame slot holding the {@link PGenerator}. Nodes that can be
 * resumed get this slot (or -1 outside generators) and keep their own position in further slots.
 */
public final class GeneratorState {
    private GeneratorState() {
    }

    /** True when the frame belongs to a generator that is being resumed into the node asking. */
    public static boolean resuming(VirtualFrame frame, int generatorSlot) {
        return generatorSlot >= 0 && ((PGenerator) frame.getObjectStatic(generatorSlot)).resuming;
    }

    public static PGenerator generator(VirtualFrame frame, int generatorSlot) {
        return (PGenerator) frame.getObjectStatic(generatorSlot);
    }

    public static int savedInt(VirtualFrame frame, int slot) {
        Object v = frame.getObjectStatic(slot);
        return v == null ? 0 : (Integer) v;
    }
}
