package dev.mp.runtime.threading;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.ThreadLocalAction;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.ops.Errors;

/**
 * The threads a program starts ({@code _thread.start_new_thread}, under {@code threading.Thread}): each is a
 * Truffle thread that enters the context and runs guest code holding the context's {@link Gil}.
 *
 * <p>When the context is finalized, threads still running (daemon threads, which the program does not wait for,
 * and bare {@code _thread} ones) are stopped at their next safepoint poll, without running their
 * {@code finally} blocks, as a process exit abandons them in CPython; Truffle needs them ended before the
 * context is disposed.
 */
public final class GuestThreads {
    /** Looked up when it logs, not at class loading: slf4j warns on first use in a process without a provider. */
    private static Logger log() {
        return LoggerFactory.getLogger(GuestThreads.class);
    }
    /** Same as the launcher's main thread (-Xss16m): deep recursion reaches RecursionError first. */
    private static final long STACK_SIZE = 16L << 20;
    /** How long finalization waits for a stopped thread; one blocked in uninterruptible I/O is left behind. */
    private static final long STOP_JOIN_MILLIS = 2_000;

    /**
     * The host threads that may share an mp context: those that started threads of a program ({@link #GROUP}).
     * Any other thread entering a context in use still gets polyglot's multi-threaded access error, since it
     * would run guest code without the GIL. Weak, so that ended threads are forgotten.
     */
    private static final Set<Thread> SHARING = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    /** The group of the threads programs start: Truffle asks about a new thread before it can be registered. */
    private static final ThreadGroup GROUP = new ThreadGroup("mp threads");

    private final MpContext context;
    private final Set<Thread> live = ConcurrentHashMap.newKeySet();
    /**
     * Every started thread until it is seen dead: a thread leaves {@link #live} when its Python code ends but only
     * then leaves the context, and the context may be disposed only once all of them have (finalization joins them).
     */
    private final Set<Thread> started = ConcurrentHashMap.newKeySet();

    public GuestThreads(MpContext context) {
        this.context = context;
    }

    /** Whether {@code thread} may enter an mp context while another thread is in it. */
    public static boolean mayShareContext(Thread thread) {
        return thread.getThreadGroup() == GROUP || SHARING.contains(thread);
    }

    /**
     * A thread of this context being stopped at finalization; not a Python exception, so nothing catches it (a
     * statement passes it on, see {@code BlockNode}).
     */
    public static final class ThreadStop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ThreadStop() {
            super(null, null, false, false);
        }
    }

    /**
     * Starts {@code body} on a new thread of the context, which holds the GIL while it runs.
     *
     * @return the thread (started)
     * @throws dev.mp.runtime.MpException RuntimeError when the context may not create threads
     */
    @TruffleBoundary
    public Thread start(Runnable body) {
        if (!context.env().isCreateThreadAllowed()) {
            throw Errors.runtimeError("can't start new thread");
        }
        Gil gil = context.gil();
        Thread[] self = new Thread[1];
        SHARING.add(Thread.currentThread());
        Thread thread = context.env().newTruffleThreadBuilder(() -> run(self[0], body)).threadGroup(GROUP).stackSize(STACK_SIZE).build();
        self[0] = thread;
        thread.setDaemon(true);
        gil.activate();
        live.add(thread);
        started.removeIf(t -> !t.isAlive());
        started.add(thread);
        try {
            thread.start();
        } catch (OutOfMemoryError | IllegalStateException e) {
            live.remove(thread);
            started.remove(thread);
            throw Errors.runtimeError("can't start new thread");
        }
        return thread;
    }

    private void run(Thread self, Runnable body) {
        Gil gil = context.gil();
        gil.acquire();
        try {
            body.run();
        } catch (ThreadStop stopped) {
            // finalization ended the thread
        } finally {
            gil.release();
            live.remove(self);
        }
    }

    /** How many started threads are still running ({@code _thread._count()}). */
    public int count() {
        return live.size();
    }

    /**
     * Stops the threads still running and waits for them (at context finalization, with the GIL released):
     * each gets an action that ends it at its next safepoint poll or interruptible wait.
     */
    @TruffleBoundary
    public void stopAll() {
        List<Thread> running = new ArrayList<>(live);
        if (!running.isEmpty()) {
            try {
                context.env().submitThreadLocal(running.toArray(new Thread[0]), new ThreadLocalAction(false, false) {
                    @Override
                    protected void perform(Access access) {
                        throw new ThreadStop();
                    }
                });
            } catch (IllegalStateException e) {
                log().debug("could not stop the context's threads", e);
            }
        }
        long deadline = System.currentTimeMillis() + STOP_JOIN_MILLIS;
        for (Thread t : new ArrayList<>(started)) { // also those whose code ended but that are still leaving
            if (t == Thread.currentThread()) {
                continue;
            }
            long left = deadline - System.currentTimeMillis();
            try {
                if (left > 0) {
                    t.join(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (t.isAlive()) {
                log().debug("thread {} did not stop", t.getName());
            }
        }
    }
}
