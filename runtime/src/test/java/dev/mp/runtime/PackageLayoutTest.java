package dev.mp.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Keeps the runtime's packages layered as the pipeline runs (parse → resolve → code → objects → modules →
 * multiprocessing): scans the main sources for the classes each file names in code (imports, static imports and
 * fully qualified {@code dev.mp.runtime.X.Y} references; comments and string literals do not count) and fails,
 * naming the file, when
 * <ul>
 * <li>{@code nodes} (or a package under it) references {@code multiprocessing}: what the nodes record for
 * pickling lives in the context ({@link SourcesWithoutFile}), so no cycle nodes → multiprocessing → parser →
 * nodes;</li>
 * <li>{@code socket} references {@code modules}, except the io base types that {@code SocketFile} (the file
 * {@code socket.makefile()} returns) derives from, which are the {@code _io} module's own;</li>
 * <li>{@code objects} references an {@code ops} class beyond those listed in {@link #OBJECTS_TO_OPS}.</li>
 * </ul>
 *
 * <p>The {@code objects} ↔ {@code ops} cycle is only partly broken: ops depends on objects (operations on the data
 * model), and the references back that remain are listed per file. They are Python's {@code ==} and {@code hash()}
 * behind the Java {@code equals}/{@code hashCode} of PTuple, PInstance, PBoxed, PComplex and PRange and inside
 * PSet's table (they may call a class's {@code __eq__}/{@code __hash__}); the Truffle interop exports of PObject,
 * PClass, PDict and PBaseException, which must be declared on the receiver class and reach attributes, calls,
 * iteration and exception formatting; and the Python errors DictKey, PClass and PMemoryView raise. Removing them
 * needs an inversion (objects calling ops through an interface) that the dict and call paths would pay for, so
 * the list may only shrink.
 */
class PackageLayoutTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/mp/runtime");

    /** The io base types of {@code modules} that socket files build on, by simple name. */
    private static final Set<String> SOCKET_TO_MODULES = Set.of("BinaryStream", "IoBaseClasses", "TextIOWrapper");

    /** The {@code ops} classes each file of {@code objects} may still reference (see the class comment). */
    private static final Map<String, Set<String>> OBJECTS_TO_OPS = Map.ofEntries(
            Map.entry("DictKey.java", Set.of("Errors", "Types")),
            Map.entry("PBaseException.java", Set.of("Conversions")),
            Map.entry("PBoxed.java", Set.of("Comparisons", "Conversions")),
            Map.entry("PClass.java", Set.of("Errors", "Interop", "Iteration", "Types")),
            Map.entry("PComplex.java", Set.of("Comparisons", "Conversions")),
            Map.entry("PDict.java", Set.of("InteropIterator", "Iteration")),
            Map.entry("PInstance.java", Set.of("Comparisons", "Conversions")),
            Map.entry("PMemoryView.java", Set.of("Errors")),
            Map.entry("PObject.java", Set.of("Calls", "Interop", "Iteration")),
            Map.entry("PRange.java", Set.of("Conversions")),
            Map.entry("PSet.java", Set.of("Conversions")),
            Map.entry("PTuple.java", Set.of("Comparisons", "Conversions")));

    /** {@code dev.mp.runtime.PACKAGE.Name}: group 1 is the top package under the runtime, group 2 what follows it. */
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.mp\\.runtime\\.([a-z_][a-z0-9_]*)\\.(\\*|[A-Za-z_]\\w*)");

    @Test
    void nodesDoNotReferenceMultiprocessing() {
        assertEquals(List.of(), violations("nodes", "multiprocessing", (file, name) -> false));
    }

    @Test
    void socketReferencesModulesOnlyForTheIoBaseTypes() {
        assertEquals(List.of(), violations("socket", "modules", (file, name) -> SOCKET_TO_MODULES.contains(name)));
    }

    @Test
    void objectsReferenceNoOpsBeyondTheListedOnes() {
        assertEquals(List.of(), violations("objects", "ops",
                (file, name) -> OBJECTS_TO_OPS.getOrDefault(file.getFileName().toString(), Set.of()).contains(name)));
    }

    /** The list shrinks as references go: an entry no longer used must be removed, so it cannot come back unnoticed. */
    @Test
    void theListedObjectsToOpsReferencesAreStillThere() {
        List<String> stale = new ArrayList<>();
        OBJECTS_TO_OPS.forEach((file, names) -> {
            Path source = SOURCES.resolve("objects").resolve(file);
            Set<String> used = Files.exists(source) ? references(read(source)) : Set.of();
            for (String name : names) {
                if (!used.contains("ops." + name)) {
                    stale.add("objects/" + file + " no longer references ops." + name + ": remove it from OBJECTS_TO_OPS");
                }
            }
        });
        stale.sort(null);
        assertEquals(List.of(), stale);
    }

    @Test
    void onlyCodeCounts() {
        String source = """
                package dev.mp.runtime.nodes;

                import dev.mp.runtime.multiprocessing.Reduction;
                import static dev.mp.runtime.ops.Errors.typeError;
                import dev.mp.runtime.modules.*;

                /** {@link dev.mp.runtime.socket.PSocket} in Javadoc. */
                final class Example { // dev.mp.runtime.parser.Ignored
                    String s = "dev.mp.runtime.threading.InString";
                    char c = '"';
                    Object o = dev.mp.runtime.objects.PNone.NONE; /* dev.mp.runtime.builtins.Ignored */
                }
                """;
        assertEquals(Set.of("multiprocessing.Reduction", "ops.Errors", "modules.*", "objects.PNone"), references(source));
    }

    @FunctionalInterface
    private interface Allowed {
        boolean test(Path file, String name);
    }

    /** Each reference from a file of package {@code from} (or below it) to package {@code to} that is not allowed. */
    private static List<String> violations(String from, String to, Allowed allowed) {
        Path root = SOURCES.resolve(from);
        assertTrue(Files.isDirectory(root), root.toAbsolutePath() + " is not a directory");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                for (String reference : references(read(file))) {
                    String[] parts = reference.split("\\.", 2);
                    if (parts[0].equals(to) && !allowed.test(file, parts[1])) {
                        found.add(SOURCES.relativize(file) + " references dev.mp.runtime." + reference);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code package.Name} of each {@code dev.mp.runtime.package.Name} in the code of {@code source}. */
    private static Set<String> references(String source) {
        Set<String> out = new TreeSet<>();
        Matcher m = REFERENCE.matcher(codeOnly(source));
        while (m.find()) {
            out.add(m.group(1) + "." + m.group(2));
        }
        return out;
    }

    /** {@code source} with comments and string, text block and char literals blanked out. */
    private static String codeOnly(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            int end;
            if (source.startsWith("//", i)) {
                end = source.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                end = literalEnd(source, i + 3, "\"\"\"");
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                end = literalEnd(source, i + 1, String.valueOf(source.charAt(i)));
            } else {
                code.append(source.charAt(i++));
                continue;
            }
            code.append(' ');
            i = end;
        }
        return code.toString();
    }

    /** The index after the {@code close} that ends a literal whose content starts at {@code from}. */
    private static int literalEnd(String source, int from, String close) {
        for (int i = from; i < source.length(); i++) {
            if (source.charAt(i) == '\\') {
                i++;
            } else if (source.startsWith(close, i)) {
                return i + close.length();
            }
        }
        return source.length();
    }
}
