package dev.mp.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.OptionalInt;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

import dev.mp.runtime.KeyboardInterrupts;
import dev.mp.runtime.parser.SourceCompiler;

/**
 * The interactive session: {@code >>>} and {@code ...} prompts, each statement run as CPython's REPL runs it
 * (values echoed, tracebacks printed, the session going on), on a line editor with history
 * ({@code ~/.mp_history}, Ctrl-R search), completion, highlighting, auto-indent and bracketed paste.
 *
 * <p>Ctrl-C cancels the line being edited, or raises KeyboardInterrupt in the running statement; Ctrl-D on an
 * empty line, {@code exit()} and {@code quit()} leave. A pasted program runs one top-level statement at a
 * time, as if typed, up to the first that raises; blank lines inside its blocks do not end them.
 */
final class Repl {
    static final String PRIMARY_PROMPT = ">>> ";
    static final String SECONDARY_PROMPT = "... ";
    static final String BANNER = Main.VERSION + " on " + System.getProperty("os.name").toLowerCase() + "\nType \"exit()\" or Ctrl-D to leave.";
    private static final String INDENT_OR_COMPLETE = "indent-or-complete";

    private final Terminal terminal;
    private final Context context;
    private final PrintStream err;
    private final LineReader reader;

    /**
     * @param context the session's context, reading from and writing to {@code terminal}
     * @param err where the launcher reports failures that are not Python exceptions
     */
    Repl(Terminal terminal, Context context, PrintStream err, Path historyFile) {
        this.terminal = terminal;
        this.context = context;
        this.err = err;
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("mp")
                .parser(new StatementBoundaries())
                .completer(new NameCompleter(context))
                .highlighter(new SyntaxHighlighter())
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, SECONDARY_PROMPT)
                .variable(LineReader.INDENTATION, 1) // StatementBoundaries counts the new line's indentation in columns
                // '!' in '!=' is not a history reference, and a backslash stays in the text.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        reader.getWidgets().put(INDENT_OR_COMPLETE, this::indentOrComplete);
        reader.getKeyMaps().get(LineReader.MAIN).bind(new Reference(INDENT_OR_COMPLETE), "\t");
        // Between prompts Ctrl-C interrupts the running statement; readLine handles it itself while editing.
        terminal.handle(Terminal.Signal.INT, signal -> KeyboardInterrupts.deliver());
    }

    /** True when standard input is a terminal, as Python decides whether to be interactive. */
    static boolean stdinIsTerminal() {
        try {
            return TerminalProvider.load(TerminalBuilder.PROP_PROVIDER_FFM).isSystemStream(SystemStream.Input);
        } catch (IOException | LinkageError e) {
            return System.console() != null && System.console().isTerminal();
        }
    }

    /**
     * Runs a session on the process's terminal, after {@code program} when there is one ({@code -i}); returns the
     * exit status. When standard input is not a terminal ({@code -i} with a pipe), its statements run as typed
     * at the prompt, the prompts going to standard error as python3's do.
     *
     * @param builder the context's options and {@code sys.argv}; its standard streams are set here
     */
    static int runOnSystemTerminal(CommandLine line, Context.Builder builder, Program program) {
        if (!stdinIsTerminal()) {
            return runPiped(line, builder, program);
        }
        try (Terminal terminal = TerminalBuilder.builder().system(true).name("mp").build();
             Context context = Main.build(builder.in(terminal.input()).out(System.out).err(System.err), line)) {
            if (context == null) {
                return 2;
            }
            Repl repl = new Repl(terminal, context, System.err, historyFile());
            if (program != null) {
                program.runThenInspect(context);
            }
            return repl.run(program == null && !line.quiet);
        } catch (IOException e) {
            System.err.println("mp: cannot open the terminal: " + e.getMessage());
            return 1;
        } catch (PolyglotException e) {
            // Closing the context ran the exit hooks; a failure there is reported, the session is over anyway.
            Main.reportFailure(e, System.err);
            return e.isExit() ? e.getExitStatus() : 1;
        }
    }

    private static int runPiped(CommandLine line, Context.Builder builder, Program program) {
        try (Context context = Main.build(builder, line)) {
            if (context == null) {
                return 2;
            }
            if (program != null) {
                program.runThenInspect(context);
            }
            String input = new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            for (String statement : SourceCompiler.statements(input)) {
                System.err.print(PRIMARY_PROMPT);
                System.err.flush();
                try {
                    context.eval(Source.newBuilder("mp", statement, "<stdin>").interactive(true).cached(false).buildLiteral());
                } catch (PolyglotException e) {
                    if (e.isExit()) {
                        return e.getExitStatus();
                    }
                    Main.reportFailure(e, System.err);
                }
            }
            System.err.println(PRIMARY_PROMPT);
            return 0;
        } catch (IOException e) {
            System.err.println("mp: " + e.getMessage());
            return 1;
        } catch (PolyglotException e) {
            Main.reportFailure(e, System.err);
            return e.isExit() ? e.getExitStatus() : 1;
        }
    }

    /** {@code ~/.mp_history}, where {@code ~} is {@code $HOME} as Python expands it, else the account's home. */
    static Path historyFile() {
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home"), ".mp_history");
    }

    /** A context for a session: {@code sys.argv} is {@code ['']}, as in Python's REPL. */
    static Context newContext(InputStream in, OutputStream out, OutputStream err) {
        return Context.newBuilder("mp").allowAllAccess(true).arguments("mp", new String[] {""}).in(in).out(out).err(err).build();
    }

    /** Prints the banner, then reads and runs statements until the session ends; returns the exit status. */
    int run() {
        return run(true);
    }

    /** Reads and runs statements until the session ends, after the banner if asked; returns the exit status. */
    int run(boolean banner) {
        if (banner) {
            terminal.writer().println(BANNER);
            terminal.flush();
        }
        while (true) {
            String input;
            try {
                input = reader.readLine(PRIMARY_PROMPT);
            } catch (UserInterruptException e) {
                terminal.writer().println("KeyboardInterrupt");
                terminal.flush();
                continue;
            } catch (EndOfFileException e) {
                return 0;
            }
            // A Ctrl-C that came as the editor returned must not interrupt the statement about to run.
            Thread.interrupted();
            OptionalInt exitStatus = execute(StatementBoundaries.withoutIndentedLastLine(input));
            if (exitStatus.isPresent()) {
                return exitStatus.getAsInt();
            }
        }
    }

    /** Runs the statements of one input; returns the exit status when one of them ended the program. */
    OptionalInt execute(String input) {
        for (String statement : SourceCompiler.statements(input)) {
            Source source = Source.newBuilder("mp", statement, "<stdin>").interactive(true).cached(false).buildLiteral();
            try {
                if (!context.eval(source).asBoolean()) {
                    break;
                }
            } catch (PolyglotException e) {
                if (e.isExit()) {
                    return OptionalInt.of(e.getExitStatus());
                }
                Main.reportFailure(e, err);
                break;
            }
        }
        return OptionalInt.empty();
    }

    /** Tab: indents when only blanks precede the cursor on its line (as Python's REPL does), else completes. */
    private boolean indentOrComplete() {
        String buffer = reader.getBuffer().toString();
        int cursor = reader.getBuffer().cursor();
        String linePrefix = buffer.substring(buffer.lastIndexOf('\n', cursor - 1) + 1, cursor);
        if (linePrefix.isBlank()) {
            reader.getBuffer().write(" ".repeat(StatementBoundaries.INDENT - linePrefix.length() % StatementBoundaries.INDENT));
            return true;
        }
        reader.callWidget(LineReader.COMPLETE_WORD);
        return true;
    }
}
