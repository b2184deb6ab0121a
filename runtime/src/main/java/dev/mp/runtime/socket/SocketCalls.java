package dev.mp.runtime.socket;

import java.util.function.Supplier;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.MpException;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.ops.Errors;

/**
 * How Python's socket objects and functions reach {@link NativeSocket}: the context's IO policy and default
 * timeout, and each call made with the GIL released and its Java errors raised as CPython's exceptions.
 */
public final class SocketCalls {
    private SocketCalls() {
    }

    /** {@code socket.gaierror}, raised for the resolver's failures. */
    public static final PClass GAIERROR = PClass.create("gaierror", "gaierror", "socket", new PClass[] {BuiltinClasses.exception("OSError")});

    /** The running program's {@code socket.getdefaulttimeout()} in nanoseconds (-1 for None). */
    public static long defaultTimeoutNanos() {
        MpContext context = MpContext.current();
        return context == null ? -1 : context.socketDefaultTimeoutNanos();
    }

    /**
     * Raises PermissionError unless the context's IO policy allows socket IO (an embedder's
     * {@code IOAccess.NONE}, or an IOAccess without socket access, forbids it).
     */
    public static void checkSocketIOAllowed() {
        if (!MpContext.get(null).env().isSocketIOAllowed()) {
            throw Errors.make("PermissionError", "socket IO is not allowed by the context's IO policy (IOAccess)");
        }
    }

    /** Runs a {@link NativeSocket} operation, raising its failures as CPython's exceptions. */
    public static <T> T call(Supplier<T> operation) {
        try {
            return MpContext.get(null).gil().releaseWhile(operation);
        } catch (SocketErrnoException | IllegalArgumentException e) {
            throw pythonError(e);
        }
    }

    /** {@link #call} for an operation without a result. */
    public static void run(Runnable operation) {
        try {
            MpContext.get(null).gil().releaseWhile(operation);
        } catch (SocketErrnoException | IllegalArgumentException e) {
            throw pythonError(e);
        }
    }

    /**
     * The Python exception for a failure of the socket layer: TimeoutError("timed out"), gaierror, the
     * OSError subclass its errno picks, or for argument errors the OverflowError, TypeError or ValueError
     * CPython raises for that message (see {@link NativeSocket}).
     */
    public static MpException pythonError(RuntimeException e) {
        if (e instanceof SocketTimeoutError) {
            return Errors.make("TimeoutError", "timed out");
        }
        if (e instanceof SocketGaiError g) {
            return Errors.raise(GAIERROR, (long) g.errno(), g.strerror());
        }
        if (e instanceof SocketErrnoException s) {
            return s.errno() == 0 ? Errors.make("OSError", s.getMessage()) : Errors.osError(s.errno(), s.strerror(), null);
        }
        String message = e.getMessage();
        if (message.contains("port must be 0-65535") || message.contains("flowinfo must be 0-1048575")) {
            return Errors.overflowError(message);
        }
        if (message.contains("address must be")) {
            return Errors.typeError(message);
        }
        return Errors.valueError(message);
    }
}
