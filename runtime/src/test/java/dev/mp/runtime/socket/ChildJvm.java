package dev.mp.runtime.socket;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A child JVM running a test's main class on this JVM's class path, with its stdout lines queued for the
 * test to {@link #expect}. Its stderr goes to ours. Closing it kills it.
 */
public class ChildJvm implements AutoCloseable {
    final Process process;
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    public ChildJvm(Class<?> mainClass, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Set<String> cp = new LinkedHashSet<>();
        cp.add(System.getProperty("java.class.path"));
        // Under the JUnit console launcher our classes are not on java.class.path; add where they come from.
        for (Class<?> c : List.of(mainClass, NativeSocket.class)) {
            try {
                cp.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (Exception ignored) { /* keep java.class.path only */ }
        }
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-Dpolyglot.engine.WarnInterpreterOnly=false",
                "-cp", String.join(File.pathSeparator, cp), mainClass.getName()));
        cmd.addAll(List.of(args));
        process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) lines.add(line);
            } catch (IOException ignored) { /* process gone */ }
            lines.add("<EOF>");
        });
        t.setDaemon(true);
        t.start();
    }

    /** The child's next stdout line, which must start with {@code prefix}. */
    public String expect(String prefix) throws InterruptedException {
        String line = lines.poll(60, TimeUnit.SECONDS);
        assertNotNull(line, "child did not answer within 60 s (expected " + prefix + ")");
        assertTrue(line.startsWith(prefix), "expected '" + prefix + "' from child, got: " + line);
        return line;
    }

    public int waitExit() throws InterruptedException {
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "child did not exit");
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /** Inode of the socket behind our fd, from /proc/self/fd (e.g. "socket:[12345]"). */
    public static String fdTarget(int fd) throws IOException {
        return Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
    }

    /** All of this process's fds that refer to the given socket inode. */
    public static Set<String> fdsReferring(String target) throws IOException {
        Set<String> out = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path p : (Iterable<Path>) fds::iterator) {
                try {
                    if (Files.readSymbolicLink(p).toString().equals(target)) out.add(p.getFileName().toString());
                } catch (IOException ignored) { /* fd closed meanwhile */ }
            }
        }
        return out;
    }
}
