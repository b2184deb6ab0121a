package dev.mp.runtime.multiprocessing.shm;

import java.lang.foreign.MemorySegment;

/**
 * A cross-process cyclic barrier (Python {@code multiprocessing.Barrier}).
 *
 * <p>Layout ({@link #SIZE} = 32 bytes, 8-aligned offset): int mutex word at +0 (a robust mutex as
 * in {@link ShmLock}), int generation at +4 (the futex word; +1 each time the barrier trips or is
 * broken), int arrivals in the current generation at +8, int parties at +12, int broken flag at
 * +16, int reserved at +20, long bitmask at +24 telling for generation {@code g} (bit
 * {@code g % 64}) whether it ended broken.
 *
 * <p>{@link #await(long)} returns the arrival index 0..parties-1 like Python ({@code parties-1}
 * for the last to arrive). The Python {@code action} is supported by {@link #await(long, Runnable)}:
 * the binder passes the action (each process has its own copy) and it is run by the
 * <em>last</em> arriving party (index {@code parties-1}), with the barrier's internal mutex held,
 * before anybody is released, exactly as in CPython; if it throws, the barrier breaks, the others
 * get {@link ShmBrokenBarrierException}, and the action's exception propagates to its caller.
 * A timeout of any waiter breaks the barrier (Python semantics).
 *
 * <p>Descriptor: {@code barrier:<regionName>:<offset>}.
 */
public final class ShmBarrier {
    /** Bytes used in the region. */
    public static final long SIZE = 32;
    static final String KIND = "barrier";
    private static final long MUTEX = 0;
    private static final long GEN = 4;
    private static final long COUNT = 8;
    private static final long PARTIES = 12;
    private static final long BROKEN = 16;
    private static final long BITS = 24;

    private final SharedRegion region;
    private final MemorySegment seg;
    private final long off;
    private final int parties;

    private ShmBarrier(SharedRegion region, long offset) {
        MutexWord.checkAligned(region.segment(), offset, SIZE);
        this.region = region;
        this.seg = region.segment();
        this.off = offset;
        this.parties = (int) MutexWord.INT.getVolatile(seg, offset + PARTIES);
    }

    /** Creates a barrier for {@code parties} parties in a new region of its own. */
    public static ShmBarrier create(int parties) {
        checkParties(parties);
        return create(Regions.createCached(SIZE), 0, parties);
    }

    /**
     * Initializes a barrier at {@code offset} of {@code region}.
     *
     * @throws IllegalArgumentException if {@code parties < 1}
     */
    public static ShmBarrier create(SharedRegion region, long offset, int parties) {
        checkParties(parties);
        MemorySegment s = region.segment();
        MutexWord.checkAligned(s, offset, SIZE);
        s.asSlice(offset, SIZE).fill((byte) 0);
        MutexWord.INT.setVolatile(s, offset + PARTIES, parties);
        return new ShmBarrier(region, offset);
    }

    private static void checkParties(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be > 0");
        }
    }

    /** Re-opens a barrier from its {@link #descriptor()}. */
    public static ShmBarrier attach(String descriptor) {
        Regions.Parsed p = Regions.parse(KIND, descriptor);
        return new ShmBarrier(p.region(), p.offset());
    }

    /** A view of an already initialized barrier. */
    public static ShmBarrier attach(SharedRegion region, long offset) {
        return new ShmBarrier(region, offset);
    }

    /** {@code barrier:<regionName>:<offset>}. */
    public String descriptor() {
        return Regions.format(KIND, region, off);
    }

    public int parties() {
        return parties;
    }

    /** Parties currently waiting (a snapshot). */
    public int nWaiting() {
        return get(COUNT);
    }

    /** Whether the barrier is broken (until {@link #reset()}). */
    public boolean isBroken() {
        return get(BROKEN) != 0;
    }

    private int get(long f) {
        return (int) MutexWord.INT.getVolatile(seg, off + f);
    }

    private void put(long f, int v) {
        MutexWord.INT.setVolatile(seg, off + f, v);
    }

    private void lock() {
        MutexWord.lock(seg, off + MUTEX, true, -1, "barrier lock");
    }

    private void unlock() {
        MutexWord.unlock(seg, off + MUTEX);
    }

    /** Same as {@code await(timeoutNanos, null)}. */
    public int await(long timeoutNanos) {
        return await(timeoutNanos, null);
    }

    /**
     * Waits until all parties have called this method.
     *
     * @param timeoutNanos negative = forever; when it elapses the barrier breaks
     * @param action run by the last party to arrive before the others are released, or null
     * @return the arrival index, 0 .. parties-1
     * @throws ShmBrokenBarrierException if the barrier is or becomes broken while waiting
     */
    public int await(long timeoutNanos, Runnable action) {
        final long deadline = timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0;
        lock();
        try {
            if (get(BROKEN) != 0) {
                throw new ShmBrokenBarrierException();
            }
            final int g = get(GEN);
            final int idx = get(COUNT);
            if (idx + 1 >= parties) {
                if (action != null) {
                    try {
                        action.run();
                    } catch (RuntimeException | Error e) {
                        breakLocked();
                        throw e;
                    }
                }
                long bits = (long) MutexWord.LONG.getVolatile(seg, off + BITS);
                MutexWord.LONG.setVolatile(seg, off + BITS, bits & ~(1L << (g & 63)));
                put(COUNT, 0);
                put(GEN, g + 1);
                Futex.wake(seg, off + GEN, Integer.MAX_VALUE);
                return idx;
            }
            put(COUNT, idx + 1);
            while (true) {
                long t = -1;
                if (timeoutNanos >= 0) {
                    t = timeoutNanos == 0 ? 0 : Math.max(0, deadline - System.nanoTime());
                }
                unlock();
                int r;
                try {
                    r = t == 0 ? Futex.TIMED_OUT : Futex.wait(seg, off + GEN, g, t);
                } finally {
                    lock();
                }
                if (get(GEN) != g) {
                    long bits = (long) MutexWord.LONG.getVolatile(seg, off + BITS);
                    if ((bits & (1L << (g & 63))) != 0) {
                        throw new ShmBrokenBarrierException();
                    }
                    return idx;
                }
                if (r == Futex.TIMED_OUT && timeoutNanos >= 0 && deadline - System.nanoTime() <= 0) {
                    breakLocked();
                    throw new ShmBrokenBarrierException();
                }
            }
        } finally {
            unlock();
        }
    }

    /** Breaks the current generation; caller holds the mutex. */
    private void breakLocked() {
        int g = get(GEN);
        put(BROKEN, 1);
        long bits = (long) MutexWord.LONG.getVolatile(seg, off + BITS);
        MutexWord.LONG.setVolatile(seg, off + BITS, bits | (1L << (g & 63)));
        put(COUNT, 0);
        put(GEN, g + 1);
        Futex.wake(seg, off + GEN, Integer.MAX_VALUE);
    }

    /** Puts the barrier into the broken state; current and future waiters get the exception until {@link #reset()}. */
    public void abort() {
        lock();
        try {
            breakLocked();
        } finally {
            unlock();
        }
    }

    /**
     * Returns the barrier to the initial, unbroken state; parties currently waiting get
     * {@link ShmBrokenBarrierException}.
     */
    public void reset() {
        lock();
        try {
            if (get(COUNT) > 0) {
                breakLocked();
            }
            put(COUNT, 0);
            put(BROKEN, 0);
        } finally {
            unlock();
        }
    }

    @Override
    public String toString() {
        return "ShmBarrier[" + descriptor() + ", parties=" + parties + "]";
    }
}
