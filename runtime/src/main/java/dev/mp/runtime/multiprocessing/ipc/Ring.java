package dev.mp.runtime.multiprocessing.ipc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A multi-producer multi-consumer ring of byte[] messages in shared memory (the engine behind {@link ShmQueue}
 * and {@link ShmConnection}).
 *
 * <h2>Layout (offsets relative to {@code base}; hot words on separate 64-byte lines)</h2>
 * <pre>
 *   0  int  magic  'MPQR'          4 int kind      8 long capacity (power of two)   16 int maxsize
 *  64  int  wlock owner pid        68 int wlock waiters
 * 128  long TAIL = putCount:28 | tailPos:36   (the only word a writer publishes)
 * 136  int  dataSeq (futex)       140 int readWaiters
 * 144  long LINK word (LINK_SET | position of the newest LINK; set by writers)   152 long writeSeg (overflow segment id)
 * 192  int  rlock owner pid       196 int rlock waiters
 * 256  long HEAD = getCount:28 | headPos:36   (the only word a reader publishes)
 * 264  int  spaceSeq (futex)      268 int writeWaiters   272 long wantFree (hint: free bytes a sleeping writer waits for)
 * 280  long readSeg (overflow segment id the readers are in)
 * 320  int  doneCount (task_done, mod 2^28)   324 int joinSeq (futex)   328 int joinWaiters
 * 384  ring data, {@code capacity} bytes
 * </pre>
 * Positions are byte counters modulo 2^36 (capacity divides 2^36, so {@code pos & (capacity-1)} is the ring
 * index); counts are message counters modulo 2^28 (qsize = putCount - getCount, unfinished tasks = putCount -
 * doneCount).
 *
 * <h2>Records</h2>
 * Every record starts 8-byte aligned with a header {@code int len, int type}, followed by {@code len} payload
 * bytes padded to 8; the payload may wrap around the end of the ring. Types: WHOLE (a complete message), and for
 * messages that do not fit the ring a stream BEGIN ({@code int totalLen, int writerPid, data...}), CONT*, END,
 * plus ABORT (the writer gave up a stream), and in unbounded queues LINK ({@code long chainId}: an overflow chain).
 *
 * <h2>Unbounded queues overflow instead of blocking</h2>
 * CPython's {@code put} into a queue without maxsize never blocks (its feeder thread buffers without limit), and
 * programs rely on it ("put 100,000 tasks, then start the workers"). So when the ring of an unbounded queue (a
 * queue of non-zero kind with maxsize 0; pipes and bounded queues keep blocking and streaming) has no room, the
 * writer appends the message to an <em>overflow chain</em> instead: append-only {@link OverflowSegment} files of
 * the queue's region, linked by NEXT records, published in the ring by one LINK record. Ring writes always leave
 * room for a LINK, so a chain can always be started without waiting.
 * <ul>
 * <li>Order: while the chain is <em>open</em> (the LINK is the last ring record) every put appends to it; readers
 * reach the LINK after the ring records before it, read the chain to its end, then go on after the LINK. A writer
 * closes the chain (a CLOSE record at its end, then a ring record after the LINK) only once the readers took
 * everything, so an overflowing queue stays in its chain until drained; the reader that takes the last message
 * closes it itself (with an ABORT ring record) when no writer is busy, so an idle queue keeps no file.</li>
 * <li>Publication is still the TAIL word alone: a chain message is committed by a TAIL store that bumps putCount and
 * leaves tailPos after the LINK; each chain record carries its put number ({@code seq}), so the message numbered
 * getCount is committed iff putCount &gt; getCount, and the first LINK of a chain is committed together with its
 * first message. A reader consumes a chain message by a HEAD store that bumps getCount and leaves headPos on the
 * LINK; the LINK itself is consumed (headPos moves past it) once its chain is closed and read to its CLOSE. Hence
 * qsize, empty, and the task counts of JoinableQueue stay exact, and delivery is exactly once.</li>
 * <li>Positions in the segments (writeOff, readOff) and which segment (writeSeg, readSeg) are hints repaired by
 * whoever comes next: a record at the writers' front whose seq is putCount-1 was committed by a writer killed
 * before it moved the hint (skipped), one whose seq is putCount was never committed (overwritten); a record at
 * readOff whose seq is getCount-1 was taken by a reader killed before it moved the hint (skipped). A segment is
 * complete before the NEXT (or LINK) that names it is written, and a record's type word is written last, so a
 * NEXT is either absent or valid; a reader that follows a NEXT also moves writeSeg on by CAS, in case the writer
 * died between writing the NEXT and moving it. A CLOSE counts only once a ring record follows the LINK.</li>
 * <li>Files: segments belong to the queue ({@link dev.mp.runtime.multiprocessing.shm.RegionUsers}); readers
 * remove each one when they leave it. A writer killed while creating a segment (not yet linked) or a reader
 * killed between leaving a segment and removing it leaves one file, removed with the queue's last user (or by
 * the sweep at the next start of mp when that user was killed too). Segments are written full of zeros when
 * created, so an exhausted {@code /dev/shm} is a {@link ShmExhaustedException} at the put (nothing was put), not
 * a SIGBUS later.</li>
 * </ul>
 *
 * <h2>Why a SIGKILL at any instant is harmless</h2>
 * <ul>
 * <li>Writers (serialised by the robust wlock) copy a record into free space and only then publish it with one
 * volatile 64-bit store of TAIL that also bumps putCount. Dying before that store publishes nothing; the bytes
 * are simply overwritten later.</li>
 * <li>Readers (serialised by the robust rlock) copy a record out and only then consume it with one volatile store
 * of HEAD that also bumps getCount. A reader dying before that store leaves the record for the next reader; a
 * reader dying in the middle of a streamed message loses just that message: the next reader skips CONT/END
 * records that have no BEGIN.</li>
 * <li>A streaming writer holds the wlock for the whole message. A reader reassembling a stream treats it as
 * aborted when an ABORT/WHOLE/BEGIN record appears, or when no more data comes and the wlock is no longer held by
 * the stream's pid (the writer publishes END before releasing, so this means the writer gave up) or that pid is
 * dead. Each published stream chunk leaves at least 8 free bytes, so a writer that times out or fails mid-stream
 * can always publish ABORT without waiting.</li>
 * <li>Overflow chains: see above; every step before the publishing TAIL store is either invisible or repaired by
 * the next writer, every step of a reader before its HEAD store is repeated by the next reader.</li>
 * <li>Lock holders that die are detected by waiters (pid liveness) and the lock is taken over by CAS.</li>
 * <li>Waiter counters are only hints used to skip futex wake syscalls; a counter leaked by a dead process only
 * causes extra wakes. All futex sleeps are bounded slices, so no lost wake-up can hang anybody.</li>
 * </ul>
 */
final class Ring {
    /** Looked up when it logs, not at class loading: a process that never logs does not start slf4j. */
    private static Logger log() {
        return LoggerFactory.getLogger(Ring.class);
    }

    static final int MAGIC = 0x4D505152;
    static final int OFF_MAGIC = 0, OFF_KIND = 4, OFF_CAP = 8, OFF_MAXSIZE = 16;
    static final int OFF_WLOCK = 64;
    static final int OFF_TAIL = 128, OFF_DATASEQ = 136, OFF_READWAITERS = 140, OFF_LINK = 144, OFF_WRITESEG = 152;
    static final int OFF_RLOCK = 192;
    static final int OFF_HEAD = 256, OFF_SPACESEQ = 264, OFF_WRITEWAITERS = 268, OFF_WANTFREE = 272, OFF_READSEG = 280;
    static final int OFF_DONE = 320, OFF_JOINSEQ = 324, OFF_JOINWAITERS = 328;
    static final int HEADER = 384;

    static final int MIN_CAP = 128;
    static final int MAX_CAP = 1 << 30;

    static final int HDR = 8;
    static final int RESERVE = 8;
    static final int T_WHOLE = 1, T_BEGIN = 2, T_CONT = 3, T_END = 4, T_ABORT = 5, T_LINK = 6;
    /** A LINK record: header and the 8-byte id of its overflow chain. */
    static final int LINK_REC = HDR + 8;
    /** Marks the LINK word as set (a ring position alone may be 0). */
    private static final long LINK_SET = 1L << 40;

    static final int POS_BITS = 36;
    static final long POS_MASK = (1L << POS_BITS) - 1;
    static final int CNT_MASK = (1 << 28) - 1;

    /** The other side of a pipe direction; null for queues. */
    interface Peer {
        /** True when nobody can ever read (for a writer) / write (for a reader) this ring any more. */
        boolean gone();
    }

    private final MemorySegment seg;
    private final long base;
    private final long data;
    private final int cap;
    private final long mask;
    private final int maxsize;
    private final long tailOff, headOff;
    final RobustLock wlock, rlock;
    /** The overflow of an unbounded queue (a put never waits for room); null for bounded queues and pipes. */
    private final Overflow overflow;

    /** Bytes needed for a ring with the given (already rounded) capacity. */
    static long sizeFor(int cap) {
        return HEADER + (long) cap;
    }

    /** Rounds a requested ring size up to a power of two within [MIN_CAP, MAX_CAP]. */
    static int roundCapacity(int ringBytes) {
        if (ringBytes <= MIN_CAP) return MIN_CAP;
        if (ringBytes >= MAX_CAP) return MAX_CAP;
        return Integer.highestOneBit(ringBytes - 1) << 1;
    }

    /** Initialises a fresh (zero-filled) ring header; magic is written last. */
    static void init(MemorySegment seg, long base, int cap, int maxsize, int kind) {
        seg.set(ValueLayout.JAVA_INT, base + OFF_KIND, kind);
        seg.set(ValueLayout.JAVA_LONG, base + OFF_CAP, cap);
        seg.set(ValueLayout.JAVA_INT, base + OFF_MAXSIZE, Math.max(0, maxsize));
        Mem.setInt(seg, base + OFF_MAGIC, MAGIC);
    }

    Ring(MemorySegment seg, long base, String name) {
        if (Mem.getInt(seg, base + OFF_MAGIC) != MAGIC) throw new IllegalArgumentException("not an mp ring: " + name);
        this.seg = seg;
        this.base = base;
        this.data = base + HEADER;
        long c = seg.get(ValueLayout.JAVA_LONG, base + OFF_CAP);
        if (c < MIN_CAP || c > MAX_CAP || Long.bitCount(c) != 1 || data + c > seg.byteSize()) {
            throw new IllegalArgumentException("corrupt ring header: " + name);
        }
        this.cap = (int) c;
        this.mask = c - 1;
        this.maxsize = seg.get(ValueLayout.JAVA_INT, base + OFF_MAXSIZE);
        this.tailOff = base + OFF_TAIL;
        this.headOff = base + OFF_HEAD;
        this.wlock = new RobustLock(seg, base + OFF_WLOCK, "writer lock of " + name);
        this.rlock = new RobustLock(seg, base + OFF_RLOCK, "reader lock of " + name);
        this.overflow = maxsize <= 0 && kind() != 0
                ? new Overflow(name, seg, base + OFF_WRITESEG, base + OFF_READSEG, cap) : null;
    }

    int kind() { return seg.get(ValueLayout.JAVA_INT, base + OFF_KIND); }
    int capacity() { return cap; }
    int maxsize() { return maxsize; }

    private static long pos(long w) { return w & POS_MASK; }
    private static int cnt(long w) { return (int) (w >>> POS_BITS); }
    private static long word(int cnt, long pos) { return ((long) (cnt & CNT_MASK) << POS_BITS) | (pos & POS_MASK); }

    // ------------------------------------------------------------------------------------------------ sizes

    int qsize() {
        long h = Mem.getLong(seg, headOff); // head first: tail only grows, so the difference is never negative
        long t = Mem.getLong(seg, tailOff);
        return (cnt(t) - cnt(h)) & CNT_MASK;
    }

    /**
     * True if any committed record is unread (includes records a reader would only skip), except the LINK of an
     * open overflow chain that holds no committed message yet.
     */
    boolean hasData() {
        long h = Mem.getLong(seg, headOff);
        long t = Mem.getLong(seg, tailOff);
        if (pos(t) == pos(h)) return false;
        if (cnt(t) != cnt(h) || overflow == null) return true;
        return ((pos(t) - pos(h)) & POS_MASK) != LINK_REC || Mem.getLong(seg, base + OFF_LINK) != (LINK_SET | pos(h));
    }

    // ------------------------------------------------------------------------------------------------ writing

    /** Puts one message; false on timeout. Throws {@link BrokenPipeException} when {@code peer} is gone. */
    boolean put(byte[] msg, long deadline, Peer peer) {
        if (peer != null && peer.gone()) throw new BrokenPipeException();
        // An unbounded queue's writers hold the lock only to copy a message (they never wait for room), so even a
        // put_nowait waits for it, as CPython's does for its queue's lock; a dead holder is taken over. (Shifting the
        // deadline rather than reading the clock again keeps this path as fast as before.)
        if (!wlock.acquire(overflow != null ? deadline + Mem.FOREVER : deadline)) return false;
        try {
            int len = msg.length;
            long rec = HDR + (((long) len + 7) & ~7L);
            if (overflow != null) {
                putUnbounded(msg, rec);
                return true;
            }
            if (rec <= cap) {
                if (!awaitWritable(rec, true, deadline, peer)) return false;
                long t = Mem.getLong(seg, tailOff);
                long p = pos(t);
                writeInt(p, len);
                writeInt(p + 4, T_WHOLE);
                writeBytes(p + HDR, msg, 0, len);
                publish(word(cnt(t) + 1, p + rec));
                return true;
            }
            return putStreamed(msg, deadline, peer);
        } finally {
            wlock.release();
        }
    }

    /**
     * Puts into an unbounded queue without waiting: into the ring while it has room (always keeping room for a
     * LINK), else into the overflow chain, which stays open until the readers took everything.
     */
    private void putUnbounded(byte[] msg, long rec) {
        long t = Mem.getLong(seg, tailOff);
        long h = Mem.getLong(seg, headOff);
        long p = pos(t);
        int put = cnt(t);
        if (((put - cnt(h)) & CNT_MASK) == CNT_MASK) { // one more would read as an empty queue
            throw new ShmExhaustedException("a queue cannot hold more than " + CNT_MASK + " items");
        }
        long used = (p - pos(h)) & POS_MASK;
        boolean fits = cap - used >= rec + LINK_REC;
        boolean chainOpen = overflowOpen(p, used);
        if (chainOpen) {
            if (!fits || cnt(h) != put) {
                overflow.append(msg, put);
                publish(word(put + 1, p)); // commits the message: the ring position stays after the LINK
                overflow.appended();
                return;
            }
            overflow.close(put); // committed together with the ring record below
        } else if (!fits) {
            long chain = overflow.start(msg, put);
            Mem.setLong(seg, base + OFF_LINK, LINK_SET | p);
            writeInt(p, 8);
            writeInt(p + 4, T_LINK);
            writeLong(p + 8, chain);
            publish(word(put + 1, p + LINK_REC)); // commits the LINK and the chain's first message
            overflow.appended();
            return;
        }
        int len = msg.length;
        writeInt(p, len);
        writeInt(p + 4, T_WHOLE);
        writeBytes(p + HDR, msg, 0, len);
        publish(word(put + 1, p + rec));
        if (chainOpen) {
            Mem.setLong(seg, base + OFF_LINK, 0);
            overflow.closed();
        } else {
            overflow.releaseWriting();
        }
    }

    /**
     * Whether the last published ring record is the LINK of an overflow chain (writers then append to the chain).
     * The LINK word alone is not enough: a writer killed before publishing its LINK leaves it set.
     */
    private boolean overflowOpen(long p, long used) {
        if (used < LINK_REC) return false;
        long link = (p - LINK_REC) & POS_MASK;
        return Mem.getLong(seg, base + OFF_LINK) == (LINK_SET | link) && readInt(link + 4) == T_LINK;
    }

    private boolean putStreamed(byte[] msg, long deadline, Peer peer) {
        final int len = msg.length;
        int off = 0;
        boolean begun = false, done = false;
        long beginTail = 0;
        try {
            while (off < len) {
                long hdr = begun ? HDR : HDR + 8;
                long remaining = len - off;
                long want = Math.min(hdr + ((remaining + 7) & ~7L) + RESERVE, cap / 2);
                if (!awaitWritable(want, !begun, deadline, peer)) return false;
                long t = Mem.getLong(seg, tailOff);
                long p = pos(t);
                long free = cap - ((p - pos(Mem.getLong(seg, headOff))) & POS_MASK);
                long room = (free - RESERVE - hdr) & ~7L;
                int n = (int) Math.min(remaining, room);
                int type;
                if (!begun) {
                    beginTail = t;
                    type = T_BEGIN;
                    writeInt(p, n + 8);
                    writeInt(p + 4, T_BEGIN);
                    writeInt(p + 8, len);
                    writeInt(p + 12, Mem.PID);
                    writeBytes(p + 16, msg, off, n);
                } else {
                    type = off + n == len ? T_END : T_CONT;
                    writeInt(p, n);
                    writeInt(p + 4, type);
                    writeBytes(p + HDR, msg, off, n);
                }
                publish(word(cnt(t) + (type == T_END ? 1 : 0), p + hdr + ((n + 7) & ~7L)));
                begun = true;
                off += n;
            }
            done = true;
            return true;
        } finally {
            if (begun && !done) abortStream(beginTail);
        }
    }

    /**
     * Gives up a partially published stream. If no reader has touched it yet (checked under the reader lock, taken
     * without waiting) the chunks are retracted by moving TAIL back; otherwise an ABORT record is published.
     */
    private void abortStream(long beginTail) {
        if (rlock.acquire(System.nanoTime())) {
            try {
                if (pos(Mem.getLong(seg, headOff)) == pos(beginTail)) {
                    Mem.setLong(seg, tailOff, beginTail);
                    return;
                }
            } finally {
                rlock.release();
            }
        }
        publishAbort();
    }

    /** Publishes an ABORT record; the space is guaranteed by RESERVE after every published stream chunk. */
    private void publishAbort() {
        long t = Mem.getLong(seg, tailOff);
        long p = pos(t);
        long free = cap - ((p - pos(Mem.getLong(seg, headOff))) & POS_MASK);
        if (free < HDR) return; // cannot happen; readers then detect the abort from the released lock
        writeInt(p, 0);
        writeInt(p + 4, T_ABORT);
        publish(word(cnt(t), p + HDR));
    }

    private void publish(long tailWord) {
        Mem.setLong(seg, tailOff, tailWord);
        if (Mem.getInt(seg, base + OFF_READWAITERS) > 0) {
            Mem.addInt(seg, base + OFF_DATASEQ, 1);
            Mem.wakeAll(seg, base + OFF_DATASEQ);
        }
    }

    private boolean writable(long need, boolean slot) {
        long h = Mem.getLong(seg, headOff);
        long t = Mem.getLong(seg, tailOff);
        if (cap - ((pos(t) - pos(h)) & POS_MASK) < need) return false;
        return !slot || maxsize <= 0 || ((cnt(t) - cnt(h)) & CNT_MASK) < maxsize;
    }

    private boolean awaitWritable(long need, boolean slot, long deadline, Peer peer) {
        if (writable(need, slot)) return true;
        if (deadline - System.nanoTime() > 0) {
            for (int i = 0; i < Mem.SPINS; i++) {
                Thread.onSpinWait();
                if (writable(need, slot)) return true;
            }
        }
        final long seqOff = base + OFF_SPACESEQ, waitOff = base + OFF_WRITEWAITERS;
        while (true) {
            if (peer != null && peer.gone()) throw new BrokenPipeException();
            long rem = deadline - System.nanoTime();
            if (rem <= 0) return writable(need, slot);
            Mem.addInt(seg, waitOff, 1);
            try {
                // hysteresis: readers skip the wake syscall until a quarter of the ring is free (or what we need)
                Mem.setLong(seg, base + OFF_WANTFREE, Math.min(cap, Math.max(need, cap / 4)));
                int s = Mem.getInt(seg, seqOff);
                if (writable(need, slot)) return true;
                Mem.sleep(seg, seqOff, s, rem);
            } finally {
                Mem.addInt(seg, waitOff, -1);
            }
            if (writable(need, slot)) return true;
        }
    }

    // ------------------------------------------------------------------------------------------------ reading

    /**
     * Takes one whole message; null on timeout. Throws {@link ConnectionClosedException} when {@code peer} is gone
     * and nothing is left. Once the first chunk of a streamed message was taken, the call ignores the deadline and
     * completes (or discards) that message, which is bounded by the live writer's progress.
     */
    byte[] get(long deadline, Peer peer) {
        while (true) {
            // Wait for data before taking the reader lock: a reader sleeping on an empty ring holds nothing, so
            // terminating an idle consumer (a daemon at exit, say) never leaves a lock for another one to take over.
            if (!awaitReadable(deadline, peer)) return null;
            if (!rlock.acquire(deadline)) return null;
            byte[] m;
            try {
                m = take();
            } finally {
                rlock.release();
            }
            if (m != EMPTY) return m;
        }
    }

    /** What {@link #take} answers when the ring is empty between messages: wait again without the lock. */
    private static final byte[] EMPTY = new byte[0];

    private byte[] take() {
        byte[] partial = null;
        int filled = 0;
        int streamPid = 0;
        while (true) {
            long h = Mem.getLong(seg, headOff);
            long t = Mem.getLong(seg, tailOff);
            long used = (pos(t) - pos(h)) & POS_MASK;
            if (used == 0) {
                if (partial != null) {
                    if (!awaitStream(streamPid)) {
                        log().warn("discarding a partially received {}-byte message: its writer (pid {}) gave up or died",
                                partial.length, streamPid);
                        partial = null;
                    }
                    continue;
                }
                return EMPTY;
            }
            long p = pos(h);
            int len = readInt(p);
            int type = readInt(p + 4);
            long rec = HDR + (((long) len + 7) & ~7L);
            if (len < 0 || rec > used || type < T_WHOLE || type > T_LINK || (type == T_BEGIN && len < 8)
                    || (type == T_LINK && (len != 8 || overflow == null))) {
                corrupt(t, len, type);
                partial = null;
                continue;
            }
            switch (type) {
                case T_WHOLE -> {
                    if (partial != null) log().warn("discarding an incomplete streamed message (writer gave up)");
                    if (overflow != null) overflow.releaseReading();
                    byte[] m = new byte[len];
                    readBytes(p + HDR, m, 0, len);
                    consume(h, rec, 1);
                    return m;
                }
                case T_BEGIN -> {
                    if (partial != null) log().warn("discarding an incomplete streamed message (writer gave up)");
                    int total = readInt(p + 8);
                    int n = len - 8;
                    if (total < n) {
                        corrupt(t, len, type);
                        partial = null;
                        continue;
                    }
                    partial = new byte[total];
                    readBytes(p + 16, partial, 0, n);
                    filled = n;
                    streamPid = readInt(p + 12);
                    consume(h, rec, 0);
                }
                case T_CONT, T_END -> {
                    int dc = type == T_END ? 1 : 0;
                    if (partial == null) { // rest of a message whose reader died: skip it
                        consume(h, rec, dc);
                        continue;
                    }
                    if (filled + (long) len > partial.length) {
                        log().warn("discarding an inconsistent streamed message");
                        partial = null;
                        consume(h, rec, dc);
                        continue;
                    }
                    readBytes(p + HDR, partial, filled, len);
                    filled += len;
                    consume(h, rec, dc);
                    if (type == T_END) {
                        if (filled == partial.length) return partial;
                        log().warn("discarding a truncated streamed message");
                        partial = null;
                    }
                }
                case T_LINK -> {
                    if (partial != null) log().warn("discarding an incomplete streamed message (writer gave up)");
                    partial = null;
                    boolean closed = pos(t) != ((p + rec) & POS_MASK);
                    byte[] m = overflow.take(readLong(p + 8), cnt(h), cnt(t), closed);
                    if (m == Overflow.NOT_YET) return EMPTY;
                    if (m == Overflow.CHAIN_DONE) {
                        // a lost chain (never closed) takes its items' counts with it, as a corrupt ring does
                        if (closed) consume(h, rec, 0);
                        else Mem.setLong(seg, headOff, t);
                        overflow.finished();
                        continue;
                    }
                    consume(h, 0, 1); // the LINK stays the oldest record until its chain is closed and drained
                    overflow.consumed();
                    if (((cnt(h) + 1) & CNT_MASK) == cnt(t)) closeDrainedChain();
                    return m;
                }
                default -> { // T_ABORT
                    partial = null;
                    consume(h, rec, 0);
                }
            }
        }
    }

    /**
     * The reader took the last message of an open chain: unless a writer is busy (it then closes the chain itself
     * on its next put), closes the chain as a writer would, with an ABORT record after the LINK, and consumes both,
     * so that an idle queue keeps no overflow file. Reader lock held.
     */
    private void closeDrainedChain() {
        if (!wlock.acquire(System.nanoTime())) return;
        try {
            long t = Mem.getLong(seg, tailOff);
            long h = Mem.getLong(seg, headOff);
            long p = pos(t);
            long used = (p - pos(h)) & POS_MASK;
            if (cnt(t) != cnt(h) || !overflowOpen(p, used) || cap - used < HDR) return;
            overflow.close(cnt(t));
            writeInt(p, 0);
            writeInt(p + 4, T_ABORT);
            publish(word(cnt(t), p + HDR));
            Mem.setLong(seg, base + OFF_LINK, 0);
            overflow.closed();
            // with both locks held nothing else can come: this consumes the LINK (removing the chain's last file)
            // and the ABORT
            if (take() != EMPTY) throw new IllegalStateException("a message was put under somebody else's writer lock");
        } finally {
            wlock.release();
        }
    }

    private void corrupt(long t, int len, int type) {
        log().error("corrupt record (len={}, type={}) in shared queue; discarding all unread data", len, type);
        Mem.setLong(seg, headOff, t);
        wakeWriters();
    }

    private void consume(long h, long rec, int dc) {
        long nh = word(cnt(h) + dc, pos(h) + rec);
        Mem.setLong(seg, headOff, nh);
        if (Mem.getInt(seg, base + OFF_WRITEWAITERS) > 0) {
            long free = cap - ((pos(Mem.getLong(seg, tailOff)) - pos(nh)) & POS_MASK);
            if (maxsize > 0 || free >= Mem.getLong(seg, base + OFF_WANTFREE)) wakeWriters();
        }
    }

    private void wakeWriters() {
        Mem.addInt(seg, base + OFF_SPACESEQ, 1);
        Mem.wakeAll(seg, base + OFF_SPACESEQ);
    }

    /** Wakes every reader and writer sleeping on this ring (used when a pipe end closes). */
    void wakeEverybody() {
        Mem.addInt(seg, base + OFF_DATASEQ, 1);
        Mem.wakeAll(seg, base + OFF_DATASEQ);
        wakeWriters();
    }

    /**
     * Waits for data; false on timeout; throws {@link ConnectionClosedException} when the peer is gone and the
     * ring is drained.
     */
    boolean awaitReadable(long deadline, Peer peer) {
        if (hasData()) return true;
        if (deadline - System.nanoTime() > 0) {
            for (int i = 0; i < Mem.SPINS; i++) {
                Thread.onSpinWait();
                if (hasData()) return true;
            }
        }
        final long seqOff = base + OFF_DATASEQ, waitOff = base + OFF_READWAITERS;
        while (true) {
            if (peer != null && peer.gone()) {
                if (hasData()) return true;
                throw new ConnectionClosedException();
            }
            long rem = deadline - System.nanoTime();
            if (rem <= 0) return hasData();
            Mem.addInt(seg, waitOff, 1);
            try {
                int s = Mem.getInt(seg, seqOff);
                if (hasData()) return true;
                Mem.sleep(seg, seqOff, s, rem);
            } finally {
                Mem.addInt(seg, waitOff, -1);
            }
            if (hasData()) return true;
        }
    }

    /** Mid-stream wait: true when more data arrived, false when the stream's writer is gone. */
    private boolean awaitStream(int streamPid) {
        for (int i = 0; i < Mem.SPINS; i++) {
            if (hasData()) return true;
            Thread.onSpinWait();
        }
        final long seqOff = base + OFF_DATASEQ, waitOff = base + OFF_READWAITERS;
        long nextCheck = System.nanoTime() + Mem.SLICE_NANOS;
        while (true) {
            int owner = wlock.owner(); // read before the data check: END is published before the lock is released
            if (hasData()) return true;
            if (owner != streamPid) return false;
            long now = System.nanoTime();
            if (now - nextCheck >= 0) {
                if (!Mem.alive(streamPid)) return hasData();
                nextCheck = now + Mem.SLICE_NANOS;
            }
            Mem.addInt(seg, waitOff, 1);
            try {
                int s = Mem.getInt(seg, seqOff);
                if (hasData()) return true;
                Mem.sleep(seg, seqOff, s, Mem.SLICE_NANOS);
            } finally {
                Mem.addInt(seg, waitOff, -1);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ tasks

    int unfinishedTasks() {
        int d = Mem.getInt(seg, base + OFF_DONE); // done first: putCount only grows
        return (cnt(Mem.getLong(seg, tailOff)) - d) & CNT_MASK;
    }

    void taskDone() {
        final long doneOff = base + OFF_DONE;
        while (true) {
            int d = Mem.getInt(seg, doneOff);
            int put = cnt(Mem.getLong(seg, tailOff));
            if (((put - d) & CNT_MASK) == 0) throw new IllegalStateException("task_done() called too many times");
            int nd = (d + 1) & CNT_MASK;
            if (Mem.casInt(seg, doneOff, d, nd)) {
                if (((put - nd) & CNT_MASK) == 0 && Mem.getInt(seg, base + OFF_JOINWAITERS) > 0) {
                    Mem.addInt(seg, base + OFF_JOINSEQ, 1);
                    Mem.wakeAll(seg, base + OFF_JOINSEQ);
                }
                return;
            }
        }
    }

    /** Waits until every put item had its task_done; false on timeout. */
    boolean join(long deadline) {
        final long seqOff = base + OFF_JOINSEQ, waitOff = base + OFF_JOINWAITERS;
        for (int i = 0; i < Mem.SPINS; i++) {
            if (unfinishedTasks() == 0) return true;
            Thread.onSpinWait();
        }
        while (true) {
            long rem = deadline - System.nanoTime();
            if (rem <= 0) return unfinishedTasks() == 0;
            Mem.addInt(seg, waitOff, 1);
            try {
                int s = Mem.getInt(seg, seqOff);
                if (unfinishedTasks() == 0) return true;
                Mem.sleep(seg, seqOff, s, rem);
            } finally {
                Mem.addInt(seg, waitOff, -1);
            }
            if (unfinishedTasks() == 0) return true;
        }
    }

    // ------------------------------------------------------------------------------------------------ raw access

    private void writeInt(long p, int v) {
        seg.set(ValueLayout.JAVA_INT, data + (p & mask), v);
    }

    private int readInt(long p) {
        return seg.get(ValueLayout.JAVA_INT, data + (p & mask));
    }

    /** An 8-aligned long: never split by the end of the ring. */
    private void writeLong(long p, long v) {
        seg.set(ValueLayout.JAVA_LONG, data + (p & mask), v);
    }

    private long readLong(long p) {
        return seg.get(ValueLayout.JAVA_LONG, data + (p & mask));
    }

    private void writeBytes(long p, byte[] src, int srcOff, int n) {
        int idx = (int) (p & mask);
        int first = Math.min(n, cap - idx);
        MemorySegment.copy(src, srcOff, seg, ValueLayout.JAVA_BYTE, data + idx, first);
        if (first < n) MemorySegment.copy(src, srcOff + first, seg, ValueLayout.JAVA_BYTE, data, n - first);
    }

    private void readBytes(long p, byte[] dst, int dstOff, int n) {
        int idx = (int) (p & mask);
        int first = Math.min(n, cap - idx);
        MemorySegment.copy(seg, ValueLayout.JAVA_BYTE, data + idx, dst, dstOff, first);
        if (first < n) MemorySegment.copy(seg, ValueLayout.JAVA_BYTE, data, dst, dstOff + first, n - first);
    }
}
