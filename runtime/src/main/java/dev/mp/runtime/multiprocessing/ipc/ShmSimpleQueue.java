package dev.mp.runtime.multiprocessing.ipc;

import dev.mp.runtime.multiprocessing.shm.SharedRegion;

/**
 * Unbounded {@link ShmQueue}, the transport behind {@code multiprocessing.SimpleQueue} (whose Python API only
 * uses blocking {@link #put(byte[])}, blocking {@link #get()}, {@link #empty()} and {@link #close()}).
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
