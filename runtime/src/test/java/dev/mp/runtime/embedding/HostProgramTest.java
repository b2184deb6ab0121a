package dev.mp.runtime.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Host programs in their own JVM, with exactly the runtime and its dependencies (the build writes them to
 * target/runtime-classpath.txt), on the class path and on the module path. Each program is run by the JDK's
 * source launcher, as the README tells embedders to run scripts/embedding/HostExample.java.
 */
class HostProgramTest {
    private static final Path HOST_EXAMPLE = Path.of("../scripts/embedding/HostExample.java");
    private static final Path MODULE_PATH_CHECK = Path.of("src/test/resources/embedding/ModulePathCheck.java");

    private static final String HOST_EXAMPLE_OUTPUT = """
            total: 11
            placed 2: [2 x apple, 1 x pear]
            cheapest: ['plum', 'apple']
            affordable: 4 pears
            error: KeyError: 'kiwi'
              in <genexpr> at line 5
              in total at line 5
            squares from child processes: [(0, 0), (1, 1), (2, 4)] [0, 0, 0]
            """;

    @TempDir
    Path temp;

    /** The runtime's classes and its runtime dependencies, in the order Maven resolved them. */
    private static String runtimePath() throws IOException {
        String dependencies = Files.readString(Path.of("target/runtime-classpath.txt")).strip();
        return Path.of("target/classes").toAbsolutePath() + File.pathSeparator + dependencies;
    }

    private record Run(int status, String out, String err) {
    }

    private Run java(List<String> options, Path program) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--sun-misc-unsafe-memory-access=allow");
        command.add("-Dpolyglot.engine.WarnInterpreterOnly=false");
        command.addAll(options);
        command.add(program.toString());
        Path out = temp.resolve("out.txt");
        Path err = temp.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        // A guard against a hung child, not a timing assertion.
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the host program did not finish: " + command);
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static List<String> classPath() throws IOException {
        return List.of("--enable-native-access=ALL-UNNAMED", "-cp", runtimePath());
    }

    private static List<String> modulePath() throws IOException {
        return List.of("--enable-native-access=org.graalvm.truffle,dev.mp.runtime", "--module-path", runtimePath(), "--add-modules", "dev.mp.runtime");
    }

    @Test
    void hostExampleOnTheClassPath() throws Exception {
        Run run = java(classPath(), HOST_EXAMPLE);
        assertEquals(0, run.status(), run.err());
        assertEquals(HOST_EXAMPLE_OUTPUT, run.out());
    }

    @Test
    void hostExampleOnTheModulePath() throws Exception {
        Run run = java(modulePath(), HOST_EXAMPLE);
        assertEquals(0, run.status(), run.err());
        assertEquals(HOST_EXAMPLE_OUTPUT, run.out());
    }

    @Test
    void languageAndScriptEngineAreFoundOnTheModulePath() throws Exception {
        Run run = java(modulePath(), MODULE_PATH_CHECK);
        assertEquals(0, run.status(), run.err());
        assertEquals("polyglot: 0-1-2\njsr223: 42 from module dev.mp.runtime\n", run.out());
    }

    @Test
    void onTheClassPathTheRuntimeIsInTheUnnamedModule() throws Exception {
        Run run = java(classPath(), MODULE_PATH_CHECK);
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("polyglot: 0-1-2\njsr223: 42 from module null"), run.out());
    }
}
