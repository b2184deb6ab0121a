package dev.mp.runtime.nodes;

import com.oracle.truffle.api.frame.Frame;

import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PFunction;
import dev.mp.runtime.objects.PModule;

/**
 * The frame-argument layout shared by every root: argument 0 is the running {@link PFunction}, or the
 * {@link PModule} for module code; a class body gets its namespace (any mapping, see {@link dev.mp.runtime.ops.Namespaces}) as
 * argument 1, and so does module code run by {@code exec}/{@code eval} with a separate locals mapping.
 */
public final class Frames {
    private Frames() {
    }

    public static PModule module(Frame frame) {
        Object a0 = frame.getArguments()[0];
        return a0 instanceof PFunction f ? f.module() : (PModule) a0;
    }

    public static PDict globals(Frame frame) {
        return module(frame).dict();
    }

    public static PFunction function(Frame frame) {
        Object a0 = frame.getArguments()[0];
        return a0 instanceof PFunction f ? f : null;
    }

    /**
     * The context the code of {@code frame} runs in: its function's, or else asked of {@code node}'s context
     * reference, which on the fallback runtime is a thread-local look-up (a twentieth of a caught exception's time
     * when every {@code except} asked it).
     */
    public static dev.mp.runtime.MpContext context(Frame frame, com.oracle.truffle.api.nodes.Node node) {
        return frame.getArguments()[0] instanceof PFunction f ? f.context() : dev.mp.runtime.MpContext.get(node);
    }

    /** The local namespace of a class body, or of code run with a separate locals mapping. */
    public static Object classNamespace(Frame frame) {
        return frame.getArguments()[1];
    }
}
