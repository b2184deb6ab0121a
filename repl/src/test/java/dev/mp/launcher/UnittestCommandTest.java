package dev.mp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mp -m unittest}, the bundled package run as a program: discovery, a named test, and the exit status.
 * Each expected stderr is what {@code python3 -m unittest} printed for the same files (named {@code .py}), with
 * the run time and the test folder's path replaced.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class UnittestCommandTest {
    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/test_numbers.py"), """
                import unittest

                class NumbersTest(unittest.TestCase):
                    def test_add(self):
                        self.assertEqual(2 + 3, 5)

                    def test_wrong(self):
                        self.assertEqual(2 * 3, 5)

                    @unittest.skip("later")
                    def test_later(self):
                        pass
                """);
        Files.writeString(dir.resolve("tests/test_words.py"), """
                import unittest

                class WordsTest(unittest.TestCase):
                    def test_upper(self):
                        self.assertEqual("mp".upper(), "MP")

                    def test_boom(self):
                        raise RuntimeError("boom")
                """);
    }

    /** The launcher's run in the test folder, with the run time and the folder's path replaced in stderr. */
    private LauncherFlagsTest.Run mp(String... args) throws Exception {
        LauncherFlagsTest.Run run = LauncherFlagsTest.run(dir, "", args);
        String err = run.err().replaceAll("in \\d+\\.\\d+s", "in X.XXXs").replace(dir.toString(), "DIR");
        return new LauncherFlagsTest.Run(run.out(), err, run.status());
    }

    @Test
    void discoveryRunsEveryTestModuleAndFailsTheRun() throws Exception {
        String expected = """
                test_add (test_numbers.NumbersTest.test_add) ... ok
                test_later (test_numbers.NumbersTest.test_later) ... skipped 'later'
                test_wrong (test_numbers.NumbersTest.test_wrong) ... FAIL
                test_boom (test_words.WordsTest.test_boom) ... ERROR
                test_upper (test_words.WordsTest.test_upper) ... ok

                ======================================================================
                ERROR: test_boom (test_words.WordsTest.test_boom)
                ----------------------------------------------------------------------
                Traceback (most recent call last):
                  File "DIR/tests/test_words.py", line 8, in test_boom
                    raise RuntimeError("boom")
                RuntimeError: boom

                ======================================================================
                FAIL: test_wrong (test_numbers.NumbersTest.test_wrong)
                ----------------------------------------------------------------------
                Traceback (most recent call last):
                  File "DIR/tests/test_numbers.py", line 8, in test_wrong
                    self.assertEqual(2 * 3, 5)
                AssertionError: 6 != 5

                ----------------------------------------------------------------------
                Ran 5 tests in X.XXXs

                FAILED (failures=1, errors=1, skipped=1)
                """;
        assertEquals(new LauncherFlagsTest.Run("", expected, 1), mp("-m", "unittest", "discover", "-s", "tests", "-v"));
    }

    @Test
    void aNamedTestRunsAloneAndPasses() throws Exception {
        String expected = """
                .
                ----------------------------------------------------------------------
                Ran 1 test in X.XXXs

                OK
                """;
        assertEquals(new LauncherFlagsTest.Run("", expected, 0), mp("-m", "unittest", "tests.test_words.WordsTest.test_upper"));
    }
}
