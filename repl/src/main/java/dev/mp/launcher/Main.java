package dev.mp.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;

import dev.mp.runtime.KeyboardInterrupts;
import dev.mp.runtime.MpLanguage;
import dev.mp.runtime.MpThread;

/**
 * The {@code mp} command: runs a file, a {@code -c} string, a module ({@code -m}) or a program read from
 * standard input, as the main module, and exits with Python's exit status. With no arguments and a
 * terminal on standard input it opens the interactive session ({@link Repl}).
 */
public final class Main {
    private Main() {
    }

    static final String VERSION = "mp " + MpLanguage.VERSION + " (Python 3.11 compatible)";

    /** The first line of python3's usage, with mp's name. */
    static final String USAGE_LINE = "usage: mp [option] ... [-c cmd | -m mod | file | -] [arg] ...";

    private static final String HELP = USAGE_LINE + """

            Options (python3's; the ones marked * are accepted and change nothing in mp):
            -b     : * warnings about str(bytes_instance) (-bb: errors)
            -B     : * don't write .pyc files (mp writes none)
            -c cmd : program passed in as string (terminates option list)
            -d     : * parser debugging output
            -E     : ignore the environment variable MP_PATH
            -h     : print this help message and exit (also -? or --help)
            -i     : inspect interactively after running the program (the prompt also
                     comes after an uncaught exception or sys.exit)
            -I     : isolate mp from the user's environment (implies -E and -P)
            -m mod : run a module found on sys.path as a script (terminates option list);
                     its parent packages are imported first, a package runs its __main__
            -O     : * remove assert statements (-OO: and docstrings); mp keeps them
            -P     : don't prepend the script's directory (or the working directory) to sys.path
            -q     : don't print the version message on interactive start-up
            -s     : * don't add the user site directory to sys.path (mp has none)
            -S     : * don't imply 'import site' on initialization
            -u     : unbuffered stdout and stderr (mp's always are)
            -v     : * trace import statements
            -V     : print the mp version and exit (also --version)
            -W arg : * warning control
            -x     : skip the first line of the source (for non-Unix forms of #!cmd)
            -X opt : * implementation-specific option
            --check-hash-based-pycs always|default|never: * .pyc validation
            file   : program read from a script file; a directory or a zip archive with a
                     __main__.mp (or __main__.py) runs that module
            -      : program read from stdin (default; the interactive prompt if a terminal)
            arg ...: arguments passed to the program in sys.argv[1:]

            mp's own options:
            --jit  : (first option of bin/mp) compile hot code with the Graal compiler
            --cpusampler, --cputracer, --memtracer, --coverage [--coverage.Output=lcov ...]:
                     profile the program, print the result at its end
            --inspect[=port]         : debug the program from Chrome DevTools (chrome://inspect)
            --dap[=[host:]port]      : debug the program from VS Code or another Debug Adapter
                                       Protocol client (default port 4711)
            --engine.NAME=VALUE, --log.NAME=VALUE, --TOOL.NAME=VALUE: Truffle engine, logging and
                     tool options (for example --log.file=FILE, --cpusampler.Output=calltree,
                     --inspect.Suspend=false); see the GraalVM tool documentation
            Environment variables:
            MP_PATH: ':'-separated directories searched for modules after the script's own
            PYTHONBREAKPOINT=0: breakpoint() does nothing
            """;

    public static void main(String[] args) {
        // A big stack (reserved, not committed): recursion a million calls deep under a raised limit answers, as in
        // CPython, and deeper recursion ends in RecursionError, not a JVM stack overflow.
        long stackBytes = 2048L * 1024 * 1024;
        Runnable program = () -> System.exit(run(args));
        // An MpThread lets mp run calls without call targets (a third faster); tools need Truffle's own stack.
        Thread runner = runsTools(args) ? new Thread(null, program, "mp-main", stackBytes) : new MpThread(program, "mp-main", stackBytes);
        runner.start();
    }

    /** Whether the command line asks for an instrument (a profiler, a debugger, coverage), not only engine or log options. */
    static boolean runsTools(String[] args) {
        try {
            for (String name : CommandLine.parse(args).polyglotOptions.keySet()) {
                if (!name.startsWith("engine.") && !name.startsWith("log.") && !name.startsWith(MpLanguage.ID + ".")) {
                    return true;
                }
            }
            return false;
        } catch (CommandLine.UsageError e) {
            return false;
        }
    }

    static int run(String[] args) {
        CommandLine line;
        try {
            line = CommandLine.parse(args);
        } catch (CommandLine.UsageError e) {
            return usageError(e.getMessage());
        }
        if (line.help) {
            System.out.print(HELP);
            return 0;
        }
        if (line.version > 0) {
            System.out.println(VERSION);
            return 0;
        }
        if (line.kind == CommandLine.Kind.STDIN && !line.dashProgram && (line.inspect || Repl.stdinIsTerminal())) {
            return Repl.runOnSystemTerminal(line, contextBuilder(line, List.of("")), null);
        }
        List<String> argv = new ArrayList<>();
        Program program;
        try {
            program = Program.of(line, argv);
        } catch (IOException e) {
            System.err.println("mp: " + e.getMessage());
            return 2;
        } catch (Program.NotRunnable e) {
            return notRunnable(e);
        }
        if (line.inspect) {
            return Repl.runOnSystemTerminal(line, contextBuilder(line, argv), program);
        }
        KeyboardInterrupts.installSigintHandler();
        Context.Builder builder = contextBuilder(line, argv).option("mp.Main", "true").option("mp.ProcessStdio", "true");
        try (Context context = build(builder, line)) {
            if (context == null) {
                return 2;
            }
            program.run(context);
            return 0;
        } catch (PolyglotException e) {
            if (e.isExit()) {
                return e.getExitStatus();
            }
            reportFailure(e, System.err);
            return 1;
        } catch (Program.NotRunnable e) {
            return notRunnable(e);
        }
    }

    static int notRunnable(Program.NotRunnable e) {
        if (e.getMessage() != null) {
            System.err.println("mp: " + e.getMessage());
        }
        return e.status;
    }

    /** A context for the program, with sys.argv {@code argv} and the polyglot options of the command line. */
    static Context.Builder contextBuilder(CommandLine line, List<String> argv) {
        Context.Builder builder = Context.newBuilder("mp").allowAllAccess(true).arguments("mp", argv.toArray(new String[0]));
        if (!line.polyglotOptions.isEmpty()) {
            builder.allowExperimentalOptions(true).options(line.polyglotOptions);
        }
        if (line.ignoreEnvironment) {
            builder.environment("MP_PATH", "");
        }
        return builder;
    }

    /**
     * Builds the context; null after reporting an option the engine does not know as python3 reports an
     * unknown option.
     */
    static Context build(Context.Builder builder, CommandLine line) {
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            // The option the engine names (the longest that matches: cpusampler.Mode rather than cpusampler).
            String unknown = null;
            for (String name : line.polyglotOptions.keySet()) {
                if ((message.contains("name " + name + ".") || message.contains("'" + name + "'") || message.contains(" " + name + " "))
                        && (unknown == null || name.length() > unknown.length())) {
                    unknown = name;
                }
            }
            if (unknown != null) {
                usageError("unknown option --" + unknown);
                System.err.println("(" + message.lines().findFirst().orElse("") + ")");
                return null;
            }
            usageError(message.lines().findFirst().orElse("bad option"));
            return null;
        }
    }

    /** Prints python3's short usage text for a command line it refuses; returns its exit status, 2. */
    static int usageError(String message) {
        System.err.println(message);
        System.err.println(USAGE_LINE);
        System.err.println("Try `mp -h' for more information.");
        return 2;
    }

    /** Reports an evaluation that failed other than by a Python exception the runtime printed itself. */
    static void reportFailure(PolyglotException e, PrintStream err) {
        if (e.isExit()) {
            return;
        }
        if (e.isInternalError()) {
            err.println("mp: internal error: " + e.getMessage());
            for (StackTraceElement frame : e.getStackTrace()) {
                if (frame.getClassName().startsWith("dev.mp.")) {
                    err.println("  at " + frame);
                    break;
                }
            }
            return;
        }
        err.println(e.getMessage());
    }
}
