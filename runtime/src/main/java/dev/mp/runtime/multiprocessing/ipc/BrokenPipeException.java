package dev.mp.runtime.multiprocessing.ipc;

/**
 * Thrown by {@link ShmConnection#send(byte[])} when the receiving end of the pipe is closed (every process that
 * held it closed it or died). The binder maps it to Python's {@code BrokenPipeError: [Errno 32] Broken pipe}.
 */
public final class BrokenPipeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final int ERRNO = 32;

    public BrokenPipeException() {
        super("[Errno 32] Broken pipe", null, false, false);
    }
}
