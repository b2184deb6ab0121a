package dev.mp.runtime.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedder's policies, each broken rule a clear mp exception or polyglot outcome: file access, the
 * statement limit, interrupting and cancelling a running script, and the CONSTRAINED sandbox.
 */
class PoliciesTest {
    private final ExecutorService runner = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopRunner() {
        runner.shutdownNow();
    }

    /** What a script catching {@code OSError} around {@code action} reports: "Type: message". */
    private static String osErrorOf(Context context, String action) {
        return context.eval("mp", "try:\n    " + action + "\n    r = 'no error'\nexcept OSError as e:\n    r = f'{type(e).__name__}: {e}'\nr").asString();
    }

    @Test
    void withoutIoFilesAreAPermissionError(@TempDir Path dir) throws IOException {
        Path existing = Files.writeString(dir.resolve("data.txt"), "secret");
        String path = existing.toString().replace("\\", "/");
        try (Context context = Context.newBuilder("mp").allowIO(IOAccess.NONE).build()) {
            assertEquals("PermissionError: [Errno 1] Operation not permitted: '" + path + "'", osErrorOf(context, "open('" + path + "')"));
            assertEquals("PermissionError: [Errno 1] Operation not permitted: '" + path + "'", osErrorOf(context, "open('" + path + "', 'w')"));
            assertEquals("ModuleNotFoundError: No module named 'data'", context.eval("mp",
                    "try:\n    import data\nexcept ImportError as e:\n    r = f'{type(e).__name__}: {e}'\nr").asString(),
                    "a directory the policy hides is not searched");
            assertEquals("[1]", context.eval("mp", "import json\njson.dumps([1])").asString(), "modules that need no files still import");
        }
        assertEquals("secret", Files.readString(existing));
        try (Context context = Context.newBuilder("mp").allowIO(IOAccess.ALL).build()) {
            assertEquals("secret", context.eval("mp", "with open('" + path + "') as f:\n    r = f.read()\nr").asString());
        }
    }

    @Test
    void theEnvironmentIsSeenOnlyWhenAllowed() {
        try (Context context = Context.newBuilder("mp").environment("MP_PATH", "/opt/mp-lib").build()) {
            assertEquals("True", context.eval("mp", "import sys\nstr('/opt/mp-lib' in sys.path)").asString());
        }
    }

    @Test
    void theStatementLimitStopsARunawayScript() {
        ResourceLimits limits = ResourceLimits.newBuilder().statementLimit(500, null).build();
        Context limited = Context.newBuilder("mp").resourceLimits(limits).build();
        PolyglotException e = assertThrows(PolyglotException.class, () -> limited.eval("mp", "n = 0\nwhile True:\n    n += 1\n"));
        assertTrue(e.isResourceExhausted());
        assertTrue(e.isCancelled());
        assertTrue(assertThrows(PolyglotException.class, limited::close).isCancelled(), "closing reports the cancellation");
        try (Context context = Context.newBuilder("mp").resourceLimits(limits).build()) {
            assertEquals(45, context.eval("mp", "t = 0\nfor i in range(10):\n    t += i\nt").asInt(), "a script under the limit runs");
        }
    }

    @Test
    void theStatementLimitCountsStatementsInFunctionsToo() {
        ResourceLimits limits = ResourceLimits.newBuilder().statementLimit(500, null).build();
        Context limited = Context.newBuilder("mp").resourceLimits(limits).build();
        PolyglotException e = assertThrows(PolyglotException.class,
                () -> limited.eval("mp", "def step(n):\n    return n + 1\nn = 0\nfor i in range(100000):\n    n = step(n)\n"));
        assertTrue(e.isResourceExhausted());
        assertThrows(PolyglotException.class, limited::close);
    }

    /** Starts {@code code} on the runner thread; returns once the script has called {@code started()}. */
    private Future<?> startSpinning(Context context, String code) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        context.getBindings("mp").putMember("started", (Runnable) started::countDown);
        Future<?> running = runner.submit(() -> context.eval("mp", code));
        started.await();
        return running;
    }

    private static PolyglotException failureOf(Future<?> running) throws InterruptedException {
        ExecutionException e = assertThrows(ExecutionException.class, running::get);
        return assertInstanceOf(PolyglotException.class, e.getCause());
    }

    @Test
    void interruptStopsARunningScriptAndTheContextStaysUsable() throws Exception {
        try (Context context = Context.newBuilder("mp").allowHostAccess(HostAccess.ALL).build()) {
            Future<?> running = startSpinning(context, "started()\nwhile True:\n    pass\n");
            context.interrupt(Duration.ofMinutes(5));
            PolyglotException e = failureOf(running);
            assertTrue(e.isInterrupted());
            assertEquals(2, context.eval("mp", "1 + 1").asInt());
        }
    }

    @Test
    void closingWithCancelStopsARunningScript() throws Exception {
        Context context = Context.newBuilder("mp").allowHostAccess(HostAccess.ALL).build();
        Future<?> running = startSpinning(context, "def spin():\n    while True:\n        pass\nstarted()\nspin()\n");
        context.close(true);
        PolyglotException e = failureOf(running);
        assertTrue(e.isCancelled());
        assertTrue(assertThrows(PolyglotException.class, () -> context.eval("mp", "1")).isCancelled(), "a closed context runs nothing");
    }

    @Test
    void theConstrainedSandboxRunsScriptsAndRefusesFilesAndJava() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("mp").sandbox(SandboxPolicy.CONSTRAINED).out(out).err(out).build()) {
            context.eval("mp", """
                    import java, json
                    print('sum', sum(range(10)), json.dumps({'ok': True}))
                    try:
                        open('/etc/hostname')
                    except PermissionError as e:
                        print('open:', e)
                    try:
                        java.type('java.lang.System')
                    except PermissionError as e:
                        print('java:', type(e).__name__)
                    """);
        }
        assertEquals("sum 45 {\"ok\": true}\nopen: [Errno 1] Operation not permitted: '/etc/hostname'\njava: PermissionError\n",
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theConstrainedSandboxRefusesAContextThatWouldLeakToTheProcessStreams() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Context.newBuilder("mp").sandbox(SandboxPolicy.CONSTRAINED).build());
        assertFalse(e.getMessage().isEmpty());
    }
}
