package dev.mp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * python3's command-line flags given to the {@code mp} command. Each expected output is what python3 3.11
 * printed for the same command line over the same files (with {@code .py} for {@code .mp}), with its name
 * ({@code python3}, {@code python}) replaced by {@code mp}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LauncherFlagsTest {
    @TempDir
    Path dir;

    /** What a run printed and its exit status. */
    record Run(String out, String err, int status) {
    }

    @BeforeEach
    void files() throws IOException {
        Files.createDirectories(dir.resolve("pkg"));
        Files.writeString(dir.resolve("pkg/__init__.mp"), "print('init', __name__)\n");
        Files.writeString(dir.resolve("pkg/mod.mp"), "import sys\nfrom . import helper\nprint('mod', __name__, __package__, sys.argv[1:], helper.VALUE)\n");
        Files.writeString(dir.resolve("pkg/helper.mp"), "VALUE = 42\n");
        Files.writeString(dir.resolve("pkg/__main__.mp"), "import sys\nprint('main of pkg', __name__, sys.argv[1:])\n");
        Files.createDirectories(dir.resolve("app"));
        Files.writeString(dir.resolve("app/__main__.mp"), "import util\nprint('app', __name__, util.NAME)\n");
        Files.writeString(dir.resolve("app/util.mp"), "NAME = 'util'\n");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve("app.zip")))) {
            for (String name : new String[] {"__main__.mp", "util.mp"}) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(Files.readAllBytes(dir.resolve("app").resolve(name)));
                zip.closeEntry();
            }
        }
    }

    private Run mp(String stdin, String... args) throws Exception {
        return run(dir, stdin, args);
    }

    /** Runs the launcher in {@code directory} with {@code stdin} as its input; what it printed and its status. */
    static Run run(Path directory, String stdin, String... args) throws Exception {
        Process process = LauncherProcessTest.mp(args).directory(directory.toFile()).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String out = read(process.getInputStream());
        return new Run(out, err.get(), process.waitFor());
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final String TRY = "usage: mp [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `mp -h' for more information.\n";

    @Test
    void badUsageGetsTheShortUsageAndStatus2() throws Exception {
        assertEquals(new Run("", "Unknown option: -Z\n" + TRY, 2), mp("", "-Z"));
        assertEquals(new Run("", "Argument expected for the -c option\n" + TRY, 2), mp("", "-c"));
        Run unknownLong = mp("", "--foo", "-c", "pass");
        assertEquals(2, unknownLong.status());
        assertTrue(unknownLong.err().startsWith("unknown option --foo\n" + TRY), unknownLong.err());
    }

    @Test
    void flagsThatChangeNothingInMpAreAccepted() throws Exception {
        assertEquals(new Run("['-c', 'a', '-i']\n", "", 0),
                mp("", "-uBsSEOq", "-W", "ignore", "-Xdev", "-bd", "--check-hash-based-pycs", "never", "-c", "import sys; print(sys.argv)", "a", "-i"));
        assertEquals(new Run("2\n", "", 0), mp("", "-cprint(2)"));
        assertEquals(new Run("3\n", "", 0), mp("", "-uc", "print(3)"));
    }

    @Test
    void doubleDashLetsAFileNameStartWithADash() throws Exception {
        Run run = mp("", "--", "-c");
        assertEquals(2, run.status());
        assertEquals("mp: can't open file '" + dir.toRealPath().resolve("-c") + "': [Errno 2] No such file or directory\n", run.err());
    }

    @Test
    void inspectRunsTheProgramThenStatementsFromStdinAfterAnUncaughtException() throws Exception {
        Run run = mp("x + 1\nprint('after')\n", "-i", "-c", "x = 41; 1/0");
        assertEquals("42\nafter\n", run.out(), run.err());
        assertEquals(0, run.status());
        assertTrue(run.err().contains("ZeroDivisionError: division by zero\n>>> "), run.err());

        run = mp("x\n", "-q", "-i", "-c", "x = 5; import sys; sys.exit(3)");
        assertEquals(new Run("5\n", run.err(), 0), run);
        assertTrue(run.err().contains("SystemExit: 3\n"), run.err());
    }

    @Test
    void moduleRunsAfterItsParentPackageWithRelativeImports() throws Exception {
        assertEquals(new Run("init pkg\nmod __main__ pkg ['a', 'b'] 42\n", "", 0), mp("", "-m", "pkg.mod", "a", "b"));
        assertEquals(new Run("init pkg\nmain of pkg __main__ ['x']\n", "", 0), mp("", "-mpkg", "x"));
    }

    @Test
    void moduleErrorsAreReportedAsRunpyReportsThem() throws Exception {
        assertEquals(new Run("", "mp: No module named nosuch\n", 1), mp("", "-m", "nosuch"));
        assertEquals(new Run("", "mp: Error while finding module specification for 'nopkg.mod' (ModuleNotFoundError: No module named 'nopkg')\n", 1),
                mp("", "-m", "nopkg.mod"));
        assertEquals(new Run("", "mp: Relative module names not supported\n", 1), mp("", "-m", ".x"));
        Run notPackage = mp("", "-m", "pkg.mod.x");
        assertEquals(new Run("init pkg\nmod pkg.mod pkg [] 42\n", "mp: Error while finding module specification for 'pkg.mod.x' (ModuleNotFoundError: "
                + "__path__ attribute not found on 'pkg.mod' while trying to find 'pkg.mod.x')\n", 1), notPackage);
    }

    @Test
    void aDirectoryOrAZipWithMainRunsIt() throws Exception {
        assertEquals(new Run("app __main__ util\n", "", 0), mp("", "app"));
        assertEquals(new Run("app __main__ util\n", "", 0), mp("", "app.zip"));
        Files.createDirectories(dir.resolve("empty"));
        assertEquals(new Run("", "mp: can't find '__main__' module in '" + dir.resolve("empty").toAbsolutePath() + "'\n", 1), mp("", "empty"));
    }

    @Test
    void skipFirstLineAndSafePath() throws Exception {
        Files.writeString(dir.resolve("x.mp"), "#!/usr/bin/env junk\nprint('skipped')\n");
        assertEquals(new Run("skipped\n", "", 0), mp("", "-x", "x.mp"));
        assertEquals(new Run("False\n", "", 0), mp("", "-P", "-c", "import sys; print('' in sys.path)"));
        assertEquals(new Run("False\n", "", 0), mp("", "-I", "-c", "import sys; print('' in sys.path)"));
    }
}
