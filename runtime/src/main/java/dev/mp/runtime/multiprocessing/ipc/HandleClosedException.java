package dev.mp.runtime.multiprocessing.ipc;

/**
 * Thrown when an operation is attempted through a handle that this process already closed, e.g. {@code get()} on
 * a closed queue or {@code send()/recv()} on a closed connection. The binder maps it to Python's
 * {@code OSError("handle is closed")}. (A {@code put} on a closed queue throws a plain
 * {@link IllegalStateException} instead, which maps to {@code ValueError}, as in CPython.)
 */
public final class HandleClosedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public HandleClosedException() {
        super("handle is closed");
    }
}
