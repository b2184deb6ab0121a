package dev.mp.runtime.multiprocessing.ipc;

import dev.mp.runtime.multiprocessing.shm.RegionUsers;
import dev.mp.runtime.multiprocessing.shm.SharedRegion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;

/**
 * One file of an {@link Overflow} chain, mapped in this process: an append-only log of records in a file of the
 * queue's region ({@code <region>.<16 hex digits>}, see {@link RegionUsers}), so it outlives its writer and is
 * removed with the queue's last user at the latest.
 *
 * <h2>Layout</h2>
 * <pre>
 *   0 int magic 'MPQO'      8 long chainId (id of the chain's first segment, the one its ring LINK names)
 *  64 long writeOff (hint: where the writers' front was after the last commit)
 * 128 long readOff  (hint: the next record to read)
 * 192 records: int type, int len, int seq, int 0, then len bytes padded to 8
 * </pre>
 * Types: MSG (a message; {@code seq} is the queue's put count when it was written, so it is committed once the
 * ring's put count passed it), NEXT (8 bytes: id of the next segment of the chain), CLOSE (the chain ends; it
 * counts once the ring shows a record after the chain's LINK). A record's type is stored last, and a writer clears
 * the type word after its record, so the record at the writers' front is always free or a complete-or-abandoned
 * record of a writer that did not commit.
 */
final class OverflowSegment implements AutoCloseable {
    static final int MAGIC = 0x4D50514F;
    static final int OFF_MAGIC = 0, OFF_CHAIN = 8, OFF_WRITE = 64, OFF_READ = 128;
    static final int START = 192;
    static final int HDR = 16;
    static final int MSG = 1, NEXT = 2, CLOSE = 3;
    /** Room always left after a message so that a NEXT (or a CLOSE) can follow it. */
    static final int NEXT_REC = HDR + 8;

    final long id;
    final long chainId;
    final long size;
    private final Arena arena;
    private final MemorySegment seg;

    private OverflowSegment(long id, Arena arena, MemorySegment seg) {
        this.id = id;
        this.arena = arena;
        this.seg = seg;
        this.size = seg.byteSize();
        this.chainId = seg.get(ValueLayout.JAVA_LONG, OFF_CHAIN);
    }

    static long recordBytes(int len) {
        return HDR + (((long) len + 7) & ~7L);
    }

    /** Bytes of a segment able to hold a message of {@code len} bytes: at least {@code standard}, page rounded. */
    static long sizeFor(int len, long standard) {
        long need = START + recordBytes(len) + NEXT_REC;
        return Math.max(standard, (need + 4095) & ~4095L);
    }

    private static String name(String region, long id) {
        return region + "." + HexFormat.of().toHexDigits(id);
    }

    /**
     * Creates a segment of {@code size} bytes of the queue {@code region} (which this process joined), its storage
     * allocated up front, so that running out of shared memory is an exception here rather than a SIGBUS later.
     * {@code chainId} 0 starts a new chain (named by this segment's own id).
     *
     * @throws ShmExhaustedException when the file cannot be created or filled
     */
    static OverflowSegment create(String region, long size, long chainId) {
        String name;
        try {
            name = RegionUsers.write(region, file -> {
                ByteBuffer zeros = ByteBuffer.allocate(64 * 1024);
                for (long done = 0; done < size; ) {
                    zeros.clear().limit((int) Math.min(zeros.capacity(), size - done));
                    done += file.write(zeros, done);
                }
            });
        } catch (UncheckedIOException e) {
            throw new ShmExhaustedException(size, e.getCause());
        }
        long id = Long.parseUnsignedLong(name.substring(name.lastIndexOf('.') + 1), 16);
        OverflowSegment s;
        try {
            s = map(name, id);
        } catch (IOException | RuntimeException e) {
            RegionUsers.discard(name);
            throw new ShmExhaustedException(size, e);
        }
        MemorySegment m = s.seg;
        m.set(ValueLayout.JAVA_LONG, OFF_CHAIN, chainId == 0 ? id : chainId);
        m.set(ValueLayout.JAVA_LONG, OFF_WRITE, START);
        m.set(ValueLayout.JAVA_LONG, OFF_READ, START);
        Mem.setInt(m, OFF_MAGIC, MAGIC);
        return new OverflowSegment(id, s.arena, m);
    }

    /** Maps an existing segment; null if its file is gone. */
    static OverflowSegment open(String region, long id) {
        try {
            OverflowSegment s = map(name(region, id), id);
            if (Mem.getInt(s.seg, OFF_MAGIC) != MAGIC) {
                s.close();
                throw new IllegalStateException("corrupt queue overflow segment " + name(region, id));
            }
            return s;
        } catch (NoSuchFileException gone) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map queue overflow segment " + name(region, id), e);
        }
    }

    private static OverflowSegment map(String name, long id) throws IOException {
        Arena arena = Arena.ofShared();
        try (FileChannel ch = FileChannel.open(SharedRegion.directory().resolve(name), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            return new OverflowSegment(id, arena, ch.map(FileChannel.MapMode.READ_WRITE, 0, ch.size(), arena));
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /** Removes the segment's file (existing mappings stay valid). */
    static void delete(String region, long id) {
        try {
            RegionUsers.discard(name(region, id));
        } catch (UncheckedIOException e) {
            // the queue's last user removes it
        }
    }

    long writeOff() { return Mem.getLong(seg, OFF_WRITE); }
    void setWriteOff(long off) { Mem.setLongRelease(seg, OFF_WRITE, off); }
    long readOff() { return Mem.getLong(seg, OFF_READ); }
    void setReadOff(long off) { Mem.setLongRelease(seg, OFF_READ, off); }

    /** Whether {@code off} can hold a record header (hints read from shared memory are checked before use). */
    boolean holdsHeader(long off) {
        return off >= START && off + HDR <= size && (off & 7) == 0;
    }

    int type(long off) { return Mem.getInt(seg, off); }
    int len(long off) { return seg.get(ValueLayout.JAVA_INT, off + 4); }
    int seq(long off) { return seg.get(ValueLayout.JAVA_INT, off + 8); }
    long nextId(long off) { return seg.get(ValueLayout.JAVA_LONG, off + HDR); }

    /** Whether a message of {@code len} bytes fits at {@code off} with room for a NEXT after it. */
    boolean fits(long off, int len) {
        return off + recordBytes(len) + NEXT_REC <= size;
    }

    /** Whether the MSG record at {@code off} lies within the segment. */
    boolean wellFormed(long off) {
        int len = len(off);
        return len >= 0 && off + recordBytes(len) <= size;
    }

    void writeMessage(long off, byte[] msg, int seq) {
        if (type(off) != 0) Mem.setInt(seg, off, 0);
        seg.set(ValueLayout.JAVA_INT, off + 4, msg.length);
        seg.set(ValueLayout.JAVA_INT, off + 8, seq);
        MemorySegment.copy(msg, 0, seg, ValueLayout.JAVA_BYTE, off + HDR, msg.length);
        long after = off + recordBytes(msg.length);
        if (type(after) != 0) Mem.setInt(seg, after, 0); // the new front starts free
        Mem.setIntRelease(seg, off, MSG); // last: the record is complete before its type says so
    }

    void writeNext(long off, long nextId) {
        if (type(off) != 0) Mem.setInt(seg, off, 0);
        seg.set(ValueLayout.JAVA_INT, off + 4, 8);
        seg.set(ValueLayout.JAVA_LONG, off + HDR, nextId);
        Mem.setIntRelease(seg, off, NEXT); // last: the record is complete before its type says so
    }

    void writeClose(long off, int seq) {
        if (type(off) != 0) Mem.setInt(seg, off, 0);
        seg.set(ValueLayout.JAVA_INT, off + 4, 0);
        seg.set(ValueLayout.JAVA_INT, off + 8, seq);
        Mem.setIntRelease(seg, off, CLOSE); // last: the record is complete before its type says so
    }

    byte[] readMessage(long off) {
        byte[] m = new byte[len(off)];
        MemorySegment.copy(seg, ValueLayout.JAVA_BYTE, off + HDR, m, 0, m.length);
        return m;
    }

    /** Unmaps the segment in this process; idempotent. */
    @Override
    public void close() {
        if (arena.scope().isAlive()) {
            try {
                arena.close();
            } catch (IllegalStateException concurrent) {
                // already closed
            }
        }
    }
}
