package dev.mp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedding example project (scripts/embedding) built and run as its README tells a Java developer to, from
 * a copy with nothing built: {@code run -o} (Maven offline, against the local repository where {@code mvn install}
 * put mp's runtime, as bin/mp-test does before these tests) must build it, run the host program, and print nothing
 * on stderr: no JVM, engine or slf4j warning.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class EmbeddingProjectTest {
    @TempDir
    Path dir;

    @Test
    void theExampleProjectBuildsOfflineAndRunsWithoutAWarning() throws Exception {
        Path example = Path.of("../scripts/embedding");
        for (String file : new String[] {"pom.xml", "HostExample.java", "run"}) {
            Files.copy(example.resolve(file), dir.resolve(file));
        }
        ProcessBuilder builder = new ProcessBuilder("sh", dir.resolve("run").toString(), "-o").directory(dir.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("MAVEN_OPTS");
        Process run = builder.start();
        run.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(run.getErrorStream()));
        String out = read(run.getInputStream());
        assertEquals(0, run.waitFor(), out + err.get());
        assertTrue(out.contains("squares from child processes: [(0, 0), (1, 1), (2, 4)]"), out);
        // Maven 3.8 on JDK 25 resets the terminal's colours on stderr as it exits, even in batch mode.
        assertEquals("", err.get().replace("\u001b[0m", ""));
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
