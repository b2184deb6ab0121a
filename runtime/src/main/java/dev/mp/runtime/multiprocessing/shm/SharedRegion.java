package dev.mp.runtime.multiprocessing.shm;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.channels.FileChannel.MapMode;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A named block of memory shared between processes: a file under {@code /dev/shm} (or under
 * {@code java.io.tmpdir} when {@code /dev/shm} does not exist) mapped read-write into a
 * {@link MemorySegment}.
 *
 * <p>Names have the form {@code mp-<creatorPid>-<16 hex digits>}; the pid lets
 * {@link ResourceTracker#sweepStale()} find leftovers of dead creators. {@link #create} registers
 * the file with the {@link ResourceTracker}, so the creating process removes it when it exits
 * (processes that only {@link #open} a region never remove it). A fresh region is zero-filled.
 *
 * <p>The mapping stays valid after the file is unlinked, until {@link #close()}. Accessing the
 * segment after {@code close()} throws {@link IllegalStateException}. Thread-safe.
 */
public final class SharedRegion implements AutoCloseable {
    /** Prefix of every region file name. */
    public static final String PREFIX = "mp-";
    private static final Pattern NAME = Pattern.compile("mp-[0-9]+-[0-9a-f]+");
    /** Made on first use: seeding a SecureRandom costs a few ms, which a start that only sweeps should not pay. */
    private static final class Random {
        static final SecureRandom SOURCE = new SecureRandom();
    }
    private static final Path DIR = chooseDir();

    private final String name;
    private final long size;
    private final Arena arena;
    private final MemorySegment segment;

    private SharedRegion(String name, long size, Arena arena, MemorySegment segment) {
        this.name = name;
        this.size = size;
        this.arena = arena;
        this.segment = segment;
    }

    private static Path chooseDir() {
        Path shm = Paths.get("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            return shm;
        }
        return Paths.get(System.getProperty("java.io.tmpdir"));
    }

    /** Fills {@code bytes} with random bytes, for the unique parts of file names. */
    static void randomBytes(byte[] bytes) {
        Random.SOURCE.nextBytes(bytes);
    }

    /** The directory holding region files ({@code /dev/shm} or {@code java.io.tmpdir}). */
    public static Path directory() {
        return DIR;
    }

    /**
     * Creates a new, uniquely named, zero-filled region of {@code size} bytes, maps it and
     * registers it with the {@link ResourceTracker} of this process.
     *
     * @throws IllegalArgumentException if {@code size <= 0}
     * @throws UncheckedIOException if the file cannot be created or mapped
     */
    public static SharedRegion create(long size) {
        if (size <= 0) {
            throw new IllegalArgumentException("region size must be > 0: " + size);
        }
        byte[] rnd = new byte[8];
        for (int attempt = 0; ; attempt++) {
            randomBytes(rnd);
            String name = PREFIX + Pids.current() + "-" + HexFormat.of().formatHex(rnd);
            Path path = DIR.resolve(name);
            FileChannel ch;
            try {
                try {
                    ch = FileChannel.open(path, java.util.Set.of(StandardOpenOption.CREATE_NEW,
                                    StandardOpenOption.READ, StandardOpenOption.WRITE),
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                            StandardOpenOption.WRITE);
                }
            } catch (FileAlreadyExistsException e) {
                if (attempt < 10) {
                    continue;
                }
                throw new UncheckedIOException(e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create shared memory file " + path, e);
            }
            ResourceTracker.register(name);
            try {
                SharedRegion r = map(ch, name, size, true);
                return r;
            } catch (RuntimeException | Error e) {
                ResourceTracker.unregister(name);
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // best effort
                }
                throw e;
            }
        }
    }

    /**
     * Maps an existing region (typically in a child process). The size is the file's size.
     *
     * @throws IllegalArgumentException if {@code name} is not a region name
     * @throws UncheckedIOException if it cannot be mapped; when the region does not exist (any
     *         more), its cause is a {@link FileNotFoundException}
     */
    public static SharedRegion open(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a shared region name: " + name);
        }
        Path path = DIR.resolve(name);
        FileChannel ch;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            FileNotFoundException fnf = new FileNotFoundException("shared region not found: " + path);
            fnf.initCause(e);
            throw new UncheckedIOException(fnf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open shared region " + path, e);
        }
        long size;
        try {
            size = ch.size();
        } catch (IOException e) {
            closeQuietly(ch);
            throw new UncheckedIOException(e);
        }
        if (size <= 0) {
            closeQuietly(ch);
            throw new UncheckedIOException(new IOException("shared region is empty: " + path));
        }
        return map(ch, name, size, false);
    }

    private static SharedRegion map(FileChannel ch, String name, long size, boolean setSize) {
        Arena arena = Arena.ofShared();
        try (ch) {
            if (setSize) {
                // extend the (empty) file to size; the new bytes read as zero
                ch.write(java.nio.ByteBuffer.wrap(new byte[1]), size - 1);
            }
            MemorySegment seg = ch.map(MapMode.READ_WRITE, 0, size, arena);
            return new SharedRegion(name, size, arena, seg);
        } catch (IOException e) {
            arena.close();
            throw new UncheckedIOException("cannot map shared region " + name, e);
        } catch (RuntimeException | Error e) {
            arena.close();
            throw e;
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    /** The region's name, usable with {@link #open} in another process. */
    public String name() {
        return name;
    }

    /** The size in bytes. */
    public long size() {
        return size;
    }

    /** The mapped memory (valid until {@link #close()}). */
    public MemorySegment segment() {
        return segment;
    }

    /** The file backing this region. */
    public Path path() {
        return DIR.resolve(name);
    }

    /**
     * Unmaps the region in this process. Does not remove the file. Must not be called while
     * other threads of this process still use the segment (they would get
     * {@link IllegalStateException}). Idempotent.
     */
    @Override
    public void close() {
        if (arena.scope().isAlive()) {
            try {
                arena.close();
            } catch (IllegalStateException alreadyClosed) {
                // concurrent close
            }
        }
    }

    /**
     * Removes the file (other processes' existing mappings stay valid, but it can no longer be
     * opened) and forgets it in the {@link ResourceTracker}. Does not unmap. Idempotent.
     */
    public void unlink() {
        unlink(name);
    }

    static void unlink(String name) {
        ResourceTracker.unregister(name);
        try {
            Files.deleteIfExists(DIR.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove shared region " + name, e);
        }
    }

    @Override
    public String toString() {
        return "SharedRegion[" + name + ", " + size + " bytes]";
    }
}
