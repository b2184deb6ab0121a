package dev.mp.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code mp} command line, parsed as python3 parses its own: short flags alone or combined ({@code -uc CODE},
 * {@code -cCODE}, {@code -Wignore}), {@code -c} and {@code -m} ending the options, {@code --} ending them before
 * a file name, the first argument not starting with {@code -} being the program. Long options other than
 * python3's own ({@code --help}, {@code --version}, ...) are polyglot options ({@code --engine.*},
 * {@code --log.*}, {@code --cpusampler}, {@code --inspect=9229}, ...) for the context, validated when it is built.
 */
final class CommandLine {
    /** What the program is. */
    enum Kind { FILE, COMMAND, MODULE, STDIN }

    /** A command line python3 would refuse: the message is the first line it prints. */
    static final class UsageError extends Exception {
        UsageError(String message) {
            super(message);
        }
    }

    Kind kind = Kind.STDIN;
    /** The file name, the code of {@code -c} or the module name of {@code -m}; null when reading stdin. */
    String program;
    /** sys.argv[1:]. */
    final List<String> arguments = new ArrayList<>();
    /** {@code -` given explicitly as the program (sys.argv[0] is then {@code -}). */
    boolean dashProgram;

    boolean help;
    int version;
    /** -i: the prompt after the program. */
    boolean inspect;
    /** -q: no banner. */
    boolean quiet;
    /** -E (or -I): MP_PATH is ignored. */
    boolean ignoreEnvironment;
    /** -P (or -I): the script's directory (or the working directory) is not put on sys.path. */
    boolean safePath;
    /** -x: the first line of the script is skipped. */
    boolean skipFirstLine;
    /** Polyglot options, in the order given ({@code --cpusampler} is {@code cpusampler=true}). */
    final Map<String, String> polyglotOptions = new LinkedHashMap<>();

    /** The short flags that take an argument; the others are boolean. */
    private static final String WITH_ARGUMENT = "cmWX";
    /** The short flags python3 accepts without an argument. */
    private static final String BOOLEAN_FLAGS = "bBdEhiIOPqsSuvVx?R";

    static CommandLine parse(String[] args) throws UsageError {
        CommandLine line = new CommandLine();
        int i = 0;
        options:
        while (i < args.length) {
            String arg = args[i];
            if (arg.equals("--")) {
                i++;
                break;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                break;
            }
            i++;
            if (arg.startsWith("--")) {
                i = line.longOption(arg, args, i);
                continue;
            }
            for (int at = 1; at < arg.length(); at++) {
                char flag = arg.charAt(at);
                if (WITH_ARGUMENT.indexOf(flag) >= 0) {
                    String value;
                    if (at + 1 < arg.length()) {
                        value = arg.substring(at + 1);
                    } else if (i < args.length) {
                        value = args[i++];
                    } else {
                        throw new UsageError("Argument expected for the -" + flag + " option");
                    }
                    if (flag == 'c' || flag == 'm') {
                        line.kind = flag == 'c' ? Kind.COMMAND : Kind.MODULE;
                        line.program = value;
                        break options;
                    }
                    // -W and -X: accepted; mp has no warning filters or implementation options to set.
                    break;
                }
                if (flag == 'J') {
                    throw new UsageError("-J is reserved for Jython");
                }
                if (BOOLEAN_FLAGS.indexOf(flag) < 0) {
                    throw new UsageError("Unknown option: -" + flag);
                }
                line.flag(flag);
            }
        }
        if (line.kind == Kind.STDIN && i < args.length) {
            String first = args[i++];
            if (first.equals("-")) {
                line.dashProgram = true;
            } else {
                line.kind = Kind.FILE;
                line.program = first;
            }
        }
        line.arguments.addAll(List.of(args).subList(i, args.length));
        return line;
    }

    private void flag(char flag) {
        switch (flag) {
            case 'h', '?' -> help = true;
            case 'V' -> version++;
            case 'i' -> inspect = true;
            case 'q' -> quiet = true;
            case 'E' -> ignoreEnvironment = true;
            case 'P' -> safePath = true;
            case 'I' -> {
                ignoreEnvironment = true;
                safePath = true;
            }
            case 'x' -> skipFirstLine = true;
            // -u: mp's sys.stdout and sys.stderr are unbuffered already. -B, -s, -S, -O, -b, -d, -v, -R: accepted,
            // with nothing to change (no .pyc files, no site-packages, asserts kept).
            default -> {
            }
        }
    }

    /** Handles {@code arg}, a long option; returns the index of the next argument. */
    private int longOption(String arg, String[] args, int next) throws UsageError {
        switch (arg) {
            case "--help", "--help-env", "--help-xoptions", "--help-all" -> {
                help = true;
                return next;
            }
            case "--version" -> {
                version++;
                return next;
            }
            case "--check-hash-based-pycs" -> {
                if (next >= args.length) {
                    throw new UsageError("Argument expected for the --check-hash-based-pycs options");
                }
                return next + 1;
            }
            default -> {
            }
        }
        String option = arg.substring(2);
        int equals = option.indexOf('=');
        String name = equals < 0 ? option : option.substring(0, equals);
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            throw new UsageError("unknown option " + arg);
        }
        polyglotOptions.put(name, equals < 0 ? "true" : option.substring(equals + 1));
        return next;
    }
}
