package dev.mp.runtime.multiprocessing.ipc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.foreign.MemorySegment;

/**
 * Where an unbounded queue's {@link Ring} puts messages once it is full: chains of {@link OverflowSegment} files.
 * The ring publishes a chain with one LINK record; see the Ring Javadoc for the protocol and why it survives a
 * SIGKILL at any instant. This class is the process-local side: the mappings this process holds (one segment
 * for writing, used under the writer lock; one for reading, used under the reader lock) and the steps of the
 * protocol that touch segments.
 *
 * <p>Shared words it uses in the ring header: {@code writeSeg} (the segment writers append to, set by writers; a
 * reader that passed a segment moves it on by CAS, in case the writer that chained a new segment died before
 * doing so) and {@code readSeg} (the segment the readers are in, set by readers).
 */
final class Overflow {
    /** Looked up when it logs, not at class loading: a process that never logs does not start slf4j. */
    private static Logger log() {
        return LoggerFactory.getLogger(Overflow.class);
    }

    /** {@link #take} answers: nothing committed to read yet. */
    static final byte[] NOT_YET = new byte[0];
    /** {@link #take} answers: the chain is over (read to its CLOSE, or unreadable): consume its LINK. */
    static final byte[] CHAIN_DONE = new byte[0];

    private final String region;
    private final MemorySegment ring;
    private final long writeSegOff, readSegOff;
    private final long standardSize;

    private OverflowSegment writing, reading; // this process' mappings
    private long writeFront; // where the last append wrote, valid until appended()
    private long pendingWriteOff, pendingReadOff;

    Overflow(String region, MemorySegment ring, long writeSegOff, long readSegOff, int ringCapacity) {
        this.region = region;
        this.ring = ring;
        this.writeSegOff = writeSegOff;
        this.readSegOff = readSegOff;
        this.standardSize = Math.max(64L << 10, Math.min(4L * ringCapacity, 64L << 20));
    }

    // ------------------------------------------------------------------------------------------ writer lock held

    /**
     * Starts a new chain whose first record is {@code msg} (put number {@code seq}); returns the chain's id for
     * the LINK record. Nothing is visible to readers until the caller publishes the LINK.
     */
    long start(byte[] msg, int seq) {
        OverflowSegment s = OverflowSegment.create(region, OverflowSegment.sizeFor(msg.length, standardSize), 0);
        s.writeMessage(OverflowSegment.START, msg, seq);
        Mem.setLong(ring, writeSegOff, s.id);
        useForWriting(s);
        pendingWriteOff = OverflowSegment.START + OverflowSegment.recordBytes(msg.length);
        return s.id;
    }

    /** Appends {@code msg} (put number {@code seq}) to the open chain; the caller then commits it by its TAIL store. */
    void append(byte[] msg, int seq) {
        long off = front(seq);
        OverflowSegment s = writing;
        if (!s.fits(off, msg.length)) {
            OverflowSegment next = OverflowSegment.create(region, OverflowSegment.sizeFor(msg.length, standardSize), s.chainId);
            s.writeNext(off, next.id); // permanent from here: whoever comes next follows it
            Mem.setLong(ring, writeSegOff, next.id);
            useForWriting(next);
            s = next;
            off = OverflowSegment.START;
        }
        s.writeMessage(off, msg, seq);
        pendingWriteOff = off + OverflowSegment.recordBytes(msg.length);
    }

    /** After the commit of {@link #start} or {@link #append}: moves the front hint past the new record. */
    void appended() {
        writing.setWriteOff(pendingWriteOff);
    }

    /** Ends the open chain with a CLOSE record; it counts once the caller published a ring record after the LINK. */
    void close(int seq) {
        long off = front(seq);
        writing.writeClose(off, seq);
    }

    /** After the commit of {@link #close}: this process no longer needs the chain's last segment. */
    void closed() {
        useForWriting(null);
    }

    /**
     * No chain is open: unmaps the segment this process last wrote, if any, whose file readers may have removed
     * (a mapping keeps a removed file's memory allocated).
     */
    void releaseWriting() {
        if (writing != null) useForWriting(null);
    }

    /**
     * The writers' front in the open chain: the segment ({@link #writing}) and offset where the next record goes.
     * Repairs what a writer killed at any instant left: a committed record the hint does not cover yet is skipped
     * (its seq is the put count before the current one), a NEXT is followed, an uncommitted record (its seq is the
     * current put count) is overwritten.
     */
    private long front(int putCount) {
        long ws = Mem.getLong(ring, writeSegOff);
        if (writing == null || writing.id != ws) useForWriting(openOrFail(ws));
        OverflowSegment s = writing;
        long off = s.writeOff();
        while (true) {
            if (!s.holdsHeader(off) || off + OverflowSegment.NEXT_REC > s.size) {
                throw new IllegalStateException("corrupt queue overflow segment (write offset " + off + ")");
            }
            int type = s.type(off);
            if (type == OverflowSegment.NEXT) {
                long next = s.nextId(off);
                Mem.setLong(ring, writeSegOff, next);
                useForWriting(openOrFail(next));
                s = writing;
                off = s.writeOff();
            } else if (type == OverflowSegment.MSG && s.seq(off) == ((putCount - 1) & Ring.CNT_MASK) && s.wellFormed(off)) {
                off += OverflowSegment.recordBytes(s.len(off));
                s.setWriteOff(off);
            } else {
                return off;
            }
        }
    }

    private void useForWriting(OverflowSegment s) {
        if (writing != null && writing != s) writing.close();
        writing = s;
    }

    private OverflowSegment openOrFail(long id) {
        OverflowSegment s = OverflowSegment.open(region, id);
        if (s == null) throw new IllegalStateException("a queue overflow segment is gone: " + region + "." + Long.toHexString(id));
        return s;
    }

    // ------------------------------------------------------------------------------------------ reader lock held

    /**
     * The next message of chain {@code chainId}, whose LINK is the oldest unread ring record: a message (put number
     * {@code getCount}; the caller consumes it by its HEAD store, then calls {@link #consumed}), {@link #NOT_YET}
     * or {@link #CHAIN_DONE}. {@code putCount} and {@code closed} (a record follows the LINK in the ring) come from
     * one TAIL word read before this call, so what is read here is at least as recent.
     */
    byte[] take(long chainId, int getCount, int putCount, boolean closed) {
        OverflowSegment s = readingSegment(chainId);
        if (s == null) {
            log().error("the overflow file of a shared queue is gone: {}.{}; its items are lost", region, Long.toHexString(chainId));
            return CHAIN_DONE;
        }
        long off = s.readOff();
        while (true) {
            if (!s.holdsHeader(off)) break;
            int type = s.type(off);
            if (type == OverflowSegment.MSG && s.wellFormed(off)) {
                int seq = s.seq(off);
                if (seq == getCount && getCount != putCount) {
                    pendingReadOff = off + OverflowSegment.recordBytes(s.len(off));
                    return s.readMessage(off);
                }
                if (seq == ((getCount - 1) & Ring.CNT_MASK)) { // taken by a reader killed before it moved the hint
                    off += OverflowSegment.recordBytes(s.len(off));
                    s.setReadOff(off);
                    continue;
                }
            } else if (type == OverflowSegment.NEXT) {
                s = follow(s, s.nextId(off));
                if (s == null) break;
                off = s.readOff();
                continue;
            } else if (type == OverflowSegment.CLOSE && closed) {
                return CHAIN_DONE;
            }
            if (!closed) return NOT_YET;
            break;
        }
        // A closed chain always ends with its CLOSE record after its committed messages: this one is damaged.
        log().error("corrupt overflow file of a shared queue ({}.{}); skipping the rest of it", region, Long.toHexString(s == null ? chainId : s.id));
        return CHAIN_DONE;
    }

    /** After the HEAD store that consumed the message {@link #take} returned: moves the read hint past it. */
    void consumed() {
        reading.setReadOff(pendingReadOff);
    }

    /** After the HEAD store that consumed the chain's LINK: removes its last segment. */
    void finished() {
        if (reading != null) {
            OverflowSegment.delete(region, reading.id);
            reading.close();
            reading = null;
        }
    }

    /** The readers are between chains: unmaps the segment this process last read, if any (see releaseWriting). */
    void releaseReading() {
        if (reading != null) {
            reading.close();
            reading = null;
        }
    }

    /** Moves the readers from {@code s} to the next segment of its chain and removes {@code s}. */
    private OverflowSegment follow(OverflowSegment s, long nextId) {
        OverflowSegment next = OverflowSegment.open(region, nextId);
        if (next == null) return null;
        Mem.setLong(ring, readSegOff, nextId);
        // the writer that chained it may have died before moving writeSeg on: nobody can write to s any more
        Mem.casLong(ring, writeSegOff, s.id, nextId);
        OverflowSegment.delete(region, s.id);
        s.close();
        reading = next;
        return next;
    }

    /**
     * The segment the readers are in for chain {@code chainId}: the one {@code readSeg} names if it belongs to the
     * chain, else (the readers just reached the LINK) the chain's first one. A segment of an earlier chain still
     * named there was left by a reader killed before it removed it: removed now.
     */
    private OverflowSegment readingSegment(long chainId) {
        long rs = Mem.getLong(ring, readSegOff);
        if (reading != null && reading.id == rs && reading.chainId == chainId) return reading;
        if (reading != null) {
            reading.close();
            reading = null;
        }
        if (rs != 0 && rs != chainId) {
            OverflowSegment s = OverflowSegment.open(region, rs);
            if (s != null) {
                if (s.chainId == chainId) return reading = s;
                s.close();
                OverflowSegment.delete(region, rs);
            }
        }
        OverflowSegment s = OverflowSegment.open(region, chainId);
        if (s == null) return null;
        Mem.setLong(ring, readSegOff, chainId);
        return reading = s;
    }
}
