package dev.mp.runtime.multiprocessing.ipc;

import dev.mp.runtime.multiprocessing.shm.SharedRegion;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * One end of a {@link ShmPipe}, the transport behind {@code multiprocessing.connection.Connection}.
 *
 * <p>Every handle registers its process in the end's holder table in shared memory (see {@link ShmPipe}); an end
 * counts as closed once all holders closed it or died. Consequently:
 * <ul>
 * <li>{@link #recv()} throws {@link ConnectionClosedException} (Python EOFError) once the other end is closed and
 * everything it sent has been received;</li>
 * <li>{@link #send(byte[])} throws {@link BrokenPipeException} (Python BrokenPipeError) once the other end is
 * closed;</li>
 * <li>using a handle after this process closed it throws {@link HandleClosedException} (Python OSError
 * "handle is closed"); sending on a receive-only end or receiving on a send-only end throws
 * {@link UnsupportedOperationException} (Python OSError "connection is read-only"/"write-only").</li>
 * </ul>
 * A peer that closes is noticed immediately; a peer that dies without closing is noticed within about 20 ms
 * (its pid is checked for liveness at most once per sleep slice).
 *
 * <p>Descriptor format: {@code mpp1:<end>[g]:<shm region name>} where end is 0 or 1 and {@code g} marks a
 * descriptor produced by {@link #descriptorFor(long)} whose hold was already registered for the receiving process.
 * Handing an end to a child process: call {@code descriptorFor(childPid)} in the parent <em>before</em> closing the
 * parent's own copy (just as CPython duplicates the fd when pickling), then {@link #attach(String)} in the child;
 * plain {@link #descriptor()} + attach also works if the parent keeps its handle open until the child attached.
 */
public final class ShmConnection implements AutoCloseable {
    private static final String PREFIX = "mpp1:";

    private final SharedRegion region; // keeps the mapping alive
    private final MemorySegment seg;
    private final int end;
    private final long myTable, otherTable;
    private final Ring recvRing, sendRing; // null when not readable / writable
    private final Ring.Peer peer = this::otherEndGone;
    private volatile boolean closed;
    private volatile boolean peerGone; // sticky: a fully closed end never reopens
    private long lastLivenessCheck = System.nanoTime() - 2 * Mem.SLICE_NANOS;

    ShmConnection(SharedRegion region, int end, boolean claimGrant) {
        this.region = region;
        this.seg = region.segment();
        if (Mem.getInt(seg, ShmPipe.OFF_MAGIC) != ShmPipe.MAGIC) throw new IllegalArgumentException("not an mp pipe: " + region.name());
        this.end = end;
        this.myTable = ShmPipe.TABLE[end];
        this.otherTable = ShmPipe.TABLE[1 - end];
        boolean duplex = seg.get(ValueLayout.JAVA_INT, ShmPipe.OFF_DUPLEX) != 0;
        int cap = (int) seg.get(ValueLayout.JAVA_LONG, ShmPipe.OFF_CAP);
        long ringB = ShmPipe.RING_A + Ring.sizeFor(cap);
        Ring a = new Ring(seg, ShmPipe.RING_A, region.name() + "/A"); // end 1 -> end 0
        Ring b = duplex ? new Ring(seg, ringB, region.name() + "/B") : null; // end 0 -> end 1
        this.recvRing = end == 0 ? a : b;
        this.sendRing = end == 0 ? b : a;
        if (!(claimGrant && hasSlot(myTable, Mem.PID))) register(myTable, Mem.PID);
    }

    /** Reconstructs a connection end from a descriptor in any process, registering this process as a holder. */
    public static ShmConnection attach(String descriptor) {
        if (descriptor == null || !descriptor.startsWith(PREFIX) || descriptor.length() < PREFIX.length() + 3) {
            throw new IllegalArgumentException("not a connection descriptor: " + descriptor);
        }
        char e = descriptor.charAt(PREFIX.length());
        boolean grant = descriptor.charAt(PREFIX.length() + 1) == 'g';
        int nameAt = PREFIX.length() + (grant ? 3 : 2);
        if ((e != '0' && e != '1') || descriptor.charAt(nameAt - 1) != ':') {
            throw new IllegalArgumentException("not a connection descriptor: " + descriptor);
        }
        return new ShmConnection(SharedRegion.open(descriptor.substring(nameAt)), e - '0', grant);
    }

    /** Descriptor for {@link #attach(String)}; the attaching process registers its own hold. */
    public String descriptor() {
        return PREFIX + end + ":" + region.name();
    }

    /**
     * Registers a hold on this end for process {@code pid} right now (so closing this handle afterwards does not
     * close the end) and returns a descriptor whose {@link #attach(String)} in that process claims the hold. The hold
     * ends when that process closes its handle or dies.
     */
    public String descriptorFor(long pid) {
        checkOpen();
        register(myTable, (int) pid);
        return PREFIX + end + "g:" + region.name();
    }

    /** 0 or 1. */
    public int end() {
        return end;
    }

    public boolean readable() {
        return recvRing != null;
    }

    public boolean writable() {
        return sendRing != null;
    }

    public boolean closed() {
        return closed;
    }

    /**
     * Sends one message (any size; larger than the ring means streaming while the peer receives). Blocks while the
     * ring is full.
     *
     * @throws BrokenPipeException   the other end is closed
     * @throws HandleClosedException this handle is closed
     */
    public void send(byte[] msg) {
        checkOpen();
        if (sendRing == null) throw new UnsupportedOperationException("connection is read-only");
        sendRing.put(msg, Mem.deadline(true, -1), peer);
    }

    /**
     * Receives one message, blocking until one is available.
     *
     * @throws ConnectionClosedException the other end is closed and all its data was received (EOFError)
     * @throws HandleClosedException     this handle is closed
     */
    public byte[] recv() {
        return recv(-1);
    }

    /** Like {@link #recv()} but returns null if nothing arrived within the timeout (&lt; 0 = forever). */
    public byte[] recv(long timeoutNanos) {
        checkOpen();
        if (recvRing == null) throw new UnsupportedOperationException("connection is write-only");
        return recvRing.get(Mem.deadline(true, timeoutNanos), peer);
    }

    /**
     * True if data is available or the other end is closed (so that recv would not block), waiting up to
     * {@code timeoutNanos} (0 = just check, &lt; 0 = forever).
     */
    public boolean poll(long timeoutNanos) {
        checkOpen();
        if (recvRing == null) throw new UnsupportedOperationException("connection is write-only");
        try {
            return recvRing.awaitReadable(Mem.deadline(timeoutNanos != 0, timeoutNanos), peer);
        } catch (ConnectionClosedException e) {
            return true;
        }
    }

    /** Closes this process' handle (idempotent). The end is closed once every holder closed it or died. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        unregister(myTable, Mem.PID);
        if (recvRing != null) recvRing.wakeEverybody();
        if (sendRing != null) sendRing.wakeEverybody();
    }

    private void checkOpen() {
        if (closed) throw new HandleClosedException();
    }

    /** Peer check used while waiting: explicit closes are seen at once, deaths at most once per slice. */
    private boolean otherEndGone() {
        if (peerGone) return true;
        if (!anyHolder(otherTable, false)) return peerGone = true;
        long now = System.nanoTime();
        if (now - lastLivenessCheck < Mem.SLICE_NANOS) return false;
        lastLivenessCheck = now;
        return peerGone = !anyHolder(otherTable, true);
    }

    /** True if the other end is still held open by some live process (exact, checks liveness). */
    public boolean peerOpen() {
        return anyHolder(otherTable, true);
    }

    // ------------------------------------------------------------------------------------ holder tables

    private static int pidOf(long w) {
        return (int) (w >>> 32);
    }

    private static int countOf(long w) {
        return (int) w;
    }

    private boolean anyHolder(long table, boolean checkAlive) {
        for (int i = 0; i < ShmPipe.SLOTS; i++) {
            long w = Mem.getLong(seg, table + 8L * i);
            if (countOf(w) > 0 && (!checkAlive || Mem.alive(pidOf(w)))) return true;
        }
        return false;
    }

    private boolean hasSlot(long table, int pid) {
        for (int i = 0; i < ShmPipe.SLOTS; i++) {
            long w = Mem.getLong(seg, table + 8L * i);
            if (pidOf(w) == pid && countOf(w) > 0) return true;
        }
        return false;
    }

    private void register(long table, int pid) {
        long mine = ((long) pid << 32) | 1L;
        retry:
        while (true) {
            for (int i = 0; i < ShmPipe.SLOTS; i++) {
                long off = table + 8L * i;
                long w = Mem.getLong(seg, off);
                if (pidOf(w) == pid && countOf(w) > 0) {
                    if (Mem.casLong(seg, off, w, w + 1)) return;
                    continue retry;
                }
            }
            for (int i = 0; i < ShmPipe.SLOTS; i++) {
                long off = table + 8L * i;
                if (Mem.getLong(seg, off) == 0 && Mem.casLong(seg, off, 0, mine)) return;
            }
            for (int i = 0; i < ShmPipe.SLOTS; i++) { // reclaim slots of dead processes
                long off = table + 8L * i;
                long w = Mem.getLong(seg, off);
                if ((countOf(w) <= 0 || !Mem.alive(pidOf(w))) && Mem.casLong(seg, off, w, mine)) return;
            }
            throw new IllegalStateException("more than " + ShmPipe.SLOTS + " processes hold this pipe end");
        }
    }

    private void unregister(long table, int pid) {
        while (true) {
            boolean found = false;
            for (int i = 0; i < ShmPipe.SLOTS; i++) {
                long off = table + 8L * i;
                long w = Mem.getLong(seg, off);
                if (pidOf(w) == pid && countOf(w) > 0) {
                    found = true;
                    if (Mem.casLong(seg, off, w, countOf(w) == 1 ? 0L : w - 1)) return;
                    break;
                }
            }
            if (!found) return;
        }
    }

    @Override
    public String toString() {
        return "ShmConnection[" + descriptor() + (closed ? ", closed" : "") + "]";
    }
}
