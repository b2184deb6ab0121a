package dev.mp.launcher;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * The program a command line names, run as {@code __main__}: a script file; a directory or zip archive holding
 * {@code __main__.mp} (or {@code __main__.py}); the code of {@code -c}; a module found as {@code -m} finds it
 * (parent packages imported first, a package's {@code __main__} for a package); or standard input.
 */
final class Program {
    /** A program that cannot run, reported as python3 reports it ({@code mp: message}, exit status). */
    static final class NotRunnable extends Exception {
        final int status;

        NotRunnable(String message, int status) {
            super(message);
            this.status = status;
        }
    }

    /**
     * Finds the module {@code name} as CPython's runpy does and prepares {@code __main__} for it: sets
     * {@code __file__}, {@code __package__} and {@code sys.argv[0]}, and leaves in {@code __mp_launch__} either
     * {@code (True, path)} or {@code (False, message)}. An exception raised by a parent package propagates.
     */
    private static final String MODULE_LOCATOR = """
            def __mp_locate(name):
                import sys, os
                class NotFound(Exception):
                    pass
                def find(name):
                    if name.startswith('.'):
                        raise NotFound('Relative module names not supported')
                    parent, _, simple = name.rpartition('.')
                    if parent:
                        try:
                            __import__(parent)
                        except ImportError as e:
                            if e.name is None or (e.name != parent and not parent.startswith(e.name + '.')):
                                raise
                            raise NotFound(f'Error while finding module specification for {name!r} ({type(e).__name__}: {e})')
                        dirs = getattr(sys.modules[parent], '__path__', None)
                        if dirs is None:
                            raise NotFound(f'Error while finding module specification for {name!r} (ModuleNotFoundError: '
                                           f'__path__ attribute not found on {parent!r} while trying to find {name!r})')
                    else:
                        dirs = sys.path
                    package = None
                    for d in dirs:
                        if not isinstance(d, str) or d.startswith('<'):
                            continue
                        base = os.path.join(d or os.getcwd(), simple)
                        if os.path.isfile(os.path.join(base, '__init__.mp')):
                            package = base
                            break
                        if os.path.isfile(base + '.mp'):
                            return os.path.abspath(base + '.mp'), parent
                        if package is None and os.path.isdir(base):
                            package = base
                    if package is None and (not parent or any(str(d).startswith('<mp-lib>') for d in dirs)):
                        # A module or package bundled with mp (unittest, json...), after the directories on disk.
                        import importlib
                        bundled = importlib._bundled_source(name)
                        if bundled is not None and bundled[2] == 'module':
                            return bundled[0], parent
                        if bundled is not None:
                            package = bundled[0]
                    if package is None:
                        raise NotFound('No module named ' + name)
                    if name == '__main__' or name.endswith('.__main__'):
                        raise NotFound('Cannot use package as __main__ module')
                    try:
                        return find(name + '.__main__')
                    except NotFound as e:
                        if name not in sys.modules:
                            raise
                        raise NotFound(f'{e}; {name!r} is a package and cannot be directly executed') from None
                try:
                    path, package = find(name)
                except NotFound as e:
                    return (False, str(e))
                g = globals()
                g['__file__'] = path
                g['__package__'] = package
                sys.argv[0] = path
                if path.startswith('<mp-lib>/'):
                    import importlib
                    return (True, path, importlib._bundled_source(path[len('<mp-lib>/'):-3].replace('/', '.'))[1])
                return (True, path, None)
            __mp_launch__ = __mp_locate(%s)
            del __mp_locate
            """;

    private final CommandLine line;
    /** The program's source; for a module, null until it has been found in the context. */
    private Source source;
    /** The script's path when the source is a literal ({@code -x}, {@code -P}), for {@code __file__}. */
    private String literalPath;

    private Program(CommandLine line, Source source) {
        this.line = line;
        this.source = source;
    }

    /**
     * The program of {@code line}; adds its {@code sys.argv} to {@code argv}.
     *
     * @throws NotRunnable for a file that does not exist or a directory without {@code __main__}
     */
    static Program of(CommandLine line, List<String> argv) throws IOException, NotRunnable {
        Program program = new Program(line, null);
        switch (line.kind) {
            case STDIN -> {
                program.source = Source.newBuilder("mp", new String(System.in.readAllBytes(), StandardCharsets.UTF_8), "<stdin>").build();
                argv.add(line.dashProgram ? "-" : "");
            }
            case COMMAND -> {
                program.source = Source.newBuilder("mp", line.program, "<string>").build();
                argv.add("-c");
            }
            case MODULE -> argv.add("-m");
            case FILE -> {
                program.source = program.fileSource(new File(line.program));
                argv.add(line.program);
            }
        }
        argv.addAll(line.arguments);
        return program;
    }

    private Source fileSource(File file) throws IOException, NotRunnable {
        if (!file.exists()) {
            throw new NotRunnable("can't open file '" + file.getAbsolutePath() + "': [Errno 2] No such file or directory", 2);
        }
        File main = file;
        if (file.isDirectory()) {
            main = mainOf(file);
        } else if (isZip(file)) {
            main = mainOf(extract(file));
        }
        if (line.skipFirstLine || line.safePath) {
            String text = Files.readString(main.toPath());
            if (line.skipFirstLine) {
                // The line is emptied, not removed, so the others keep their numbers in tracebacks.
                int end = text.indexOf('\n');
                text = end < 0 ? "" : text.substring(end);
            }
            literalPath = main.getAbsolutePath();
            return Source.newBuilder("mp", text, literalPath).uri(main.toURI()).build();
        }
        return Source.newBuilder("mp", main).build();
    }

    private static File mainOf(File directory) throws NotRunnable {
        for (String name : List.of("__main__.mp", "__main__.py")) {
            File main = new File(directory, name);
            if (main.isFile()) {
                return main;
            }
        }
        throw new NotRunnable("can't find '__main__' module in '" + directory.getAbsolutePath() + "'", 1);
    }

    private static boolean isZip(File file) throws IOException {
        try (InputStream in = Files.newInputStream(file.toPath())) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }

    /**
     * Unpacks a zip archive into a temporary directory removed when the JVM ends, so that the modules beside its
     * {@code __main__} can be imported as from a directory.
     */
    private static File extract(File zip) throws IOException {
        Path directory = Files.createTempDirectory("mp-zipapp-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(directory)));
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip.toPath()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = directory.resolve(entry.getName()).normalize();
                if (!target.startsWith(directory)) {
                    throw new IOException("the archive " + zip + " has an entry outside it: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
        return directory.toFile();
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
    }

    /**
     * Runs the program in {@code context}, built with {@code mp.Main}: an uncaught exception is printed and
     * exits the context (a {@link PolyglotException} that {@code isExit}).
     */
    void run(Context context) throws NotRunnable {
        prepare(context);
        context.eval(source);
    }

    /**
     * Runs the program in {@code context}, built without {@code mp.Main}, for the prompt to follow ({@code -i}):
     * the script's directory is put on {@code sys.path} here, and an uncaught exception, {@code SystemExit} too,
     * is printed with its traceback and ends only the program.
     */
    void runThenInspect(Context context) {
        try {
            prepare(context);
            if (source.getPath() != null && !line.safePath) {
                Value sys = context.eval("mp", "__import__('sys')");
                sys.getMember("path").setArrayElement(0, new File(source.getPath()).getAbsoluteFile().getParent());
                context.getBindings("mp").putMember("__file__", source.getPath());
            }
            context.eval(source);
        } catch (NotRunnable e) {
            Main.notRunnable(e);
        } catch (PolyglotException e) {
            if (e.isExit() || !e.isGuestException()) {
                throw e;
            }
            try {
                context.eval("mp", "__import__('traceback').print_exception").execute(e.getGuestObject());
            } catch (PolyglotException notPrinted) {
                Main.reportFailure(e, System.err);
            }
        }
    }

    /** Finds a module and sets {@code __main__} up for a literal source. */
    private void prepare(Context context) throws NotRunnable {
        // The bindings only when needed: the first polyglot Value of a guest object costs a start ~15 ms (Truffle builds
        // its dispatch), and a program that needs none of them gets its result as an int (see MainProgram.run).
        if (line.safePath) {
            context.eval("mp", "__import__('sys').path.remove('')");
        }
        if (line.kind == CommandLine.Kind.MODULE) {
            context.eval(Source.create("mp", MODULE_LOCATOR.formatted(pythonString(line.program))));
            Value globals = context.getBindings("mp");
            Value found = globals.getMember("__mp_launch__");
            if (found == null) {
                // A parent package ended the program with sys.exit(0).
                throw new NotRunnable(null, 0);
            }
            globals.removeMember("__mp_launch__");
            if (!found.getArrayElement(0).asBoolean()) {
                throw new NotRunnable(found.getArrayElement(1).asString(), 1);
            }
            String path = found.getArrayElement(1).asString();
            if (!found.getArrayElement(2).isNull()) {
                source = Source.newBuilder("mp", found.getArrayElement(2).asString(), path).buildLiteral();
                return;
            }
            try {
                source = Source.newBuilder("mp", Files.readString(Path.of(path)), path).uri(new File(path).toURI()).build();
            } catch (IOException e) {
                throw new NotRunnable("can't open file '" + path + "': " + e.getMessage(), 1);
            }
        }
        if (literalPath != null) {
            context.getBindings("mp").putMember("__file__", literalPath);
        }
    }

    /** {@code text} as a Python string literal. */
    private static String pythonString(String text) {
        StringBuilder literal = new StringBuilder("'");
        for (char c : text.toCharArray()) {
            if (c == '\\' || c == '\'') {
                literal.append('\\').append(c);
            } else if (c < ' ') {
                literal.append(String.format("\\x%02x", (int) c));
            } else {
                literal.append(c);
            }
        }
        return literal.append('\'').toString();
    }
}
