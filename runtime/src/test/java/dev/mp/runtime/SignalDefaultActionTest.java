package dev.mp.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.mp.runtime.multiprocessing.ScriptMain;

/**
 * {@code signal.raise_signal} of a signal left to its default action ends the process by that signal, as in
 * CPython, also for a signal the JVM has no handler of its own for (SIGUSR1 raised a Java IllegalArgumentException,
 * found by the fuzzer). The program runs in a JVM of its own, since the signal ends it.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SignalDefaultActionTest {
    @Test
    void raisingSigusr1WithoutAHandlerEndsTheProcessByIt(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("main.mp");
        Files.writeString(script, "import signal\nprint('before', flush=True)\nsignal.raise_signal(signal.SIGUSR1)\nprint('after')\n");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xss16m",
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Dpolyglot.engine.WarnInterpreterOnly=false",
                "-cp", System.getProperty("java.class.path"), ScriptMain.class.getName(), script.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(4, TimeUnit.MINUTES));
        assertEquals("before\n", out);
        assertEquals("", err);
        assertEquals(128 + 10, p.exitValue()); // killed by SIGUSR1, as the shell reports it
    }
}
