package dev.mp.runtime.threading;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleSafepoint;

import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;

/**
 * Blocking waits of the thread primitives on {@code java.util.concurrent} objects: without the GIL, and
 * interruptible by Truffle's thread-local actions (Ctrl-C, signal handlers, a context's cancellation), after
 * which the wait goes on for the time that remains.
 */
public final class Waits {
    /** CPython's {@code threading.TIMEOUT_MAX} on Linux (PY_TIMEOUT_MAX in seconds). */
    public static final double TIMEOUT_MAX = 9223372036.0;

    private Waits() {
    }

    /** One wait of at most {@code nanos}; says whether what it waited for happened. */
    @FunctionalInterface
    public interface TimedWait {
        boolean tryFor(long nanos) throws InterruptedException;
    }

    /**
     * Waits until {@code wait} succeeds or {@code timeoutNanos} passes (negative: for ever), releasing the GIL.
     *
     * @return whether it succeeded
     */
    @TruffleBoundary
    public static boolean await(Gil gil, long timeoutNanos, TimedWait wait) {
        long deadline = timeoutNanos < 0 ? 0 : System.nanoTime() + timeoutNanos;
        boolean[] done = {false};
        gil.releaseWhile(() -> TruffleSafepoint.setBlockedThreadInterruptible(null, w -> {
            long left = timeoutNanos < 0 ? Long.MAX_VALUE : Math.max(0, deadline - System.nanoTime());
            done[0] = w.tryFor(left);
        }, wait));
        return done[0];
    }

    /**
     * The {@code timeout} of {@code Lock.acquire(blocking, timeout)} in nanoseconds (-1 for none), with CPython's
     * errors.
     */
    public static long lockTimeoutNanos(boolean blocking, Object timeout) {
        double seconds = timeout == PNone.NONE ? -1 : Conversions.asDouble(timeout);
        if (!blocking && seconds != -1) {
            throw Errors.valueError("can't specify a timeout for a non-blocking call");
        }
        if (seconds < 0 && seconds != -1) {
            throw Errors.valueError("timeout value must be positive");
        }
        if (seconds > TIMEOUT_MAX) {
            throw Errors.overflowError("timeout value is too large");
        }
        return seconds < 0 ? -1 : (long) (seconds * 1e9);
    }
}
