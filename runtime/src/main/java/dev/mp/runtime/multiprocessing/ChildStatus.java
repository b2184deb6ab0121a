package dev.mp.runtime.multiprocessing;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

import dev.mp.runtime.multiprocessing.shm.Futex;
import dev.mp.runtime.multiprocessing.shm.SharedRegion;

/**
 * The status channel of a child JVM that may run one Process after another (the forkserver start method): a few
 * words of shared memory through which the child tells its parent that it waits for its next task and how each
 * task ended, since a recycled JVM's exit status can no longer carry a Process's exit code. No socket, no broker:
 * the parent creates the region when it launches the child and names it on the child's command line
 * ({@value #PROPERTY}); the child maps it at boot.
 *
 * <p>Tasks are numbered from 1 in each child. Words (ints): {@code EVENTS}, the futex word, grows by one at every
 * change (also when the parent sees the child die, so that a waiter wakes); {@code READY}, the number of the task
 * the child now waits for, its context prepared; {@code FINISHED}, the number of the last task that ended with the
 * JVM going on to the next; {@code CODE}, that task's exit code. A task that ends the JVM (the spawn method, os._exit,
 * a Process that left state behind) is not reported here: its exit code is the JVM's exit status, as with spawn.
 * The child writes {@code CODE} before {@code FINISHED}, so a reader that sees {@code FINISHED} reach its task
 * reads that task's code.
 */
final class ChildStatus {
    /** The system property, on a child's command line, that names its region. */
    static final String PROPERTY = "mp.child.status";

    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final long EVENTS = 0;
    private static final long READY = 4;
    private static final long FINISHED = 8;
    private static final long CODE = 12;
    private static final long SIZE = 16;

    private final SharedRegion region;
    private final MemorySegment seg;

    private ChildStatus(SharedRegion region) {
        this.region = region;
        this.seg = region.segment();
    }

    /** A new channel for a child about to be launched (parent side). */
    static ChildStatus create() {
        return new ChildStatus(SharedRegion.create(SIZE));
    }

    /**
     * The channel of this JVM when it is a child launched with one, else null. The child removes the file at once:
     * both sides have it mapped, and nothing is left behind however either ends.
     */
    static ChildStatus ofThisChild() {
        String name = System.getProperty(PROPERTY);
        if (name == null || name.isEmpty()) {
            return null;
        }
        SharedRegion region = SharedRegion.open(name);
        ChildStatus status = new ChildStatus(region);
        status.unlink();
        return status;
    }

    /** The name the child is given ({@value #PROPERTY}). */
    String name() {
        return region.name();
    }

    /** Removes the region's file (the mappings stay). Idempotent. */
    void unlink() {
        try {
            region.unlink();
        } catch (RuntimeException alreadyGone) {
            // best effort: the parent's resource tracker removes it at exit otherwise
        }
    }

    /** Child: it now waits for task {@code task}. */
    void ready(int task) {
        INT.setVolatile(seg, READY, task);
        changed();
    }

    /** Child: task {@code task} ended with {@code code}, and this JVM goes on. */
    void finished(int task, int code) {
        INT.setVolatile(seg, CODE, code);
        INT.setVolatile(seg, FINISHED, task);
        changed();
    }

    /** Wakes the waiters: something changed (the parent calls it when the child has died). */
    void changed() {
        INT.getAndAdd(seg, EVENTS, 1);
        Futex.wake(seg, EVENTS, Integer.MAX_VALUE);
    }

    /** The number of the task the child waits for (0 before it is ready for its first). */
    int ready() {
        return (int) INT.getVolatile(seg, READY);
    }

    /** The number of the last task reported ended. */
    int finished() {
        return (int) INT.getVolatile(seg, FINISHED);
    }

    /** The exit code of task {@link #finished()}; read after it. */
    int code() {
        return (int) INT.getVolatile(seg, CODE);
    }

    /** The change counter, to pass to {@link #awaitChange}. */
    int events() {
        return (int) INT.getVolatile(seg, EVENTS);
    }

    /** Waits up to {@code nanos} (0: not at all) while the change counter still reads {@code seen}. */
    void awaitChange(int seen, long nanos) {
        Futex.wait(seg, EVENTS, seen, nanos);
    }
}
