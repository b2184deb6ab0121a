package dev.mp.runtime.multiprocessing.shm;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the shared memory files of this process when it exits.
 *
 * <p>Every region <em>created</em> by this process ({@link SharedRegion#create}) is recorded here;
 * regions that this process merely opened are not, so a child never removes what its parent
 * created, while regions a child creates belong to (and are removed by) that child. On the first
 * registration a JVM shutdown hook is installed which calls {@link #removeAll()}; it runs on normal
 * exit, on {@code System.exit}, after an uncaught exception ends the last non-daemon thread, and on
 * SIGINT/SIGTERM/SIGHUP. After SIGKILL or a JVM crash nothing runs; {@link #sweepStale()} (to be
 * called when mp starts) then deletes files {@code mp-<pid>-*} whose creator pid is dead.
 *
 * <p>Removing a file does not disturb processes that still have it mapped.
 */
public final class ResourceTracker {
    /** Looked up when it logs: most programs never do, and slf4j's start costs every start (see sweepStale). */
    private static Logger log() {
        return LoggerFactory.getLogger(ResourceTracker.class);
    }

    private static final Set<String> NAMES = ConcurrentHashMap.newKeySet();
    private static volatile boolean hookInstalled;

    private ResourceTracker() {}

    static void register(String name) {
        installHook();
        NAMES.add(name);
    }

    static void unregister(String name) {
        NAMES.remove(name);
    }

    /** The names of regions created by this process that are still tracked. */
    public static Set<String> tracked() {
        return Set.copyOf(NAMES);
    }

    private static void installHook() {
        if (hookInstalled) {
            return;
        }
        synchronized (ResourceTracker.class) {
            if (hookInstalled) {
                return;
            }
            try {
                Runtime.getRuntime().addShutdownHook(
                        new Thread(ResourceTracker::removeAll, "mp-shm-resource-tracker"));
            } catch (IllegalStateException shuttingDown) {
                // too late for a hook; removeAll() is being or will be called by an existing one
            }
            hookInstalled = true;
        }
    }

    /**
     * Deletes the files of all regions created by this process (and forgets them). Mappings stay
     * valid. Errors are logged, not thrown. Safe to call more than once.
     */
    public static void removeAll() {
        for (String name : List.copyOf(NAMES)) {
            NAMES.remove(name);
            try {
                Files.deleteIfExists(SharedRegion.directory().resolve(name));
            } catch (IOException | RuntimeException e) {
                log().warn("cannot remove shared memory file {}: {}", name, e.toString());
            }
        }
    }

    /**
     * Runs {@link #sweepStale()} on a daemon thread, so that a program's start does not wait for it (about 10 ms,
     * mostly loading the shared-memory classes); it only touches files of dead processes. Join the thread before
     * the program ends, so that even a short one leaves no leftovers behind.
     */
    public static Thread sweepStaleInBackground() {
        Thread sweep = new Thread(ResourceTracker::sweepStale, "mp-shm-sweep");
        sweep.setDaemon(true);
        sweep.start();
        return sweep;
    }

    /**
     * Deletes leftover region files {@code mp-<pid>-*} in {@link SharedRegion#directory()} whose
     * creator pid is no longer alive, and the files of regions that no live process uses (see
     * {@link RegionUsers}). Call at every mp start. A pid reused by an unrelated live
     * process keeps its files until that process is gone.
     *
     * @return the names removed
     */
    public static List<String> sweepStale() {
        List<String> removed = new ArrayList<>();
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(SharedRegion.directory(), SharedRegion.PREFIX + "*")) {
            ds.forEach(candidates::add);
        } catch (IOException e) {
            log().warn("cannot scan {} for stale shared memory: {}", SharedRegion.directory(), e.toString());
            return removed;
        }
        if (candidates.isEmpty()) {
            // The usual case, and the cheap one: the classes that check and remove files are not even loaded.
            return removed;
        }
        for (Path p : candidates) {
            String n = p.getFileName().toString();
            if (RegionUsers.owns(n)) {
                continue; // a file of a region, which lives as long as the region has users
            }
            int pid = creatorPid(n);
            if (pid <= 0 || pid == Pids.current() || Pids.isAlive(pid)) {
                continue;
            }
            try {
                if (Files.deleteIfExists(p)) {
                    removed.add(n);
                }
            } catch (IOException e) {
                log().warn("cannot remove stale shared memory file {}: {}", p, e.toString());
            }
        }
        removed.addAll(RegionUsers.sweepUnused());
        if (!removed.isEmpty()) {
            log().debug("removed stale shared memory files {}", removed);
        }
        return removed;
    }

    /** The creator pid encoded in a region name, or -1 if the name is not a region name. */
    static int creatorPid(String name) {
        if (!name.startsWith(SharedRegion.PREFIX)) {
            return -1;
        }
        int dash = name.indexOf('-', SharedRegion.PREFIX.length());
        if (dash < 0) {
            return -1;
        }
        try {
            long pid = Long.parseLong(name.substring(SharedRegion.PREFIX.length(), dash));
            return pid > 0 && pid <= Integer.MAX_VALUE ? (int) pid : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
