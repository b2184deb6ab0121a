package dev.mp.launcher;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * An mp script running in a JVM of its own, started as {@code bin/mp} starts it (same launcher class and JVM
 * flags, this test's class path). Its standard output is collected line by line as it comes, so a test can
 * wait for what a script that never ends has printed, then stop it with all its child processes.
 */
final class LaunchedScript implements AutoCloseable {
    /** The JVM flags of {@code bin/mp} (which also uses a start-up cache when it has made one; this does not). */
    private static final List<String> LAUNCHER_FLAGS = List.of("-Xss16m", "-XX:+UseSerialGC", "-Xms16m", "-XX:NewSize=10m",
            "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow", "-Dpolyglot.engine.WarnInterpreterOnly=false", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Thread outReader;
    private final Thread errReader;
    private boolean outClosed;

    private LaunchedScript(Process process) {
        this.process = process;
        this.outReader = Thread.ofVirtual().start(this::readOut);
        this.errReader = Thread.ofVirtual().start(() -> copy(process.getErrorStream()));
    }

    /**
     * Starts {@code bin/mp script} in {@code workingDirectory} with the given environment additions (MP_PATH),
     * writing {@code stdin} to its standard input and then closing it.
     */
    static LaunchedScript start(Path script, Path workingDirectory, Map<String, String> env, String stdin) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAUNCHER_FLAGS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.add(script.toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        return new LaunchedScript(process);
    }

    private void readOut() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the process was killed: what it printed so far is kept
        } finally {
            synchronized (this) {
                outClosed = true;
                notifyAll();
            }
        }
    }

    private void copy(InputStream in) {
        try (in) {
            in.transferTo(err);
        } catch (IOException e) {
            // the process was killed
        }
    }

    /** The lines printed so far. */
    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /**
     * Waits until the lines printed so far satisfy {@code done}.
     *
     * @return those lines
     * @throws AssertionError when that does not happen within {@code timeout}, or the output ends first
     */
    synchronized List<String> awaitLines(Predicate<List<String>> done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(lines)) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || outClosed) {
                throw new AssertionError("the script's output does not show that" + (outClosed ? " and has ended" : " after " + timeout)
                        + "; stdout:\n" + String.join("\n", lines) + "\nstderr:\n" + stderr());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return List.copyOf(lines);
    }

    /**
     * Waits for the script to end by itself.
     *
     * @return its exit status
     * @throws AssertionError when it still runs after {@code timeout}
     */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the script still runs after " + timeout + "; stdout:\n" + String.join("\n", lines()));
        }
        outReader.join();
        errReader.join();
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** What the script printed to standard error (complete once it has ended). */
    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Kills the script and every process it started. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        process.waitFor();
        children.forEach(ProcessHandle::destroyForcibly);
        outReader.join();
        errReader.join();
    }
}
