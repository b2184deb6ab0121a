package dev.mp.runtime.multiprocessing.shm;

import java.lang.foreign.MemorySegment;

/**
 * A recursive cross-process mutex (Python {@code multiprocessing.RLock}); the owner is the pair
 * (pid, Java thread id) and it counts nested acquisitions.
 *
 * <p>Layout ({@link #SIZE} = 16 bytes, 8-aligned offset): int lock word at +0 (as in
 * {@link ShmLock}: 0 or owner pid, bit 31 = waiters), int recursion count at +4, long owner thread
 * id at +8. Count and thread id are only written by the owner.
 *
 * <p>Robustness as in {@link ShmLock}: a lock whose owning process died is taken over by the next
 * blocked (or non-blocking) acquirer, with count 1 and a WARN log.
 *
 * <p>Descriptor: {@code rlock:<regionName>:<offset>}.
 */
public final class ShmRLock implements SharedLock {
    /** Bytes used in the region. */
    public static final long SIZE = 16;
    static final String KIND = "rlock";

    private final SharedRegion region;
    private final MemorySegment seg;
    private final long off;

    private ShmRLock(SharedRegion region, long offset) {
        MutexWord.checkAligned(region.segment(), offset, SIZE);
        this.region = region;
        this.seg = region.segment();
        this.off = offset;
    }

    /** Creates an unlocked RLock in a new region of its own. */
    public static ShmRLock create() {
        return create(Regions.createCached(SIZE), 0);
    }

    /** Initializes an unlocked RLock at {@code offset} of {@code region}. */
    public static ShmRLock create(SharedRegion region, long offset) {
        ShmRLock l = new ShmRLock(region, offset);
        MutexWord.LONG.setVolatile(l.seg, offset + 8, 0L);
        MutexWord.INT.setVolatile(l.seg, offset + 4, 0);
        MutexWord.INT.setVolatile(l.seg, offset, 0);
        return l;
    }

    /** A view of an already initialized RLock. */
    public static ShmRLock attach(SharedRegion region, long offset) {
        return new ShmRLock(region, offset);
    }

    /** Re-opens an RLock from its {@link #descriptor()}. */
    public static ShmRLock attach(String descriptor) {
        Regions.Parsed p = Regions.parse(KIND, descriptor);
        return new ShmRLock(p.region(), p.offset());
    }

    /** {@code rlock:<regionName>:<offset>}. */
    public String descriptor() {
        return Regions.format(KIND, region, off);
    }

    public SharedRegion region() {
        return region;
    }

    public long offset() {
        return off;
    }

    /** Whether the calling thread of this process owns the lock. */
    public boolean isMine() {
        return MutexWord.owner(seg, off) == Pids.current()
                && (long) MutexWord.LONG.getAcquire(seg, off + 8) == Thread.currentThread().threadId();
    }

    /** The recursion count if the calling thread owns the lock, else 0. */
    public int count() {
        return isMine() ? (int) MutexWord.INT.getAcquire(seg, off + 4) : 0;
    }

    /** The pid of the owner, or 0 (a snapshot). */
    public int ownerPid() {
        return MutexWord.owner(seg, off);
    }

    /**
     * Acquires (re-entrantly for the owning thread).
     *
     * @param timeoutNanos with {@code block}: negative = forever
     * @return whether acquired
     */
    public boolean acquire(boolean block, long timeoutNanos) {
        if (isMine()) {
            MutexWord.INT.setRelease(seg, off + 4, (int) MutexWord.INT.getAcquire(seg, off + 4) + 1);
            return true;
        }
        if (MutexWord.lock(seg, off, block, timeoutNanos, "rlock")) {
            MutexWord.INT.setRelease(seg, off + 4, 1);
            MutexWord.LONG.setRelease(seg, off + 8, Thread.currentThread().threadId());
            return true;
        }
        return false;
    }

    @Override
    public boolean tryAcquire() {
        if (isMine()) {
            MutexWord.INT.setRelease(seg, off + 4, (int) MutexWord.INT.getAcquire(seg, off + 4) + 1);
            return true;
        }
        if (MutexWord.tryLock(seg, off)) {
            MutexWord.INT.setRelease(seg, off + 4, 1);
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
     * Releases one level.
     *
     * @throws IllegalStateException "cannot release un-acquired lock" if the calling thread is not the owner
     */
    public void release() {
        if (!isMine()) {
            throw new IllegalStateException("cannot release un-acquired lock");
        }
        int c = (int) MutexWord.INT.getAcquire(seg, off + 4) - 1;
        if (c > 0) {
            MutexWord.INT.setRelease(seg, off + 4, c);
            return;
        }
        MutexWord.INT.setRelease(seg, off + 4, 0);
        MutexWord.LONG.setRelease(seg, off + 8, 0L);
        MutexWord.unlock(seg, off);
    }

    /** Fully releases (for Condition.wait); returns the count to restore. Caller must own it. */
    int releaseAll() {
        int c = (int) MutexWord.INT.getAcquire(seg, off + 4);
        MutexWord.INT.setRelease(seg, off + 4, 0);
        MutexWord.LONG.setRelease(seg, off + 8, 0L);
        MutexWord.unlock(seg, off);
        return c;
    }

    /** Blocks until acquired, then sets the count (for Condition.wait). */
    void reacquire(int count) {
        MutexWord.lock(seg, off, true, -1, "rlock");
        MutexWord.INT.setRelease(seg, off + 4, count);
        MutexWord.LONG.setRelease(seg, off + 8, Thread.currentThread().threadId());
    }

    @Override
    public String toString() {
        return "ShmRLock[" + descriptor() + ", owner=" + ownerPid() + "]";
    }
}
