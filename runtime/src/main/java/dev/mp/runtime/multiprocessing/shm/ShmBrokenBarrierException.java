package dev.mp.runtime.multiprocessing.shm;

import java.io.Serial;

/**
 * Thrown by {@link ShmBarrier#wait} when the barrier is or becomes broken (abort, reset while
 * waiting, a timeout of any party, or a failing action). The language binder maps it to
 * {@code threading.BrokenBarrierError}.
 */
public final class ShmBrokenBarrierException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    public ShmBrokenBarrierException() {
        super("barrier is broken");
    }
}
