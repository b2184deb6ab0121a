package dev.mp.runtime.multiprocessing.shm;

import java.lang.foreign.MemorySegment;

/**
 * A cross-process event flag (Python {@code multiprocessing.Event}).
 *
 * <p>Layout ({@link #SIZE} = 8 bytes, 8-aligned offset): int flag at +0 (0/1, the futex word),
 * int number of sleeping waiters at +4 (so {@link #set()} skips the wake system call when nobody
 * sleeps). Descriptor: {@code event:<regionName>:<offset>}. Python's {@code wait} is
 * {@link #await} here ({@code Object.wait(long)} is final).
 */
public final class ShmEvent {
    /** Bytes used in the region. */
    public static final long SIZE = 8;
    static final String KIND = "event";
    /** Spins of {@link #await} before it sleeps on the futex. */
    static final int SPINS = 2_000;

    private final SharedRegion region;
    private final MemorySegment seg;
    private final long off;

    private ShmEvent(SharedRegion region, long offset) {
        MutexWord.checkAligned(region.segment(), offset, SIZE);
        this.region = region;
        this.seg = region.segment();
        this.off = offset;
    }

    /** Creates a cleared event in a new region of its own. */
    public static ShmEvent create() {
        return create(Regions.createCached(SIZE), 0);
    }

    /** Initializes a cleared event at {@code offset} of {@code region}. */
    public static ShmEvent create(SharedRegion region, long offset) {
        ShmEvent e = new ShmEvent(region, offset);
        MutexWord.INT.setVolatile(e.seg, offset + 4, 0);
        MutexWord.INT.setVolatile(e.seg, offset, 0);
        return e;
    }

    /** A view of an already initialized event. */
    public static ShmEvent attach(SharedRegion region, long offset) {
        return new ShmEvent(region, offset);
    }

    /** Re-opens an event from its {@link #descriptor()}. */
    public static ShmEvent attach(String descriptor) {
        Regions.Parsed p = Regions.parse(KIND, descriptor);
        return new ShmEvent(p.region(), p.offset());
    }

    /** {@code event:<regionName>:<offset>}. */
    public String descriptor() {
        return Regions.format(KIND, region, off);
    }

    public boolean isSet() {
        return (int) MutexWord.INT.getVolatile(seg, off) != 0;
    }

    /** Sets the flag and wakes every waiter. */
    public void set() {
        MutexWord.INT.setVolatile(seg, off, 1);
        if ((int) MutexWord.INT.getVolatile(seg, off + 4) > 0) {
            Futex.wake(seg, off, Integer.MAX_VALUE);
        }
    }

    /** Clears the flag. */
    public void clear() {
        MutexWord.INT.setVolatile(seg, off, 0);
    }

    /**
     * Waits until the flag is set or the timeout elapses.
     *
     * @param timeoutNanos negative = forever
     * @return the flag at return (true unless timed out)
     */
    public boolean await(long timeoutNanos) {
        if (isSet()) {
            return true;
        }
        if (timeoutNanos == 0) {
            return false;
        }
        final long deadline = timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0;
        // A setter in another process usually comes within microseconds (a ping-pong); a futex sleep and wake-up
        // cost tens of them.
        for (int i = 0; i < SPINS; i++) {
            Thread.onSpinWait();
            if (isSet()) {
                return true;
            }
        }
        MutexWord.INT.getAndAdd(seg, off + 4, 1);
        try {
            while (!isSet()) {
                long t = -1;
                if (timeoutNanos > 0) {
                    t = deadline - System.nanoTime();
                    if (t <= 0) {
                        return false;
                    }
                }
                Futex.wait(seg, off, 0, t);
            }
            return true;
        } finally {
            MutexWord.INT.getAndAdd(seg, off + 4, -1);
        }
    }

    @Override
    public String toString() {
        return "ShmEvent[" + descriptor() + ", set=" + isSet() + "]";
    }
}
