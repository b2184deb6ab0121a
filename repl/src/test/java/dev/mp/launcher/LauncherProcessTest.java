package dev.mp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code mp} command as a process: a program piped to it, Ctrl-C (SIGINT) ending a script, deep recursion,
 * files left open at the end.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LauncherProcessTest {
    @TempDir
    Path dir;

    /** Starts the launcher in a JVM of its own, with the options bin/mp passes. */
    static ProcessBuilder mp(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Dpolyglot.engine.WarnInterpreterOnly=false",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    @Test
    void aProgramPipedToStdinRunsAsAScript() throws Exception {
        Process mp = mp().start();
        mp.getOutputStream().write("print(1)\nx = 2\nx\nprint(x)\n".getBytes(StandardCharsets.UTF_8));
        mp.getOutputStream().close();
        String out = new String(mp.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(mp.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, mp.waitFor(), err);
        assertEquals("1\n2\n", out); // no prompts, no echo: as python3 reads a pipe
    }

    @Test
    void sigintEndsAScriptWithKeyboardInterrupt() throws Exception {
        Path script = dir.resolve("spin.mp");
        Files.writeString(script, "print('spinning')\nwhile True:\n    pass\n");
        Process mp = mp(script.toString()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(mp.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("spinning", out.readLine());
        signalInterrupt(mp);
        String err = new String(mp.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(130, mp.waitFor(), err);
        assertTrue(err.startsWith("Traceback (most recent call last):\n  File \"" + script + "\", line "), err);
        assertTrue(err.endsWith("\nKeyboardInterrupt\n"), err);
    }

    /**
     * Under a raised recursion limit, recursion half a million calls deep answers, as in CPython (which goes a
     * million deep): the program's thread has the stack for it (before, a 512 MB stack ended in RecursionError
     * near 340,000 calls).
     */
    @Test
    void deepRecursionUnderARaisedLimitAnswers() throws Exception {
        Path script = dir.resolve("deep.mp");
        Files.writeString(script, """
                import sys
                sys.setrecursionlimit(600_000)
                def depth(n):
                    return 0 if n == 0 else depth(n - 1) + 1
                print(depth(500_000))
                """);
        Process mp = mp(script.toString()).start();
        String out = new String(mp.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(mp.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, mp.waitFor(), err);
        assertEquals("500000\n", out);
    }

    /**
     * Files a program leaves open keep nothing back when it ends, as CPython flushes them at exit: text, binary,
     * one still referenced from a global and one only the garbage collector could reach; {@code sys.exit} too.
     */
    @Test
    void filesLeftOpenAreFlushedWhenTheProgramEnds() throws Exception {
        Path script = dir.resolve("leave_open.mp");
        Files.writeString(script, """
                import sys
                folder = sys.argv[1]
                kept = open(folder + "/kept.txt", "w")
                kept.write("kept open\\n")
                open(folder + "/dropped.bin", "wb").write(b"dropped")
                def inner():
                    f = open(folder + "/inner.txt", "w")
                    f.write("inner\\n")
                inner()
                sys.exit(3)
                """);
        Process mp = mp(script.toString(), dir.toString()).start();
        String err = new String(mp.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(3, mp.waitFor(), err);
        assertEquals("kept open\n", Files.readString(dir.resolve("kept.txt")));
        assertEquals("dropped", Files.readString(dir.resolve("dropped.bin")));
        assertEquals("inner\n", Files.readString(dir.resolve("inner.txt")));
    }

    /** What Ctrl-C makes the terminal send to the program. */
    static void signalInterrupt(Process process) throws IOException, InterruptedException {
        assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor());
    }
}
