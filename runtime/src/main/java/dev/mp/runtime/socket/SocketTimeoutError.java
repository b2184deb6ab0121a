package dev.mp.runtime.socket;

/**
 * A socket operation did not complete within the socket's timeout. Python: {@code socket.timeout}, which is
 * {@code TimeoutError} since 3.10, raised with the single argument {@code "timed out"} (errno None).
 */
public final class SocketTimeoutError extends SocketErrnoException {
    private static final long serialVersionUID = 1L;

    public SocketTimeoutError() {
        super("timed out");
    }

    @Override
    public String pythonType() { return "TimeoutError"; }
}
