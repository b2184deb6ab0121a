package dev.mp.runtime.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of issue 20 around starting processes: a script without the main guard (a fork bomb under spawn), the
 * bound on a program tree's processes, {@code os._exit} in a child, a builtin as a target, and an embedder's
 * file source as the main module.
 */
class ProcessHardeningTest {
    @TempDir
    Path dir;

    /** CPython's message (python3 with the spawn start method is the oracle), its indentation included. */
    private static final String BOOTSTRAPPING_ERROR = """
            RuntimeError: \n\
                    An attempt has been made to start a new process before the
                    current process has finished its bootstrapping phase.

                    This probably means that you are not using fork to start your
                    child processes and you have forgotten to use the proper idiom
                    in the main module:

                        if __name__ == '__main__':
                            freeze_support()
                            ...

                    The "freeze_support()" line can be omitted if the program
                    is not going to be frozen to produce an executable.

                    To fix this issue, refer to the "Safe importing of main module"
                    section in https://docs.python.org/3/library/multiprocessing.html
                    \n""";

    /**
     * The child re-runs the script as {@code __mp_main__} and reaches {@code p.start()} again: that raises instead
     * of starting a grandchild (which would do the same, without end), and the parent sees exit code 1.
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void startingAProcessWhileTheChildBootstrapsRaisesAsInCPython() throws IOException {
        ScriptRunner.Result r = ScriptRunner.run(dir, """
                import multiprocessing as m
                ctx = m.get_context('spawn')
                def hello():
                    print('hello')
                p = ctx.Process(target=hello)
                p.start()
                p.join()
                print('exitcode', p.exitcode)
                """);
        assertEquals("exitcode 1\n", r.out());
        assertTrue(r.err().startsWith("Traceback (most recent call last):\n"), r.err());
        assertTrue(r.err().contains("main.mp\", line 6, in <module>\n    p.start()\n"), r.err());
        assertTrue(r.err().endsWith(BOOTSTRAPPING_ERROR), r.err());
        assertEquals(0, r.status());
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aProgramTreeRunsAtMostTheProcessesItsLimitAllows() throws IOException {
        ScriptRunner.Result r = ScriptRunner.run(dir, """
                import multiprocessing as mp

                def wait(e):
                    e.wait()

                if __name__ == '__main__':
                    e = mp.Event()
                    ps = []
                    try:
                        for i in range(3):
                            p = mp.Process(target=wait, args=(e,))
                            p.start()
                            ps.append(p)
                    except OSError as err:
                        print(len(ps), err)
                    e.set()
                    for p in ps:
                        p.join()
                    print([p.exitcode for p in ps])
                """, Map.of("MP_MAX_PROCESSES", "2"));
        assertEquals("""
                2 cannot start a process: this program's process tree already runs 2 mp processes, the limit that the environment variable MP_MAX_PROCESSES sets
                [0, 0]
                """, r.out(), r.err());
        assertEquals("", r.err());
    }

    @Test
    void osExitInAChildGivesItsStatusAtOnce() throws IOException {
        ScriptRunner.Result r = ScriptRunner.run(dir, """
                import multiprocessing as mp
                import os

                def leave():
                    try:
                        os._exit(3)
                    finally:
                        print('not reached')

                if __name__ == '__main__':
                    p = mp.Process(target=leave)
                    p.start()
                    p.join()
                    print('exitcode', p.exitcode)
                """);
        assertEquals("exitcode 3\n", r.out(), r.err());
        assertEquals("", r.err());
    }

    @Test
    void aBuiltinFunctionIsATarget() throws IOException {
        ScriptRunner.Result r = ScriptRunner.run(dir, """
                import multiprocessing as mp
                import time

                if __name__ == '__main__':
                    ps = [mp.Process(target=time.sleep, args=(0.01,)), mp.Process(target=print, args=('from print',))]
                    for p in ps:
                        p.start()
                        p.join()
                    print([p.exitcode for p in ps])
                """);
        assertEquals("from print\n[0, 0]\n", r.out(), r.err());
        assertEquals("", r.err());
    }

    /** Large payloads go through a file of the queue, written and read without a copy of the whole pickle. */
    @Test
    void largeItemsThroughAQueueArriveWhole() throws IOException {
        ScriptRunner.Result r = ScriptRunner.run(dir, """
                import multiprocessing as mp

                def echo(inq, outq):
                    for _ in range(3):
                        outq.put(inq.get())

                if __name__ == '__main__':
                    big = bytes(range(256)) * 12289
                    items = [big, [1, big, 'x' * 2_000_000, big], {'k': bytearray(big)}]
                    inq, outq = mp.Queue(), mp.Queue()
                    p = mp.Process(target=echo, args=(inq, outq))
                    p.start()
                    for item in items:
                        inq.put(item)
                    back = [outq.get() for _ in items]
                    p.join()
                    print(back == items, back[1][1] is back[1][3], len(back[0]), p.exitcode)
                """);
        assertEquals("True True 3145984 0\n", r.out(), r.err());
        assertEquals("", r.err());
    }

    /** An embedder evaluates a file source (no mp.Main): the child re-runs that file to find the target. */
    @Test
    void anEmbeddersFileSourceStartsAProcess() throws IOException {
        Path script = dir.resolve("hosted.mp");
        Files.writeString(script, """
                import multiprocessing as mp

                def hello(name):
                    print('hello', name)

                if __name__ == '__main__':
                    p = mp.Process(target=hello, args=('bob',))
                    p.start()
                    p.join()
                    print('exitcode', p.exitcode)
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("mp").out(out).err(err).allowAllAccess(true).build()) {
            context.eval(Source.newBuilder("mp", script.toFile()).build());
        }
        assertEquals("hello bob\nexitcode 0\n", out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }
    /**
     * terminate() at every point of a child's boot, with both processors kept busy: the child ends with exit code
     * -15 and no JVM text on standard error (a JVM that gets SIGTERM while it initialises prints some).
     */
    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void childrenTerminatedWhileBootingEndQuietlyUnderLoad() throws Exception {
        // No standbys: every Process boots a JVM of its own, so terminate() meets it booting.
        System.setProperty("mp.standby.max", "0");
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.List<Thread> busy = new java.util.ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            Thread t = new Thread(() -> {
                long x = 0;
                while (!stop.get()) {
                    x += System.nanoTime() & 1;
                }
            });
            t.setDaemon(true);
            t.start();
            busy.add(t);
        }
        try {
            ScriptRunner.Result r = ScriptRunner.run(dir, """
                    import multiprocessing as mp
                    import time

                    def work():
                        time.sleep(60)

                    if __name__ == '__main__':
                        codes = []
                        for i in range(24):
                            p = mp.Process(target=work, daemon=i % 2 == 0)
                            p.start()
                            # The first 0.2 s: the JVM initialises; later: the runtime loads.
                            time.sleep(i * 0.01 if i < 20 else i * 0.1)
                            p.terminate()
                            p.join()
                            codes.append(p.exitcode)
                        print(codes)
                        # Daemonic children still booting when the program ends are terminated by its exit.
                        for i in range(4):
                            mp.Process(target=work, daemon=True).start()
                    """);
            assertEquals("[" + String.join(", ", java.util.Collections.nCopies(24, "-15")) + "]\n", r.out(), r.err());
            assertEquals("", r.err());
        } finally {
            stop.set(true);
            System.clearProperty("mp.standby.max");
            for (Thread t : busy) {
                t.join();
            }
        }
    }
}
