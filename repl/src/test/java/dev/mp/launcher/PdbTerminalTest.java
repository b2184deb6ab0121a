package dev.mp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code breakpoint()} at a real terminal (tmux), typed at as a person would: the program stops at a {@code (Pdb)}
 * prompt, and the commands show what python3's pdb shows for the same keys (python3 runs the same program in the
 * same way, and the two screens are compared). Each step waits for the next prompt on the screen.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class PdbTerminalTest {
    private static final String PROGRAM = """
            def add(a, b):
                c = a + b
                return c

            def main():
                x = 40
                breakpoint()
                y = add(x, 2)
                print('y is', y)

            main()
            print('end')
            """;

    @TempDir
    Path dir;

    @Test
    void aBreakpointStopsAtThePromptAndStepsAsPdbDoes() throws Exception {
        List<String> keys = List.of("p x", "s", "s", "w", "u", "p x", "d", "a", "", "n", "p c + 1", "r", "n", "c");
        String mp = session(mpCommand("prog.mp"), "prog.mp", keys, Map.of());
        assertTrue(mp.contains("> " + dir.resolve("prog.mp") + "(8)main()\n-> y = add(x, 2)\n(Pdb) p x\n40\n"), mp);
        assertTrue(mp.contains("(Pdb) s\n--Call--\n> " + dir.resolve("prog.mp") + "(1)add()\n-> def add(a, b):\n"), mp);
        assertTrue(mp.endsWith("(Pdb) c\ny is 42\nend\nstatus 0"), mp);
        String python = session(List.of("python3", dir.resolve("prog.py").toString()), "prog.py", keys, Map.of());
        assertEquals(python.replace("prog.py", "prog.mp"), mp);
    }

    @Test
    void quitEndsTheProgramWithBdbQuit() throws Exception {
        String mp = session(mpCommand("prog.mp"), "prog.mp", List.of("n", "q"), Map.of());
        assertTrue(mp.contains("(Pdb) q\nTraceback (most recent call last):\n"), mp);
        assertTrue(mp.endsWith("\nbdb.BdbQuit\nstatus 1"), mp);
    }

    @Test
    void pythonBreakpointZeroTurnsBreakpointsOff() throws Exception {
        String mp = session(mpCommand("prog.mp"), "prog.mp", List.of(), Map.of("PYTHONBREAKPOINT", "0"));
        assertEquals("y is 42\nend\nstatus 0", mp);
    }

    @Test
    void pythonBreakpointNamesTheFunctionToCall() throws Exception {
        Files.writeString(dir.resolve("hooks.mp"), "def hook(*args, **kws):\n    print('hook called', args, kws)\n");
        String mp = session(mpCommand("prog.mp"), "prog.mp", List.of(), Map.of("PYTHONBREAKPOINT", "hooks.hook"));
        assertEquals("hook called () {}\ny is 42\nend\nstatus 0", mp);
    }

    private List<String> mpCommand(String script) {
        List<String> command = new ArrayList<>(LauncherProcessTest.mp().command());
        command.add(dir.resolve(script).toString());
        return command;
    }

    /**
     * Runs {@code command} in a tmux pane with {@code environment}, types each of {@code keys} at the next
     * {@code (Pdb)} prompt, and returns the whole screen once the program has ended, followed by its exit status.
     */
    private String session(List<String> command, String script, List<String> keys, Map<String, String> environment) throws Exception {
        Files.writeString(dir.resolve(script), PROGRAM);
        try (Tmux tmux = new Tmux(dir.resolve("tmux-" + script), command, environment)) {
            int prompts = 0;
            for (String key : keys) {
                prompts++;
                tmux.awaitPrompt(prompts);
                tmux.type(key);
            }
            return tmux.awaitEnd();
        }
    }

    /** A tmux server of one test, with one pane running the program. */
    private static final class Tmux implements AutoCloseable {
        private final Path work;
        private final Path socket;

        Tmux(Path work, List<String> command, Map<String, String> environment) throws Exception {
            this.work = Files.createDirectories(work);
            this.socket = work.resolve("socket");
            StringBuilder start = new StringBuilder("#!/bin/sh\nexport TERM=xterm-256color HOME=").append(quote(work.toString())).append('\n');
            environment.forEach((name, value) -> start.append("export ").append(name).append('=').append(quote(value)).append('\n'));
            start.append("cd ").append(quote(work.getParent().toString())).append('\n');
            for (String arg : command) {
                start.append(quote(arg)).append(' ');
            }
            start.append("\necho status $? > ").append(quote(work.resolve("status").toString())).append("\nexec sleep 600\n");
            Path script = work.resolve("start");
            Files.writeString(script, start);
            script.toFile().setExecutable(true);
            run("new-session", "-d", "-s", "pdb", "-x", "120", "-y", "50", script.toString());
        }

        /** Waits until the screen ends with the {@code count}th {@code (Pdb)} prompt. */
        void awaitPrompt(int count) throws Exception {
            poll(() -> {
                String screen = screen();
                long prompts = screen.lines().filter(line -> line.startsWith("(Pdb)")).count();
                return prompts == count && screen.endsWith("(Pdb)") ? screen : null;
            }, "prompt " + count);
        }

        void type(String line) throws Exception {
            if (!line.isEmpty()) {
                run("send-keys", "-t", "pdb", "-l", line);
            }
            run("send-keys", "-t", "pdb", "Enter");
        }

        /** The screen once the program has ended, and "status N" after it. */
        String awaitEnd() throws Exception {
            Path status = work.resolve("status");
            poll(() -> Files.exists(status) && !Files.readString(status).isBlank() ? "" : null, "the end of the program");
            return screen() + "\n" + Files.readString(status).strip();
        }

        /** The pane's text, wrapped lines joined, trailing blanks dropped. */
        String screen() throws Exception {
            String text = run("capture-pane", "-p", "-J", "-S", "-", "-t", "pdb");
            return text.lines().map(String::stripTrailing).reduce((a, b) -> a + "\n" + b).orElse("").strip();
        }

        private interface Probe {
            String get() throws Exception;
        }

        /** Polls for up to three minutes (a slow start on a busy machine). */
        private void poll(Probe probe, String what) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (System.nanoTime() < deadline) {
                if (probe.get() != null) {
                    return;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("timed out waiting for " + what + "; the screen is:\n" + screen());
        }

        private String run(String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("tmux", "-S", socket.toString(), "-f", "/dev/null"));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException("tmux " + String.join(" ", args) + " failed: " + out);
            }
            return out;
        }

        private static String quote(String s) {
            return "'" + s.replace("'", "'\\''") + "'";
        }

        @Override
        public void close() throws Exception {
            run("kill-server");
        }
    }
}
