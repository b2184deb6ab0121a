package dev.mp.runtime.multiprocessing.shm;

import java.lang.foreign.MemorySegment;

/**
 * A non-recursive cross-process mutex (Python {@code multiprocessing.Lock}) living at an offset of
 * a {@link SharedRegion}.
 *
 * <p>Layout ({@link #SIZE} = 16 bytes, offset must be 8-aligned): int lock word at +0 (0 = free,
 * else owner pid, bit 31 = "waiters may sleep"), int reserved at +4, long owner thread id at +8
 * (only meaningful together with the pid; used by {@link #isMine()}).
 *
 * <p>Like CPython's Lock, it may be released by any thread or process, not only the acquirer.
 * Acquiring it twice from the same thread deadlocks (or times out) like CPython.
 *
 * <p>Robustness: a blocked acquirer re-checks every {@value MutexWord#CHECK_INTERVAL_NANOS} ns
 * (and a failed non-blocking acquire checks once) whether the owner pid is alive; if it is dead
 * the lock is taken over and a WARN "lock held by dead process N recovered" is logged. Data
 * protected by the lock may then be inconsistent, as with any robust mutex.
 *
 * <p>Descriptor: {@code lock:<regionName>:<offset>}. Thread-safe; uncontended acquire/release
 * do not allocate.
 */
public final class ShmLock implements SharedLock {
    /** Bytes used in the region. */
    public static final long SIZE = 16;
    static final String KIND = "lock";

    private final SharedRegion region;
    private final MemorySegment seg;
    private final long off;

    private ShmLock(SharedRegion region, long offset) {
        MutexWord.checkAligned(region.segment(), offset, SIZE);
        this.region = region;
        this.seg = region.segment();
        this.off = offset;
    }

    /** Creates an unlocked lock in a new region of its own (removed when this process exits). */
    public static ShmLock create() {
        return create(Regions.createCached(SIZE), 0);
    }

    /** Initializes an unlocked lock at {@code offset} of {@code region} (overwriting those bytes). */
    public static ShmLock create(SharedRegion region, long offset) {
        ShmLock l = new ShmLock(region, offset);
        MutexWord.LONG.setVolatile(l.seg, offset + 8, 0L);
        MutexWord.INT.setVolatile(l.seg, offset + 4, 0);
        MutexWord.INT.setVolatile(l.seg, offset, 0);
        return l;
    }

    /** A view of an already initialized lock at {@code offset} of {@code region}. */
    public static ShmLock attach(SharedRegion region, long offset) {
        return new ShmLock(region, offset);
    }

    /** Re-opens a lock from its {@link #descriptor()} (in this or another process). */
    public static ShmLock attach(String descriptor) {
        Regions.Parsed p = Regions.parse(KIND, descriptor);
        return new ShmLock(p.region(), p.offset());
    }

    /** {@code lock:<regionName>:<offset>}. */
    public String descriptor() {
        return Regions.format(KIND, region, off);
    }

    public SharedRegion region() {
        return region;
    }

    public long offset() {
        return off;
    }

    /**
     * Acquires the lock.
     *
     * @param block false: try once and return immediately
     * @param timeoutNanos with {@code block}: negative = wait forever, otherwise the maximum wait
     * @return whether the lock was acquired
     */
    public boolean acquire(boolean block, long timeoutNanos) {
        if (MutexWord.lock(seg, off, block, timeoutNanos, "lock")) {
            MutexWord.LONG.setRelease(seg, off + 8, Thread.currentThread().threadId());
            return true;
        }
        return false;
    }

    @Override
    public boolean tryAcquire() {
        if (MutexWord.tryLock(seg, off)) {
            MutexWord.LONG.setRelease(seg, off + 8, Thread.currentThread().threadId());
            return true;
        }
        return false;
    }

    /** Blocks until acquired. */
    public void acquire() {
        acquire(true, -1);
    }

    /**
     * Releases the lock (any thread or process may).
     *
     * @throws IllegalStateException "semaphore or lock released too many times" if not locked
     */
    public void release() {
        MutexWord.LONG.setRelease(seg, off + 8, 0L);
        if (!MutexWord.unlock(seg, off)) {
            throw new IllegalStateException("semaphore or lock released too many times");
        }
    }

    /** Whether the lock is currently held by anyone (a snapshot). */
    public boolean isLocked() {
        return MutexWord.owner(seg, off) != 0;
    }

    /** The pid of the holder, or 0 if free (a snapshot). */
    public int ownerPid() {
        return MutexWord.owner(seg, off);
    }

    /** Whether the current thread of this process holds the lock (CPython's {@code _is_mine}). */
    public boolean isMine() {
        return MutexWord.owner(seg, off) == Pids.current()
                && (long) MutexWord.LONG.getAcquire(seg, off + 8) == Thread.currentThread().threadId();
    }

    @Override
    public String toString() {
        return "ShmLock[" + descriptor() + ", owner=" + ownerPid() + "]";
    }
}
