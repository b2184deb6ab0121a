package dev.mp.runtime.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * multiprocessing.Pool with real worker JVMs: every result of a large map arrives exactly once, and a worker
 * that dies in the middle of a task fails that task (CPython's Pool waits for ever, bpo-22393) while the pool,
 * with a replacement worker, goes on with the others.
 */
class PoolTest {
    @TempDir
    Path dir;

    @Test
    void fourWorkersRunOneHundredThousandTasksAndEveryResultArrivesExactlyOnce() throws IOException {
        ScriptRunner.Result r = ScriptRunner.run(dir, """
                from multiprocessing import Pool

                def tag(x):
                    return (x, x * 3 + 1)

                if __name__ == '__main__':
                    with Pool(4) as pool:
                        results = pool.map(tag, range(100000), chunksize=250)
                        print(len(results), results == [(x, x * 3 + 1) for x in range(100000)])
                        seen = sorted(x for x, _ in pool.imap_unordered(tag, range(100000), chunksize=500))
                        print(len(seen), seen == list(range(100000)))
                """);
        assertEquals("100000 True\n100000 True\n", r.out(), r.err());
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void aWorkerKilledMidTaskFailsThatTaskAndThePoolGoesOn() throws IOException {
        ScriptRunner.Result r = ScriptRunner.run(dir, """
                import os
                from multiprocessing import Pool, Queue
                from multiprocessing.pool import WorkerLostError

                def work(x):
                    if x == 'die':
                        os.kill(os.getpid(), 9)
                    return x * 2

                def remember(queue):
                    global started
                    started = queue

                def hold(seconds):
                    import time
                    started.put(os.getpid())
                    time.sleep(seconds)

                if __name__ == '__main__':
                    with Pool(2) as pool:
                        doomed = pool.apply_async(work, ('die',))
                        others = pool.map_async(work, range(200), chunksize=4)
                        try:
                            doomed.get(timeout=120)
                            print('no error')
                        except WorkerLostError as e:
                            print(type(e).__name__, e, doomed.successful())
                        print(sum(others.get(timeout=120)))
                        print(pool.apply(work, (21,)), len(pool._pool))
                    # a worker killed by the parent while it runs a long task
                    started = Queue()
                    with Pool(2, initializer=remember, initargs=(started,)) as pool:
                        held = pool.apply_async(hold, (600,))
                        pid = started.get(timeout=120)
                        os.kill(pid, 9)
                        try:
                            held.get(timeout=120)
                        except WorkerLostError as e:
                            print('killed by parent:', e)
                        print(pool.map(work, range(5)), len(pool._pool))
                """);
        assertEquals("WorkerLostError Worker exited prematurely while running this task: signal 9 (SIGKILL) False\n"
                + "39800\n42 2\nkilled by parent: Worker exited prematurely while running this task: signal 9 (SIGKILL)\n"
                + "[0, 2, 4, 6, 8] 2\n", r.out(), r.err());
        assertEquals(0, r.status(), r.err());
    }
}
