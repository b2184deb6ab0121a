package dev.mp.runtime.multiprocessing.shm;

/** What the lock-like primitives (Lock, RLock, Semaphore) have in common, for the Python types over them. */
public interface SharedLock {
    /**
     * Takes the lock (a permit).
     *
     * @param block false: try once
     * @param timeoutNanos with {@code block}: negative = forever
     * @return whether it was taken
     */
    boolean acquire(boolean block, long timeoutNanos);

    /**
     * Takes the lock (a permit) if that needs no wait: the uncontended fast path, without the dead-holder check
     * of a failed {@code acquire(false, 0)}.
     *
     * @return whether it was taken
     */
    boolean tryAcquire();

    /** Gives it back; an IllegalStateException when the caller may not (not held, or released too often). */
    void release();

    /** A descriptor from which another process attaches to the same primitive. */
    String descriptor();
}
