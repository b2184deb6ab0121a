package dev.mp.runtime.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * multiprocessing managers with real server and client JVMs: proxies used at once by several processes and by
 * several threads of each, proxies that travel through a managed queue after their processes started, and a
 * manager server that ends with the program that started it, even when that program fails.
 */
class ManagerTest {
    @TempDir
    Path dir;

    @Test
    void proxiesAreUsedAtOnceByProcessesAndTheirThreadsAndTravelThroughAManagedQueue() throws IOException {
        ScriptRunner.Result r = ScriptRunner.run(dir, """
                import threading
                from multiprocessing import Process, Manager

                def count(counts, log, lock, tag):
                    def bump(t):
                        for i in range(100):
                            with lock:
                                counts['total'] = counts['total'] + 1
                            log.append((tag, t, i))
                    threads = [threading.Thread(target=bump, args=(t,)) for t in range(3)]
                    for t in threads:
                        t.start()
                    for t in threads:
                        t.join()

                def relay(inbox):
                    # the proxies in the message were pickled by a queue, not at the start of this process
                    results, n = inbox.get(timeout=300)
                    results.append(n * n)

                if __name__ == '__main__':
                    with Manager() as manager:
                        counts = manager.dict(total=0)
                        log = manager.list()
                        lock = manager.Lock()
                        procs = [Process(target=count, args=(counts, log, lock, p)) for p in range(4)]
                        for p in procs:
                            p.start()
                        for p in procs:
                            p.join()
                        print(counts['total'], len(log), len(set(log)), [p.exitcode for p in procs])
                        inbox = manager.Queue()
                        results = manager.list()
                        relays = [Process(target=relay, args=(inbox,)) for _ in range(2)]
                        for p in relays:
                            p.start()
                        for n in (3, 4):
                            inbox.put((results, n))
                        for p in relays:
                            p.join()
                        print(sorted(results), [p.exitcode for p in relays])
                """);
        assertEquals("1200 1200 1200 [0, 0, 0, 0]\n[9, 16] [0, 0]\n", r.out(), r.err());
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void theServerProcessEndsWithAProgramThatFails() throws IOException, InterruptedException {
        ScriptRunner.Result r = ScriptRunner.run(dir, """
                from multiprocessing import Manager

                if __name__ == '__main__':
                    manager = Manager()
                    shared = manager.dict(alive=True)
                    print(manager._process.pid, shared['alive'])
                    raise ValueError('the program fails with its manager running')
                """);
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("ValueError: the program fails with its manager running"), r.err());
        String[] printed = r.out().trim().split(" ");
        assertEquals("True", printed[1], r.out());
        Optional<ProcessHandle> server = ProcessHandle.of(Long.parseLong(printed[0]));
        if (server.isPresent()) {
            // The manager was shut down before the program returned; a JVM still tearing down gets some time.
            try {
                server.get().onExit().get(120, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // reported below
            }
            assertFalse(server.get().isAlive(), "the manager's server process outlived the program");
        }
    }
    @Test
    void objectsOfDroppedProxiesDoNotAccumulateInTheServer() throws IOException {
        // 10,000 proxies made and dropped one after another: the server's count stays bounded (by the proxies made
        // between two collections, see managers._COLLECT_AFTER), and falls to the live ones after gc.collect()
        ScriptRunner.Result r = ScriptRunner.run(dir, """
                import gc
                from multiprocessing import Manager

                if __name__ == '__main__':
                    with Manager() as m:
                        kept = m.list()
                        peak = 0
                        for i in range(10000):
                            d = m.dict(i=i)
                            if i % 250 == 0:
                                peak = max(peak, m._number_of_objects())
                        print(peak)
                        gc.collect()
                        print(m._number_of_objects(), d['i'], len(kept))
                """);
        assertEquals(0, r.status(), r.err());
        String[] lines = r.out().split("\n");
        int peak = Integer.parseInt(lines[0].trim());
        assertTrue(peak >= 2 && peak <= 2 + 256 + 16, "the server's object count reached " + peak);
        assertEquals("2 9999 0", lines[1], r.out());
    }

    @Test
    void aProxyPassedToAProcessKeepsItsReferentAfterTheParentDropsIt() throws IOException {
        // CPython's server would drop the list here (the child takes no reference of its own under spawn): the
        // parent's proxy goes before the child uses its copy.
        ScriptRunner.Result r = ScriptRunner.run(dir, """
                import gc
                from multiprocessing import Manager, Process, Event

                def use(shared, dropped):
                    dropped.wait()
                    shared.append('child')
                    print(list(shared))

                if __name__ == '__main__':
                    with Manager() as m:
                        dropped = Event()
                        p = Process(target=use, args=(m.list(['parent']), dropped))
                        p.start()
                        gc.collect()
                        print(m._number_of_objects())
                        dropped.set()
                        p.join()
                        print(m._number_of_objects(), p.exitcode)
                """);
        assertEquals("1\n['parent', 'child']\n0 0\n", r.out(), r.err());
        assertEquals(0, r.status(), r.err());
    }
}
