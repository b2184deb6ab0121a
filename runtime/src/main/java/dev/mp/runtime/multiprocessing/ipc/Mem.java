package dev.mp.runtime.multiprocessing.ipc;

import dev.mp.runtime.multiprocessing.shm.Futex;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/** Internal helpers: atomic access to shared memory, deadlines, process liveness, futex waits. */
final class Mem {
    private Mem() {}

    static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    /** This process' id as stored in lock words and handle tables. */
    static final int PID = (int) ProcessHandle.current().pid();

    /** "Forever" as a relative timeout; far enough to never elapse, small enough to never overflow. */
    static final long FOREVER = Long.MAX_VALUE / 4;
    /** Bounded futex sleep slice: every blocking wait re-checks dead owners/peers at least this often. */
    static final long SLICE_NANOS = 20_000_000L;
    /** Busy-spin iterations before going to sleep on a futex. */
    static final int SPINS = 2_000;

    static int getInt(MemorySegment s, long off) { return (int) INT.getVolatile(s, off); }
    static void setInt(MemorySegment s, long off, int v) { INT.setVolatile(s, off, v); }
    static boolean casInt(MemorySegment s, long off, int expect, int v) { return INT.compareAndSet(s, off, expect, v); }
    static int addInt(MemorySegment s, long off, int delta) { return (int) INT.getAndAdd(s, off, delta); }
    /** A store that no earlier store of this thread can be reordered after (cheaper than volatile on x86). */
    static void setIntRelease(MemorySegment s, long off, int v) { INT.setRelease(s, off, v); }
    static void setLongRelease(MemorySegment s, long off, long v) { LONG.setRelease(s, off, v); }
    static long getLong(MemorySegment s, long off) { return (long) LONG.getVolatile(s, off); }
    static void setLong(MemorySegment s, long off, long v) { LONG.setVolatile(s, off, v); }
    static boolean casLong(MemorySegment s, long off, long expect, long v) { return LONG.compareAndSet(s, off, expect, v); }

    /** Absolute deadline (System.nanoTime based) for CPython style (block, timeout) arguments; timeout &lt; 0 = forever. */
    static long deadline(boolean block, long timeoutNanos) {
        long now = System.nanoTime();
        if (!block) return now;
        return now + (timeoutNanos < 0 ? FOREVER : Math.min(timeoutNanos, FOREVER));
    }

    /** True if the process with this pid exists and is not dead (zombies count as dead). */
    static boolean alive(int pid) {
        if (pid == PID) return true;
        if (pid <= 0) return false;
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Sleeps on the futex word while it still holds {@code expected}, at most min(remaining, slice). */
    static void sleep(MemorySegment s, long off, int expected, long remainingNanos) {
        long t = Math.min(remainingNanos, SLICE_NANOS);
        if (t <= 0) return;
        Futex.wait(s, off, expected, t);
    }

    static void wakeAll(MemorySegment s, long off) { Futex.wake(s, off, Integer.MAX_VALUE); }

    static void wakeOne(MemorySegment s, long off) { Futex.wake(s, off, 1); }

    static int align8(int n) { return (n + 7) & ~7; }
}
