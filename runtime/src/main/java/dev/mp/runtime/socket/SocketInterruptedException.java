package dev.mp.runtime.socket;

import dev.mp.runtime.posix.Libc;

/**
 * A blocking socket call was abandoned because the Java thread was interrupted ({@link Thread#interrupt()}).
 * EINTR from the OS itself is always retried transparently (PEP 475) and never surfaces; this exception only
 * reports a Java-level interrupt of a socket without a {@link NativeSocket#setWaitHook wait hook} (a socket
 * with one hands the interrupt to its hook instead). The thread's interrupt status is cleared when this is thrown.
 * Python equivalent if it must surface: {@code InterruptedError} ([Errno 4]).
 */
public final class SocketInterruptedException extends SocketErrnoException {
    private static final long serialVersionUID = 1L;

    public SocketInterruptedException() {
        super(Errno.EINTR, Libc.strerror(Errno.EINTR));
    }
}
