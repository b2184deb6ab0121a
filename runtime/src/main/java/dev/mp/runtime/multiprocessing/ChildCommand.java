package dev.mp.runtime.multiprocessing;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line of a child JVM: the JDK this process runs on, the jars the mp runtime itself was loaded from
 * (never the host's class path, so an embedding application's fat jar or module layout does not matter), and
 * flags chosen for a quick start and a small footprint.
 *
 * <p>Children use a JDK AOT cache (classes loaded and linked, method profiles) when the system property
 * {@value #AOT_CACHE} names one that is newer than every jar of the class path; the launcher passes the cache it
 * trained at build time. The JVM itself still validates the cache and runs without it, silently, when it does not
 * match. With {@value #AOT_CACHE_OUTPUT} set, children record such a cache instead (training; one child at a
 * time, since they all write the same file).
 */
final class ChildCommand {
    private ChildCommand() {
    }

    /** Classes whose jars make up the runtime: mp, its grammar, ANTLR, Truffle, polyglot and slf4j. */
    private static final String[] RUNTIME_CLASSES = {
        "dev.mp.runtime.MpLanguage",
        "dev.mp.grammar.MpLexer",
        "org.antlr.v4.runtime.Lexer",
        "com.oracle.truffle.api.TruffleLanguage",
        "org.graalvm.polyglot.Context",
        "org.graalvm.collections.EconomicMap",
        "org.graalvm.nativeimage.ImageInfo",
        "org.graalvm.word.WordBase",
        "org.slf4j.Logger",
    };

    /** System property: the AOT cache children use. */
    static final String AOT_CACHE = "mp.child.aotCache";
    /** System property: where a training child writes its AOT cache. */
    static final String AOT_CACHE_OUTPUT = "mp.child.aotCacheOutput";

    private static volatile List<String> prefix;

    /** Whether children are being trained for an AOT cache. */
    static boolean isTraining() {
        return System.getProperty(AOT_CACHE_OUTPUT) != null;
    }

    /** The command that starts a child JVM running {@link ChildMain}. */
    static List<String> command() {
        List<String> p = prefix;
        if (p == null) {
            p = build();
            prefix = p;
        }
        return p;
    }

    private static List<String> build() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xss16m");
        cmd.add("-XX:+UseSerialGC");
        // A small initial heap: the young generation starts at a third of it and grows with the heap, so a child
        // touches (and keeps resident) a few MB, not a third of the default 1/64 of the machine's memory.
        cmd.add("-Xms16m");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:-UsePerfData");
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("--sun-misc-unsafe-memory-access=allow");
        cmd.add("-Dpolyglot.engine.WarnInterpreterOnly=false");
        String logLevel = System.getProperty("org.slf4j.simpleLogger.defaultLogLevel");
        if (logLevel != null) {
            cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=" + logLevel);
        }
        if (org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName().startsWith("org.slf4j.helpers.")) {
            // The parent logs nowhere; so does the child, without slf4j's warning about it.
            // Named by its class literal: a misspelt provider makes slf4j print a stack trace in every child.
            cmd.add("-Dslf4j.provider=" + org.slf4j.helpers.NOP_FallbackServiceProvider.class.getName());
            cmd.add("-Dslf4j.internal.verbosity=WARN"); // else slf4j reports at INFO that it loads that provider
        }
        Set<String> classPath = classPath();
        String training = System.getProperty(AOT_CACHE_OUTPUT);
        String cache = System.getProperty(AOT_CACHE);
        if (training != null) {
            cmd.add("-XX:AOTCacheOutput=" + training);
        } else if (cache != null && isFresh(Path.of(cache), classPath)) {
            cmd.add("-XX:AOTCache=" + cache);
            // A cache the JVM rejects (another JDK, other flags) is dropped without a word on the child's stdout.
            cmd.add("-Xlog:aot*=off");
            cmd.add("-Xlog:cds*=off");
        }
        cmd.add("-cp");
        cmd.add(String.join(java.io.File.pathSeparator, classPath));
        cmd.add(ChildMain.class.getName());
        return List.copyOf(cmd);
    }

    /** Whether {@code cache} exists and was written after every class path entry last changed. */
    private static boolean isFresh(Path cache, Set<String> classPath) {
        try {
            FileTime written = Files.getLastModifiedTime(cache);
            for (String entry : classPath) {
                if (Files.getLastModifiedTime(Path.of(entry)).compareTo(written) >= 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Set<String> classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String name : RUNTIME_CLASSES) {
            try {
                addCodeSource(entries, Class.forName(name, false, ChildCommand.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                // optional part (for example no slf4j binding); the child runs without it
            }
        }
        // The logging binding the parent uses, so a child logs the same way.
        Object factory = org.slf4j.LoggerFactory.getILoggerFactory();
        if (!factory.getClass().getName().startsWith("org.slf4j.helpers.")) {
            addCodeSource(entries, factory.getClass());
        }
        return entries;
    }

    private static void addCodeSource(Set<String> entries, Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return;
        }
        try {
            entries.add(Path.of(source.getLocation().toURI()).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            entries.add(source.getLocation().getPath());
        }
    }
}
