package dev.mp.runtime.multiprocessing.ipc;

import dev.mp.runtime.multiprocessing.shm.RegionUsers;
import dev.mp.runtime.multiprocessing.shm.SharedRegion;

/**
 * A cross-process multi-producer multi-consumer FIFO of byte[] messages in shared memory, the transport behind
 * Python's {@code multiprocessing.Queue}.
 *
 * <p>Messages are copied into a shared ring in the calling thread (there is no feeder thread), so
 * {@link #joinThread()} and {@link #cancelJoinThread()} are no-ops: once {@code put} returned, the message is in
 * shared memory and survives the exit of this process. A put into an unbounded queue (maxsize ≤ 0, and every
 * SimpleQueue) never waits for a reader, as in CPython: what the ring cannot hold goes into overflow files of the
 * queue, limited only by the space in {@code /dev/shm} ({@link ShmExhaustedException} when there is none). A
 * bounded queue blocks while it is full, and streams a message larger than its ring in chunks while a reader
 * drains it. Any process may be SIGKILLed at any instant without corrupting the queue for the others; see
 * {@link Ring}.
 *
 * <p>Descriptor format: {@code mpq1:<kind>:<shm region name>} with kind {@code Q} (Queue), {@code J}
 * (JoinableQueue) or {@code S} (SimpleQueue). {@link #attach(String)} returns an object of the matching class.
 *
 * <p>Timeouts are in nanoseconds; {@code timeoutNanos < 0} means wait forever. Thread interruption while waiting
 * for a queue lock ends the wait like a timeout (the interrupt flag stays set).
 */
public class ShmQueue implements AutoCloseable {
    /** Default ring size used by {@link #create(int)}: 1 MiB. */
    public static final int DEFAULT_RING_BYTES = 1 << 20;

    static final int KIND_QUEUE = 1, KIND_JOINABLE = 2, KIND_SIMPLE = 3;
    private static final String PREFIX = "mpq1:";

    private final SharedRegion region; // keeps the mapping alive
    final Ring ring;
    private final String descriptor;
    private volatile boolean closed;

    ShmQueue(SharedRegion region, int kind) {
        this.region = region;
        this.ring = new Ring(region.segment(), 0, region.name());
        if (ring.kind() != kind) throw new IllegalArgumentException("shared queue " + region.name() + " has kind " + ring.kind() + ", expected " + kind);
        this.descriptor = PREFIX + kindChar(kind) + ":" + region.name();
        // Spilled items belong to the queue: they stay while any process that has it may still read them.
        RegionUsers.join(region.name());
    }

    /** First byte of a ring message that names a spilled item's file; never the first byte of a pickle. */
    private static final byte SPILLED = (byte) 0xFF;

    /**
     * The ring message for {@code item}: the item itself, or for one larger than a quarter of the ring the name of
     * a file of this queue that holds it, so that a put never waits for a reader to stream a large item out (as
     * CPython's feeder thread does not). The file is removed when the item is taken, or when the queue's last user
     * ends (see {@link RegionUsers}), never when only its writer does.
     */
    public byte[] message(byte[] item) {
        return spills(item.length) ? spill(RegionUsers.write(region.name(), item)) : item;
    }

    /** Whether an item of {@code size} bytes goes into a file of its own (see {@link #message}). */
    public boolean spills(long size) {
        return size > ring.capacity() / 4;
    }

    /** The ring message for an item that {@link #spills}, written by {@code contents} to a file of this queue. */
    public byte[] spill(RegionUsers.Contents contents) {
        return spill(RegionUsers.write(region.name(), contents));
    }

    private static byte[] spill(String fileName) {
        byte[] name = fileName.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] message = new byte[name.length + 1];
        message[0] = SPILLED;
        System.arraycopy(name, 0, message, 1, name.length);
        return message;
    }

    /** Removes the file of a {@link #message} that was not put. */
    public void discard(byte[] message) {
        if (isSpilled(message)) {
            RegionUsers.discard(spillName(message));
        }
    }

    /**
     * The item of a message taken from the ring.
     *
     * @throws java.io.UncheckedIOException when the file of a spilled item is gone
     */
    public byte[] item(byte[] message) {
        return isSpilled(message) ? RegionUsers.take(spillName(message)) : message;
    }

    /**
     * The file of a spilled item's message, open for reading (its name is removed), or null for a message that is
     * the item itself.
     *
     * @throws java.io.UncheckedIOException when the file is gone
     */
    public java.nio.channels.FileChannel openSpilled(byte[] message) {
        return isSpilled(message) ? RegionUsers.open(spillName(message)) : null;
    }

    /** The file name of a spilled item's message. */
    public static String spillName(byte[] message) {
        return new String(message, 1, message.length - 1, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static boolean isSpilled(byte[] message) {
        return message.length > 0 && message[0] == SPILLED;
    }

    static SharedRegion newRegion(int maxsize, int ringBytes, int kind) {
        int cap = Ring.roundCapacity(ringBytes);
        SharedRegion r = SharedRegion.create(Ring.sizeFor(cap));
        Ring.init(r.segment(), 0, cap, maxsize, kind);
        return r;
    }

    /** A queue holding at most {@code maxsize} items (≤ 0: unbounded) with a {@link #DEFAULT_RING_BYTES} ring. */
    public static ShmQueue create(int maxsize) {
        return create(maxsize, DEFAULT_RING_BYTES);
    }

    /**
     * A queue holding at most {@code maxsize} items (≤ 0: unbounded; put then never blocks, what the ring cannot hold
     * overflows into further shared memory). {@code ringBytes} is rounded up to a power of two in [128, 2^30].
     */
    public static ShmQueue create(int maxsize, int ringBytes) {
        return new ShmQueue(newRegion(maxsize, ringBytes, KIND_QUEUE), KIND_QUEUE);
    }

    /** Reconstructs a queue (of the class that created it) from {@link #descriptor()} in any process. */
    public static ShmQueue attach(String descriptor) {
        if (descriptor == null || !descriptor.startsWith(PREFIX) || descriptor.length() < PREFIX.length() + 3
                || descriptor.charAt(PREFIX.length() + 1) != ':') {
            throw new IllegalArgumentException("not a shared queue descriptor: " + descriptor);
        }
        char k = descriptor.charAt(PREFIX.length());
        String name = descriptor.substring(PREFIX.length() + 2);
        return switch (k) {
            case 'Q' -> new ShmQueue(SharedRegion.open(name), KIND_QUEUE);
            case 'J' -> new ShmJoinableQueue(SharedRegion.open(name));
            case 'S' -> new ShmSimpleQueue(SharedRegion.open(name));
            default -> throw new IllegalArgumentException("not a shared queue descriptor: " + descriptor);
        };
    }

    private static char kindChar(int kind) {
        return switch (kind) {
            case KIND_JOINABLE -> 'J';
            case KIND_SIMPLE -> 'S';
            default -> 'Q';
        };
    }

    /** Small string from which {@link #attach(String)} rebuilds this queue in another process. */
    public String descriptor() {
        return descriptor;
    }

    /**
     * Puts a message. Returns false when a bounded queue is full (maxsize reached or no room in the ring) and
     * {@code block} is false or the timeout elapsed: the binder raises {@code queue.Full}. For a message larger
     * than the ring the timeout also bounds the streaming; a stream that times out is discarded by the readers.
     * Into an unbounded queue it always succeeds without waiting for a reader (it only waits for the writer lock,
     * held briefly by the other writers).
     *
     * @throws IllegalStateException if this handle was {@link #close() closed} (Python ValueError)
     * @throws ShmExhaustedException if an unbounded queue cannot grow (Python MemoryError); nothing was put
     */
    public boolean put(byte[] msg, boolean block, long timeoutNanos) {
        if (closed) throw new IllegalStateException("Queue is closed");
        return ring.put(msg, Mem.deadline(block, timeoutNanos), null);
    }

    /** Blocking put without timeout. */
    public void put(byte[] msg) {
        put(msg, true, -1);
    }

    /**
     * Takes the oldest message. Returns null when the queue is empty and {@code block} is false or the timeout
     * elapsed: the binder raises {@code queue.Empty}.
     *
     * @throws HandleClosedException if this handle was {@link #close() closed} (Python OSError)
     */
    public byte[] get(boolean block, long timeoutNanos) {
        if (closed) throw new HandleClosedException();
        return ring.get(Mem.deadline(block, timeoutNanos), null);
    }

    /** Blocking get without timeout. */
    public byte[] get() {
        return get(true, -1);
    }

    /** Approximate number of complete messages in the queue. */
    public int qsize() {
        return ring.qsize();
    }

    public boolean empty() {
        return ring.qsize() == 0;
    }

    /** True if maxsize &gt; 0 and that many messages are queued (never true for unbounded queues). */
    public boolean full() {
        return ring.maxsize() > 0 && ring.qsize() >= ring.maxsize();
    }

    /** Maximum item count, 0 for unbounded. */
    public int maxsize() {
        return ring.maxsize();
    }

    /** Ring capacity in bytes (after rounding). */
    public int ringBytes() {
        return ring.capacity();
    }

    /**
     * This process will not use the handle any more: further put raises IllegalStateException, get raises
     * {@link HandleClosedException}. Messages already put stay in the queue for other processes. Idempotent.
     * The mapping itself is released at process exit (the region file is removed by the shm ResourceTracker).
     */
    @Override
    public void close() {
        closed = true;
    }

    public boolean isClosed() {
        return closed;
    }

    /** No-op: there is no feeder thread, put() already copied the message into shared memory. */
    public void joinThread() {
    }

    /** No-op: there is no feeder thread, so nothing can block process exit. */
    public void cancelJoinThread() {
    }

    /** Name of the backing shared-memory region. */
    public String regionName() {
        return region.name();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + descriptor + "]";
    }
}
