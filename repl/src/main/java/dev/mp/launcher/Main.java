package dev.mp.launcher;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;

import dev.mp.runtime.KeyboardInterrupts;
import dev.mp.runtime.MpLanguage;

/**
 * The {@code mp} command: runs a file, a {@code -c} string, a module ({@code -m}) or a program read from
 * standard input, as the main module, and exits with Python's exit status. With no arguments and a
 * terminal on standard input it opens the interactive session ({@link Repl}).
 */
public final class Main {
    private Main() {
    }

    static final String VERSION = "mp " + MpLanguage.VERSION + " (Python 3.11 compatible)";

    private static final String USAGE = """
            usage: mp [option] ... [-c cmd | -m mod | file | -] [arg] ...
            Options:
              -c cmd   program passed in as string (terminates option list)
              -m mod   run library module as a script (terminates option list)
              -h, --help     print this help message and exit
              -V, --version  print the mp version and exit
              file     program read from script file
              -        program read from stdin (default when no file is given)
              arg ...  arguments passed to the program in sys.argv[1:]
            """;

    public static void main(String[] args) {
        // A big stack: deep Python recursion must reach RecursionError, not a JVM stack overflow.
        Thread runner = new Thread(null, () -> System.exit(run(args)), "mp-main", 512L * 1024 * 1024);
        runner.start();
    }

    static int run(String[] args) {
        Source source;
        List<String> argv = new ArrayList<>();
        if (args.length == 0 && Repl.stdinIsTerminal()) {
            return Repl.runOnSystemTerminal();
        }
        try {
            if (args.length == 0 || args[0].equals("-")) {
                source = Source.newBuilder("mp", new String(System.in.readAllBytes(), StandardCharsets.UTF_8), "<stdin>").build();
                argv.add(args.length == 0 ? "" : "-");
                argv.addAll(Arrays.asList(args).subList(Math.min(1, args.length), args.length));
            } else if (args[0].equals("-h") || args[0].equals("--help")) {
                System.out.print(USAGE);
                return 0;
            } else if (args[0].equals("-V") || args[0].equals("--version")) {
                System.out.println(VERSION);
                return 0;
            } else if (args[0].equals("-c")) {
                if (args.length < 2) {
                    System.err.println("Argument expected for the -c option");
                    System.err.print(USAGE);
                    return 2;
                }
                source = Source.newBuilder("mp", args[1], "<string>").build();
                argv.add("-c");
                argv.addAll(Arrays.asList(args).subList(2, args.length));
            } else if (args[0].equals("-m")) {
                if (args.length < 2) {
                    System.err.println("Argument expected for the -m option");
                    return 2;
                }
                File file = new File(args[1].replace('.', File.separatorChar) + ".mp");
                if (!file.isFile()) {
                    System.err.println("mp: No module named " + args[1]);
                    return 1;
                }
                source = Source.newBuilder("mp", file).build();
                argv.add(file.getPath());
                argv.addAll(Arrays.asList(args).subList(2, args.length));
            } else if (args[0].startsWith("-")) {
                System.err.println("Unknown option: " + args[0]);
                System.err.print(USAGE);
                return 2;
            } else {
                File file = new File(args[0]);
                if (!file.exists()) {
                    System.err.println("mp: can't open file '" + file.getAbsolutePath() + "': [Errno 2] No such file or directory");
                    return 2;
                }
                source = Source.newBuilder("mp", file).build();
                argv.addAll(Arrays.asList(args));
            }
        } catch (IOException e) {
            System.err.println("mp: " + e.getMessage());
            return 2;
        }
        KeyboardInterrupts.installSigintHandler();
        try (Context context = Context.newBuilder("mp")
                .allowAllAccess(true)
                .arguments("mp", argv.toArray(new String[0]))
                .option("mp.Main", "true")
                .option("mp.ProcessStdio", "true")
                .build()) {
            context.eval(source);
            return 0;
        } catch (PolyglotException e) {
            if (e.isExit()) {
                return e.getExitStatus();
            }
            reportFailure(e, System.err);
            return 1;
        }
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
