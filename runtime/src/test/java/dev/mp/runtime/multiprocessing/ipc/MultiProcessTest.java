package dev.mp.runtime.multiprocessing.ipc;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests with real child JVMs (see {@link IpcChild}). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MultiProcessTest extends ChildJvmTestBase {
    static List<String> javaCommand(boolean fastStart) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-XX:+UseSerialGC");
        if (fastStart) cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(IpcChild.class.getName());
        return cmd;
    }

    /**
     * java.class.path plus the locations of the classes the child needs (under the JUnit console launcher the
     * test classes are not on java.class.path).
     */
    static String classPath() {
        java.util.LinkedHashSet<String> cp = new java.util.LinkedHashSet<>(
                List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)));
        for (Class<?> c : List.of(IpcChild.class, Ring.class, dev.mp.runtime.multiprocessing.shm.Futex.class,
                org.slf4j.LoggerFactory.class)) {
            try {
                cp.add(java.nio.file.Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (Exception | Error e) {
                // keep java.class.path only
            }
        }
        return String.join(java.io.File.pathSeparator, cp);
    }

    static void expectLine(Process p, String prefix) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            if (line.startsWith(prefix)) return;
        }
        fail("child exited without printing " + prefix);
    }

    private static void sendLine(Process p, String s) throws IOException {
        Writer w = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
        w.write(s + "\n");
        w.flush();
    }

    private static void awaitTrue(BooleanSupplier c, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * MS;
        while (!c.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "condition not reached in time");
            Thread.sleep(5);
        }
    }

    static void kill9(Process p) throws InterruptedException {
        p.destroyForcibly(); // SIGKILL on Linux
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
    }

    /**
     * A spilled item belongs to its queue: after its writer ended normally, the sweep of an mp start elsewhere
     * leaves it, since this process can still read the queue.
     */
    @Test
    void spilledItemOfAnEndedWriterSurvivesTheStartUpSweep() throws Exception {
        ShmQueue q = ShmQueue.create(0, 4096);
        Process writer = spawn("spill-put", q.descriptor(), "100000");
        assertEquals(0, writer.waitFor());
        dev.mp.runtime.multiprocessing.shm.ResourceTracker.sweepStale();
        byte[] item = q.item(q.get(true, 10_000 * MS));
        assertEquals(100000, item.length);
        Msgs.check(item);
    }

    /** An item never taken is removed with the queue's last user, here the writer itself. */
    @Test
    void spilledItemNeverTakenIsRemovedWhenTheQueuesLastUserEnds() throws Exception {
        Process writer = spawn("spill-alone", "100000");
        String region = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertEquals(0, writer.waitFor());
        assertNotNull(region);
        try (var files = java.nio.file.Files.list(dev.mp.runtime.multiprocessing.shm.SharedRegion.directory())) {
            assertEquals(List.of(), files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(region)).toList());
        }
    }

    @Test
    void fourProducersFourConsumersMove100kItemsExactlyOnce() throws Exception {
        int producers = 4, consumers = 4, perProducer = 25_000;
        ShmQueue q = ShmQueue.create(1000, 64 * 1024);
        ShmQueue results = ShmQueue.create(0, 4 << 20);
        List<Process> cs = new ArrayList<>(), ps = new ArrayList<>();
        for (int i = 0; i < consumers; i++) cs.add(spawn("consume", q.descriptor(), results.descriptor()));
        for (int i = 0; i < producers; i++) ps.add(spawn("produce", q.descriptor(), String.valueOf(i), String.valueOf(perProducer)));
        for (Process p : ps) {
            assertTrue(p.waitFor(45, TimeUnit.SECONDS), "producer hangs");
            assertEquals(0, p.exitValue());
        }
        for (int i = 0; i < consumers; i++) assertTrue(q.put(ByteBuffer.allocate(8).putLong(0, -1).array(), true, 20_000 * MS));
        BitSet seen = new BitSet();
        int total = 0;
        for (int i = 0; i < consumers; i++) {
            byte[] r = results.get(true, 30_000 * MS);
            assertNotNull(r, "consumer result missing");
            ByteBuffer bb = ByteBuffer.wrap(r);
            while (bb.hasRemaining()) {
                long v = bb.getLong();
                int producer = (int) (v / 1_000_000L), idx = (int) (v % 1_000_000L);
                assertTrue(producer >= 0 && producer < producers && idx < perProducer, "bogus item " + v);
                int bit = producer * perProducer + idx;
                assertFalse(seen.get(bit), "item received twice: " + v);
                seen.set(bit);
                total++;
            }
        }
        assertEquals(producers * perProducer, total);
        assertEquals(producers * perProducer, seen.cardinality());
        for (Process p : cs) assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertTrue(q.empty());
    }

    /** A bounded queue streams a message larger than its ring (an unbounded one would overflow instead). */
    @Test
    void writerKilledWhileStreamingHoldsNoOneUp() throws Exception {
        ShmQueue q = ShmQueue.create(1000, 64 * 1024);
        Process child = spawn("bigputter", q.descriptor(), String.valueOf(1 << 20));
        int pid = (int) child.pid();
        expectLine(child, "READY");
        // no reader: the child blocks in the middle of streaming its first 1 MiB message, holding the writer lock
        awaitTrue(() -> q.ring.wlock.owner() == pid && q.ring.hasData(), 20_000);
        kill9(child);
        Future<byte[]> reader = pool.submit(() -> q.get(true, 20_000 * MS));
        byte[] small = Msgs.make(5, 77, 300);
        assertTrue(q.put(small, true, 20_000 * MS)); // takes the dead writer's lock over
        assertArrayEquals(small, reader.get(30, TimeUnit.SECONDS)); // partial stream discarded, no garbage
        assertTrue(q.empty());
        assertNull(q.get(false, 0));
        byte[] big = Msgs.make(5, 78, 200_000); // still fully functional, also for streams
        Future<byte[]> reader2 = pool.submit(() -> q.get(true, 20_000 * MS));
        assertTrue(q.put(big, true, 20_000 * MS));
        assertArrayEquals(big, reader2.get(30, TimeUnit.SECONDS));
    }

    /** Bounded, so that big messages are streamed; see QueueOverflowProcessTest for unbounded queues. */
    @Test
    void writerKilledAtRandomMoments() throws Exception {
        Random rnd = new Random();
        ShmQueue q = ShmQueue.create(1000, 16 * 1024);
        for (int iter = 0; iter < 3; iter++) {
            Process child = spawn("bigputter", q.descriptor(), "100000", "mix");
            expectLine(child, "READY");
            int sentinelSeq = 1000 + iter;
            Future<Integer> reader = pool.submit(() -> {
                int last = 0, n = 0;
                while (true) {
                    byte[] m = q.get(true, 20_000 * MS);
                    assertNotNull(m, "reader hangs");
                    int seq = Msgs.check(m); // throws on garbage
                    if (Msgs.tag(m) == 9) {
                        assertEquals(sentinelSeq, seq);
                        return n;
                    }
                    assertTrue(seq > last, "duplicate or reordered message " + seq + " after " + last);
                    last = seq;
                    n++;
                }
            });
            Thread.sleep(50 + rnd.nextInt(300));
            kill9(child);
            assertTrue(q.put(Msgs.make(9, sentinelSeq, 64), true, 20_000 * MS), "put hangs after writer death");
            int n = reader.get(40, TimeUnit.SECONDS);
            assertTrue(n >= 0);
        }
    }

    /** Unbounded: the writer keeps about 2,000 messages queued, so the reader is mostly in the overflow. */
    @ParameterizedTest(name = "maxsize {0}")
    @ValueSource(ints = {0, 1000})
    void readerKilledAtRandomMomentLosesAtMostWhatItTook(int maxsize) throws Exception {
        ShmQueue q = ShmQueue.create(maxsize, 16 * 1024);
        Process child = spawn("bigreader", q.descriptor());
        expectLine(child, "READY");
        AtomicBoolean stop = new AtomicBoolean();
        Future<Integer> writer = pool.submit(() -> {
            Random rnd = new Random(3);
            int seq = 0;
            while (!stop.get()) {
                while (q.qsize() > 2000 && !stop.get()) java.util.concurrent.locks.LockSupport.parkNanos(200_000);
                int len = rnd.nextInt(maxsize == 0 ? 10 : 3) == 0 ? 50_000 : 12 + rnd.nextInt(500);
                if (q.put(Msgs.make(1, seq + 1, len), true, 20_000 * MS)) seq++;
                else fail("writer hangs");
            }
            return seq;
        });
        Thread.sleep(100 + new Random().nextInt(300));
        kill9(child);
        int last = 0, n = 0;
        while (true) {
            byte[] m = q.get(true, 3_000 * MS);
            if (m == null) break;
            int seq = Msgs.check(m);
            assertTrue(seq > last, "duplicate or reordered message " + seq + " after " + last);
            last = seq;
            if (++n == 20) stop.set(true);
        }
        assertTrue(n >= 20);
        assertEquals(writer.get(10, TimeUnit.SECONDS), last, "the last message written must be received");
    }

    @Test
    void pipeEofWhenPeerProcessExitsWithoutClosing() throws Exception {
        ShmPipe pipe = ShmPipe.create(false, 4096);
        Process child = spawn("pipe-send", "5", "exit");
        sendLine(child, pipe.end1().descriptorFor(child.pid()));
        pipe.end1().close(); // the child's hold keeps the end open
        for (int i = 0; i < 5; i++) assertEquals(i, Msgs.check(pipe.end0().recv()));
        assertThrows(ConnectionClosedException.class, () -> pipe.end0().recv());
        assertTrue(pipe.end0().poll(0));
    }

    @Test
    void pipeEofWhenPeerClosesWhileAlive() throws Exception {
        ShmPipe pipe = ShmPipe.create(true, 1024);
        Process child = spawn("pipe-send", "3", "close");
        sendLine(child, pipe.end1().descriptorFor(child.pid()));
        pipe.end1().close();
        for (int i = 0; i < 3; i++) assertEquals(i, Msgs.check(pipe.end0().recv()));
        assertThrows(ConnectionClosedException.class, () -> pipe.end0().recv());
        assertTrue(child.isAlive());
        assertThrows(BrokenPipeException.class, () -> pipe.end0().send(new byte[1]));
    }

    @Test
    void brokenPipeWhenReaderProcessIsKilled() throws Exception {
        ShmPipe pipe = ShmPipe.create(false, 1024);
        Process child = spawn("pipe-hold");
        sendLine(child, pipe.end0().descriptorFor(child.pid()));
        pipe.end0().close();
        expectLine(child, "READY 0");
        pipe.end1().send(new byte[10]);
        assertTrue(pipe.end1().peerOpen());
        kill9(child);
        long end = System.nanoTime() + 10_000 * MS;
        assertThrows(BrokenPipeException.class, () -> {
            while (System.nanoTime() < end) pipe.end1().send(new byte[100]);
        });
    }

    @Test
    void duplexPipeRoundTripsWithChild() throws Exception {
        ShmPipe pipe = ShmPipe.create(true, 8192);
        Process child = spawn("echo-pipe");
        sendLine(child, pipe.end1().descriptorFor(child.pid()));
        pipe.end1().close();
        ShmConnection c = pipe.end0();
        for (int i = 0; i < 2000; i++) {
            byte[] m = Msgs.make(4, i, i % 10 == 0 ? 20_000 : 40);
            c.send(m);
            assertArrayEquals(m, c.recv());
        }
        c.send(new byte[0]);
        assertEquals(0, c.recv().length);
        assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        assertThrows(ConnectionClosedException.class, c::recv);
    }

    /** Most of the items are in the overflow of the 4 KiB ring when the child takes them. */
    @Test
    void joinableQueueAcrossProcesses() throws Exception {
        ShmJoinableQueue q = ShmJoinableQueue.create(0, 4096);
        ShmQueue done = ShmQueue.create(0, 4096);
        int n = 50_000;
        for (int i = 0; i < n; i++) q.put(new byte[] {(byte) i});
        assertEquals(n, q.qsize());
        Process child = spawn("drain", q.descriptor(), String.valueOf(n), done.descriptor());
        assertNotNull(done.get(true, 30_000 * MS));
        assertEquals(n, q.unfinishedTasks());
        assertTrue(q.empty());
        for (int i = 0; i < n; i++) q.taskDone();
        assertTrue(q.join(10_000 * MS));
        assertTrue(child.waitFor(10, TimeUnit.SECONDS));
    }
}
