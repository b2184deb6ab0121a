package dev.mp.runtime.multiprocessing.shm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files that belong to a shared region rather than to the process that wrote them: a queue's spilled items, which
 * must outlive their writer for as long as any process can still read the queue.
 *
 * <p>Such a file is named {@code <region>.<16 hex digits>}. Every process that uses the region ({@link #join})
 * holds a shared lock (fcntl, which the kernel drops when the process dies, however it dies) on the file
 * {@code <region>.users}. The files of a region are removed once nobody holds that lock: by the last user when it
 * ends normally (a shutdown hook), or by {@link ResourceTracker#sweepStale()} at the next mp start after the last
 * user was killed. They are never removed while a live process uses the region, whoever wrote them.
 *
 * <p>Per JVM, a region is joined once and stays joined until the JVM ends: POSIX drops a process's locks on a file
 * when it closes any descriptor of that file, so this process never opens the users file of a region it joined a
 * second time.
 */
public final class RegionUsers {
    /** Looked up when it logs, not at class loading (see ResourceTracker#sweepStale). */
    private static Logger log() {
        return LoggerFactory.getLogger(RegionUsers.class);
    }

    private static final String USERS = ".users";
    private static final Pattern FILE = Pattern.compile("mp-[0-9]+-[0-9a-f]+\\.[0-9a-f]{16}");
    /** The regions this process uses: the open users file and its shared lock. */
    private static final Map<String, FileLock> JOINED = new ConcurrentHashMap<>();
    private static volatile boolean hookInstalled;

    private RegionUsers() {
    }

    /** Records this process as a user of {@code region} until it ends; idempotent. */
    public static void join(String region) {
        JOINED.computeIfAbsent(region, RegionUsers::lockShared);
    }

    private static FileLock lockShared(String region) {
        installHook();
        try {
            FileChannel channel = FileChannel.open(usersFile(region), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            try {
                return channel.lock(0, 1, true);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record a user of shared region " + region, e);
        }
    }

    private static Path usersFile(String region) {
        return SharedRegion.directory().resolve(region + USERS);
    }

    /** Writes the contents of a file. */
    @FunctionalInterface
    public interface Contents {
        void writeTo(FileChannel file) throws IOException;
    }

    /** Writes {@code data} to a new file of {@code region}, which this process must have joined; returns its name. */
    public static String write(String region, byte[] data) {
        return write(region, file -> {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                file.write(buffer);
            }
        });
    }

    /** Writes {@code contents} to a new file of {@code region}, which this process must have joined; returns its name. */
    public static String write(String region, Contents contents) {
        byte[] rnd = new byte[8];
        SharedRegion.randomBytes(rnd);
        String name = region + "." + HexFormat.of().formatHex(rnd);
        Path path = SharedRegion.directory().resolve(name);
        try {
            try {
                Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(path);
            }
            try (FileChannel file = FileChannel.open(path, StandardOpenOption.WRITE)) {
                contents.writeTo(file);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // the sweep removes it once the region is unused
            }
            throw new UncheckedIOException("cannot create shared memory file " + name, e);
        }
        return name;
    }

    /**
     * Reads and removes a file made by {@link #write}.
     *
     * @throws UncheckedIOException when it is gone
     */
    public static byte[] take(String name) {
        Path path = path(name);
        try {
            byte[] data = Files.readAllBytes(path);
            Files.deleteIfExists(path);
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read shared memory file " + name, e);
        }
    }

    /**
     * Opens a file made by {@link #write} for reading and removes its name (the open channel still reads it), so
     * that a large item is read from the file without a copy of the whole file first.
     *
     * @throws UncheckedIOException when it is gone
     */
    public static FileChannel open(String name) {
        Path path = path(name);
        try {
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
            Files.deleteIfExists(path);
            return channel;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read shared memory file " + name, e);
        }
    }

    /** Removes a file made by {@link #write} that will not be taken. */
    public static void discard(String name) {
        try {
            Files.deleteIfExists(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove shared memory file " + name, e);
        }
    }

    private static Path path(String name) {
        if (name == null || !FILE.matcher(name).matches()) {
            throw new IllegalArgumentException("not a shared memory file name: " + name);
        }
        return SharedRegion.directory().resolve(name);
    }

    /** Whether {@code fileName} (in {@link SharedRegion#directory()}) is a users file or a file of a region. */
    static boolean owns(String fileName) {
        return fileName.endsWith(USERS) || FILE.matcher(fileName).matches();
    }

    /**
     * Removes the files of the regions that no live process uses (those this process joined are in use), and
     * files whose region has no users file any more. Part of {@link ResourceTracker#sweepStale()}.
     */
    static List<String> sweepUnused() {
        List<String> removed = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(SharedRegion.directory(), SharedRegion.PREFIX + "*.*")) {
            ds.forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException e) {
            log().warn("cannot scan {} for unused shared memory files: {}", SharedRegion.directory(), e.toString());
            return removed;
        }
        for (String name : names) {
            if (name.endsWith(USERS)) {
                String region = name.substring(0, name.length() - USERS.length());
                if (!JOINED.containsKey(region)) {
                    removeIfUnused(region, removed);
                }
            } else if (FILE.matcher(name).matches() && !Files.exists(usersFile(regionOf(name)))) {
                delete(name, removed);
            }
        }
        return removed;
    }

    private static String regionOf(String fileName) {
        return fileName.substring(0, fileName.lastIndexOf('.'));
    }

    /** With the users lock held exclusively (nobody uses the region), removes its files and then the users file. */
    private static void removeIfUnused(String region, List<String> removed) {
        try (FileChannel channel = FileChannel.open(usersFile(region), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock exclusive = channel.tryLock(0, 1, false);
            if (exclusive != null) {
                removeFiles(region, removed);
                delete(region + USERS, removed);
            }
        } catch (NoSuchFileException | OverlappingFileLockException gone) {
            // removed by another sweep, or being handled in this JVM
        } catch (IOException e) {
            log().warn("cannot check the users of shared region {}: {}", region, e.toString());
        }
    }

    private static void removeFiles(String region, List<String> removed) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(SharedRegion.directory(), region + ".*")) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (FILE.matcher(name).matches()) {
                    delete(name, removed);
                }
            }
        } catch (IOException e) {
            log().warn("cannot remove the files of shared region {}: {}", region, e.toString());
        }
    }

    private static void delete(String name, List<String> removed) {
        try {
            if (Files.deleteIfExists(SharedRegion.directory().resolve(name))) {
                removed.add(name);
            }
        } catch (IOException e) {
            log().warn("cannot remove shared memory file {}: {}", name, e.toString());
        }
    }

    private static void installHook() {
        if (hookInstalled) {
            return;
        }
        synchronized (RegionUsers.class) {
            if (!hookInstalled) {
                try {
                    Runtime.getRuntime().addShutdownHook(new Thread(RegionUsers::leaveAll, "mp-shm-region-users"));
                } catch (IllegalStateException shuttingDown) {
                    // too late: the next sweep removes what the last user leaves behind
                }
                hookInstalled = true;
            }
        }
    }

    /** At exit: this process stops using its regions, and the last user of a region removes its files. */
    static void leaveAll() {
        for (Map.Entry<String, FileLock> e : JOINED.entrySet()) {
            FileLock shared = e.getValue();
            try (FileChannel channel = shared.channel()) {
                shared.release();
                if (channel.tryLock(0, 1, false) != null) {
                    removeFiles(e.getKey(), new ArrayList<>());
                    delete(e.getKey() + USERS, new ArrayList<>());
                }
            } catch (IOException | RuntimeException failure) {
                log().debug("cannot leave shared region {}: {}", e.getKey(), failure.toString());
            }
        }
        JOINED.clear();
    }
}
