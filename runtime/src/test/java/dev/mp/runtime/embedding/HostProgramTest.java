package dev.mp.runtime.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
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
        assertOnlySlf4jsWarningAboutNoProvider(run.err());
    }

    /**
     * The host binds no slf4j provider, so slf4j warns once, in the host. Its child processes log nowhere either, and
     * say nothing about it: their standard error is the script's.
     */
    private static void assertOnlySlf4jsWarningAboutNoProvider(String err) {
        assertTrue(err.lines().allMatch(line -> line.startsWith("SLF4J(W): ")), err);
        assertEquals(1, err.lines().filter(line -> line.contains("No SLF4J providers were found")).count(), err);
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

    /**
     * An application shipped as one fat jar (everything merged, service files concatenated, as the shade plugin
     * does): the host's class path is that jar alone, and the children of its scripts still start, from the jar the
     * runtime's classes were loaded from.
     */
    @Test
    void hostExampleFromAFatJar() throws Exception {
        Path fatJar = temp.resolve("application.jar");
        mergeIntoOneJar(runtimePath().split(File.pathSeparator), fatJar);
        Run run = java(List.of("--enable-native-access=ALL-UNNAMED", "-cp", fatJar.toString()), HOST_EXAMPLE);
        assertEquals(0, run.status(), run.err());
        assertEquals(HOST_EXAMPLE_OUTPUT, run.out());
        assertOnlySlf4jsWarningAboutNoProvider(run.err());
    }

    private static void mergeIntoOneJar(String[] entries, Path jar) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, StringBuilder> services = new LinkedHashMap<>();
        for (String entry : entries) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                try (var walk = Files.walk(path)) {
                    for (Path file : walk.filter(Files::isRegularFile).toList()) {
                        addToFatJar(path.relativize(file).toString().replace(File.separatorChar, '/'), Files.readAllBytes(file), files, services);
                    }
                }
            } else {
                try (JarFile source = new JarFile(path.toFile())) {
                    for (JarEntry e : Collections.list(source.entries())) {
                        if (!e.isDirectory()) {
                            addToFatJar(e.getName(), source.getInputStream(e).readAllBytes(), files, services);
                        }
                    }
                }
            }
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        // Truffle ships classes for newer JDKs under META-INF/versions.
        manifest.getMainAttributes().put(Attributes.Name.MULTI_RELEASE, "true");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                out.putNextEntry(new JarEntry(file.getKey()));
                out.write(file.getValue());
            }
            for (Map.Entry<String, StringBuilder> service : services.entrySet()) {
                out.putNextEntry(new JarEntry(service.getKey()));
                out.write(service.getValue().toString().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void addToFatJar(String name, byte[] content, Map<String, byte[]> files, Map<String, StringBuilder> services) {
        if (name.equals("META-INF/MANIFEST.MF") || name.matches("META-INF/[^/]+\\.(SF|RSA|DSA)") || name.endsWith("module-info.class")) {
            return;
        }
        if (name.startsWith("META-INF/services/")) {
            services.computeIfAbsent(name, n -> new StringBuilder()).append(new String(content, StandardCharsets.UTF_8)).append('\n');
        } else {
            files.putIfAbsent(name, content);
        }
    }
}
