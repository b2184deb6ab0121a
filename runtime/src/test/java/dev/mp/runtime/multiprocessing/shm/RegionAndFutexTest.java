package dev.mp.runtime.multiprocessing.shm;

import static org.junit.jupiter.api.Assertions.*;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class RegionAndFutexTest {

    @Test
    void createOpenUnlink() {
        SharedRegion r = SharedRegion.create(100);
        assertTrue(r.name().matches("mp-" + Pids.current() + "-[0-9a-f]{16}"), r.name());
        assertEquals(100, r.size());
        assertTrue(Files.exists(r.path()));
        assertTrue(ResourceTracker.tracked().contains(r.name()));
        assertEquals(0, r.segment().get(ValueLayout.JAVA_LONG, 8));
        r.segment().set(ValueLayout.JAVA_LONG, 8, 42);
        try (SharedRegion o = SharedRegion.open(r.name())) {
            assertEquals(100, o.size());
            assertEquals(42, o.segment().get(ValueLayout.JAVA_LONG, 8));
            o.segment().set(ValueLayout.JAVA_INT, 0, 7);
        }
        assertEquals(7, r.segment().get(ValueLayout.JAVA_INT, 0));
        r.unlink();
        assertFalse(Files.exists(r.path()));
        assertFalse(ResourceTracker.tracked().contains(r.name()));
        // the mapping survives the unlink
        assertEquals(7, r.segment().get(ValueLayout.JAVA_INT, 0));
        r.close();
        assertThrows(IllegalStateException.class, () -> r.segment().get(ValueLayout.JAVA_INT, 0));
        r.close();
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> SharedRegion.open(r.name()));
        assertInstanceOf(FileNotFoundException.class, e.getCause());
        assertThrows(IllegalArgumentException.class, () -> SharedRegion.open("../etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> SharedRegion.create(0));
    }

    @Test
    void removeAllDeletesTrackedFiles() {
        SharedRegion a = SharedRegion.create(64);
        SharedRegion b = SharedRegion.create(64);
        ResourceTracker.removeAll();
        assertFalse(Files.exists(a.path()));
        assertFalse(Files.exists(b.path()));
        assertTrue(ResourceTracker.tracked().isEmpty());
        a.close();
        b.close();
    }

    @Test
    void creatorPidParsing() {
        assertEquals(123, ResourceTracker.creatorPid("mp-123-abcdef"));
        assertEquals(-1, ResourceTracker.creatorPid("mp-x-abcdef"));
        assertEquals(-1, ResourceTracker.creatorPid("other"));
    }

    @Test
    void futexWaitAndWake() throws Exception {
        try (SharedRegion r = SharedRegion.create(64)) {
            MemorySegment s = r.segment();
            assertEquals(0, Futex.wait(s, 0, 5, -1), "value differs: returns at once");
            assertEquals(Futex.TIMED_OUT, Futex.wait(s, 0, 0, 1_000_000));
            assertEquals(Futex.TIMED_OUT, Futex.wait(s, 0, 0, 0));
            CountDownLatch started = new CountDownLatch(1);
            Thread t = new Thread(() -> {
                started.countDown();
                while (s.get(ValueLayout.JAVA_INT, 0) == 0) {
                    Futex.wait(s, 0, 0, -1);
                }
            });
            t.start();
            started.await();
            Thread.sleep(20);
            MutexWord.INT.setVolatile(s, 0L, 1);
            Futex.wake(s, 0, 1);
            t.join(10_000);
            assertFalse(t.isAlive());
            assertThrows(IllegalArgumentException.class, () -> Futex.wake(s, 2, 1));
            r.unlink();
        }
        if (System.getProperty("os.name").toLowerCase().contains("linux")
                && !"false".equals(System.getProperty("mp.shm.futex"))) {
            assertTrue(Futex.available());
        }
    }

    @Test
    void fallbackWait() throws Exception {
        MemorySegment s = Arena.ofAuto().allocate(8, 8);
        assertEquals(Futex.TIMED_OUT, Futex.fallbackWait(s, 0, 0, 2_000_000));
        assertEquals(0, Futex.fallbackWait(s, 0, 1, -1));
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
            MutexWord.INT.setVolatile(s, 0L, 3);
        });
        t.start();
        assertEquals(0, Futex.fallbackWait(s, 0, 0, -1));
        assertEquals(3, s.get(ValueLayout.JAVA_INT, 0));
        t.join();
    }
}
