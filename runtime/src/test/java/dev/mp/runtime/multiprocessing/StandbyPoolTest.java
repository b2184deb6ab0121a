package dev.mp.runtime.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm pool of child JVMs: importing multiprocessing launches a standby and the first Process runs in it; a
 * first start launches its replacement only after a delay (a program that ends before launches none), a second
 * start launches one more; a standby launched with another environment is not used; closing the context ends the
 * standbys. How many JVMs the pool launched is read from {@code _multiprocessing.standby_launches()}; tests that
 * count set the delay to ten minutes, so that what they count does not depend on timing.
 *
 * <p>Whether a child was a standby is read from the clock, not measured: the child reports when its JVM process
 * started (/proc/self/stat, in clock ticks since boot) and the parent when it called start() (/proc/uptime).
 */
class StandbyPoolTest {
    @TempDir
    Path dir;

    private static final String PROGRAM = """
            import multiprocessing as mp
            import os
            import time

            def started_ticks():
                with open('/proc/self/stat') as f:
                    return int(f.read().rsplit(')', 1)[1].split()[19])

            def report(q):
                q.put((started_ticks(), os.environ.get('MP_STANDBY_TEST')))

            def run_one(q):
                time.sleep(0.5)   # the import or the previous start launched a standby; let it be older than this start
                with open('/proc/uptime') as f:
                    start_ticks = int(float(f.read().split()[0]) * 100)
                p = mp.Process(target=report, args=(q,))
                p.start()
                ticks, mark = q.get()
                p.join()
                return ('standby' if ticks < start_ticks else 'fresh'), mark

            if __name__ == '__main__':
                q = mp.Queue()
                print(run_one(q)[0])
                print(*run_one(q))
                CHANGE
                print(*run_one(q))
            """;

    @Test
    void processesRunInStandbys() throws IOException {
        ScriptRunner.Result r = ScriptRunner.run(dir, PROGRAM.replace("CHANGE", "pass"));
        assertEquals("standby\nstandby None\nstandby None\n", r.out(), r.err());
    }

    @Test
    void aStandbyLaunchedWithAnotherEnvironmentIsNotUsed() throws IOException {
        ScriptRunner.Result r = ScriptRunner.run(dir, PROGRAM.replace("CHANGE", "os.environ['MP_STANDBY_TEST'] = 'changed'"));
        assertEquals("standby\nstandby None\nfresh changed\n", r.out(), r.err());
    }

    private static final String COUNTING = """
            import multiprocessing as mp
            import _multiprocessing

            def work(n):
                return n * 2

            if __name__ == '__main__':
                mp.set_start_method('METHOD')
                launched = [_multiprocessing.standby_launches()]
                for i in range(STARTS):
                    p = mp.Process(target=work, args=(21,))
                    p.start()
                    p.join()
                    launched.append(_multiprocessing.standby_launches())
                print(launched)
            """;

    private static String counting(String method, int starts) {
        return COUNTING.replace("METHOD", method).replace("STARTS", Integer.toString(starts));
    }

    /** The launches after the import and after each start and join, run in this JVM. */
    private String launchesOf(String method, int starts) throws IOException {
        System.setProperty("mp.standby.delayMillis", "600000");
        try {
            ScriptRunner.Result r = ScriptRunner.run(dir, counting(method, starts));
            assertEquals(0, r.status(), r.err());
            return r.out().strip();
        } finally {
            System.clearProperty("mp.standby.delayMillis");
        }
    }

    /**
     * As {@link #launchesOf}, run in a JVM of its own writing to its own standard streams: forkserver recycles
     * JVMs only there (see {@link ChildProcess#start}).
     */
    private String launchesInOwnJvm(String method, int starts) throws IOException, InterruptedException {
        Path script = dir.resolve("main.mp");
        Files.writeString(script, counting(method, starts));
        Process p = ScriptRunner.separateJvm(script).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        return out.strip();
    }

    /**
     * The standby the import launched runs the one Process; the replacement that waits for its delay is never
     * launched (the program ends first).
     */
    @Test
    void aProgramThatStartsOneProcessLaunchesOneJvm() throws IOException, InterruptedException {
        assertEquals("[1, 1]", launchesOf("spawn", 1));
        assertEquals("[1, 1]", launchesInOwnJvm("forkserver", 1));
    }

    /**
     * spawn: the second start launches at once the replacement that waited for its delay and takes it, and launches
     * one more for the starts its demand predicts (when a processor is free for it: one is, the first child has
     * ended).
     */
    @Test
    void aSecondStartLaunchesAReplacement() throws IOException {
        int expected = Runtime.getRuntime().availableProcessors() > 1 ? 3 : 2;
        assertEquals("[1, 1, " + expected + "]", launchesOf("spawn", 2));
    }

    /** forkserver: the JVM comes back after each Process, so sequential Processes need no other. */
    @Test
    void forkserverRunsSequentialProcessesInOneJvm() throws IOException, InterruptedException {
        assertEquals("[1, 1, 1, 1, 1]", launchesInOwnJvm("forkserver", 4));
    }

    /** {@code mp.standby.max=0}: no standby; each Process gets a JVM launched at its start. */
    @Test
    void noStandbyWhenTheMaximumIsZero() throws IOException {
        System.setProperty("mp.standby.max", "0");
        try {
            assertEquals("[0, 1, 2]", launchesOf("spawn", 2));
        } finally {
            System.clearProperty("mp.standby.max");
        }
    }

    /** A standby parses the main script while it waits; a script changed since then is read and parsed again. */
    @Test
    void aChildRunsTheMainScriptAsItIsWhenTheTaskComes() throws IOException {
        ScriptRunner.Result r = ScriptRunner.run(dir, """
                import multiprocessing as mp
                import time

                MARK = 'as launched'

                def report(q):
                    q.put(MARK)

                if __name__ == '__main__':
                    q = mp.Queue()
                    p = mp.Process(target=report, args=(q,))
                    p.start()
                    print(q.get())
                    p.join()
                    time.sleep(1)   # the next standby has parsed this file
                    with open(__file__) as f:
                        text = f.read()
                    with open(__file__, 'w') as f:
                        f.write(text.replace("MARK = 'as " + "launched'", "MARK = 'changed'"))
                    p = mp.Process(target=report, args=(q,))
                    p.start()
                    print(q.get())
                    p.join()
                """);
        assertEquals("as launched\nchanged\n", r.out(), r.err());
    }

    @Test
    void closingTheContextEndsTheStandbys() throws IOException {
        ScriptRunner.Result r = ScriptRunner.run(dir, PROGRAM.replace("CHANGE", "pass"));
        assertEquals(0, r.status(), r.err());
        List<ProcessHandle> children = ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().orElse("").contains(ChildMain.class.getName())).toList();
        assertTrue(children.isEmpty(), () -> "child JVMs left: " + children);
    }
}
