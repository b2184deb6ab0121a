package dev.mp.runtime.multiprocessing;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line of a child JVM: the JDK this process runs on, the jars the mp runtime itself was loaded from
 * (never the host's class path, so an embedding application's fat jar or module layout does not matter), and
 * flags chosen for a quick start.
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

    private static volatile List<String> prefix;

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
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Xshare:auto");
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
            cmd.add("-Dslf4j.provider=org.slf4j.helpers.NOPServiceProvider");
        }
        cmd.add("-cp");
        cmd.add(String.join(java.io.File.pathSeparator, classPath()));
        cmd.add(ChildMain.class.getName());
        return List.copyOf(cmd);
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
