package dev.mp.runtime.nodes;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.MaterializedFrame;

/**
 * What a profiler ({@code sys.setprofile}, {@code cProfile}) is told of one thread's mp code: each entry into a
 * function, class body, module or generator resumption ({@link #call}) and each exit from one ({@link #returned}).
 * The roots report to the hook of {@code MpContext.profileHook()} when there is one; until a profiler is first set
 * in an engine, the check is an assumption that compiled code folds away.
 *
 * <p>Contract: events reach {@link #onCall}/{@link #onReturn} only on the thread that installed the hook (profiles are
 * per thread, as CPython's are), never while the hook itself runs (its own mp code is not profiled), and a return
 * may come without its call (a hook installed inside a running function sees that function return).
 */
public abstract class ProfileHook {
    private final Thread thread = Thread.currentThread();

    /**
     * The profiler that code of {@code root} running in {@code context} reports to, or null. No field is read while
     * no profiler was ever set in this engine (the language's assumption), so compiled code has no check left. The
     * root keeps that assumption in a field of its own: {@code MpLanguage.get} is a thread-local look-up in the
     * interpreter (a sixth of a deep recursion's time when it was called here), and even {@code getLanguage(Class)}
     * showed in a call's profile.
     */
    public static ProfileHook of(MpRootNode root, dev.mp.runtime.MpContext context) {
        if (root.noProfileHookAssumption().isValid()) {
            return null;
        }
        return context.profileHook();
    }
    private boolean running;

    @TruffleBoundary
    public final void call(MpRootNode root, MaterializedFrame frame) {
        if (Thread.currentThread() == thread && !running) {
            running = true;
            try {
                onCall(root, frame);
            } finally {
                running = false;
            }
        }
    }

    @TruffleBoundary
    public final void returned(MpRootNode root, MaterializedFrame frame, Object value) {
        if (Thread.currentThread() == thread && !running) {
            running = true;
            try {
                onReturn(root, frame, value);
            } finally {
                running = false;
            }
        }
    }

    /** Code of {@code root} starts running in {@code frame} (the frame is already on the thread's stack). */
    protected abstract void onCall(MpRootNode root, MaterializedFrame frame);

    /** Code of {@code root} stops running in {@code frame}, returning {@code value} (None when raising). */
    protected abstract void onReturn(MpRootNode root, MaterializedFrame frame, Object value);
}
