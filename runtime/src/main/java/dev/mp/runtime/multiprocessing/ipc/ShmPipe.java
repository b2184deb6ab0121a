package dev.mp.runtime.multiprocessing.ipc;

import dev.mp.runtime.multiprocessing.shm.SharedRegion;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A pipe in shared memory with two {@link ShmConnection} ends, the transport behind
 * {@code multiprocessing.Pipe(duplex)}. Like CPython's {@code Pipe(False)}, for a one-way pipe end 0 can only
 * receive and end 1 can only send.
 *
 * <h2>Region layout</h2>
 * <pre>
 *    0 int magic 'MPPI'   4 int duplex   8 long ring capacity
 *   64 end 0 holder table: 64 slots of long (pid &lt;&lt; 32 | open handle count), 0 = free
 *  576 end 1 holder table
 * 1152 ring A (carries end 1 → end 0), see {@link Ring}
 * 1152 + ring size: ring B (end 0 → end 1), only when duplex
 * </pre>
 * An end is closed when no slot has a positive count for a live pid. Slots are updated with single 64-bit CAS
 * operations, so a process killed at any instant leaves a consistent table; its slots count as closed as soon as
 * the pid is dead.
 */
public final class ShmPipe {
    /** Default ring size per direction: 1 MiB. */
    public static final int DEFAULT_RING_BYTES = 1 << 20;

    static final int MAGIC = 0x4D505049;
    static final int OFF_MAGIC = 0, OFF_DUPLEX = 4, OFF_CAP = 8;
    static final int SLOTS = 64;
    static final long[] TABLE = {64, 64 + 8 * SLOTS};
    static final long RING_A = 1152;

    private final ShmConnection[] ends;

    private ShmPipe(ShmConnection e0, ShmConnection e1) {
        this.ends = new ShmConnection[] {e0, e1};
    }

    /** Creates a pipe with {@link #DEFAULT_RING_BYTES} per direction; both ends are held by this process. */
    public static ShmPipe create(boolean duplex) {
        return create(duplex, DEFAULT_RING_BYTES);
    }

    /** Creates a pipe; {@code ringBytes} (per direction) is rounded up to a power of two in [128, 2^30]. */
    public static ShmPipe create(boolean duplex, int ringBytes) {
        int cap = Ring.roundCapacity(ringBytes);
        long ringSize = Ring.sizeFor(cap);
        SharedRegion r = SharedRegion.create(RING_A + ringSize * (duplex ? 2 : 1));
        MemorySegment s = r.segment();
        s.set(ValueLayout.JAVA_INT, OFF_DUPLEX, duplex ? 1 : 0);
        s.set(ValueLayout.JAVA_LONG, OFF_CAP, cap);
        Ring.init(s, RING_A, cap, 0, 0);
        if (duplex) Ring.init(s, RING_A + ringSize, cap, 0, 0);
        Mem.setInt(s, OFF_MAGIC, MAGIC);
        return new ShmPipe(new ShmConnection(r, 0, false), new ShmConnection(r, 1, false));
    }

    /** End 0 (for a one-way pipe: the receiving end). */
    public ShmConnection end0() {
        return ends[0];
    }

    /** End 1 (for a one-way pipe: the sending end). */
    public ShmConnection end1() {
        return ends[1];
    }

    public ShmConnection end(int i) {
        return ends[i];
    }
}
