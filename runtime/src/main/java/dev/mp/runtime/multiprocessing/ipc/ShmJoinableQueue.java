package dev.mp.runtime.multiprocessing.ipc;

import dev.mp.runtime.multiprocessing.shm.SharedRegion;

/**
 * {@link ShmQueue} plus task accounting, the transport behind {@code multiprocessing.JoinableQueue}.
 * Unfinished tasks = (messages ever put) - (task_done calls), both kept in shared memory: the put count is part
 * of the queue's atomically published tail word, so a producer killed mid-put never leaves a phantom task, and
 * task_done is a single CAS. Counters wrap at 2^28, which bounds the number of simultaneously unfinished tasks.
 */
public final class ShmJoinableQueue extends ShmQueue {

    ShmJoinableQueue(SharedRegion region) {
        super(region, KIND_JOINABLE);
    }

    public static ShmJoinableQueue create(int maxsize) {
        return create(maxsize, DEFAULT_RING_BYTES);
    }

    public static ShmJoinableQueue create(int maxsize, int ringBytes) {
        return new ShmJoinableQueue(newRegion(maxsize, ringBytes, KIND_JOINABLE));
    }

    public static ShmJoinableQueue attach(String descriptor) {
        if (ShmQueue.attach(descriptor) instanceof ShmJoinableQueue q) return q;
        throw new IllegalArgumentException("not a JoinableQueue descriptor: " + descriptor);
    }

    /**
     * Marks one previously got item as processed.
     *
     * @throws IllegalStateException "task_done() called too many times" (Python ValueError)
     */
    public void taskDone() {
        ring.taskDone();
    }

    /** Blocks until every item ever put has had its {@link #taskDone()}. */
    public void join() {
        ring.join(Mem.deadline(true, -1));
    }

    /** Like {@link #join()} with a timeout (&lt; 0 = forever); false if it elapsed. */
    public boolean join(long timeoutNanos) {
        return ring.join(Mem.deadline(true, timeoutNanos));
    }

    /** Number of items put but not yet task_done. */
    public int unfinishedTasks() {
        return ring.unfinishedTasks();
    }
}
