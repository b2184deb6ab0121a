package dev.mp.runtime.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm pool of child JVMs: importing multiprocessing launches a standby and every Process runs in one that was
 * waiting before its start, a standby launched with another environment is not used, and closing the context ends
 * the standbys.
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
