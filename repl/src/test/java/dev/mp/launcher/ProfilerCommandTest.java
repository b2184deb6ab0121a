package dev.mp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mp -m cProfile [-s sort] script args}: the program runs as {@code __main__} with its arguments, and the
 * report's rows for its functions are python3's (times masked; python3 also lists builtins, left out here).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ProfilerCommandTest {
    @TempDir
    Path dir;

    @Test
    void cProfileAsAModuleProfilesAScript() throws Exception {
        String program = """
                import sys
                def fib(n):
                    return n if n < 2 else fib(n - 1) + fib(n - 2)
                print(fib(10), sys.argv[1:], __name__)
                """;
        Files.writeString(dir.resolve("script.mp"), program);
        Files.writeString(dir.resolve("script.py"), program);
        String mp = masked(LauncherProcessTest.mp("-m", "cProfile", "-s", "calls", "script.mp", "a", "b").directory(dir.toFile()).start());
        String python = masked(new ProcessBuilder("python3", "-m", "cProfile", "-s", "calls", "script.py", "a", "b").directory(dir.toFile()).start());
        assertEquals(python.replace("script.py", "script.mp"), mp);
        assertEquals(List.of("55 ['a', 'b'] __main__", "   Ordered by: call count"), mp.lines().filter(l -> l.contains("55") || l.contains("Ordered")).toList());
    }

    /** The output with times masked, and the rows of builtins and the call totals (which count them) left out. */
    private static String masked(Process process) throws Exception {
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), out);
        return out.lines().filter(line -> !line.contains("{") && !line.contains("function calls"))
                .map(line -> line.replaceAll("\\d+\\.\\d{3}", "T")).collect(Collectors.joining("\n"));
    }
}
