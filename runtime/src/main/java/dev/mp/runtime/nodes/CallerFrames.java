package dev.mp.runtime.nodes;

import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.frame.FrameInstance;
import com.oracle.truffle.api.frame.MaterializedFrame;

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

    /** Whether the frame runs a class body, whose namespace is then {@link Frames#classNamespace}. */
    public static boolean isClassBody(Frame frame) {
        Object[] args = frame.getArguments();
        return args.length == 2 && args[0] instanceof PFunction f && f.signature().size() == 0 && args[1] instanceof PDict;
    }

    /**
     * {@code locals()} of a frame: the module's globals, a class body's namespace, or a new dict of a
     * function's bound variables (cells read through) by name.
     */
    public static PDict locals(Frame frame) {
        if (!(frame.getArguments()[0] instanceof PFunction)) {
            return Frames.globals(frame);
        }
        if (isClassBody(frame)) {
            return Frames.classNamespace(frame);
        }
        PDict locals = new PDict();
        var descriptor = frame.getFrameDescriptor();
        for (int slot = 0; slot < descriptor.getNumberOfSlots(); slot++) {
            if (descriptor.getSlotName(slot) instanceof String name) {
                Object value = frame.getObject(slot);
                if (value instanceof PCell cell) {
                    value = cell.value;
                }
                if (value != null) {
                    locals.put(name, value);
                }
            }
        }
        return locals;
    }
}
