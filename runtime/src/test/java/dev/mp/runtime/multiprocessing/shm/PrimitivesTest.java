package dev.mp.runtime.multiprocessing.shm;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PrimitivesTest {
    static final long MS = 1_000_000L;

    /** The pid of a process that has already exited. */
    static int deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return (int) p.pid();
    }

    static Thread start(Runnable r) {
        Thread t = new Thread(r);
        t.setDaemon(true);
        t.start();
        return t;
    }

    // ---------------------------------------------------------------- ShmLock

    @Test
    void lockBasics() {
        ShmLock l = ShmLock.create();
        assertFalse(l.isLocked());
        assertTrue(l.acquire(false, -1));
        assertTrue(l.isLocked());
        assertTrue(l.isMine());
        assertEquals(Pids.current(), l.ownerPid());
        assertFalse(l.acquire(false, -1), "non-recursive");
        assertFalse(l.acquire(true, 0));
        assertFalse(l.acquire(true, 20 * MS));
        l.release();
        assertFalse(l.isLocked());
        IllegalStateException e = assertThrows(IllegalStateException.class, l::release);
        assertEquals("semaphore or lock released too many times", e.getMessage());
        assertTrue(l.acquire(true, 0));
        l.release();
    }

    @Test
    void lockAttachTwiceSharesState() {
        ShmLock l = ShmLock.create();
        String d = l.descriptor();
        assertTrue(d.startsWith("lock:mp-"), d);
        ShmLock a = ShmLock.attach(d);
        ShmLock b = ShmLock.attach(d);
        assertEquals(d, a.descriptor());
        assertTrue(a.acquire(true, -1));
        assertTrue(b.isLocked());
        assertFalse(b.acquire(false, -1));
        b.release(); // any thread/process may release a Lock, like CPython
        assertFalse(l.isLocked());
        assertThrows(IllegalArgumentException.class, () -> ShmLock.attach("rlock:" + d.substring(5)));
    }

    @Test
    void lockReleasedByAnotherThread() throws Exception {
        ShmLock l = ShmLock.create();
        l.acquire();
        Thread t = start(l::release);
        t.join();
        assertFalse(l.isLocked());
    }

    @Test
    void lockMutualExclusionAndMemoryOrderingAcrossThreads() throws Exception {
        SharedRegion r = SharedRegion.create(4096);
        ShmLock l = ShmLock.create(r, 0);
        MemorySegment s = r.segment();
        int threads = 4;
        int n = 20_000;
        List<Thread> ts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            ShmLock mine = ShmLock.attach(l.descriptor());
            ts.add(start(() -> {
                for (int k = 0; k < n; k++) {
                    mine.acquire(true, -1);
                    // plain writes of several fields: whoever holds the lock next must see all of them
                    long v = s.get(ValueLayout.JAVA_LONG, 64);
                    long w = s.get(ValueLayout.JAVA_LONG, 128);
                    if (v != w) {
                        throw new AssertionError("torn state " + v + " " + w);
                    }
                    s.set(ValueLayout.JAVA_LONG, 64, v + 1);
                    s.set(ValueLayout.JAVA_LONG, 128, w + 1);
                    mine.release();
                }
            }));
        }
        for (Thread t : ts) {
            t.join();
        }
        assertEquals((long) threads * n, s.get(ValueLayout.JAVA_LONG, 64));
        assertEquals((long) threads * n, s.get(ValueLayout.JAVA_LONG, 128));
    }

    @Test
    void blockedAcquirerIsWokenByRelease() throws Exception {
        ShmLock l = ShmLock.create();
        l.acquire();
        CountDownLatch done = new CountDownLatch(1);
        start(() -> {
            ShmLock other = ShmLock.attach(l.descriptor());
            other.acquire(true, -1);
            other.release();
            done.countDown();
        });
        Thread.sleep(30);
        l.release();
        done.await();
        assertFalse(l.isLocked());
    }

    @Test
    void lockOfDeadOwnerIsRecovered() throws Exception {
        ShmLock l = ShmLock.create();
        int dead = deadPid();
        MutexWord.INT.setVolatile(l.region().segment(), l.offset(), dead);
        assertEquals(dead, l.ownerPid());
        assertTrue(l.acquire(true, 10_000 * MS));
        assertEquals(Pids.current(), l.ownerPid());
        l.release();
        // also through a failed non-blocking attempt
        MutexWord.INT.setVolatile(l.region().segment(), l.offset(), dead | MutexWord.CONTENDED);
        assertTrue(l.acquire(false, -1));
        l.release();
    }

    @Test
    void embeddedPrimitivesCheckOffsets() {
        SharedRegion r = SharedRegion.create(64);
        assertThrows(IllegalArgumentException.class, () -> ShmLock.create(r, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> ShmLock.create(r, 56));
        ShmLock a = ShmLock.create(r, 0);
        ShmLock b = ShmLock.create(r, 16);
        a.acquire();
        assertTrue(b.acquire(false, -1));
        a.release();
        b.release();
        r.unlink();
    }

    // ---------------------------------------------------------------- ShmRLock

    @Test
    void rlockRecursionAndOwnership() throws Exception {
        ShmRLock l = ShmRLock.create();
        assertTrue(l.descriptor().startsWith("rlock:"));
        assertTrue(l.acquire(true, -1));
        assertTrue(l.acquire(false, -1));
        assertEquals(2, l.count());
        AtomicReference<Throwable> err = new AtomicReference<>();
        AtomicInteger got = new AtomicInteger(-1);
        Thread t = start(() -> {
            ShmRLock other = ShmRLock.attach(l.descriptor());
            got.set(other.acquire(false, -1) ? 1 : 0);
            try {
                other.release();
            } catch (Throwable e) {
                err.set(e);
            }
        });
        t.join();
        assertEquals(0, got.get());
        assertEquals("cannot release un-acquired lock", err.get().getMessage());
        l.release();
        assertTrue(l.isMine());
        l.release();
        assertFalse(l.isMine());
        assertEquals(0, l.ownerPid());
        IllegalStateException e = assertThrows(IllegalStateException.class, l::release);
        assertEquals("cannot release un-acquired lock", e.getMessage());
    }

    @Test
    void rlockOfDeadOwnerIsRecovered() throws Exception {
        ShmRLock l = ShmRLock.create();
        MemorySegment s = l.region().segment();
        MutexWord.INT.setVolatile(s, l.offset(), deadPid());
        MutexWord.INT.setVolatile(s, l.offset() + 4, 5);
        assertTrue(l.acquire(true, 10_000 * MS));
        assertEquals(1, l.count());
        l.release();
        assertEquals(0, l.ownerPid());
    }

    // ---------------------------------------------------------------- ShmSemaphore

    @Test
    void semaphoreCounting() {
        ShmSemaphore s = ShmSemaphore.create(2, Integer.MAX_VALUE);
        assertEquals(2, s.getValue());
        assertTrue(s.acquire(false, -1));
        assertTrue(s.acquire(true, -1));
        assertFalse(s.acquire(false, -1));
        assertFalse(s.acquire(true, 10 * MS));
        assertEquals(2, s.heldByThisProcess());
        s.release();
        s.release();
        s.release();
        assertEquals(3, s.getValue(), "an unbounded semaphore may go above its initial value");
        assertEquals(0, s.heldByThisProcess());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShmSemaphore.create(-1, Integer.MAX_VALUE));
        assertEquals("semaphore initial value must be >= 0", e.getMessage());
        ShmSemaphore z = ShmSemaphore.create(0, Integer.MAX_VALUE);
        assertFalse(z.acquire(false, -1));
    }

    @Test
    void boundedSemaphore() {
        ShmSemaphore s = ShmSemaphore.create(1, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, s::release);
        assertEquals("semaphore or lock released too many times", e.getMessage());
        s.acquire();
        s.release();
        assertEquals(1, s.getValue());
        ShmSemaphore a = ShmSemaphore.attach(s.descriptor());
        assertEquals(1, a.maxValue());
        a.acquire();
        assertEquals(0, s.getValue());
        s.release();
        assertEquals(1, a.getValue());
    }

    @Test
    void semaphoreWakesBlockedThreads() throws Exception {
        ShmSemaphore s = ShmSemaphore.create(0, Integer.MAX_VALUE);
        int n = 3;
        CountDownLatch done = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            start(() -> {
                ShmSemaphore.attach(s.descriptor()).acquire(true, -1);
                done.countDown();
            });
        }
        Thread.sleep(30);
        for (int i = 0; i < n; i++) {
            s.release();
        }
        done.await();
        assertEquals(0, s.getValue());
    }

    @Test
    void semaphorePermitsOfDeadProcessAreRecovered() throws Exception {
        ShmSemaphore s = ShmSemaphore.create(3, 3);
        MemorySegment seg = s.region().segment();
        // pretend a dead process took 2 permits
        MutexWord.INT.setVolatile(seg, s.offset() + 16, deadPid());
        MutexWord.INT.setVolatile(seg, s.offset() + 20, 2);
        MutexWord.INT.setVolatile(seg, s.offset(), 1);
        assertTrue(s.acquire(true, -1));
        assertEquals(0, s.getValue());
        assertTrue(s.acquire(true, 10_000 * MS), "must get a permit of the dead process");
        assertEquals(1, s.getValue());
        assertEquals(2, s.heldByThisProcess());
        assertEquals(0, s.recoverDead());
        s.release();
        s.release();
        assertEquals(3, s.getValue());
    }

    @Test
    void forgetHeldPermitsKeepsThemConsumed() {
        ShmSemaphore s = ShmSemaphore.create(1, Integer.MAX_VALUE);
        s.acquire();
        assertEquals(1, s.heldByThisProcess());
        ShmSemaphore.forgetHeldPermits();
        assertEquals(0, s.heldByThisProcess());
        assertEquals(0, s.getValue());
        s.release();
        assertEquals(1, s.getValue());
    }

    // ---------------------------------------------------------------- ShmEvent

    @Test
    void event() throws Exception {
        ShmEvent e = ShmEvent.create();
        assertFalse(e.isSet());
        assertFalse(e.await(0));
        assertFalse(e.await(10 * MS));
        ShmEvent other = ShmEvent.attach(e.descriptor());
        CountDownLatch woke = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            start(() -> {
                if (other.await(-1)) {
                    woke.countDown();
                }
            });
        }
        Thread.sleep(30);
        e.set();
        woke.await();
        assertTrue(other.isSet());
        assertTrue(other.await(-1));
        other.clear();
        assertFalse(e.isSet());
    }

    // ---------------------------------------------------------------- ShmCondition

    @Test
    void conditionRequiresOwnership() {
        ShmCondition c = ShmCondition.create();
        assertEquals("cannot wait on un-acquired lock",
                assertThrows(IllegalStateException.class, () -> c.await(0)).getMessage());
        assertThrows(IllegalStateException.class, () -> c.notify(1));
        c.acquire(true, -1);
        assertFalse(c.await(10 * MS), "timeout");
        assertTrue(c.isMine(), "lock re-acquired after wait");
        c.notify(1); // nobody waiting: no effect
        c.release();
    }

    @Test
    void conditionRestoresRLockCount() throws Exception {
        ShmCondition c = ShmCondition.create(ShmRLock.create());
        ShmRLock l = c.rlock();
        l.acquire();
        l.acquire();
        CountDownLatch waiting = new CountDownLatch(1);
        Thread t = start(() -> {
            ShmCondition mine = ShmCondition.attach(c.descriptor());
            mine.acquire(true, -1); // possible only because wait released both levels
            waiting.countDown();
            mine.notify(1);
            mine.release();
        });
        assertTrue(c.await(-1));
        assertEquals(2, l.count());
        l.release();
        l.release();
        t.join();
    }

    @Test
    void conditionNotifyWakesExactlyN() throws Exception {
        ShmCondition c = ShmCondition.create(ShmLock.create());
        assertTrue(c.descriptor().contains("|lock:"), c.descriptor());
        int n = 4;
        AtomicInteger notified = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        for (int i = 0; i < n; i++) {
            start(() -> {
                ShmCondition mine = ShmCondition.attach(c.descriptor());
                mine.acquire(true, -1);
                if (mine.await(-1)) {
                    notified.incrementAndGet();
                }
                finished.incrementAndGet();
                mine.release();
            });
        }
        waitForWaiters(c, n);
        c.acquire(true, -1);
        c.notify(1);
        c.release();
        while (notified.get() < 1) {
            Thread.sleep(5);
        }
        c.acquire(true, -1);
        assertEquals(n - 1, c.waiters());
        c.notify(2);
        c.release();
        while (notified.get() < 3) {
            Thread.sleep(5);
        }
        c.acquire(true, -1);
        assertEquals(1, c.waiters());
        assertEquals(3, finished.get());
        c.notifyAllWaiters();
        c.release();
        while (finished.get() < n) {
            Thread.sleep(5);
        }
        assertEquals(n, notified.get());
    }

    static void waitForWaiters(ShmCondition c, int n) throws InterruptedException {
        while (true) {
            c.acquire(true, -1);
            int w = c.waiters();
            c.release();
            if (w >= n) {
                return;
            }
            Thread.sleep(5);
        }
    }

    @Test
    void producerConsumerWithCondition() throws Exception {
        SharedRegion r = SharedRegion.create(4096);
        ShmLock lock = ShmLock.create(r, 0);
        ShmCondition c = ShmCondition.create(r, 16, lock);
        MemorySegment s = r.segment();
        int items = 2000;
        Thread consumer = start(() -> {
            ShmCondition mine = ShmCondition.attach(c.descriptor());
            long taken = 0;
            while (taken < items) {
                mine.acquire(true, -1);
                while (s.get(ValueLayout.JAVA_LONG, 64) == 0) {
                    mine.await(-1);
                }
                s.set(ValueLayout.JAVA_LONG, 64, s.get(ValueLayout.JAVA_LONG, 64) - 1);
                taken++;
                mine.notify(1);
                mine.release();
            }
        });
        for (int i = 0; i < items; i++) {
            c.acquire(true, -1);
            while (s.get(ValueLayout.JAVA_LONG, 64) >= 3) {
                c.await(-1);
            }
            s.set(ValueLayout.JAVA_LONG, 64, s.get(ValueLayout.JAVA_LONG, 64) + 1);
            c.notify(1);
            c.release();
        }
        consumer.join();
        assertEquals(0, s.get(ValueLayout.JAVA_LONG, 64));
    }

    // ---------------------------------------------------------------- ShmBarrier

    @Test
    void barrierIndicesAndCycles() throws Exception {
        int parties = 3;
        ShmBarrier b = ShmBarrier.create(parties);
        assertEquals(parties, b.parties());
        for (int round = 0; round < 3; round++) {
            ConcurrentHashMap<Integer, Boolean> seen = new ConcurrentHashMap<>();
            AtomicInteger actions = new AtomicInteger();
            List<Thread> ts = new ArrayList<>();
            for (int i = 0; i < parties; i++) {
                ts.add(start(() -> {
                    ShmBarrier mine = ShmBarrier.attach(b.descriptor());
                    int idx = mine.await(-1, actions::incrementAndGet);
                    seen.put(idx, true);
                }));
            }
            for (Thread t : ts) {
                t.join();
            }
            assertEquals(java.util.Set.of(0, 1, 2), seen.keySet());
            assertEquals(1, actions.get());
        }
        assertFalse(b.isBroken());
        assertEquals(0, b.nWaiting());
    }

    @Test
    void barrierTimeoutAbortAndReset() throws Exception {
        ShmBarrier b = ShmBarrier.create(2);
        assertThrows(ShmBrokenBarrierException.class, () -> b.await(10 * MS));
        assertTrue(b.isBroken());
        assertThrows(ShmBrokenBarrierException.class, () -> b.await(-1));
        b.reset();
        assertFalse(b.isBroken());

        AtomicReference<Throwable> res = new AtomicReference<>();
        Thread t = start(() -> {
            try {
                ShmBarrier.attach(b.descriptor()).await(-1);
            } catch (Throwable e) {
                res.set(e);
            }
        });
        while (b.nWaiting() < 1) {
            Thread.sleep(5);
        }
        b.abort();
        t.join();
        assertInstanceOf(ShmBrokenBarrierException.class, res.get());
        assertTrue(b.isBroken());
        b.reset();

        // reset while somebody waits breaks that waiter, then the barrier is usable again
        res.set(null);
        t = start(() -> {
            try {
                ShmBarrier.attach(b.descriptor()).await(-1);
            } catch (Throwable e) {
                res.set(e);
            }
        });
        while (b.nWaiting() < 1) {
            Thread.sleep(5);
        }
        b.reset();
        t.join();
        assertInstanceOf(ShmBrokenBarrierException.class, res.get());
        assertFalse(b.isBroken());

        // a failing action breaks the barrier; the caller gets the action's exception
        t = start(() -> {
            try {
                ShmBarrier.attach(b.descriptor()).await(-1);
            } catch (Throwable e) {
                res.set(e);
            }
        });
        while (b.nWaiting() < 1) {
            Thread.sleep(5);
        }
        assertThrows(ArithmeticException.class, () -> b.await(-1, () -> {
            throw new ArithmeticException("boom");
        }));
        t.join();
        assertInstanceOf(ShmBrokenBarrierException.class, res.get());
        assertTrue(b.isBroken());
    }

    // ---------------------------------------------------------------- quick timing (printed only)

    @Test
    void uncontendedTimingIsPrinted() {
        ShmLock l = ShmLock.create();
        ShmSemaphore s = ShmSemaphore.create(1, 1);
        for (int w = 0; w < 3; w++) {
            int n = 2_000_000;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                l.acquire(true, -1);
                l.release();
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                s.acquire(true, -1);
                s.release();
            }
            long t2 = System.nanoTime();
            System.out.printf("uncontended ShmLock acquire+release: %.1f ns, ShmSemaphore: %.1f ns%n",
                    (t1 - t0) / (double) n, (t2 - t1) / (double) n);
        }
    }
}
