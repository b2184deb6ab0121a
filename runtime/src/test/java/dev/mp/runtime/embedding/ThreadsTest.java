package dev.mp.runtime.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.junit.jupiter.api.Test;

/**
 * A context is single-threaded: a second thread entering it while a script runs gets the polyglot error and
 * the running script is not disturbed. Several threads each with their own context run at the same time.
 */
class ThreadsTest {

    @Test
    void aSecondThreadInAContextGetsThePolyglotError() throws Exception {
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try (Context context = Context.newBuilder("mp").allowHostAccess(HostAccess.ALL).build()) {
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            context.getBindings("mp").putMember("entered", (Runnable) entered::countDown);
            context.getBindings("mp").putMember("release", (Runnable) () -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Future<Integer> running = runner.submit(() -> context.eval("mp", "total = 0\nentered()\nrelease()\nfor i in range(5):\n    total += i\ntotal").asInt());
            entered.await();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> context.eval("mp", "total = -1"));
            assertTrue(e.getMessage().contains("Multi threaded access"), e.getMessage());
            release.countDown();
            assertEquals(10, running.get(), "the running script was not disturbed");
        } finally {
            runner.shutdownNow();
        }
    }

    @Test
    void oneContextPerThreadSharingAnEngine() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (Engine engine = Engine.create("mp")) {
            List<Future<Long>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long n = 1000L * (t + 1);
                results.add(pool.submit(() -> {
                    try (Context context = Context.newBuilder("mp").engine(engine).build()) {
                        context.getBindings("mp").putMember("n", n);
                        return context.eval("mp", "sum(i * i for i in range(n))").asLong();
                    }
                }));
            }
            for (int t = 0; t < 4; t++) {
                long n = 1000L * (t + 1);
                assertEquals((n - 1) * n * (2 * n - 1) / 6, results.get(t).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
