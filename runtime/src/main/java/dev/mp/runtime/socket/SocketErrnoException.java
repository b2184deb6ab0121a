package dev.mp.runtime.socket;

import dev.mp.runtime.posix.Libc;

/**
 * A failed socket operation, carrying the OS errno and exactly the text CPython's {@code OSError} would show.
 *
 * <p>{@link #getMessage()} is {@code "[Errno N] strerror"} (e.g. {@code "[Errno 111] Connection refused"}),
 * or just the bare text for errors that have no errno (e.g. {@code "AF_UNIX path too long"}, errno 0,
 * which CPython raises as an {@code OSError} whose {@code errno} is {@code None}).
 *
 * <h2>Mapping to Python exceptions (for the binder)</h2>
 * CPython chooses the {@code OSError} subclass from the errno ({@code Objects/exceptions.c} errnomap);
 * {@link #pythonType()} returns that class name:
 * <pre>
 *   EAGAIN(11)/EWOULDBLOCK, EALREADY(114), EINPROGRESS(115) -> BlockingIOError
 *   EPIPE(32), ESHUTDOWN(108)                              -> BrokenPipeError
 *   ECONNABORTED(103)                                      -> ConnectionAbortedError
 *   ECONNREFUSED(111)                                      -> ConnectionRefusedError
 *   ECONNRESET(104)                                        -> ConnectionResetError
 *   ETIMEDOUT(110)                                         -> TimeoutError
 *   ENOENT(2)                                              -> FileNotFoundError
 *   EEXIST(17)                                             -> FileExistsError
 *   EISDIR(21)                                             -> IsADirectoryError
 *   ENOTDIR(20)                                            -> NotADirectoryError
 *   EACCES(13), EPERM(1)                                   -> PermissionError
 *   EINTR(4)                                               -> InterruptedError
 *   ECHILD(10)                                             -> ChildProcessError
 *   ESRCH(3)                                               -> ProcessLookupError
 *   anything else (EADDRINUSE 98, EBADF 9, EINVAL 22, ...) -> OSError
 * </pre>
 * Subclasses: {@link SocketTimeoutError} (socket.timeout / TimeoutError, errno None, message "timed out"),
 * {@link SocketGaiError} (socket.gaierror, negative EAI_* codes), {@link SocketInterruptedException}
 * (a blocking call was interrupted by {@link Thread#interrupt()}).
 * Python-level argument errors are thrown as {@link IllegalArgumentException} with CPython's text
 * (ValueError / OverflowError / TypeError depending on the case; see {@link NativeSocket}).
 * The OSError constructor args for Python are {@code (errno(), strerror())}.
 */
public class SocketErrnoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int errno;
    private final String strerror;

    /** An error with an errno; the message is {@code "[Errno errno] strerror"}. */
    public SocketErrnoException(int errno, String strerror) {
        super(errno != 0 ? "[Errno " + errno + "] " + strerror : strerror, null, false, true);
        this.errno = errno;
        this.strerror = strerror;
    }

    /** An error without errno (Python errno None); the message is just {@code text}. */
    public SocketErrnoException(String text) {
        this(0, text);
    }

    /** The exception for errno {@code e} with libc's (C locale) strerror text. */
    public static SocketErrnoException of(int e) {
        if (e == Errno.EINTR) return new SocketInterruptedException();
        return new SocketErrnoException(e, Libc.strerror(e));
    }

    /** The errno, or 0 when the Python exception's errno is None. */
    public int errno() { return errno; }

    /** The strerror part (Python's {@code OSError.strerror}). */
    public String strerror() { return strerror; }

    /** Simple name of the Python exception class CPython would raise for this error. */
    public String pythonType() { return pythonTypeFor(errno); }

    /** CPython's errno-to-OSError-subclass mapping. */
    public static String pythonTypeFor(int errno) {
        return switch (errno) {
            case Errno.EAGAIN, Errno.EALREADY, Errno.EINPROGRESS -> "BlockingIOError";
            case Errno.EPIPE, Errno.ESHUTDOWN -> "BrokenPipeError";
            case Errno.ECONNABORTED -> "ConnectionAbortedError";
            case Errno.ECONNREFUSED -> "ConnectionRefusedError";
            case Errno.ECONNRESET -> "ConnectionResetError";
            case Errno.ETIMEDOUT -> "TimeoutError";
            case Errno.ENOENT -> "FileNotFoundError";
            case Errno.EEXIST -> "FileExistsError";
            case Errno.EISDIR -> "IsADirectoryError";
            case Errno.ENOTDIR -> "NotADirectoryError";
            case Errno.EACCES, Errno.EPERM -> "PermissionError";
            case Errno.EINTR -> "InterruptedError";
            case Errno.ECHILD -> "ChildProcessError";
            case Errno.ESRCH -> "ProcessLookupError";
            default -> "OSError";
        };
    }
}
