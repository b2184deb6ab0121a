package dev.mp.runtime.multiprocessing.ipc;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ShmQueueTest {
    private static final long MS = 1_000_000L;
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r);
        t.setDaemon(true);
        return t;
    });

    @AfterAll
    static void shutdown() {
        POOL.shutdownNow();
    }

    @Test
    void fifoAcrossWrapAround() {
        ShmQueue q = ShmQueue.create(0, 256);
        assertEquals(256, q.ringBytes());
        Random rnd = new Random(1);
        int expectNext = 0, seq = 0;
        for (int round = 0; round < 2000; round++) {
            int len = rnd.nextInt(100);
            if (q.put(Msgs.make(0, seq, len), false, 0)) seq++;
            if (rnd.nextInt(3) == 0) q.put(new byte[0], false, 0); // empty messages are skipped below
            while (rnd.nextBoolean()) {
                byte[] m = q.get(false, 0);
                if (m == null) break;
                if (m.length == 0) continue;
                assertEquals(expectNext++, Msgs.check(m));
            }
        }
        byte[] m;
        while ((m = q.get(false, 0)) != null) {
            if (m.length > 0) assertEquals(expectNext++, Msgs.check(m));
        }
        assertEquals(seq, expectNext);
        assertTrue(q.empty());
        assertEquals(0, q.qsize());
    }

    @Test
    void emptyMessagesAndSizes() {
        ShmQueue q = ShmQueue.create(0);
        assertEquals(ShmQueue.DEFAULT_RING_BYTES, q.ringBytes());
        assertTrue(q.empty());
        q.put(new byte[0]);
        q.put(new byte[] {1, 2, 3});
        assertEquals(2, q.qsize());
        assertFalse(q.empty());
        assertFalse(q.full());
        assertArrayEquals(new byte[0], q.get());
        assertArrayEquals(new byte[] {1, 2, 3}, q.get(true, 10 * MS));
        assertTrue(q.empty());
    }

    @Test
    void getTimeoutsReturnNull() {
        ShmQueue q = ShmQueue.create(0, 1024);
        assertNull(q.get(false, 0));
        assertNull(q.get(true, 30 * MS));
        assertNull(q.get(true, 0));
    }

    /** A consumer waiting on an empty queue holds no lock, so terminating it abandons nothing (no takeover). */
    @Test
    void blockedGetterHoldsNoReaderLock() throws Exception {
        ShmQueue q = ShmQueue.create(0, 1024);
        CountDownLatch started = new CountDownLatch(1);
        Future<byte[]> waiting = POOL.submit(() -> {
            started.countDown();
            return q.get(true, 20_000 * MS);
        });
        started.await();
        Thread.sleep(200);
        assertFalse(waiting.isDone());
        assertEquals(0, q.ring.rlock.owner(), "the blocked getter holds the reader lock");
        q.put(new byte[] {7});
        assertArrayEquals(new byte[] {7}, waiting.get(20, TimeUnit.SECONDS));
        assertEquals(0, q.ring.rlock.owner());
    }

    @Test
    void maxsizeBlocksAndTimesOut() throws Exception {
        ShmQueue q = ShmQueue.create(2, 4096);
        assertTrue(q.put(new byte[] {1}, false, 0));
        assertTrue(q.put(new byte[] {2}, true, -1));
        assertTrue(q.full());
        assertEquals(2, q.qsize());
        assertFalse(q.put(new byte[] {3}, false, 0));
        assertFalse(q.put(new byte[] {3}, true, 30 * MS));
        CountDownLatch started = new CountDownLatch(1);
        Future<Boolean> blocked = POOL.submit(() -> {
            started.countDown();
            return q.put(new byte[] {3}, true, -1);
        });
        started.await();
        assertFalse(blocked.isDone() && q.qsize() > 2);
        assertArrayEquals(new byte[] {1}, q.get());
        assertTrue(blocked.get(10, TimeUnit.SECONDS));
        assertArrayEquals(new byte[] {2}, q.get());
        assertArrayEquals(new byte[] {3}, q.get());
        assertNull(q.get(false, 0));
    }

    /** Nearly all of these overflow the 256-byte ring, into a chain of several segments. */
    @Test
    void unboundedPutNeverBlocks() {
        ShmQueue q = ShmQueue.create(0, 256);
        int n = 20_000;
        for (int i = 0; i < n; i++) assertTrue(q.put(Msgs.make(3, i, 24), false, 0), "put_nowait refused item " + i);
        assertEquals(n, q.qsize());
        assertFalse(q.full()); // CPython: never full without maxsize
        assertFalse(q.empty());
        for (int i = 0; i < n; i++) {
            assertEquals(i, Msgs.check(q.get(false, 0)));
            assertEquals(n - i - 1, q.qsize());
        }
        assertNull(q.get(false, 0));
        assertTrue(q.empty());
        assertEquals(java.util.List.of(), OverflowTestSupport.overflowFiles(q));
    }

    /** Bursts of puts and gets open, extend, drain and close overflow chains many times; FIFO throughout. */
    @Test
    void overflowChainsOpenAndCloseInBursts() {
        ShmQueue q = ShmQueue.create(0, 1024);
        Random rnd = new Random(5);
        int put = 0, got = 0;
        for (int round = 0; round < 60; round++) {
            for (int n = rnd.nextInt(400); n > 0; n--) {
                int len = rnd.nextInt(20) == 0 ? 3000 + rnd.nextInt(70_000) : rnd.nextInt(200);
                assertTrue(q.put(Msgs.make(2, put++, len), false, 0));
            }
            assertEquals(put - got, q.qsize());
            for (int n = rnd.nextInt(3) == 0 ? put - got : rnd.nextInt(put - got + 1); n > 0; n--) {
                assertEquals(got++, Msgs.check(q.get(false, 0)));
            }
        }
        while (got < put) assertEquals(got++, Msgs.check(q.get(false, 0)));
        assertNull(q.get(false, 0));
        assertEquals(java.util.List.of(), OverflowTestSupport.overflowFiles(q));
        q.put(new byte[0]); // the queue works on after its chains
        assertEquals(0, q.get().length);
    }

    @Test
    void simpleAndJoinableQueuesOverflowToo() {
        ShmSimpleQueue s = ShmSimpleQueue.create(256);
        for (int i = 0; i < 5000; i++) s.put(i % 10 == 0 ? new byte[0] : Msgs.make(4, i, 40));
        for (int i = 0; i < 5000; i++) {
            byte[] m = s.get();
            if (i % 10 == 0) assertEquals(0, m.length);
            else assertEquals(i, Msgs.check(m));
        }
        assertTrue(s.empty());
        assertEquals(java.util.List.of(), OverflowTestSupport.overflowFiles(s));

        ShmJoinableQueue j = ShmJoinableQueue.create(0, 256);
        for (int i = 0; i < 5000; i++) j.put(Msgs.make(5, i, 40));
        assertEquals(5000, j.unfinishedTasks());
        assertFalse(j.join(0));
        for (int i = 0; i < 5000; i++) {
            assertEquals(i, Msgs.check(j.get()));
            j.taskDone();
        }
        assertTrue(j.join(0));
        assertThrows(IllegalStateException.class, j::taskDone);
        assertEquals(java.util.List.of(), OverflowTestSupport.overflowFiles(j));
    }

    @ParameterizedTest(name = "maxsize {0}")
    @ValueSource(ints = {0, 1000})
    void messageTenTimesTheRingGoesThrough(int maxsize) throws Exception {
        ShmQueue q = ShmQueue.create(maxsize, 4096);
        byte[] big = Msgs.make(7, 1, 10 * 4096);
        Future<byte[]> reader = POOL.submit(() -> q.get());
        assertTrue(q.put(big, true, -1));
        q.put(Msgs.make(7, 2, 10));
        byte[] got = reader.get(10, TimeUnit.SECONDS);
        assertArrayEquals(big, got);
        assertEquals(2, Msgs.check(q.get()));
        assertTrue(q.empty());
    }

    @ParameterizedTest(name = "maxsize {0}")
    @ValueSource(ints = {0, 1000})
    void concurrentBigAndSmallMessagesNeverInterleave(int maxsize) throws Exception {
        ShmQueue q = ShmQueue.create(maxsize, 1024);
        int producers = 3, perProducer = 150;
        List<Future<?>> fs = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int tag = p + 1;
            fs.add(POOL.submit(() -> {
                Random rnd = new Random(tag);
                for (int i = 0; i < perProducer; i++) {
                    int len = rnd.nextInt(4) == 0 ? 1024 + rnd.nextInt(5000) : 12 + rnd.nextInt(300);
                    q.put(Msgs.make(tag, i, len));
                }
                return null;
            }));
        }
        AtomicInteger total = new AtomicInteger();
        List<Future<?>> cs = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            cs.add(POOL.submit(() -> {
                while (true) {
                    byte[] m = q.get(true, 2000 * MS);
                    if (m == null) return null;
                    if (m.length == 0) return null;
                    Msgs.check(m);
                    total.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : fs) f.get(20, TimeUnit.SECONDS);
        q.put(new byte[0]);
        q.put(new byte[0]);
        for (Future<?> f : cs) f.get(20, TimeUnit.SECONDS);
        assertEquals(producers * perProducer, total.get());
    }

    @ParameterizedTest(name = "maxsize {0}")
    @ValueSource(ints = {0, 1000})
    void perProducerOrderIsKeptWithSingleConsumer(int maxsize) throws Exception {
        ShmQueue q = ShmQueue.create(maxsize, 512);
        List<Future<?>> fs = new ArrayList<>();
        for (int p = 1; p <= 2; p++) {
            int tag = p;
            fs.add(POOL.submit(() -> {
                for (int i = 0; i < 300; i++) q.put(Msgs.make(tag, i, i % 50 == 0 ? 2000 : 20));
                return null;
            }));
        }
        int[] next = new int[3];
        for (int i = 0; i < 600; i++) {
            byte[] m = q.get(true, 10_000 * MS);
            assertNotNull(m);
            int tag = Msgs.tag(m);
            assertEquals(next[tag]++, Msgs.check(m));
        }
        for (Future<?> f : fs) f.get(10, TimeUnit.SECONDS);
    }

    @Test
    void bigPutIntoUnboundedQueueNeedsNoReader() {
        ShmQueue q = ShmQueue.create(0, 1024);
        assertTrue(q.put(Msgs.make(1, 1, 5000), false, 0));
        assertTrue(q.put(Msgs.make(1, 2, 5000), true, 30 * MS));
        assertTrue(q.put(Msgs.make(1, 3, 100), true, 1000 * MS));
        for (int i = 1; i <= 3; i++) assertEquals(i, Msgs.check(q.get(true, 1000 * MS)));
        assertNull(q.get(false, 0));
    }

    /** A bounded queue streams a message larger than its ring, which needs a reader. */
    @Test
    void bigPutTimesOutWithoutReaderAndQueueStaysUsable() {
        ShmQueue q = ShmQueue.create(100, 1024);
        assertFalse(q.put(Msgs.make(1, 1, 5000), true, 30 * MS));
        assertFalse(q.put(Msgs.make(1, 2, 5000), false, 0));
        assertTrue(q.put(Msgs.make(1, 3, 100), true, 1000 * MS));
        assertEquals(3, Msgs.check(q.get(true, 1000 * MS)));
        assertNull(q.get(false, 0));
    }

    @Test
    void descriptorsAttachInTheSameProcess() throws Exception {
        ShmQueue q = ShmQueue.create(5, 2048);
        ShmQueue q2 = ShmQueue.attach(q.descriptor());
        assertEquals(ShmQueue.class, q2.getClass());
        assertEquals(5, q2.maxsize());
        assertEquals(2048, q2.ringBytes());
        q.put(new byte[] {9});
        assertArrayEquals(new byte[] {9}, q2.get());

        ShmJoinableQueue j = ShmJoinableQueue.create(0);
        assertInstanceOf(ShmJoinableQueue.class, ShmQueue.attach(j.descriptor()));
        assertInstanceOf(ShmJoinableQueue.class, ShmJoinableQueue.attach(j.descriptor()));
        ShmSimpleQueue s = ShmSimpleQueue.create();
        assertInstanceOf(ShmSimpleQueue.class, ShmQueue.attach(s.descriptor()));
        assertThrows(IllegalArgumentException.class, () -> ShmJoinableQueue.attach(s.descriptor()));
        assertThrows(IllegalArgumentException.class, () -> ShmQueue.attach("bogus"));
        assertEquals(0, s.maxsize());
        s.put(new byte[] {1});
        assertArrayEquals(new byte[] {1}, s.get());
    }

    @Test
    void closedHandle() {
        ShmQueue q = ShmQueue.create(0, 1024);
        ShmQueue other = ShmQueue.attach(q.descriptor());
        q.put(new byte[] {1});
        q.close();
        q.close();
        assertTrue(q.isClosed());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> q.put(new byte[] {2}));
        assertFalse(e instanceof HandleClosedException);
        assertThrows(HandleClosedException.class, q::get);
        q.joinThread();
        q.cancelJoinThread();
        assertArrayEquals(new byte[] {1}, other.get()); // data stays for other handles
    }

    @Test
    void joinableTaskDoneAndJoin() throws Exception {
        ShmJoinableQueue q = ShmJoinableQueue.create(0, 4096);
        IllegalStateException e = assertThrows(IllegalStateException.class, q::taskDone);
        assertEquals("task_done() called too many times", e.getMessage());
        assertTrue(q.join(0));
        q.put(new byte[] {1});
        q.put(new byte[] {2});
        assertEquals(2, q.unfinishedTasks());
        assertFalse(q.join(20 * MS));
        Future<?> joiner = POOL.submit(() -> {
            q.join();
            return null;
        });
        assertNotNull(q.get());
        q.taskDone();
        assertFalse(q.join(10 * MS));
        assertNotNull(q.get());
        q.taskDone();
        joiner.get(10, TimeUnit.SECONDS);
        assertEquals(0, q.unfinishedTasks());
        assertThrows(IllegalStateException.class, q::taskDone);
        assertEquals(0, q.unfinishedTasks());
    }

    @Test
    void joinableCountsAcrossHandles() throws Exception {
        ShmJoinableQueue q = ShmJoinableQueue.create(0, 4096);
        ShmJoinableQueue q2 = ShmJoinableQueue.attach(q.descriptor());
        for (int i = 0; i < 100; i++) q.put(new byte[] {(byte) i});
        Future<?> worker = POOL.submit(() -> {
            for (int i = 0; i < 100; i++) {
                q2.get();
                q2.taskDone();
            }
            return null;
        });
        q.join();
        worker.get(10, TimeUnit.SECONDS);
        assertThrows(IllegalStateException.class, q::taskDone);
    }

    @Test
    void roundCapacity() {
        assertEquals(128, Ring.roundCapacity(1));
        assertEquals(128, Ring.roundCapacity(128));
        assertEquals(256, Ring.roundCapacity(129));
        assertEquals(1 << 20, Ring.roundCapacity(1 << 20));
        assertEquals(1 << 30, Ring.roundCapacity(Integer.MAX_VALUE));
    }
}
