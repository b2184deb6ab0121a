package dev.mp.runtime.multiprocessing.shm;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.channels.FileChannel.MapMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * A POSIX shared memory object as Python's {@code multiprocessing.shared_memory} names them: a file of any valid
 * name in {@link SharedRegion#directory()}, created exclusively or opened by name, and mapped read-write.
 *
 * <p>The creating process registers the file with the {@link ResourceTracker}, which removes it when that process
 * ends (CPython's resource tracker does so at the end of the program, with a warning). A name made by
 * {@link #freshName()} has the {@link SharedRegion} form {@code mp-<pid>-<hex>}, so the file is also swept at the
 * next start of mp after a SIGKILL; a name chosen by the program is not.
 */
public final class NamedSharedMemory {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String name;
    private final long size;
    private final Arena arena;
    private final MemorySegment segment;

    private NamedSharedMemory(String name, long size, Arena arena, MemorySegment segment) {
        this.name = name;
        this.size = size;
        this.arena = arena;
        this.segment = segment;
    }

    /** A name no file has yet, of the form that {@link ResourceTracker#sweepStale()} recognizes. */
    public static String freshName() {
        byte[] rnd = new byte[8];
        RANDOM.nextBytes(rnd);
        return SharedRegion.PREFIX + Pids.current() + "-" + HexFormat.of().formatHex(rnd);
    }

    /** Whether {@code name} can name a shared memory object (one path component, as shm_open requires). */
    public static boolean validName(String name) {
        return !name.isEmpty() && name.indexOf('/') < 0 && !name.equals(".") && !name.equals("..")
                && name.indexOf('\0') < 0;
    }

    /**
     * Creates the object {@code name} of {@code size} zero bytes, maps it and registers it for removal at the end
     * of this process.
     *
     * @throws java.nio.file.FileAlreadyExistsException if it exists
     */
    public static NamedSharedMemory create(String name, long size) throws IOException {
        Path path = SharedRegion.directory().resolve(name);
        FileChannel ch;
        try {
            ch = FileChannel.open(path, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }
        ResourceTracker.register(name);
        try (FileChannel c = ch) {
            c.write(java.nio.ByteBuffer.wrap(new byte[1]), size - 1);
            return map(c, name, size);
        } catch (IOException | RuntimeException e) {
            ResourceTracker.unregister(name);
            Files.deleteIfExists(path);
            throw e;
        }
    }

    /**
     * Maps the existing object {@code name}; its size is the file's.
     *
     * @throws java.nio.file.NoSuchFileException if there is none
     */
    public static NamedSharedMemory open(String name) throws IOException {
        try (FileChannel ch = FileChannel.open(SharedRegion.directory().resolve(name), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            long size = ch.size();
            if (size == 0) {
                throw new IOException("empty shared memory object " + name);
            }
            return map(ch, name, size);
        }
    }

    private static NamedSharedMemory map(FileChannel ch, String name, long size) throws IOException {
        Arena arena = Arena.ofShared();
        try {
            return new NamedSharedMemory(name, size, arena, ch.map(MapMode.READ_WRITE, 0, size, arena));
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /** Removes the object {@code name} (mappings stay valid) and forgets it in the tracker. */
    public static void unlink(String name) throws IOException {
        ResourceTracker.unregister(name);
        Files.delete(SharedRegion.directory().resolve(name));
    }

    public String name() {
        return name;
    }

    public long size() {
        return size;
    }

    /** The mapped memory, valid until {@link #close()}. */
    public MemorySegment segment() {
        return segment;
    }

    public boolean isOpen() {
        return arena.scope().isAlive();
    }

    /** Unmaps the object in this process; idempotent. */
    public void close() {
        if (arena.scope().isAlive()) {
            arena.close();
        }
    }
}
