package dev.mp.runtime.nodes;

import java.util.Arrays;

import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.nodes.Node;

import dev.mp.runtime.MpContext;

/**
 * The mp frames running on one {@link dev.mp.runtime.MpThread}, outermost first, kept by mp itself: on such a
 * thread a call from mp code to an mp function runs the callee's root node directly, without its call target,
 * so Truffle's own stack does not see it (see {@link #current}).
 *
 * <p>Contract: every mp root node pushes its frame on entry and pops it on exit ({@link #push}, {@link #pop}),
 * whichever way it was called, so this stack alone answers what the frame walkers ({@link CallerFrames}, the
 * {@code traceback} module) ask. Before a frame calls out, the calling node notes itself ({@link #calling}); that
 * node's statement is the line the frame shows while the callee runs. Only the thread itself touches its stack.
 */
public final class CallStack {
    private Frame[] frames = new Frame[64];
    private MpRootNode[] roots = new MpRootNode[64];
    private Node[] callNodes = new Node[64];
    private int size;
    /**
     * Whether calls on this thread go through call targets after all (while keeping this stack): set once a
     * debugger needs to see every root entered, since Truffle instruments a root only when its call target first
     * runs.
     */
    private boolean viaCallTargets;
    /**
     * The context entered on this thread (null before and after): the thread-local look-up of the current context
     * costs more on the fallback runtime than a builtin's call itself.
     */
    private MpContext context;

    /**
     * The running thread's stack when mp keeps one for it: an {@link dev.mp.runtime.MpThread} that asked for it, on
     * the fallback runtime (whose call targets keep their frame stack in thread-locals, which cost more than
     * the rest of a call). Null otherwise: calls then go through call targets and Truffle's stack.
     */
    public static CallStack current() {
        return FallbackRuntime.ACTIVE && Thread.currentThread() instanceof dev.mp.runtime.MpThread thread ? thread.callStack() : null;
    }

    /** Whether the JVM runs Truffle's fallback runtime (no optimizing compiler); known once the runtime is loaded. */
    private static final class FallbackRuntime {
        static final boolean ACTIVE = com.oracle.truffle.api.Truffle.getRuntime().getClass().getName()
                .equals("com.oracle.truffle.api.impl.DefaultTruffleRuntime");
    }

    /** The context this thread runs, or null when it has none entered (then ask {@link MpContext#current}). */
    public MpContext context() {
        return context;
    }

    /** Called as the thread enters {@code entered} (null as it leaves it): see {@code MpLanguage.initializeThread}. */
    public void setContext(MpContext entered) {
        context = entered;
    }

    public void push(MpRootNode root, Frame frame) {
        if (size == frames.length) {
            grow();
        }
        frames[size] = frame;
        roots[size] = root;
        size++;
    }

    public void pop() {
        size--;
        frames[size] = null;
        roots[size] = null;
        callNodes[size] = null;
    }

    /** Notes the node through which the innermost frame is calling out (null when it no longer is). */
    public void calling(Node node) {
        if (size > 0) {
            callNodes[size - 1] = node;
        }
    }

    public boolean viaCallTargets() {
        return viaCallTargets;
    }

    /**
     * Makes later calls on this thread go through call targets, and has the roots running now instrumented (see
     * {@link MpRootNode#prepareForTools}).
     */
    public void useCallTargets() {
        viaCallTargets = true;
        for (int i = 0; i < size; i++) {
            roots[i].prepareForTools();
        }
    }

    /** Makes later calls on this thread run roots directly again (no debugger needs them instrumented any more). */
    public void stopUsingCallTargets() {
        viaCallTargets = false;
    }

    public int size() {
        return size;
    }

    /** The frame at {@code index} from the outermost (0). */
    public Frame frame(int index) {
        return frames[index];
    }

    public MpRootNode root(int index) {
        return roots[index];
    }

    /** The node through which the frame at {@code index} is calling out, or null. */
    public Node callNode(int index) {
        return callNodes[index];
    }

    private void grow() {
        frames = Arrays.copyOf(frames, size * 2);
        roots = Arrays.copyOf(roots, size * 2);
        callNodes = Arrays.copyOf(callNodes, size * 2);
    }
}
