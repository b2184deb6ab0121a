package dev.mp.runtime.multiprocessing.ipc;

/**
 * Thrown by {@link ShmConnection#recv()} when the other end of the pipe is closed (every process that held it
 * closed it or died) and all data it sent has been received. The binder maps it to Python's {@code EOFError}.
 */
public final class ConnectionClosedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConnectionClosedException() {
        super("the other end of the pipe is closed", null, false, false);
    }
}
