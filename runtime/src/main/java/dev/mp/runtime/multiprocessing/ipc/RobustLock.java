package dev.mp.runtime.multiprocessing.ipc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A cross-process mutex living in two 32-bit words of shared memory: {@code owner} (pid of the holder, 0 = free)
 * and {@code waiters} (number of processes sleeping on the futex; only used to skip the wake syscall).
 *
 * <p>Threads of one process are serialised by a process-local {@link ReentrantLock} first, so at most one thread
 * per handle competes for the shared word. Robustness: a waiter that sees the same owner for a whole sleep slice
 * checks {@link ProcessHandle#isAlive()} of that pid; if the owner is dead it takes the lock over with a CAS
 * (only one of several contenders wins) and logs a WARN. The protected data structures are designed so that a
 * holder dying at any instant leaves them consistent (see {@link Ring}), so no repair is needed on takeover.
 */
final class RobustLock {
    /** Looked up when it logs, not at class loading: a process that never logs does not start slf4j. */
    private static Logger log() {
        return LoggerFactory.getLogger(RobustLock.class);
    }

    private final MemorySegment seg;
    private final long owner;
    private final long waiters;
    private final String what;
    private final ReentrantLock local = new ReentrantLock();

    RobustLock(MemorySegment seg, long offset, String what) {
        this.seg = seg;
        this.owner = offset;
        this.waiters = offset + 4;
        this.what = what;
    }

    /** Acquires the lock before {@code deadline} (System.nanoTime based); false on timeout or interrupt. */
    boolean acquire(long deadline) {
        if (!local.tryLock()) {
            long rem = deadline - System.nanoTime();
            if (rem <= 0) return false;
            try {
                if (!local.tryLock(rem, TimeUnit.NANOSECONDS)) return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        boolean ok = false;
        try {
            ok = acquireShared(deadline);
            return ok;
        } finally {
            if (!ok) local.unlock();
        }
    }

    private boolean acquireShared(long deadline) {
        final int me = Mem.PID;
        int spins = 0;
        long nextCheck = 0;
        boolean checkArmed = false;
        while (true) {
            int o = Mem.getInt(seg, owner);
            if (o == 0) {
                if (Mem.casInt(seg, owner, 0, me)) return true;
                continue;
            }
            if (spins < Mem.SPINS) {
                spins++;
                Thread.onSpinWait();
                continue;
            }
            long now = System.nanoTime();
            if (!checkArmed) {
                checkArmed = true;
                nextCheck = now + Mem.SLICE_NANOS;
            }
            long rem = deadline - now;
            if (rem <= 0 || now - nextCheck >= 0) {
                if (tryTakeover(o)) return true;
                nextCheck = now + Mem.SLICE_NANOS;
                if (rem <= 0) return false;
            }
            Mem.addInt(seg, waiters, 1);
            try {
                if (Mem.getInt(seg, owner) == o) Mem.sleep(seg, owner, o, rem);
            } finally {
                Mem.addInt(seg, waiters, -1);
            }
        }
    }

    private boolean tryTakeover(int o) {
        if (o == Mem.PID || Mem.alive(o)) return false;
        if (Mem.casInt(seg, owner, o, Mem.PID)) {
            log().warn("{}: owner process {} died while holding the lock; taken over by process {}", what, o, Mem.PID);
            return true;
        }
        return false;
    }

    void release() {
        Mem.setInt(seg, owner, 0);
        if (Mem.getInt(seg, waiters) > 0) Mem.wakeOne(seg, owner);
        local.unlock();
    }

    /** Pid of the current holder, 0 if free. */
    int owner() {
        return Mem.getInt(seg, owner);
    }
}
