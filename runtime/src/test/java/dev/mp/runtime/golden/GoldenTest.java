package dev.mp.runtime.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.mp.runtime.JavaFrames;
import dev.mp.runtime.OnMpThread;
import dev.mp.runtime.parser.SourceCompiler;

/**
 * Golden-file tests: each {@code golden/NAME.mp} runs as a main program and its stdout must equal
 * {@code NAME.out}; each {@code golden/errors/NAME.mp} must also print {@code NAME.err} to stderr and exit
 * with {@code NAME.code}. Each {@code golden/interactive/NAME.mp} is typed line by line at the interactive
 * prompt, as {@code python3 -i < NAME.mp} does, and stdout and stderr (prompts and tracebacks) must equal
 * {@code NAME.out} and {@code NAME.err}. The expected files are CPython's output (see
 * {@code golden/regenerate.sh}), so adding a case means adding a program and regenerating.
 */
class GoldenTest {
    private static final Path ROOT = Path.of("src/test/resources/golden");

    @TestFactory
    Stream<DynamicTest> programs() throws IOException {
        return cases(ROOT, false);
    }

    @TestFactory
    Stream<DynamicTest> errors() throws IOException {
        return cases(ROOT.resolve("errors"), true);
    }

    @TestFactory
    Stream<DynamicTest> interactive() throws IOException {
        return programs(ROOT.resolve("interactive")).stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            String base = p.getFileName().toString().replaceAll("\\.mp$", "");
            Result r = typeAtPrompt(Files.readString(p));
            assertEquals(Files.readString(p.resolveSibling(base + ".out")), r.out, "stdout of " + p);
            assertEquals(Files.readString(p.resolveSibling(base + ".err")), r.err, "stderr of " + p);
        }));
    }

    private static List<Path> programs(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".mp")).sorted().toList();
        }
    }

    private static Stream<DynamicTest> cases(Path dir, boolean errors) throws IOException {
        return programs(dir).stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p, errors)));
    }

    private static void check(Path program, boolean errors) throws Throwable {
        String base = program.getFileName().toString().replaceAll("\\.mp$", "");
        Path dir = program.getParent();
        // On an MpThread, as bin/mp runs a program: the goldens check the calls without call targets and mp's own
        // call stack (the embedding tests run on plain threads, through call targets).
        Result r = OnMpThread.call(() -> run(program, errors));
        // Before the comparisons: an error program's stderr is compared by its last line only.
        JavaFrames.assertNone(r.out + r.err, program.toString());
        assertEquals(Files.readString(dir.resolve(base + ".out")), r.out, () -> "stdout of " + program + " (its stderr:\n" + r.err + ")");
        if (errors) {
            String expectedErr = Files.readString(dir.resolve(base + ".err"));
            String actualErr = r.err;
            if (expectedErr.strip().lines().count() == 1) {
                List<String> lines = actualErr.strip().lines().toList();
                actualErr = lines.isEmpty() ? "" : lines.get(lines.size() - 1) + "\n";
            }
            assertEquals(expectedErr, actualErr, "stderr of " + program);
            assertEquals(Integer.parseInt(Files.readString(dir.resolve(base + ".code")).strip()), r.status, "exit status of " + program);
        } else {
            assertEquals("", r.err, "stderr of " + program);
            assertEquals(0, r.status, "exit status of " + program);
        }
    }

    private record Result(String out, String err, int status) {
    }

    /**
     * Types {@code program} at the prompt as CPython's interactive loop reads a non-terminal stdin: the prompt
     * ({@code >>> }, or {@code ... } while the statement is unfinished) goes to stderr, each finished statement
     * runs as an interactive source, and the end of input writes a newline to stderr.
     */
    static Result typeAtPrompt(String program) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = 0;
        try (Context context = Context.newBuilder("mp").out(out).err(err).arguments("mp", new String[] {""})
                .allowIO(org.graalvm.polyglot.io.IOAccess.ALL).build()) {
            List<String> lines = program.lines().toList();
            String statement = "";
            int next = 0;
            while (true) {
                err.writeBytes((statement.isEmpty() ? ">>> " : "... ").getBytes(StandardCharsets.UTF_8));
                if (next == lines.size()) {
                    err.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
                    break;
                }
                statement = statement.isEmpty() ? lines.get(next++) : statement + "\n" + lines.get(next++);
                if (SourceCompiler.isIncomplete(statement)) {
                    continue;
                }
                if (!statement.isBlank()) {
                    context.eval(Source.newBuilder("mp", statement, "<stdin>").interactive(true).cached(false).buildLiteral());
                }
                statement = "";
            }
        } catch (PolyglotException e) {
            if (!e.isExit()) {
                throw e;
            }
            status = e.getExitStatus();
        }
        return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status);
    }

    /**
     * Runs a program as a main module. Error programs are named by their file name, as the expected tracebacks
     * are; the others by their path, so the child processes they start can run the script again.
     */
    static Result run(Path program, boolean namedByFileName) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = 0;
        Source source = namedByFileName
                ? Source.newBuilder("mp", Files.readString(program), program.getFileName().toString()).build()
                : Source.newBuilder("mp", program.toAbsolutePath().toFile()).build();
        try (Context context = Context.newBuilder("mp").out(out).err(err).option("mp.Main", "true")
                .allowIO(org.graalvm.polyglot.io.IOAccess.ALL).allowCreateProcess(true).allowNativeAccess(true).allowCreateThread(true).build()) {
            context.eval(source);
        } catch (PolyglotException e) {
            if (!e.isExit()) {
                throw e;
            }
            status = e.getExitStatus();
        }
        return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status);
    }
}
