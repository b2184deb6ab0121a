package dev.mp.runtime.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mp.runtime.multiprocessing.shm.SharedRegion;

/**
 * multiprocessing at the Python level with real child JVMs: the promises beyond CPython (a dead lock holder
 * does not deadlock the others, a writer killed mid-put does not corrupt a queue, shared memory does not
 * outlive a SIGKILLed main process), exact counts under stress, and a child's uncaught exception.
 */
class ProcessRobustnessTest {
    @TempDir
    Path dir;

    @Test
    void uncaughtExceptionInChildPrintsProcessNameAndTraceback() throws IOException {
        ScriptRunner.Result r = ScriptRunner.run(dir, """
                import multiprocessing as mp

                def fail():
                    raise ValueError('bad input')

                if __name__ == '__main__':
                    p = mp.Process(target=fail)
                    p.start()
                    p.join()
                    print('exitcode', p.exitcode)
                """);
        assertEquals("exitcode 1\n", r.out());
        assertTrue(r.err().startsWith("Process Process-1:\nTraceback (most recent call last):\n"), r.err());
        assertTrue(r.err().contains("in fail\n    raise ValueError('bad input')\nValueError: bad input\n"), r.err());
        assertEquals(0, r.status());
    }

    @Test
    void eightProcessesIncrementUnderOneLockExactly() throws IOException {
        ScriptRunner.Result r = ScriptRunner.run(dir, """
                import multiprocessing as mp

                def add(lock, total):
                    for _ in range(10000):
                        lock.acquire()
                        total.value += 1
                        lock.release()

                if __name__ == '__main__':
                    lock = mp.Lock()
                    total = mp.Value('q', 0, lock=False)
                    ps = [mp.Process(target=add, args=(lock, total)) for _ in range(8)]
                    for p in ps:
                        p.start()
                    for p in ps:
                        p.join()
                    print(total.value, [p.exitcode for p in ps])
                """);
        assertEquals("80000 [0, 0, 0, 0, 0, 0, 0, 0]\n", r.out(), r.err());
    }

    @Test
    void fourProducersAndFourConsumersMoveEveryItemExactlyOnce() throws IOException {
        ScriptRunner.Result r = ScriptRunner.run(dir, """
                import multiprocessing as mp

                def produce(q, start):
                    for i in range(start, start + 25000):
                        q.put(i)

                def consume(q, results):
                    got = []
                    while True:
                        item = q.get()
                        if item is None:
                            break
                        got.append(item)
                    results.put(got)

                if __name__ == '__main__':
                    q = mp.Queue(1000)
                    results = mp.Queue()
                    producers = [mp.Process(target=produce, args=(q, n * 25000)) for n in range(4)]
                    consumers = [mp.Process(target=consume, args=(q, results)) for _ in range(4)]
                    for p in producers + consumers:
                        p.start()
                    for p in producers:
                        p.join()
                    for _ in consumers:
                        q.put(None)
                    everything = []
                    for _ in consumers:
                        everything.extend(results.get())
                    for p in consumers:
                        p.join()
                    print(len(everything), sorted(everything) == list(range(100000)))
                """);
        assertEquals("100000 True\n", r.out(), r.err());
    }

    @Test
    void killedLockHolderDoesNotDeadlockTheOthers() throws IOException {
        ScriptRunner.Result r = ScriptRunner.run(dir, """
                import multiprocessing as mp

                def hold(lock, rlock, sem, ready):
                    lock.acquire()
                    rlock.acquire()
                    sem.acquire()
                    ready.set()
                    while True:
                        pass

                if __name__ == '__main__':
                    lock, rlock, sem, ready = mp.Lock(), mp.RLock(), mp.Semaphore(1), mp.Event()
                    p = mp.Process(target=hold, args=(lock, rlock, sem, ready))
                    p.start()
                    print('holder ready', ready.wait(60))
                    print('lock while held', lock.acquire(timeout=0.2))
                    p.kill()
                    p.join()
                    print('exitcode', p.exitcode)
                    print('lock', lock.acquire(timeout=10), 'rlock', rlock.acquire(timeout=10), 'semaphore', sem.acquire(timeout=10))
                """);
        assertEquals("holder ready True\nlock while held False\nexitcode -9\nlock True rlock True semaphore True\n", r.out(), r.err());
    }

    @Test
    void writerKilledMidPutLeavesTheQueueUsable() throws IOException {
        ScriptRunner.Result r = ScriptRunner.run(dir, """
                import multiprocessing as mp
                import queue

                def flood(q, started):
                    block = b'x' * 300000
                    n = 0
                    while True:
                        q.put((n, block))
                        n += 1
                        started.set()

                if __name__ == '__main__':
                    q = mp.Queue()
                    started = mp.Event()
                    p = mp.Process(target=flood, args=(q, started))
                    p.start()
                    started.wait(60)
                    first = q.get(timeout=60)
                    p.kill()
                    p.join()
                    intact = first[1] == b'x' * 300000
                    expected = first[0] + 1
                    while True:
                        try:
                            n, data = q.get(timeout=1)
                        except queue.Empty:
                            break
                        intact = intact and n == expected and data == b'x' * 300000
                        expected += 1
                    q.put('after')
                    print('intact', intact, 'then', q.get(timeout=10))
                """);
        assertEquals("intact True then after\n", r.out(), r.err());
    }

    @Test
    void sharedMemoryOfASigkilledMainProcessIsRemovedAtTheNextStart() throws Exception {
        Path script = dir.resolve("holder.mp");
        Files.writeString(script, """
                import multiprocessing as mp
                lock, q, v = mp.Lock(), mp.Queue(), mp.Value('i', 1)
                print('ready', flush=True)
                while True:
                    pass
                """);
        Process holder = ScriptRunner.separateJvm(script).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("ready", lines.readLine());
        String prefix = SharedRegion.PREFIX + holder.pid() + "-";
        assertTrue(!filesStartingWith(prefix).isEmpty(), "the holder created shared memory");
        holder.destroyForcibly();
        holder.waitFor(60, TimeUnit.SECONDS);
        assertTrue(!filesStartingWith(prefix).isEmpty(), "SIGKILL leaves the files");
        ScriptRunner.run(dir, "print('next start')\n");
        assertEquals(List.of(), filesStartingWith(prefix));
    }

    private static List<String> filesStartingWith(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(SharedRegion.directory())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).toList();
        }
    }
}
