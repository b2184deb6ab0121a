package dev.mp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive session as a person sees it on a terminal: each test types keys and compares the screen
 * with what Python's REPL shows. A key press that never gets its answer would hang; the timeout fails it.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ReplTest {
    private static final String BANNER = Repl.BANNER + "\n";

    @TempDir
    Path home;

    private VirtualTerminalSession session() throws Exception {
        return new VirtualTerminalSession(home.resolve(".mp_history"));
    }

    @Test
    void blocksEchoAndUnderscore() throws Exception {
        try (VirtualTerminalSession s = session()) {
            s.enter("def double(n):");
            s.enter("return n * 2"); // the line is indented for us after the ':'
            s.enter("");
            s.enter("double(21)");
            s.enter("_ + 1");
            s.enter("None");
            s.enter("for i in range(2): i");
            s.enter("");
            s.enter("exit()");
            assertEquals(0, s.status());
            assertEquals(BANNER + """
                    >>> def double(n):
                    ...     return n * 2
                    ...
                    >>> double(21)
                    42
                    >>> _ + 1
                    43
                    >>> None
                    >>> for i in range(2): i
                    ...
                    0
                    1
                    >>> exit()""", s.text());
        }
    }

    @Test
    void anErrorIsReportedAndTheSessionGoesOn() throws Exception {
        try (VirtualTerminalSession s = session()) {
            s.enter("1 / 0");
            s.enter("1 +");
            s.enter("print('still here')");
            s.awaitText("still here");
            s.type("\u0004"); // Ctrl-D on an empty line
            assertEquals(0, s.status());
            assertEquals(BANNER + """
                    >>> 1 / 0
                    Traceback (most recent call last):
                      File "<stdin>", line 1, in <module>
                    ZeroDivisionError: division by zero
                    >>> 1 +
                      File "<stdin>", line 1
                        1 +
                           ^
                    SyntaxError: invalid syntax
                    >>> print('still here')
                    still here
                    >>>""", s.text());
        }
    }

    @Test
    void ctrlCInterruptsARunningLoopAndTheSessionGoesOn() throws Exception {
        try (VirtualTerminalSession s = session()) {
            s.enter("n = 0");
            s.enter("while True:");
            s.enter("n += 1");
            s.enter("if n == 1: print('looping')");
            s.enter("");
            s.await(lines -> lines.contains("looping")); // the loop's output, not the line typed
            s.type("\u0003");
            s.awaitText("KeyboardInterrupt");
            s.enter("n > 0");
            s.enter("exit(3)");
            assertEquals(3, s.status());
            assertEquals(BANNER + """
                    >>> n = 0
                    >>> while True:
                    ...     n += 1
                    ...     if n == 1: print('looping')
                    ...
                    looping
                    ^CTraceback (most recent call last):
                      File "<stdin>", line 1, in <module>
                    KeyboardInterrupt
                    >>> n > 0
                    True
                    >>> exit(3)""", s.text());
        }
    }

    @Test
    void ctrlCCancelsTheLineBeingTyped() throws Exception {
        try (VirtualTerminalSession s = session()) {
            s.awaitPrompt();
            s.type("undefined_name");
            s.awaitText(">>> undefined_name");
            s.type("\u0003");
            s.enter("'fresh line'");
            s.enter("exit()");
            assertEquals(0, s.status());
            assertEquals(BANNER + """
                    >>> undefined_name
                    KeyboardInterrupt
                    >>> 'fresh line'
                    'fresh line'
                    >>> exit()""", s.text());
        }
    }

    @Test
    void tabCompletesNamesKeywordsAndAttributes() throws Exception {
        try (VirtualTerminalSession s = session()) {
            s.enter("class Queue:");
            s.enter("def put(self): return 'put'");
            s.enter("def put_nowait(self): return 'put_nowait'");
            s.enter("");
            s.enter("q = Queue()");
            s.awaitPrompt();
            s.type("q.pu\t");
            // Both methods are listed, and the common part is filled in.
            s.await(lines -> lines.contains(">>> q.put") && lines.getLast().matches("put +put_nowait"));
            s.type("_n\t");
            s.awaitText(">>> q.put_nowait");
            s.type("()\r");
            s.awaitText("'put_nowait'");
            s.awaitPrompt();
            s.type("Tr\t\r"); // a keyword
            s.awaitText("True");
            s.awaitPrompt();
            s.type("isinst\t(q, Que\t)\r"); // a builtin, then a name defined at the prompt
            s.awaitText("isinstance(q, Queue)");
            s.enter("exit()");
            assertEquals(0, s.status());
            List<String> lines = s.lines();
            assertEquals(List.of(">>> q.put_nowait()", "'put_nowait'", ">>> True", "True", ">>> isinstance(q, Queue)", "True", ">>> exit()"),
                    lines.subList(lines.size() - 7, lines.size()));
        }
    }

    @Test
    void tabIndentsAtTheStartOfALine() throws Exception {
        try (VirtualTerminalSession s = session()) {
            s.enter("if True:");
            s.enter("if True:");
            s.enter("x = 'deep'");
            s.awaitPrompt();
            s.type("\u007f".repeat(8) + "\tx\r\r"); // back to no indentation, then one level with Tab
            s.await(lines -> lines.contains("'deep'")); // the block ran; the prompt it was ended on is gone
            s.enter("x");
            s.enter("exit()");
            assertEquals(0, s.status());
            assertEquals(BANNER + """
                    >>> if True:
                    ...     if True:
                    ...         x = 'deep'
                    ...     x
                    ...
                    'deep'
                    >>> x
                    'deep'
                    >>> exit()""", s.text());
        }
    }

    @Test
    void aBracketedPasteRunsAsAWhole() throws Exception {
        String snippet = """
                def double(x):
                    y = x * 2

                    return y

                print(double(21))
                double(2)
                """;
        try (VirtualTerminalSession s = session()) {
            s.awaitPrompt();
            s.type("\u001b[200~" + snippet + "\u001b[201~");
            s.awaitText("... double(2)");
            s.type("\r");
            s.awaitText("4");
            s.enter("exit()");
            assertEquals(0, s.status());
            assertEquals(BANNER + """
                    >>> def double(x):
                    ...     y = x * 2
                    ...
                    ...     return y
                    ...
                    ... print(double(21))
                    ... double(2)
                    ...
                    42
                    4
                    >>> exit()""", s.text());
        }
    }

    /**
     * CPython cannot do this (gh-116403: the child fails with "Can't get attribute 'f'"); mp hands the child the
     * definitions typed at the prompt. Leaving the session joins the non-daemonic child first, so its line
     * comes after {@code quit()}.
     */
    @Test
    void aProcessRunsAFunctionDefinedAtThePromptAndIsJoinedOnQuit() throws Exception {
        try (VirtualTerminalSession s = session()) {
            s.enter("from multiprocessing import Process, Queue");
            s.enter("def f(q): q.put(42)");
            s.enter("");
            s.enter("q = Queue(); p = Process(target=f, args=(q,)); p.start(); q.get()");
            s.await(lines -> lines.contains("42")); // the value, not the 42 in the line typed
            s.enter("p.join(); p.exitcode");
            s.enter("def late():");
            s.enter("import time; time.sleep(2); print('late child done')");
            s.enter("");
            s.enter("Process(target=late).start()");
            s.enter("exit");
            s.enter("quit()");
            assertEquals(0, s.status());
            assertEquals(BANNER + """
                    >>> from multiprocessing import Process, Queue
                    >>> def f(q): q.put(42)
                    ...
                    >>> q = Queue(); p = Process(target=f, args=(q,)); p.start(); q.get()
                    42
                    >>> p.join(); p.exitcode
                    0
                    >>> def late():
                    ...     import time; time.sleep(2); print('late child done')
                    ...
                    >>> Process(target=late).start()
                    >>> exit
                    Use exit() or Ctrl-D (i.e. EOF) to exit
                    >>> quit()
                    late child done""", s.text());
        }
    }

    @Test
    void historyPersistsAndCtrlRSearchesIt() throws Exception {
        try (VirtualTerminalSession s = session()) {
            s.enter("answer = 6 * 7");
            s.enter("exit()");
            assertEquals(0, s.status());
        }
        assertTrue(Files.readString(home.resolve(".mp_history")).contains("answer = 6 * 7"));
        try (VirtualTerminalSession s = session()) {
            s.awaitPrompt();
            s.type("\u0012answer =");
            s.awaitText("answer = 6 * 7");
            s.type("\r");
            s.enter("answer");
            s.awaitText("42");
            s.enter("exit()");
            assertEquals(0, s.status());
            assertEquals(List.of(">>> answer = 6 * 7", ">>> answer", "42", ">>> exit()"), s.lines().subList(2, s.lines().size()));
        }
    }
}
