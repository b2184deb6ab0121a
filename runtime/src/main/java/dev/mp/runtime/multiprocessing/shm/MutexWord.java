package dev.mp.runtime.multiprocessing.shm;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A robust, non-recursive mutex in one 32-bit word of shared memory.
 *
 * <p>Word: {@code 0} = free; otherwise {@code ownerPid | (CONTENDED if a waiter may sleep)}.
 * Acquire is one CAS {@code 0 -> pid}; release is one {@code getAndSet(0)} plus a futex wake only
 * when the contended bit was set. A blocked acquirer sleeps on the futex in slices of
 * {@link #CHECK_INTERVAL_NANOS}; whenever a slice times out it checks whether the owner pid is
 * still alive and, if not, takes the lock over with a CAS and logs a warning.
 */
final class MutexWord {
    static final int CONTENDED = 0x8000_0000;
    /**
     * Spins before a futex sleep: the holders here are interpreters whose critical sections last a few hundred
     * ns, far less than a futex sleep and wake-up (tens of µs on a busy machine).
     */
    static final int SPINS = 1_000;
    /** How often a blocked waiter checks whether the owner died. */
    static final long CHECK_INTERVAL_NANOS = 50_000_000L;

    /** Looked up when it logs, not at class loading: a process that never logs does not start slf4j. */
    private static Logger log() {
        return LoggerFactory.getLogger("dev.mp.runtime.multiprocessing.shm");
    }
    static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private MutexWord() {}

    static boolean tryLock(MemorySegment seg, long off) {
        return INT.compareAndSet(seg, off, 0, Pids.current());
    }

    /** The pid of the owner, or 0 when free. */
    static int owner(MemorySegment seg, long off) {
        return (int) INT.getVolatile(seg, off) & ~CONTENDED;
    }

    /**
     * Acquires. {@code block=false}: one attempt (plus a dead-owner check on failure).
     * {@code timeoutNanos < 0}: no timeout.
     */
    static boolean lock(MemorySegment seg, long off, boolean block, long timeoutNanos, String what) {
        if (INT.compareAndSet(seg, off, 0, Pids.current())) {
            return true;
        }
        return lockSlow(seg, off, block, timeoutNanos, what);
    }

    private static boolean lockSlow(MemorySegment seg, long off, boolean block, long timeoutNanos, String what) {
        final int me = Pids.current();
        if (!block || timeoutNanos == 0) {
            int c = (int) INT.getVolatile(seg, off);
            if (c == 0) {
                return INT.compareAndSet(seg, off, 0, me) || recoverIfDead(seg, off, (int) INT.getVolatile(seg, off), what);
            }
            return recoverIfDead(seg, off, c, what);
        }
        if (spinFor(seg, off, me)) {
            return true;
        }
        final long deadline = timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0;
        boolean woken = false;
        while (true) {
            // After a wake-up the releaser often takes the lock straight back (its next acquire comes before we
            // run): spinning again, rather than sleeping at once, lets us take it in the gap before its next one.
            if (woken && spinFor(seg, off, me | CONTENDED)) {
                return true;
            }
            woken = false;
            int c = (int) INT.getVolatile(seg, off);
            if (c == 0) {
                // we may not be the only waiter: keep the contended bit so our release wakes the next
                if (INT.compareAndSet(seg, off, 0, me | CONTENDED)) {
                    return true;
                }
                continue;
            }
            if ((c & CONTENDED) == 0) {
                if (!INT.compareAndSet(seg, off, c, c | CONTENDED)) {
                    continue;
                }
                c |= CONTENDED;
            }
            long slice = CHECK_INTERVAL_NANOS;
            if (timeoutNanos > 0) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                slice = Math.min(slice, remaining);
            }
            int waited = Futex.wait(seg, off, c, slice);
            if (waited == Futex.TIMED_OUT) {
                if (recoverIfDead(seg, off, c, what)) {
                    return true;
                }
            } else {
                woken = true;
            }
        }
    }

    /** Spins {@link #SPINS} times for the word to be free, then takes it as {@code word}; whether it did. */
    private static boolean spinFor(MemorySegment seg, long off, int word) {
        for (int i = 0; i < SPINS; i++) {
            Thread.onSpinWait();
            if ((int) INT.getVolatile(seg, off) == 0 && INT.compareAndSet(seg, off, 0, word)) {
                return true;
            }
        }
        return false;
    }

    /** If the word still is {@code c} and its owner is dead, takes it over. */
    static boolean recoverIfDead(MemorySegment seg, long off, int c, String what) {
        int owner = c & ~CONTENDED;
        if (owner == 0 || owner == Pids.current() || Pids.isAlive(owner)) {
            return false;
        }
        if (INT.compareAndSet(seg, off, c, Pids.current() | CONTENDED)) {
            log().warn("{} held by dead process {} recovered", what, owner);
            return true;
        }
        return false;
    }

    /**
     * Releases. Returns false (and changes nothing) when the word was free.
     */
    static boolean unlock(MemorySegment seg, long off) {
        int old = (int) INT.getAndSet(seg, off, 0);
        if (old == 0) {
            return false;
        }
        if ((old & CONTENDED) != 0) {
            Futex.wake(seg, off, 1);
        }
        return true;
    }

    static void checkAligned(MemorySegment seg, long off, long size) {
        if (off < 0 || (off & 7) != 0) {
            throw new IllegalArgumentException("offset must be a non-negative multiple of 8: " + off);
        }
        if (off + size > seg.byteSize()) {
            throw new IndexOutOfBoundsException("primitive of " + size + " bytes at " + off
                    + " does not fit in " + seg.byteSize() + " bytes");
        }
    }
}
