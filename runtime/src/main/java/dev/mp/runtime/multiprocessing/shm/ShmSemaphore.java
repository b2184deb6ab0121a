package dev.mp.runtime.multiprocessing.shm;

import java.lang.foreign.MemorySegment;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cross-process counting semaphore (Python {@code multiprocessing.Semaphore}, and
 * {@code BoundedSemaphore} when {@code maxValue == value}).
 *
 * <p>Layout ({@link #SIZE} bytes, 8-aligned offset): int value at +0 (the futex word), int
 * maxValue at +4, int number of sleeping waiters at +8, int slot count at +12, then
 * {@value #SLOTS} slots of (int pid, int permits held) at +16.
 *
 * <p><b>Robustness.</b> Each process that acquires records the permits it holds in a slot of the
 * table (acquire increments, a release by the same process decrements while positive; a release
 * by a process holding nothing, e.g. a producer, touches no slot). A slot is claimed with a process's
 * first permit and freed with its last, so slots are held only by processes holding permits. When a waiter has slept for
 * {@value MutexWord#CHECK_INTERVAL_NANOS} ns without success (or a non-blocking acquire fails) it
 * scans the table; the permits of slots whose pid is dead are added back to the value (never
 * above maxValue), the slot is freed and a WARN is logged. To not deadlock, the slot is
 * incremented <em>before</em> the permit is taken, so a process killed in that nanosecond window
 * may give back one permit too many (clamped to maxValue).
 *
 * <p>CPython semantics for a process that <em>ends normally</em> still holding permits is that
 * they are consumed. The runtime therefore must call {@link #forgetHeldPermits()} when a process
 * ends normally (not from a SIGTERM handler): it frees this process's slots without returning
 * their permits. Without that call the permits are returned after the process has gone. If all
 * slots are in use by live processes holding permits, acquisitions of further processes are not tracked (a WARN is
 * logged once).
 *
 * <p>Descriptor: {@code sem:<regionName>:<offset>} (value and maxValue live in shared memory).
 */
public final class ShmSemaphore implements SharedLock {
    /** Number of (pid, held) slots. */
    public static final int SLOTS = 32;
    /** Bytes used in the region. */
    public static final long SIZE = 16 + SLOTS * 8L;
    static final String KIND = "sem";

    /** Looked up when it logs, not at class loading: a process that never logs does not start slf4j. */
    private static Logger log() {
        return LoggerFactory.getLogger("dev.mp.runtime.multiprocessing.shm");
    }
    private static final int RECLAIMING = -1;
    private static final long VALUE = 0;
    private static final long MAX = 4;
    private static final long WAITERS = 8;
    private static final long NSLOTS = 12;
    private static final long TABLE = 16;
    /** Semaphores in which this process may own slots (for {@link #forgetHeldPermits()}). */
    private static final Set<ShmSemaphore> USED = ConcurrentHashMap.newKeySet();
    private static volatile boolean warnedFull;

    private final SharedRegion region;
    private final MemorySegment seg;
    private final long off;
    private final int max;
    /** Cached index of this process's slot, -1 if none yet. */
    private volatile int mySlot = -1;
    private volatile long nextDeadCheck;

    private ShmSemaphore(SharedRegion region, long offset) {
        MutexWord.checkAligned(region.segment(), offset, SIZE);
        this.region = region;
        this.seg = region.segment();
        this.off = offset;
        this.max = (int) MutexWord.INT.getVolatile(seg, offset + MAX);
    }

    /** Creates a semaphore in a new region of its own; see {@link #create(SharedRegion, long, int, int)}. */
    public static ShmSemaphore create(int value, int maxValue) {
        check(value, maxValue);
        return create(Regions.createCached(SIZE), 0, value, maxValue);
    }

    /**
     * Initializes a semaphore at {@code offset} of {@code region}.
     *
     * @param maxValue {@link Integer#MAX_VALUE} for a plain Semaphore; {@code value} for a BoundedSemaphore
     * @throws IllegalArgumentException "semaphore initial value must be >= 0" for a negative value,
     *         or if {@code maxValue < value} (a BoundedSemaphore(0) has maxValue 0)
     */
    public static ShmSemaphore create(SharedRegion region, long offset, int value, int maxValue) {
        check(value, maxValue);
        MemorySegment s = region.segment();
        MutexWord.checkAligned(s, offset, SIZE);
        s.asSlice(offset, SIZE).fill((byte) 0);
        MutexWord.INT.setVolatile(s, offset + MAX, maxValue);
        MutexWord.INT.setVolatile(s, offset + NSLOTS, SLOTS);
        MutexWord.INT.setVolatile(s, offset + VALUE, value);
        return new ShmSemaphore(region, offset);
    }

    private static void check(int value, int maxValue) {
        if (value < 0) {
            throw new IllegalArgumentException("semaphore initial value must be >= 0");
        }
        if (maxValue < value) {
            throw new IllegalArgumentException("semaphore maxValue must be >= value");
        }
    }

    /** A view of an already initialized semaphore. */
    public static ShmSemaphore attach(SharedRegion region, long offset) {
        return new ShmSemaphore(region, offset);
    }

    /** Re-opens a semaphore from its {@link #descriptor()}. */
    public static ShmSemaphore attach(String descriptor) {
        Regions.Parsed p = Regions.parse(KIND, descriptor);
        return new ShmSemaphore(p.region(), p.offset());
    }

    /** {@code sem:<regionName>:<offset>}. */
    public String descriptor() {
        return Regions.format(KIND, region, off);
    }

    public SharedRegion region() {
        return region;
    }

    public long offset() {
        return off;
    }

    /** The current value (CPython {@code get_value()}). */
    public int getValue() {
        return (int) MutexWord.INT.getVolatile(seg, off + VALUE);
    }

    /** The maximum value ({@link Integer#MAX_VALUE} for an unbounded semaphore). */
    public int maxValue() {
        return max;
    }

    /** Permits currently recorded as held by this process (a snapshot, for diagnostics). */
    public int heldByThisProcess() {
        int sum = 0;
        for (int i = 0; i < SLOTS; i++) {
            long w = word(i);
            if (pidOf(w) == Pids.current()) {
                sum += heldOf(w);
            }
        }
        return sum;
    }

    private long slotPid(int i) {
        return off + TABLE + i * 8L;
    }

    // A slot is one long, updated by CAS as a whole: pid in the low half, permits held in the high half. A process
    // holds a slot exactly while it holds permits (a slot is claimed with the first permit and freed with the
    // last), so any number of processes can use the semaphore over time; only SLOTS holders at once are tracked.

    private static long slotWord(int pid, int held) {
        return ((long) held << 32) | (pid & 0xFFFF_FFFFL);
    }

    private static int pidOf(long word) {
        return (int) word;
    }

    private static int heldOf(long word) {
        return (int) (word >>> 32);
    }

    private long word(int slot) {
        return (long) MutexWord.LONG.getVolatile(seg, slotPid(slot));
    }

    /**
     * Records one more permit held by this process, before it is taken: in its slot, or in a free slot it claims.
     *
     * @return the slot, or -1 when every slot is held by another live process (the permit is not tracked)
     */
    private int reserve() {
        int me = Pids.current();
        int s = mySlot;
        if (s >= 0) {
            long w = word(s);
            while (pidOf(w) == me) {
                if (MutexWord.LONG.compareAndSet(seg, slotPid(s), w, slotWord(me, heldOf(w) + 1))) {
                    return s;
                }
                w = word(s);
            }
        }
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < SLOTS; i++) {
                long w = word(i);
                if (pidOf(w) == me && MutexWord.LONG.compareAndSet(seg, slotPid(i), w, slotWord(me, heldOf(w) + 1))) {
                    mySlot = i;
                    return i;
                }
                if (w == 0 && MutexWord.LONG.compareAndSet(seg, slotPid(i), 0L, slotWord(me, 1))) {
                    USED.add(this);
                    mySlot = i;
                    return i;
                }
            }
            recoverDead();
        }
        if (!warnedFull) {
            warnedFull = true;
            log().warn("semaphore {}: all {} owner slots in use; permits of this process are not tracked",
                    descriptor(), SLOTS);
        }
        return -1;
    }

    /** Records one permit less held by this process; its slot is freed with the last one. */
    private void unreserve() {
        int me = Pids.current();
        for (int attempt = 0; attempt < 2; attempt++) {
            int s = attempt == 0 ? mySlot : findOwnSlot();
            if (s < 0) {
                continue;
            }
            long w = word(s);
            while (pidOf(w) == me && heldOf(w) > 0) {
                int held = heldOf(w) - 1;
                if (MutexWord.LONG.compareAndSet(seg, slotPid(s), w, held == 0 ? 0L : slotWord(me, held))) {
                    return;
                }
                w = word(s);
            }
        }
    }

    private int findOwnSlot() {
        for (int i = 0; i < SLOTS; i++) {
            if (pidOf(word(i)) == Pids.current()) {
                mySlot = i;
                return i;
            }
        }
        return -1;
    }

    private boolean tryTake() {
        int v = (int) MutexWord.INT.getVolatile(seg, off + VALUE);
        while (v > 0) {
            int slot = reserve();
            if (MutexWord.INT.compareAndSet(seg, off + VALUE, v, v - 1)) {
                return true;
            }
            if (slot >= 0) {
                unreserve();
            }
            v = (int) MutexWord.INT.getVolatile(seg, off + VALUE);
        }
        return false;
    }

    /**
     * Takes one permit.
     *
     * @param block false: try once
     * @param timeoutNanos with {@code block}: negative = forever
     * @return whether a permit was taken
     */
    public boolean acquire(boolean block, long timeoutNanos) {
        if (tryTake()) {
            return true;
        }
        if (!block || timeoutNanos == 0) {
            long now = System.nanoTime();
            if (now - nextDeadCheck >= 0) {
                nextDeadCheck = now + 10_000_000L;
                if (recoverDead() > 0) {
                    return tryTake();
                }
            }
            return false;
        }
        for (int i = 0; i < MutexWord.SPINS; i++) {
            Thread.onSpinWait();
            if (tryTake()) {
                return true;
            }
        }
        final long deadline = timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0;
        MutexWord.INT.getAndAdd(seg, off + WAITERS, 1);
        boolean got = false;
        try {
            while (true) {
                if (tryTake()) {
                    got = true;
                    return true;
                }
                long slice = MutexWord.CHECK_INTERVAL_NANOS;
                if (timeoutNanos > 0) {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0) {
                        return false;
                    }
                    slice = Math.min(slice, remaining);
                }
                if (Futex.wait(seg, off + VALUE, 0, slice) == Futex.TIMED_OUT) {
                    recoverDead();
                }
            }
        } finally {
            int w = (int) MutexWord.INT.getAndAdd(seg, off + WAITERS, -1) - 1;
            if (!got && w > 0 && getValue() > 0) {
                // we may have consumed a wake-up meant for another waiter: pass it on
                Futex.wake(seg, off + VALUE, 1);
            }
        }
    }

    @Override
    public boolean tryAcquire() {
        return tryTake();
    }

    /** Blocks until a permit is taken. */
    public void acquire() {
        acquire(true, -1);
    }

    /**
     * Returns one permit.
     *
     * @throws IllegalStateException "semaphore or lock released too many times" if the value is
     *         already maxValue
     */
    public void release() {
        int v;
        do {
            v = (int) MutexWord.INT.getVolatile(seg, off + VALUE);
            if (v >= max) {
                throw new IllegalStateException("semaphore or lock released too many times");
            }
        } while (!MutexWord.INT.compareAndSet(seg, off + VALUE, v, v + 1));
        unreserve();
        if ((int) MutexWord.INT.getVolatile(seg, off + WAITERS) > 0) {
            Futex.wake(seg, off + VALUE, 1);
        }
    }

    /**
     * Returns the permits of slots whose process is dead. Package-private for tests.
     *
     * @return the number of permits returned
     */
    int recoverDead() {
        int total = 0;
        for (int i = 0; i < SLOTS; i++) {
            long p = slotPid(i);
            long w = word(i);
            int pid = pidOf(w);
            if (pid <= 0 || pid == Pids.current() || Pids.isAlive(pid)) {
                continue;
            }
            if (!MutexWord.LONG.compareAndSet(seg, p, w, slotWord(RECLAIMING, 0))) {
                continue;
            }
            int held = heldOf(w);
            int given = 0;
            if (held > 0) {
                int v;
                int nv;
                do {
                    v = (int) MutexWord.INT.getVolatile(seg, off + VALUE);
                    nv = (int) Math.min((long) max, (long) v + held);
                } while (!MutexWord.INT.compareAndSet(seg, off + VALUE, v, nv));
                given = nv - v;
            }
            MutexWord.LONG.setVolatile(seg, p, 0L);
            if (held > 0) {
                log().warn("semaphore {}: {} permit(s) held by dead process {} recovered", descriptor(), held, pid);
                total += given;
                Futex.wake(seg, off + VALUE, Math.max(given, 1));
            }
        }
        return total;
    }

    /**
     * Forgets (without returning them) the permits this process holds in every semaphore it used,
     * and frees its slots. Call when the process ends normally, so that permits it consumed are not
     * given back after its death (CPython semantics). Do not use the semaphores afterwards.
     */
    public static void forgetHeldPermits() {
        int me = Pids.current();
        for (ShmSemaphore s : USED) {
            try {
                for (int i = 0; i < SLOTS; i++) {
                    long w = s.word(i);
                    if (pidOf(w) == me) {
                        MutexWord.LONG.compareAndSet(s.seg, s.slotPid(i), w, 0L);
                    }
                }
            } catch (IllegalStateException unmapped) {
                // region already closed
            }
            s.mySlot = -1;
        }
        USED.clear();
    }

    @Override
    public String toString() {
        return "ShmSemaphore[" + descriptor() + ", value=" + getValue() + "]";
    }
}
