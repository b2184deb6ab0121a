package dev.mp.runtime.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SandboxPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The embedder's policies hold for multiprocessing: no processes and no shared memory unless allowed, none under
 * the CONSTRAINED sandbox, and interrupting or cancelling a script ends the processes it started.
 */
class MultiprocessingPolicyTest {
    private static final String PROGRAM = """
            import multiprocessing as mp
            for make in (mp.Lock, mp.Queue, mp.Event, mp.Pipe, lambda: mp.Value('i', 0)):
                try:
                    make()
                    print('made')
                except PermissionError as e:
                    print('PermissionError:', e)
            try:
                mp.Process(target=print).start()
            except PermissionError as e:
                print('PermissionError:', e)
            """;

    private static String run(Context.Builder builder) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = builder.out(out).build()) {
            context.eval("mp", PROGRAM);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutNativeAccessOrProcessCreationBothAreRefusedNamingThePolicy() {
        String shm = "PermissionError: shared memory is not allowed by the embedder's policy (Context.Builder.allowNativeAccess)\n";
        assertEquals(shm.repeat(5)
                + "PermissionError: cannot start a process: process creation is not allowed by the embedder's policy"
                + " (Context.Builder.allowCreateProcess)\n", run(Context.newBuilder("mp")));
    }

    @Test
    void nativeAccessAloneAllowsPrimitivesButNotProcesses() {
        String out = run(Context.newBuilder("mp").allowNativeAccess(true));
        assertEquals("made\n".repeat(5) + "PermissionError: cannot start a process: process creation is not allowed by the"
                + " embedder's policy (Context.Builder.allowCreateProcess)\n", out);
    }

    @Test
    void theConstrainedSandboxRefusesProcessesCleanly() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("mp").sandbox(SandboxPolicy.CONSTRAINED).out(out).err(out).build()) {
            context.eval("mp", PROGRAM);
        }
        assertEquals("PermissionError: shared memory is not allowed by the embedder's policy (Context.Builder.allowNativeAccess)\n".repeat(5)
                + "PermissionError: cannot start a process: process creation is not allowed by the embedder's policy"
                + " (Context.Builder.allowCreateProcess)\n", out.toString(StandardCharsets.UTF_8));
    }

    /** A script that starts a child sleeping for a minute, reports the child's pid, and spins. */
    private static final String STARTS_A_CHILD_AND_SPINS = """
            from multiprocessing import Process
            import time

            def sleep_long():
                time.sleep(60)

            p = Process(target=sleep_long)
            p.start()
            started(p.pid)
            while True:
                pass
            """;

    /** Evaluates {@link #STARTS_A_CHILD_AND_SPINS} on another thread; returns the child's pid once it runs. */
    private static long startChildAndSpin(Context context, ExecutorService runner, Future<?>[] running) throws Exception {
        CompletableFuture<Long> pid = new CompletableFuture<>();
        context.getBindings("mp").putMember("started", (java.util.function.LongConsumer) pid::complete);
        running[0] = runner.submit(() -> context.eval("mp", STARTS_A_CHILD_AND_SPINS));
        return pid.get(120, TimeUnit.SECONDS);
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void interruptingTheScriptTerminatesItsChildren() throws Exception {
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try (Context context = Context.newBuilder("mp").allowAllAccess(true).build()) {
            Future<?>[] running = new Future<?>[1];
            long pid = startChildAndSpin(context, runner, running);
            context.interrupt(Duration.ofMinutes(1));
            ExecutionException e = assertThrows(ExecutionException.class, running[0]::get);
            assertTrue(((PolyglotException) e.getCause()).isInterrupted());
            assertEquals(-15, context.eval("mp", "p.join(30); p.exitcode").asInt(), "SIGTERM, as terminate() sends");
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        } finally {
            runner.shutdownNow();
        }
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void closingWithCancelTerminatesTheChildren() throws Exception {
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Context context = Context.newBuilder("mp").allowAllAccess(true).build();
            Future<?>[] running = new Future<?>[1];
            long pid = startChildAndSpin(context, runner, running);
            context.close(true);
            ExecutionException e = assertThrows(ExecutionException.class, running[0]::get);
            assertTrue(((PolyglotException) e.getCause()).isCancelled());
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "close(true) returned with the child alive");
        } finally {
            runner.shutdownNow();
        }
    }
}
