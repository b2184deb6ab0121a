package dev.mp.runtime.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The golden programs that use multiprocessing, run as the launcher runs them: in a JVM of their own writing to
 * their own standard streams, where the default start method, forkserver, recycles child JVMs. GoldenTest runs
 * them with an embedder's streams, where every Process gets a JVM of its own (see {@code ChildProcess.start}), so
 * only this test shows that recycled JVMs give CPython's output too.
 */
class GoldenForkserverTest {
    private static final Path ROOT = Path.of("src/test/resources/golden");

    @TestFactory
    Stream<DynamicTest> programs() throws IOException {
        try (Stream<Path> files = Files.list(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".mp")).filter(GoldenForkserverTest::usesChildProcesses).sorted()
                    .toList().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
        }
    }

    private static boolean usesChildProcesses(Path program) {
        try {
            String code = Files.readString(program);
            return code.contains("multiprocessing") || code.contains("concurrent.futures");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void check(Path program) throws IOException, InterruptedException {
        String base = program.getFileName().toString().replaceAll("\\.mp$", "");
        ScriptRunner.Output run = ScriptRunner.runToEnd(ScriptRunner.separateJvm(program.toAbsolutePath()));
        assertEquals(Files.readString(program.resolveSibling(base + ".out")), run.out(), () -> "stdout of " + program + " (its stderr:\n" + run.err() + ")");
        assertEquals("", run.err(), "stderr of " + program);
        assertEquals(0, run.status(), "exit status of " + program);
    }
}
