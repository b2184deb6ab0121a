package dev.mp.runtime.compiler;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the benchmark kernels and a program through most node kinds under Truffle's optimizing runtime with the Graal
 * compiler (JVMCI), with compilation thresholds lowered so that every hot function and loop is compiled during a short
 * run, compilation in the foreground, and any compilation failure (a bailout, a node the compiler cannot handle) fatal.
 * A node that the compiler cannot compile is a bug, and this is where it shows.
 */
class CompilationTest {
    private static final Path GRAAL = Path.of("target", "graal");

    @Test
    void computeKernelsCompileWithoutBailouts() throws Exception {
        String log = runCompiled(Path.of("..", "bench", "programs", "compute.py"));
        for (String function : List.of("fib", "loops", "strings", "dicts")) {
            assertTrue(log.contains("opt done") && log.matches("(?s).*opt done[^\n]*\\b" + function + "\\b.*"),
                    function + " was not compiled:\n" + log);
        }
    }

    @Test
    void languageKernelsCompileWithoutBailouts() throws Exception {
        String log = runCompiled(Path.of("src", "test", "resources", "compiler", "language.mp"));
        for (String function : List.of("methods", "exceptions", "closures", "add", "bump")) {
            assertTrue(log.matches("(?s).*opt done[^\n]*\\b" + function + "\\b.*"), function + " was not compiled:\n" + log);
        }
    }

    /** Runs {@code program} in a JVM with the compiler; returns the compilation trace, having checked that nothing failed. */
    private static String runCompiled(Path program) throws IOException, InterruptedException {
        String javaVersion = System.getProperty("java.version");
        assertTrue(Files.isRegularFile(GRAAL.resolve("compiler.jar")), "no Graal compiler in " + GRAAL.toAbsolutePath());
        Path trace = Files.createTempFile("mp-compilation", ".log");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+UnlockExperimentalVMOptions");
        cmd.add("-XX:+EnableJVMCI");
        cmd.add("--upgrade-module-path=" + String.join(File.pathSeparator, GRAAL.resolve("compiler.jar").toString(),
                GRAAL.resolve("truffle-compiler.jar").toString(), GRAAL.resolve("collections.jar").toString(), GRAAL.resolve("word.jar").toString()));
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("--sun-misc-unsafe-memory-access=allow");
        cmd.add("-Xss16m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path") + File.pathSeparator + GRAAL.resolve("truffle-runtime.jar"));
        cmd.add(CompiledRun.class.getName());
        cmd.add(program.toString());
        cmd.add(trace.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.MINUTES), "the compiled run did not end");
        String log = Files.readString(trace);
        Files.deleteIfExists(trace);
        assertEquals(0, p.exitValue(), "the compiled run failed (JDK " + javaVersion + "; the compiler must be the release for this JDK's JVMCI, "
                + "see graal.compiler.version in pom.xml):\n" + output + "\n" + log);
        assertFalse(log.contains("opt failed"), "a compilation failed:\n" + log);
        assertFalse(output.contains("Traceback"), output);
        assertFalse(output.contains("fallback runtime"), "the engine ran without the compiler:\n" + output);
        return log;
    }
}
