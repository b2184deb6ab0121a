package dev.mp.runtime.multiprocessing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;

/** Runs an mp program as a main module in this JVM, capturing its output; its child processes are real JVMs. */
final class ScriptRunner {
    private ScriptRunner() {
    }

    record Result(String out, String err, int status) {
    }

    /** Writes {@code code} to a file in {@code dir} (children re-run the script from its path) and runs it. */
    static Result run(Path dir, String code) throws IOException {
        return run(dir, code, java.util.Map.of());
    }

    /** As {@link #run(Path, String)}, with {@code environment} added to the program's environment. */
    static Result run(Path dir, String code, java.util.Map<String, String> environment) throws IOException {
        Path script = dir.resolve("main.mp");
        Files.writeString(script, code);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = 0;
        try (Context context = Context.newBuilder("mp").out(out).err(err).option("mp.Main", "true")
                .allowAllAccess(true).environment(environment).build()) {
            context.eval(Source.newBuilder("mp", script.toFile()).build());
        } catch (PolyglotException e) {
            if (!e.isExit()) {
                throw e;
            }
            status = e.getExitStatus();
        }
        return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status);
    }

    /** What a separate JVM wrote and how it ended. */
    record Output(String out, String err, int status) {
    }

    /**
     * Starts {@code command} and collects its standard output and error (read at the same time, so that neither
     * fills its pipe); waits up to five minutes for it to end, then kills it.
     */
    static Output runToEnd(ProcessBuilder command) throws java.io.IOException, InterruptedException {
        Process p = command.start();
        java.util.concurrent.CompletableFuture<String> err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                return e.toString();
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor();
        }
        return new Output(out, err.join(), p.exitValue());
    }

    /** A command that runs {@code script} as the mp launcher does, in a JVM of its own (see {@link ScriptMain}). */
    static ProcessBuilder separateJvm(Path script) {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Dpolyglot.engine.WarnInterpreterOnly=false", "-cp", System.getProperty("java.class.path"),
                ScriptMain.class.getName(), script.toString());
    }
}
