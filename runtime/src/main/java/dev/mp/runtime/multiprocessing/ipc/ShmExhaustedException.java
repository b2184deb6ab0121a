package dev.mp.runtime.multiprocessing.ipc;

/**
 * An unbounded queue could not grow: no room left for another overflow file in the shared memory directory
 * ({@code /dev/shm}), or as many items queued as its counters can count. Nothing was put. The binder raises MemoryError, as CPython does when an unbounded queue
 * exhausts memory.
 */
public final class ShmExhaustedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ShmExhaustedException(long bytes, Throwable cause) {
        super("cannot grow the queue by " + bytes + " bytes: no space left in shared memory ("
                + dev.mp.runtime.multiprocessing.shm.SharedRegion.directory() + ")"
                + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
    }

    ShmExhaustedException(String message) {
        super(message);
    }
}
