package dev.mp.runtime.nodes;

import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.frame.FrameInstance;
import com.oracle.truffle.api.frame.MaterializedFrame;

import dev.mp.runtime.nodes.function.FunctionRootNode;
import dev.mp.runtime.objects.PCell;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PFunction;

/**
 * The frames of the mp code running on this thread, for the builtins that look at their caller:
 * {@code globals()}, {@code locals()}, {@code vars()}, {@code dir()} and {@code sys._getframe()}. They are the
 * thread's {@link CallStack} where mp keeps one, else Truffle's stack.
 */
public final class CallerFrames {
    private CallerFrames() {
    }

    /**
     * The frame {@code depth} calls out from the code calling the running builtin (0 is that code itself), or
     * null when there are fewer frames. A generator's frame is the one it keeps between resumptions.
     */
    public static Frame frame(int depth) {
        CallStack stack = CallStack.current();
        if (stack != null) {
            int index = stack.size() - 1 - depth;
            return depth < 0 || index < 0 ? null : stack.frame(index);
        }
        int[] remaining = {depth};
        return Truffle.getRuntime().iterateFrames(instance -> {
            if (remaining[0]-- > 0) {
                return null;
            }
            Frame f = instance.getFrame(FrameInstance.FrameAccess.MATERIALIZE);
            Object[] args = f.getArguments();
            return args.length > 0 && args[0] instanceof MaterializedFrame generatorFrame ? generatorFrame : f;
        });
    }

    /** The key of the auxiliary frame slot keeping a function frame's {@code locals()} dict. */
    private static final Object LOCALS_DICT = new Object();

    /** Whether the frame runs a class body, whose namespace is then {@link Frames#classNamespace}. */
    public static boolean isClassBody(Frame frame) {
        Object[] args = frame.getArguments();
        return args.length == 2 && args[0] instanceof PFunction f && f.callTarget().getRootNode() instanceof FunctionRootNode r && r.isClassBody();
    }

    /**
     * {@code locals()} of a frame: the module's globals (or the separate locals mapping that {@code exec} was
     * given), a class body's namespace, or for a function the dict of its bound variables (cells read through) by
     * name. As in CPython 3.11, a function frame keeps one such dict: each call refreshes its variables in it and
     * keeps other names (those {@code exec} bound there).
     */
    public static Object locals(Frame frame) {
        if (!(frame.getArguments()[0] instanceof PFunction)) {
            return frame.getArguments().length == 2 ? frame.getArguments()[1] : Frames.globals(frame);
        }
        if (isClassBody(frame)) {
            return Frames.classNamespace(frame);
        }
        var descriptor = frame.getFrameDescriptor();
        int kept = descriptor.findOrAddAuxiliarySlot(LOCALS_DICT);
        PDict locals = frame.getAuxiliarySlot(kept) instanceof PDict d ? d : new PDict();
        for (int slot = 0; slot < descriptor.getNumberOfSlots(); slot++) {
            if (descriptor.getSlotName(slot) instanceof String name) {
                Object value = frame.getObjectStatic(slot);
                if (value instanceof PCell cell) {
                    value = cell.value;
                }
                if (value != null) {
                    locals.put(name, value);
                } else {
                    locals.remove(name);
                }
            }
        }
        frame.setAuxiliarySlot(kept, locals);
        return locals;
    }
}
