package dev.mp.runtime.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.mp.runtime.KeyboardInterrupts;

/**
 * Threads under the GIL: shared objects stay consistent under contention (as CPython's GIL guarantees), locks
 * give exact counts, a spinning thread is made to hand over, uncaught exceptions in threads are reported as
 * CPython reports them, the program waits for its non-daemon threads, and Ctrl-C goes to the main thread.
 * No timing is asserted; a hang fails through the timeout.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ThreadingTest {

    record Result(String out, String err, int status) {
    }

    static Result run(String program) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = 0;
        try (Context context = Context.newBuilder("mp").out(out).err(err).option("mp.Main", "true").allowIO(IOAccess.ALL)
                .allowCreateThread(true).build()) {
            context.eval(Source.newBuilder("mp", program, "prog.mp").buildLiteral());
        } catch (PolyglotException e) {
            if (!e.isExit()) {
                throw e;
            }
            status = e.getExitStatus();
        }
        return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status);
    }

    @Test
    void eightThreadsIncrementUnderALockToTheExactTotal() {
        Result r = run("""
                import threading
                lock = threading.Lock()
                counts = {'n': 0}
                totals = [0]
                def work():
                    for i in range(100000):
                        with lock:
                            counts['n'] += 1
                            totals[0] += 1
                ts = [threading.Thread(target=work) for _ in range(8)]
                for t in ts: t.start()
                for t in ts: t.join()
                print(counts['n'], totals[0])
                """);
        assertEquals("", r.err());
        assertEquals("800000 800000\n", r.out());
    }

    @Test
    void sharedListsAndDictsStayConsistentWithoutALock() {
        Result r = run("""
                import threading
                items = []
                table = {}
                counter = {'n': 0}
                def work(k):
                    for i in range(100000):
                        items.append(i)
                        table[(k, i)] = i
                        counter['n'] += 1
                        if i % 1000 == 0:
                            table.pop((k, i))
                ts = [threading.Thread(target=work, args=(k,)) for k in range(8)]
                for t in ts: t.start()
                for t in ts: t.join()
                print(len(items), sum(items) == 8 * sum(range(100000)), len(table), 0 < counter['n'] <= 800000)
                """);
        assertEquals("", r.err());
        assertEquals("800000 True 799200 True\n", r.out());
    }

    @Test
    void aSpinningThreadHandsTheLockOver() {
        Result r = run("""
                import threading, time
                stop = False
                spins = [0]
                def spin():
                    while not stop:
                        spins[0] += 1
                t = threading.Thread(target=spin)
                t.start()
                time.sleep(0.05)
                stop = True
                t.join()
                print('stopped', spins[0] > 0)
                """);
        assertEquals("stopped True\n", r.out());
    }

    @Test
    void anUncaughtExceptionInAThreadIsReportedAndTheProgramGoesOn() {
        Result r = run("""
                import threading
                def f():
                    1 / 0
                t = threading.Thread(target=f)
                t.start()
                t.join()
                print('after', t.is_alive())
                """);
        assertEquals("after False\n", r.out());
        assertTrue(r.err().startsWith("Exception in thread Thread-1 (f):\nTraceback (most recent call last):\n"), r.err());
        assertTrue(r.err().contains("  File \"prog.mp\", line 3, in f\n    1 / 0\n"), r.err());
        assertTrue(r.err().endsWith("ZeroDivisionError: division by zero\n"), r.err());
        assertEquals(0, r.status());
    }

    @Test
    void theProgramWaitsForNonDaemonThreadsAndAbandonsDaemonOnes() {
        Result r = run("""
                import threading, time
                def late():
                    time.sleep(0.2)
                    print('late thread done')
                def forever():
                    threading.Event().wait()
                threading.Thread(target=forever, daemon=True).start()
                threading.Thread(target=late).start()
                print('main done')
                """);
        assertEquals("main done\nlate thread done\n", r.out());
        assertEquals(0, r.status());
    }

    @Test
    void bareThreadsReportTheirExceptionsAsCPythonDoes() {
        Result r = run("""
                import _thread, time
                done = _thread.allocate_lock()
                done.acquire()
                def f(x, *, y):
                    try:
                        raise ValueError(x + y)
                    finally:
                        done.release()
                _thread.start_new_thread(f, (1,), {'y': 2})
                done.acquire()
                time.sleep(0.2)
                print('main')
                """);
        assertTrue(r.err().startsWith("Exception ignored in thread started by: <function f at 0x"), r.err());
        assertTrue(r.err().endsWith("ValueError: 3\n"), r.err());
        assertEquals("main\n", r.out());
    }

    @Test
    void ctrlCGoesToTheMainThread() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String program = """
                import threading
                release = threading.Event()
                def worker():
                    release.wait()
                    print('worker finished')
                t = threading.Thread(target=worker)
                t.start()
                try:
                    waiting()
                    t.join()
                except KeyboardInterrupt:
                    print('main interrupted', t.is_alive(), threading.current_thread().name)
                release.set()
                t.join()
                """;
        CountDownLatch waiting = new CountDownLatch(1);
        try (Context context = Context.newBuilder("mp").out(out).err(err).allowIO(IOAccess.ALL).allowCreateThread(true)
                .allowHostAccess(HostAccess.ALL).build()) {
            context.getBindings("mp").putMember("waiting", (Runnable) waiting::countDown);
            CompletableFuture<Void> running = CompletableFuture.runAsync(() -> context.eval("mp", program));
            waiting.await();
            assertTrue(KeyboardInterrupts.deliver());
            running.get();
        }
        assertEquals("main interrupted True MainThread\nworker finished\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void blockingCallsLetOtherThreadsRun() {
        Result r = run("""
                import threading, queue, time
                q = queue.Queue()
                order = []
                def producer():
                    for i in range(3):
                        time.sleep(0.01)
                        q.put(i)
                    q.put(None)
                t = threading.Thread(target=producer)
                t.start()
                while (item := q.get()) is not None:
                    order.append(item)
                t.join()
                print(order, threading.active_count())
                """);
        assertEquals("[0, 1, 2] 1\n", r.out());
    }
}
