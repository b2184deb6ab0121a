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

    @Test
    void testsUsingUnittestMockRunAsInCPython() throws Exception {
        Files.createDirectories(dir.resolve("mocking"));
        Files.writeString(dir.resolve("mocking/test_mocking.py"), """
                import os
                import unittest
                from unittest import mock
                from unittest.mock import MagicMock, call, patch


                def greeting():
                    return 'hello ' + os.getcwd()


                class MockingTest(unittest.TestCase):
                    def setUp(self):
                        patcher = patch('os.getcwd', return_value='/here')
                        self.getcwd = patcher.start()
                        self.addCleanup(patcher.stop)

                    def test_started_patch(self):
                        self.assertEqual(greeting(), 'hello /here')
                        self.getcwd.assert_called_once_with()

                    @patch.dict(os.environ, {'MOCK_ENV': 'on'})
                    @patch('os.cpu_count', return_value=64)
                    def test_decorated(self, cpu_count):
                        self.assertEqual(os.cpu_count(), 64)
                        self.assertEqual(os.environ['MOCK_ENV'], 'on')

                    def test_magic(self):
                        m = MagicMock()
                        m.__getitem__.return_value = 5
                        self.assertEqual(m['k'], 5)
                        self.assertEqual(m.mock_calls, [call.__getitem__('k')])

                    def test_wrong_call(self):
                        m = mock.Mock()
                        m(1)
                        self.assertEqual(m.call_args, call(2))
                """);
        String expected = """
                test_decorated (test_mocking.MockingTest.test_decorated) ... ok
                test_magic (test_mocking.MockingTest.test_magic) ... ok
                test_started_patch (test_mocking.MockingTest.test_started_patch) ... ok
                test_wrong_call (test_mocking.MockingTest.test_wrong_call) ... FAIL

                ======================================================================
                FAIL: test_wrong_call (test_mocking.MockingTest.test_wrong_call)
                ----------------------------------------------------------------------
                Traceback (most recent call last):
                  File "DIR/mocking/test_mocking.py", line 36, in test_wrong_call
                    self.assertEqual(m.call_args, call(2))
                AssertionError: call(1) != call(2)

                ----------------------------------------------------------------------
                Ran 4 tests in X.XXXs

                FAILED (failures=1)
                """;
        assertEquals(new LauncherFlagsTest.Run("", expected, 1), mp("-m", "unittest", "discover", "-s", "mocking", "-v"));
    }
}
