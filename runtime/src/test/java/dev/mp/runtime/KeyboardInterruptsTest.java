package dev.mp.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.oracle.truffle.api.TruffleSafepoint;

import dev.mp.runtime.builtins.BuiltinBuilder;
import dev.mp.runtime.objects.PNone;

/**
 * Ctrl-C as KeyboardInterrupt: delivered into running loops and blocked waits, at the prompt and in scripts.
 * An interrupt that never arrives would hang a test; the timeout turns that into a failure.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class KeyboardInterruptsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Context newContext(boolean main) {
        return Context.newBuilder("mp").out(out).err(err).option("mp.Main", Boolean.toString(main)).allowIO(IOAccess.ALL).build();
    }

    private static Source typed(String statement) {
        return Source.newBuilder("mp", statement, "<stdin>").interactive(true).cached(false).buildLiteral();
    }

    /** Runs {@code eval} on another thread and delivers interrupts until it ends (it cannot end otherwise). */
    private static <T> T interrupting(java.util.concurrent.Callable<T> eval) throws Exception {
        Future<T> running = CompletableFuture.supplyAsync(() -> {
            try {
                return eval.call();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        while (!running.isDone()) {
            KeyboardInterrupts.deliver();
            Thread.sleep(20);
        }
        return running.get();
    }

    @Test
    void interruptsALoopAtThePromptAndTheSessionGoesOn() throws Exception {
        try (Context context = newContext(false)) {
            boolean completed = interrupting(() -> context.eval(typed("while True: pass\n")).asBoolean());
            assertFalse(completed);
            assertEquals("Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\nKeyboardInterrupt\n",
                    err.toString(StandardCharsets.UTF_8));
            assertTrue(context.eval(typed("print('after')")).asBoolean());
            assertEquals("after\n", out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void pythonCodeCatchesIt() throws Exception {
        try (Context context = newContext(false)) {
            String program = "try:\n    while True:\n        pass\nexcept KeyboardInterrupt as e:\n    print('caught', type(e).__name__, e.args)\n";
            assertTrue(interrupting(() -> context.eval(typed(program)).asBoolean()));
            assertEquals("caught KeyboardInterrupt ()\n", out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void endsAScriptWithStatus130() throws Exception {
        Context context = newContext(true);
        Source script = Source.newBuilder("mp", "n = 0\nwhile True:\n    n += 1\n", "loop.mp").buildLiteral();
        PolyglotException exit = interrupting(() -> {
            try (context) {
                context.eval(script);
                return null;
            } catch (PolyglotException e) {
                return e;
            }
        });
        assertTrue(exit.isExit());
        assertEquals(130, exit.getExitStatus());
        String traceback = err.toString(StandardCharsets.UTF_8);
        assertTrue(traceback.startsWith("Traceback (most recent call last):\n  File \"loop.mp\", line "), traceback);
        assertTrue(traceback.endsWith("\nKeyboardInterrupt\n"), traceback);
    }

    @Test
    void interruptsABlockedWait() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        try (Context context = newContext(false)) {
            context.initialize("mp");
            context.enter();
            try {
                // A builtin that blocks as time.sleep and queue waits do: interruptibly, polling safepoints.
                MpContext.get(null).mainModule().dict().put("wait_forever", BuiltinBuilder.function("wait_forever", "", a -> {
                    TruffleSafepoint.setBlockedThreadInterruptible(null, CountDownLatch::await, never);
                    return PNone.NONE;
                }));
            } finally {
                context.leave();
            }
            String program = "try:\n    wait_forever()\nexcept KeyboardInterrupt:\n    print('woken')\n";
            assertTrue(interrupting(() -> context.eval(typed(program)).asBoolean()));
            assertEquals("woken\n", out.toString(StandardCharsets.UTF_8));
            assertEquals(1, never.getCount());
        }
    }

    @Test
    void reachesNoContextThatRunsNoCode() {
        try (Context context = newContext(false)) {
            assertTrue(context.eval(typed("x = 1")).asBoolean());
            assertFalse(KeyboardInterrupts.deliver());
            assertTrue(context.eval(typed("for i in range(1000): x += i")).asBoolean());
            assertEquals("", err.toString(StandardCharsets.UTF_8));
        }
    }
}
