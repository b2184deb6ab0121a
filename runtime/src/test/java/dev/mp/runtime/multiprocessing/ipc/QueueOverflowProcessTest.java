package dev.mp.runtime.multiprocessing.ipc;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The overflow of unbounded queues with real child JVMs (see {@link IpcChild}): puts never wait for a reader,
 * items are delivered exactly once and in order per producer, SIGKILLed writers lose nothing they published, and
 * the overflow files go away with the queue's users.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class QueueOverflowProcessTest extends ChildJvmTestBase {
    private static String firstLine(Process p) throws Exception {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }

    /**
     * Two producers put 100,000 items each (ten of them 300 KB) into a queue nobody reads yet, far more than its
     * 1 MiB ring holds, and end; a third process then takes them all, exactly once and in order per producer.
     */
    @Test
    void producersFillTheQueueBeforeAnyReaderExists() throws Exception {
        ShmQueue q = ShmQueue.create(0);
        int perProducer = 100_000;
        List<Process> producers = new ArrayList<>();
        for (int tag = 1; tag <= 2; tag++) {
            producers.add(spawn("produce-mixed", q.descriptor(), String.valueOf(tag),
                    String.valueOf(perProducer), "10000", "300000"));
        }
        for (Process p : producers) {
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "a producer blocks");
            assertEquals(0, p.exitValue());
        }
        assertEquals(2 * perProducer, q.qsize());
        assertFalse(q.full());
        assertFalse(OverflowTestSupport.overflowFiles(q).isEmpty(), "the ring alone held it all");
        Process consumer = spawn("check-drain", q.descriptor(), "2", String.valueOf(perProducer));
        assertEquals("OK", firstLine(consumer));
        assertTrue(consumer.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, consumer.exitValue());
        assertTrue(q.empty());
        assertNull(q.get(false, 0));
        assertEquals(List.of(), OverflowTestSupport.overflowFiles(q), "the drained overflow left files");
    }

    /**
     * A writer SIGKILLed at a random moment of a put into the overflow (the reader keeps about 3,000 items queued
     * behind it, so the chain stays open) loses at most the message it had not published: what the reader takes
     * is gapless, and the task count of a JoinableQueue matches it exactly.
     */
    @Test
    void writerKilledWhileOverflowingLosesNothingPublished() throws Exception {
        Random rnd = new Random();
        ShmJoinableQueue q = ShmJoinableQueue.create(0, 16 * 1024);
        int kills = 3;
        for (int iter = 0; iter < kills; iter++) {
            Process child = spawn("overflow-putter", q.descriptor(), "3000");
            MultiProcessTest.expectLine(child, "READY");
            int sentinelSeq = 1_000_000 + iter;
            Future<Integer> reader = pool.submit(() -> {
                int last = 0;
                while (true) {
                    byte[] m = q.get(true, 30_000 * MS);
                    assertNotNull(m, "reader hangs");
                    int seq = Msgs.check(m); // throws on garbage
                    q.taskDone();
                    if (Msgs.tag(m) == 9) {
                        assertEquals(sentinelSeq, seq);
                        return last;
                    }
                    assertEquals(last + 1, seq, "lost, duplicated or reordered message");
                    last = seq;
                }
            });
            Thread.sleep(100 + rnd.nextInt(400));
            MultiProcessTest.kill9(child);
            assertTrue(q.put(Msgs.make(9, sentinelSeq, 64), true, 20_000 * MS), "put hangs after writer death");
            int taken = reader.get(60, TimeUnit.SECONDS);
            assertTrue(taken > 0, "the writer was killed before it put anything");
            assertEquals(0, q.unfinishedTasks());
            assertTrue(q.join(0));
            assertTrue(q.empty());
        }
        // a killed writer may leave the segment it was creating, not yet linked, until the queue's users end
        assertTrue(OverflowTestSupport.overflowFiles(q).size() <= kills, OverflowTestSupport.overflowFiles(q).toString());
    }

    /** The overflow files of items never taken go with the queue's last user, here their writer, ending normally. */
    @Test
    void overflowOfItemsNeverTakenIsRemovedWhenTheLastUserEnds() throws Exception {
        Process writer = spawn("overflow-alone", "50000", "exit");
        String region = firstLine(writer);
        assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, writer.exitValue());
        assertNotNull(region);
        assertEquals(List.of(), OverflowTestSupport.allFilesOf(region));
    }

    /** ... and when that user was SIGKILLed, the sweep at the next start of mp removes them. */
    @Test
    void overflowOfAKilledLastUserIsSweptAtTheNextStart() throws Exception {
        Process writer = spawn("overflow-alone", "50000", "hold");
        String region = firstLine(writer);
        assertNotNull(region);
        assertFalse(OverflowTestSupport.filesOf(region).isEmpty());
        MultiProcessTest.kill9(writer);
        dev.mp.runtime.multiprocessing.shm.ResourceTracker.sweepStale();
        assertEquals(List.of(), OverflowTestSupport.allFilesOf(region));
    }
}
