package dev.mp.runtime.multiprocessing;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a Process may leave behind in its JVM after its context is closed: what a recycled JVM must not carry into
 * the next Process. Everything a program changes through mp is per context (modules, {@code os.environ}, the
 * working directory, signal handlers, {@code atexit}, the standard streams), so a fresh context starts clean;
 * what is process-wide in the JVM is checked here, and a JVM that has any of it ends (its Process's exit code then
 * being its status, as with spawn) instead of running another Process:
 * <ul>
 * <li>open file descriptors (files, sockets, pipes) the Process did not close, which the next Process would
 * inherit and which could hold a port or a lock;</li>
 * <li>threads still running (a thread of the Process that would not stop when its context closed);</li>
 * <li>more than {@link #MAX_SHM_MAPPINGS} shared-memory regions still mapped or joined (a region a Process
 * attached stays mapped in the JVM, and one whose queue spilled to files keeps this JVM recorded as its user, an
 * open {@code .users} file: both are the shared-memory layer's, per JVM; the bound keeps a long-lived JVM from
 * holding many of them);</li>
 * <li>and at most {@link #MAX_TASKS} Processes per JVM, which bounds whatever else may grow.</li>
 * </ul>
 * File descriptors of the JVM's own class loading (jars, the JDK's modules, the AOT cache) are not the Process's.
 * Linux only ({@code /proc/self}); elsewhere nothing is found and only the bound on tasks holds.
 */
final class Leftovers {
    /** How many Processes one JVM runs at most. */
    static final int MAX_TASKS = 200;
    /** How many shared-memory regions a JVM may keep mapped and still run another Process. */
    static final int MAX_SHM_MAPPINGS = 64;

    private final Map<String, String> fds;
    private final Set<Thread> threads;

    private Leftovers(Map<String, String> fds, Set<Thread> threads) {
        this.fds = fds;
        this.threads = threads;
    }

    /** The JVM's open descriptors and threads now, before a Process runs. */
    static Leftovers take() {
        return new Leftovers(openFds(), liveThreads());
    }

    /**
     * What was left behind since {@link #take}, in words, or null when nothing was: called once the Process's
     * context is closed.
     */
    String leftBehind() {
        long shmFiles = 0;
        for (Map.Entry<String, String> fd : openFds().entrySet()) {
            if (fd.getValue().startsWith(shmPrefix())) {
                shmFiles++;
            } else if (!fd.getValue().equals(fds.get(fd.getKey())) && !isJvmOwn(fd.getValue())) {
                return "open file descriptor " + fd.getKey() + " (" + fd.getValue() + ")";
            }
        }
        for (Thread t : liveThreads()) {
            if (!threads.contains(t) && (!t.isDaemon() || "mp threads".equals(groupName(t)))) {
                return "thread " + t.getName() + " still running";
            }
        }
        long held = shmMappings() + shmFiles;
        if (held > MAX_SHM_MAPPINGS) {
            return held + " shared memory regions mapped or joined";
        }
        return null;
    }

    private static String groupName(Thread t) {
        ThreadGroup group = t.getThreadGroup();
        return group == null ? null : group.getName();
    }

    private static Set<Thread> liveThreads() {
        Set<Thread> live = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive()) {
                live.add(t);
            }
        }
        return live;
    }

    /** Descriptor number to what it refers to; empty without /proc. */
    private static Map<String, String> openFds() {
        Map<String, String> open = new HashMap<>();
        Path dir = Path.of("/proc/self/fd");
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path fd : entries) {
                try {
                    open.put(fd.getFileName().toString(), Files.readSymbolicLink(fd).toString());
                } catch (IOException | UnsupportedOperationException gone) {
                    // closed meanwhile (the directory listing's own descriptor among them)
                }
            }
        } catch (IOException | UnsupportedOperationException noProc) {
            // not Linux
        }
        return open;
    }

    /** Whether a descriptor belongs to the JVM's class loading rather than to a Process. */
    private static boolean isJvmOwn(String target) {
        // The entropy devices: the JDK opens them on the first SecureRandom made in the JVM (in whichever Process
        // first needs one) and every later SecureRandom shares them.
        return target.endsWith(".jar") || target.endsWith(".aot") || target.endsWith(".jsa")
                || target.startsWith(System.getProperty("java.home")) || target.startsWith("/proc/")
                || target.equals("/dev/random") || target.equals("/dev/urandom");
    }

    /** The start of the paths of mp's shared-memory files. */
    private static String shmPrefix() {
        return dev.mp.runtime.multiprocessing.shm.SharedRegion.directory().toString() + "/"
                + dev.mp.runtime.multiprocessing.shm.SharedRegion.PREFIX;
    }

    /** How many mp shared-memory regions this JVM has mapped (distinct files), from /proc/self/maps. */
    private static long shmMappings() {
        String dir = shmPrefix();
        try (java.util.stream.Stream<String> lines = Files.lines(Path.of("/proc/self/maps"))) {
            return lines.filter(l -> l.contains(dir)).map(l -> l.substring(l.indexOf(dir))).distinct().count();
        } catch (IOException | java.io.UncheckedIOException noProc) {
            return 0;
        }
    }
}
