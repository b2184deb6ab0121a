package dev.mp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs {@code src/test/tmux/repl-session.sh}: a session in a real terminal (tmux), driven as a person would,
 * whose screen must equal {@code repl-session.expected}. The launcher runs from this build's classes.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class TmuxSessionTest {
    @Test
    void aPersonAtATerminalSeesWhatPythonWouldShow() throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", "src/test/tmux/repl-session.sh"));
        command.addAll(LauncherProcessTest.mp().command());
        Process script = new ProcessBuilder(command).redirectErrorStream(true).start();
        String report = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, script.waitFor(), report);
    }
}
