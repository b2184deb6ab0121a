package dev.mp.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import org.graalvm.polyglot.Context;
import org.jline.builtins.ScreenTerminal;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * A REPL session on an in-process xterm: keys are typed into the terminal's input as a person would type them
 * (Ctrl-C included, which the terminal turns into SIGINT), and the output is drawn on a VT100 screen that the
 * test reads back.
 */
final class VirtualTerminalSession implements AutoCloseable {
    static final int COLUMNS = 100;
    static final int ROWS = 200;

    private final PipedOutputStream keys = new PipedOutputStream();
    private final ScreenTerminal screen = new ScreenTerminal(COLUMNS, ROWS);
    private final Terminal terminal;
    private final CompletableFuture<Integer> status = new CompletableFuture<>();
    /** What the session writes to the terminal; the painter draws it on the screen. */
    private final PipedOutputStream drawn = new PipedOutputStream();
    private final Thread painter;

    VirtualTerminalSession(Path historyFile) throws IOException {
        PipedInputStream typed = new PipedInputStream(keys, 1 << 16);
        PipedInputStream display = new PipedInputStream(drawn, 1 << 16);
        terminal = new TtyLikeTerminal(typed, drawn);
        painter = new Thread(() -> paint(display), "screen-painter");
        painter.setDaemon(true);
        painter.start();
        Thread session = new Thread(null, () -> {
            try (Context context = Repl.newContext(terminal.input(), terminal.output(), terminal.output())) {
                status.complete(new Repl(terminal, context, new PrintStream(terminal.output(), true, StandardCharsets.UTF_8), historyFile).run());
            } catch (Throwable t) {
                status.completeExceptionally(t);
            }
        }, "repl-session", 64L * 1024 * 1024);
        session.setDaemon(true);
        session.start();
    }

    /**
     * A line discipline in Java, so that Ctrl-C typed into it raises SIGINT on the terminal itself (a pty would
     * signal its own foreground process group instead). It echoes {@code ^C} as a Linux tty does: at once,
     * and only while input is echoed, so not while the line editor reads in raw mode.
     */
    private static final class TtyLikeTerminal extends ExternalTerminal {
        TtyLikeTerminal(InputStream typed, OutputStream drawn) throws IOException {
            super(null, "virtual", "xterm-256color", typed, drawn, StandardCharsets.UTF_8, SignalHandler.SIG_DFL, false, null,
                    new Size(COLUMNS, ROWS));
        }

        @Override
        protected void echoSignal(Signal signal) {
            Attributes attributes = getAttributes();
            if (attributes.getLocalFlag(Attributes.LocalFlag.ECHO) && attributes.getLocalFlag(Attributes.LocalFlag.ECHOCTL)) {
                super.echoSignal(signal);
                writer().flush();
            }
        }
    }

    private void paint(PipedInputStream display) {
        try (Reader reader = new InputStreamReader(display, StandardCharsets.UTF_8)) {
            char[] chunk = new char[4096];
            for (int n = reader.read(chunk); n >= 0; n = reader.read(chunk)) {
                screen.write(new String(chunk, 0, n));
            }
        } catch (IOException e) {
            // The terminal closed its output: the session is over.
        }
    }

    /** Types keys as they are, with no wait. */
    void type(String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /**
     * Waits for a prompt waiting for input, types {@code text} and Enter, and waits until the session has taken the
     * line (something appeared below it, or the session ended): otherwise the next {@link #awaitPrompt} could see
     * this same prompt still on the screen and type ahead.
     */
    void enter(String text) throws Exception {
        awaitPrompt();
        int before = lines().size();
        type(text + "\r");
        await(lines -> lines.size() > before || status.isDone());
    }

    /** Waits until the last line of the screen is a prompt ({@code >>>} or {@code ...}) with nothing typed after it. */
    void awaitPrompt() throws InterruptedException {
        await(lines -> !lines.isEmpty() && lines.getLast().matches("(>>>|\\.\\.\\.) *"));
    }

    /** Waits until the screen satisfies {@code condition}; the test's timeout ends a wait for what never comes. */
    void await(Predicate<List<String>> condition) throws InterruptedException {
        while (!condition.test(lines())) {
            Thread.sleep(10);
        }
    }

    void awaitText(String text) throws InterruptedException {
        await(lines -> String.join("\n", lines).contains(text));
    }

    /** The screen's lines without trailing blanks, up to the last line with text. */
    List<String> lines() {
        List<String> lines = Arrays.stream(screen.toString().split("\n", -1)).map(String::stripTrailing).toList();
        int last = lines.size();
        while (last > 0 && lines.get(last - 1).isEmpty()) {
            last--;
        }
        return lines.subList(0, last);
    }

    String text() {
        return String.join("\n", lines());
    }

    /** The session's exit status, once it has ended and everything it wrote is on the screen. */
    int status() throws Exception {
        int exitStatus = status.get();
        // Nothing writes after the session ended: end the display so the painter draws the rest and stops.
        drawn.close();
        painter.join();
        return exitStatus;
    }

    @Override
    public void close() throws IOException {
        keys.close();
        try {
            terminal.close();
        } catch (IOException e) {
            // The display was ended by status(): nothing more can be drawn, and nothing needs to be.
        }
    }
}
