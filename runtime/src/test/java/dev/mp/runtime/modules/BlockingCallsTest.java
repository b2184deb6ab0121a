package dev.mp.runtime.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.Test;

/** Blocking calls ({@code time.sleep}, waiting on a queue) block in a way that Truffle's interrupts and cancellation reach. */
class BlockingCallsTest {

    /** Runs code that blocks on its own thread; returns the running evaluation once its thread is waiting. */
    private static CompletableFuture<PolyglotException> block(Context context, String code) throws InterruptedException {
        CompletableFuture<PolyglotException> outcome = new CompletableFuture<>();
        Thread runner = new Thread(() -> {
            try {
                context.eval("mp", code);
                outcome.complete(null);
            } catch (PolyglotException e) {
                outcome.complete(e);
            }
        });
        runner.start();
        while (runner.getState() != Thread.State.TIMED_WAITING && !outcome.isDone()) {
            Thread.sleep(10);
        }
        return outcome;
    }

    @Test
    void interruptStopsSleep() throws Exception {
        try (Context context = Context.newBuilder("mp").build()) {
            CompletableFuture<PolyglotException> outcome = block(context, "import time\ntime.sleep(600)\n");
            context.interrupt(Duration.ofMinutes(1));
            PolyglotException e = outcome.get(1, TimeUnit.MINUTES);
            assertTrue(e != null && e.isInterrupted(), "the sleep ends with an interrupt, not " + e);
            assertEquals(3L, context.eval("mp", "1 + 2").asLong(), "the context is usable after the interrupt");
        }
    }

    @Test
    void cancellationStopsSleep() throws Exception {
        Context context = Context.newBuilder("mp").build();
        CompletableFuture<PolyglotException> outcome = block(context, "import time\ntime.sleep(600)\n");
        context.close(true);
        PolyglotException e = outcome.get(1, TimeUnit.MINUTES);
        assertTrue(e != null && e.isCancelled(), "the sleep ends with cancellation, not " + e);
    }

    @Test
    void interruptStopsBlockedQueueGetAndJoin() throws Exception {
        try (Context context = Context.newBuilder("mp").build()) {
            for (String code : new String[] {"import queue\nqueue.Queue().get()\n", "import queue\nq = queue.Queue()\nq.put(1)\nq.join()\n"}) {
                CompletableFuture<PolyglotException> outcome = block(context, code);
                context.interrupt(Duration.ofMinutes(1));
                PolyglotException e = outcome.get(1, TimeUnit.MINUTES);
                assertTrue(e != null && e.isInterrupted(), code + " ends with an interrupt, not " + e);
            }
        }
    }

    @Test
    void negativeSleepIsValueError() {
        try (Context context = Context.newBuilder("mp").build()) {
            PolyglotException e = org.junit.jupiter.api.Assertions.assertThrows(PolyglotException.class,
                    () -> context.eval("mp", "import time\ntime.sleep(-1)\n"));
            assertEquals("ValueError: sleep length must be non-negative", e.getMessage());
        }
    }
}
