package dev.mp.runtime.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code sitecustomize} module on MP_PATH is imported when a program starts, in the main process and in every
 * child, as CPython's site module does; one that raises is reported and the program still runs.
 */
class SiteCustomizeTest {
    @TempDir
    Path dir;

    private record Output(String out, String err, int status) {
    }

    private Output run(Path siteDir, String program) throws IOException, InterruptedException {
        Path script = dir.resolve("main.mp");
        Files.writeString(script, program);
        ProcessBuilder pb = ScriptRunner.separateJvm(script);
        pb.environment().put("MP_PATH", siteDir.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        p.waitFor(60, TimeUnit.SECONDS);
        return new Output(new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8), p.exitValue());
    }

    @Test
    void importedInTheMainProcessAndInChildren() throws Exception {
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("sitecustomize.mp"), """
                import time
                time.customized_by_site = 'yes'
                """);
        Output r = run(site, """
                import time
                from multiprocessing import Process

                def show():
                    print('child', time.customized_by_site)

                if __name__ == '__main__':
                    print('main', time.customized_by_site)
                    p = Process(target=show)
                    p.start()
                    p.join()
                """);
        assertEquals("main yes\nchild yes\n", r.out(), r.err());
        assertEquals("", r.err());
    }

    @Test
    void anExceptionInItIsReportedAndTheProgramRuns() throws Exception {
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("sitecustomize.mp"), "raise ValueError('bad site')\n");
        Output r = run(site, "print('runs')\n");
        assertEquals("runs\n", r.out());
        assertEquals("Error in sitecustomize; set PYTHONVERBOSE for traceback:\nValueError: bad site\n", r.err());
        assertEquals(0, r.status());
    }

    @Test
    void aMissingImportInsideItIsReportedNotIgnored() throws Exception {
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("sitecustomize.mp"), "import no_such_module_here\n");
        Output r = run(site, "print('runs')\n");
        assertEquals("runs\n", r.out());
        assertEquals("Error in sitecustomize; set PYTHONVERBOSE for traceback:\n"
                + "ModuleNotFoundError: No module named 'no_such_module_here'\n", r.err());
    }
}
