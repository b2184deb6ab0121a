package dev.mp.runtime.multiprocessing.shm;

import java.lang.foreign.MemorySegment;

/**
 * A cross-process condition variable (Python {@code multiprocessing.Condition}) over a
 * {@link ShmLock} or a {@link ShmRLock} (CPython's default is an RLock).
 *
 * <p>Layout ({@link #SIZE} = 16 bytes, 8-aligned offset): int sequence number at +0 (the futex
 * word, incremented by every effective notify), int number of registered waiters at +4, int
 * pending wake-ups ("signals") at +8, int reserved at +12. Waiters/signals are only changed with
 * the lock held. {@code notify(n)} grants {@code min(n, waiters without a signal)} signals; a
 * waiter consumes one only if a notify happened after it registered, so exactly that many of the
 * threads waiting at the time of the call return {@code true} (no spurious wake-ups are reported;
 * the order among them is unspecified). A process killed while waiting stays counted as a waiter,
 * so one later notification may be lost to it.
 *
 * <p>Python's {@code wait}/{@code notify_all} are {@link #await}/{@link #notifyAllWaiters} here
 * because {@code Object.wait(long)} and {@code Object.notifyAll()} are final.
 *
 * <p>Descriptor: {@code cond:<regionName>:<offset>|<lock descriptor>}.
 */
public final class ShmCondition {
    /** Bytes used in the region (the lock lives elsewhere). */
    public static final long SIZE = 16;
    static final String KIND = "cond";
    private static final long SEQ = 0;
    private static final long WAITERS = 4;
    private static final long SIGNALS = 8;

    private final SharedRegion region;
    private final MemorySegment seg;
    private final long off;
    private final ShmLock lock;
    private final ShmRLock rlock;

    private ShmCondition(SharedRegion region, long offset, ShmLock lock, ShmRLock rlock) {
        MutexWord.checkAligned(region.segment(), offset, SIZE);
        this.region = region;
        this.seg = region.segment();
        this.off = offset;
        this.lock = lock;
        this.rlock = rlock;
    }

    /** Creates a condition (in a new region of its own) over a new {@link ShmRLock}. */
    public static ShmCondition create() {
        return create(ShmRLock.create());
    }

    /** Creates a condition in a new region of its own over {@code lock}. */
    public static ShmCondition create(ShmLock lock) {
        return init(new ShmCondition(Regions.createCached(SIZE), 0, lock, null));
    }

    /** Creates a condition in a new region of its own over {@code rlock}. */
    public static ShmCondition create(ShmRLock rlock) {
        return init(new ShmCondition(Regions.createCached(SIZE), 0, null, rlock));
    }

    /** Initializes a condition at {@code offset} of {@code region} over {@code lock}. */
    public static ShmCondition create(SharedRegion region, long offset, ShmLock lock) {
        return init(new ShmCondition(region, offset, lock, null));
    }

    /** Initializes a condition at {@code offset} of {@code region} over {@code rlock}. */
    public static ShmCondition create(SharedRegion region, long offset, ShmRLock rlock) {
        return init(new ShmCondition(region, offset, null, rlock));
    }

    private static ShmCondition init(ShmCondition c) {
        c.seg.asSlice(c.off, SIZE).fill((byte) 0);
        MutexWord.INT.setVolatile(c.seg, c.off, 0);
        return c;
    }

    /** Re-opens a condition (and its lock) from its {@link #descriptor()}. */
    public static ShmCondition attach(String descriptor) {
        Regions.Parsed p = Regions.parse(KIND, descriptor);
        String ld = p.rest();
        if (ld == null) {
            throw new IllegalArgumentException("condition descriptor without lock: " + descriptor);
        }
        if (ld.startsWith(ShmRLock.KIND + ":")) {
            return new ShmCondition(p.region(), p.offset(), null, ShmRLock.attach(ld));
        }
        return new ShmCondition(p.region(), p.offset(), ShmLock.attach(ld), null);
    }

    /** {@code cond:<regionName>:<offset>|<lock descriptor>}. */
    public String descriptor() {
        return Regions.format(KIND, region, off) + "|"
                + (lock != null ? lock.descriptor() : rlock.descriptor());
    }

    /** The underlying lock if it is a {@link ShmLock}, else null. */
    public ShmLock lock() {
        return lock;
    }

    /** The underlying lock if it is a {@link ShmRLock}, else null. */
    public ShmRLock rlock() {
        return rlock;
    }

    /** Acquires the underlying lock. */
    public boolean acquire(boolean block, long timeoutNanos) {
        return lock != null ? lock.acquire(block, timeoutNanos) : rlock.acquire(block, timeoutNanos);
    }

    /** Releases the underlying lock (its exceptions apply). */
    public void release() {
        if (lock != null) {
            lock.release();
        } else {
            rlock.release();
        }
    }

    /** Whether the calling thread holds the underlying lock. */
    public boolean isMine() {
        return lock != null ? lock.isMine() : rlock.isMine();
    }

    private int releaseFully() {
        if (lock != null) {
            lock.release();
            return 1;
        }
        return rlock.releaseAll();
    }

    private void reacquire(int saved) {
        if (lock != null) {
            lock.acquire(true, -1);
        } else {
            rlock.reacquire(saved);
        }
    }

    private int get(long field) {
        return (int) MutexWord.INT.getVolatile(seg, off + field);
    }

    private void put(long field, int v) {
        MutexWord.INT.setVolatile(seg, off + field, v);
    }

    /**
     * Releases the lock (fully, for an RLock), waits for a notification or the timeout, and
     * re-acquires the lock (restoring the recursion count) before returning.
     *
     * @param timeoutNanos negative = forever
     * @return true if notified, false on timeout
     * @throws IllegalStateException "cannot wait on un-acquired lock" if the calling thread does not hold the lock
     */
    public boolean await(long timeoutNanos) {
        if (!isMine()) {
            throw new IllegalStateException("cannot wait on un-acquired lock");
        }
        final long deadline = timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0;
        put(WAITERS, get(WAITERS) + 1);
        final int registeredAt = get(SEQ);
        int s = registeredAt;
        boolean notified = false;
        try {
            while (true) {
                int saved = releaseFully();
                boolean timedOut;
                try {
                    long t = -1;
                    if (timeoutNanos >= 0) {
                        t = timeoutNanos == 0 ? 0 : Math.max(0, deadline - System.nanoTime());
                    }
                    int r = t == 0 && get(SEQ) == s ? Futex.TIMED_OUT : Futex.wait(seg, off + SEQ, s, t);
                    timedOut = r == Futex.TIMED_OUT
                            || (timeoutNanos >= 0 && deadline - System.nanoTime() <= 0 && get(SEQ) == s);
                } finally {
                    reacquire(saved);
                }
                int cur = get(SEQ);
                int sig = get(SIGNALS);
                if (cur != registeredAt && sig > 0) {
                    put(SIGNALS, sig - 1);
                    notified = true;
                    return true;
                }
                if (timedOut) {
                    return false;
                }
                s = cur;
            }
        } finally {
            int w = get(WAITERS) - 1;
            put(WAITERS, Math.max(w, 0));
            if (!notified && get(SIGNALS) > Math.max(w, 0)) {
                put(SIGNALS, Math.max(w, 0));
            }
        }
    }

    /**
     * Wakes up to {@code n} of the threads/processes currently waiting.
     *
     * @throws IllegalStateException "cannot notify on un-acquired lock" if the lock is not held by the caller
     */
    public void notify(int n) {
        if (!isMine()) {
            throw new IllegalStateException("cannot notify on un-acquired lock");
        }
        int w = get(WAITERS);
        int sig = get(SIGNALS);
        int k = Math.min(n, w - sig);
        if (k <= 0) {
            return;
        }
        put(SIGNALS, sig + k);
        put(SEQ, get(SEQ) + 1);
        Futex.wake(seg, off + SEQ, Integer.MAX_VALUE);
    }

    /** Wakes all threads/processes currently waiting. */
    public void notifyAllWaiters() {
        notify(Integer.MAX_VALUE);
    }

    /** Registered waiters (a snapshot, for diagnostics and repr). */
    public int waiters() {
        return get(WAITERS);
    }

    @Override
    public String toString() {
        return "ShmCondition[" + descriptor() + "]";
    }
}
