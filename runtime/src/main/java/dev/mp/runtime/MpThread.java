package dev.mp.runtime;

import dev.mp.runtime.nodes.CallStack;

/**
 * A thread that runs an mp program for a launcher (bin/mp's main thread, a child process's main thread) and
 * lets mp keep its frames in a {@link CallStack} of its own: calls between mp functions then run the callee's
 * root node directly, which on the fallback runtime takes a third less time per call than a call target.
 *
 * <p>What a launcher gives up for that: on this thread Truffle's own stack (so a tool such as a profiler or a
 * debugger, and a {@code PolyglotException}'s guest frames) shows only frames entered through call targets.
 * A launcher that runs tools therefore runs the program on a plain thread; embedders' threads are plain too.
 * mp's own tracebacks, {@code sys._getframe}, {@code locals()} and the {@code traceback} module read the
 * {@link CallStack} and are the same either way.
 */
public final class MpThread extends Thread {
    private final CallStack callStack = new CallStack();

    public MpThread(Runnable task, String name, long stackBytes) {
        super(null, task, name, stackBytes);
    }

    public CallStack callStack() {
        return callStack;
    }
}
