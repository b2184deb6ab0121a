package dev.mp.runtime.multiprocessing.ipc;

import dev.mp.runtime.multiprocessing.shm.SharedRegion;

/**
 * Unbounded {@link ShmQueue}, the transport behind {@code multiprocessing.SimpleQueue} (whose Python API only
 * uses blocking {@link #put(byte[])}, blocking {@link #get()}, {@link #empty()} and {@link #close()}).
 *
 * <p>Its put never blocks, like an unbounded Queue's. CPython's SimpleQueue writes into a pipe in the caller and
 * blocks once the pipe's buffer (64 KiB on Linux) is full and nobody reads; never blocking instead makes no
 * program that works under CPython fail, and spares the deadlock to those that fill a SimpleQueue before starting
 * its readers.
 */
public final class ShmSimpleQueue extends ShmQueue {

    ShmSimpleQueue(SharedRegion region) {
        super(region, KIND_SIMPLE);
    }

    public static ShmSimpleQueue create() {
        return create(DEFAULT_RING_BYTES);
    }

    public static ShmSimpleQueue create(int ringBytes) {
        return new ShmSimpleQueue(newRegion(0, ringBytes, KIND_SIMPLE));
    }

    public static ShmSimpleQueue attach(String descriptor) {
        if (ShmQueue.attach(descriptor) instanceof ShmSimpleQueue q) return q;
        throw new IllegalArgumentException("not a SimpleQueue descriptor: " + descriptor);
    }
}
