package dev.mp.runtime.multiprocessing.shm;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Tests with real child JVMs (see {@link ShmChild}). */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MultiProcessTest {
    static final long SEC = 1_000_000_000L;
    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killChildren() {
        for (Process p : children) {
            p.destroyForcibly();
        }
    }

    private Process child(String... args) throws Exception {
        Process p = ShmChild.start(args);
        children.add(p);
        return p;
    }

    private static void awaitExit(Process p) throws Exception {
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child did not finish");
        assertEquals(0, p.exitValue(), "child exit code");
    }

    @Test
    void stressEightProcessesIncrementUnderOneLock() throws Exception {
        SharedRegion r = SharedRegion.create(4096);
        ShmLock lock = ShmLock.create(r, 0);
        ShmEvent go = ShmEvent.create(r, 16);
        long counterOff = 128;
        int procs = 8;
        int n = 10_000;
        for (int i = 0; i < procs; i++) {
            child("stress", lock.descriptor(), r.name(), Long.toString(counterOff), Integer.toString(n),
                    go.descriptor());
        }
        long t0 = System.nanoTime();
        go.set();
        for (Process p : children) {
            awaitExit(p);
        }
        long t1 = System.nanoTime();
        System.out.printf("stress: %d processes x %d locked increments in %d ms (including child JVM start-up)%n",
                procs, n, (t1 - t0) / 1_000_000);
        assertEquals((long) procs * n, r.segment().get(ValueLayout.JAVA_LONG, counterOff));
        assertFalse(lock.isLocked());
        r.unlink();
    }

    @Test
    void killedLockHolderIsRecovered() throws Exception {
        ShmLock lock = ShmLock.create();
        ShmEvent held = ShmEvent.create();
        Process p = child("holdLock", lock.descriptor(), held.descriptor());
        assertTrue(held.await(60 * SEC), "child did not acquire");
        assertEquals(p.pid(), lock.ownerPid());
        assertFalse(lock.acquire(false, -1), "held by a live child");
        p.destroyForcibly();
        p.waitFor();
        assertTrue(lock.acquire(true, 10 * SEC), "lock of the killed child must be recovered");
        assertEquals(Pids.current(), lock.ownerPid());
        lock.release();
    }

    @Test
    void terminatedRLockHolderIsRecovered() throws Exception {
        ShmRLock lock = ShmRLock.create();
        ShmEvent held = ShmEvent.create();
        Process p = child("holdRLock", lock.descriptor(), held.descriptor());
        assertTrue(held.await(60 * SEC), "child did not acquire");
        p.destroy(); // SIGTERM
        p.waitFor();
        assertTrue(lock.acquire(true, 10 * SEC));
        assertEquals(1, lock.count());
        lock.release();
    }

    @Test
    void killedSemaphoreHolderIsRecovered() throws Exception {
        ShmSemaphore sem = ShmSemaphore.create(1, 1);
        ShmEvent held = ShmEvent.create();
        Process p = child("holdSem", sem.descriptor(), held.descriptor());
        assertTrue(held.await(60 * SEC), "child did not acquire");
        assertEquals(0, sem.getValue());
        p.destroyForcibly();
        p.waitFor();
        assertTrue(sem.acquire(true, 10 * SEC), "permit of the killed child must be recovered");
        sem.release();
        assertEquals(1, sem.getValue());
    }

    /**
     * More live processes than the holder table has slots have used the semaphore (and released it); the permit
     * of one more holder, killed, is still recovered: a slot is held only while its process holds permits.
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // 34 JVMs start, which takes long on a loaded machine
    void killedSemaphoreHolderIsRecoveredAfterMoreUsersThanSlots() throws Exception {
        ShmSemaphore sem = ShmSemaphore.create(1, 1);
        ShmSemaphore used = ShmSemaphore.create(0, Integer.MAX_VALUE);
        List<Process> users = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < ShmSemaphore.SLOTS + 1; i++) {
                users.add(child("useSemAndWait", sem.descriptor(), used.descriptor()));
            }
            for (int i = 0; i < users.size(); i++) {
                assertTrue(used.acquire(true, 120 * SEC), "a child did not use the semaphore");
            }
            ShmEvent held = ShmEvent.create();
            Process holder = child("holdSem", sem.descriptor(), held.descriptor());
            assertTrue(held.await(60 * SEC), "child did not acquire");
            holder.destroyForcibly();
            holder.waitFor();
            assertTrue(sem.acquire(true, 10 * SEC), "permit of the killed child must be recovered");
            sem.release();
        } finally {
            users.forEach(Process::destroyForcibly);
        }
    }

    @Test
    void normallyEndingConsumerKeepsPermitConsumed() throws Exception {
        ShmSemaphore sem = ShmSemaphore.create(1, Integer.MAX_VALUE);
        awaitExit(child("consumeSemAndExit", sem.descriptor()));
        assertEquals(0, sem.getValue());
        assertEquals(0, sem.recoverDead());
        assertEquals(0, sem.getValue());
    }

    @Test
    void resourceTrackerAndSweep() throws Exception {
        // a killed child leaves its region behind, sweepStale() removes it
        Process killed = child("createRegion");
        String name = new BufferedReader(new InputStreamReader(killed.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertNotNull(name);
        Path file = SharedRegion.directory().resolve(name);
        assertTrue(Files.exists(file));
        killed.destroyForcibly();
        killed.waitFor();
        assertTrue(Files.exists(file), "SIGKILL runs no cleanup");
        // a region of a live process (this one) is never swept
        SharedRegion mine = SharedRegion.create(64);
        List<String> removed = ResourceTracker.sweepStale();
        assertTrue(removed.contains(name), removed.toString());
        assertFalse(Files.exists(file));
        assertTrue(Files.exists(mine.path()));
        mine.unlink();

        // a normally ending child removes what it created
        Process normal = child("createRegion", "exit");
        String name2 = new BufferedReader(new InputStreamReader(normal.getInputStream(), StandardCharsets.UTF_8)).readLine();
        awaitExit(normal);
        assertFalse(Files.exists(SharedRegion.directory().resolve(name2)));

        // a child that opens a region of ours does not remove it when it exits
        ShmLock lock = ShmLock.create();
        ShmEvent held = ShmEvent.create();
        Process user = child("holdLock", lock.descriptor(), held.descriptor());
        assertTrue(held.await(60 * SEC));
        user.destroy(); // SIGTERM: shutdown hooks run in the child
        user.waitFor();
        assertTrue(Files.exists(lock.region().path()));
        assertTrue(ResourceTracker.tracked().contains(lock.region().name()));
    }
}
