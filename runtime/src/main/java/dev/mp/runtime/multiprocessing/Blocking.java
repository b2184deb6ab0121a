package dev.mp.runtime.multiprocessing;

import com.oracle.truffle.api.TruffleSafepoint;

/**
 * Blocking waits of the primitives, cut into short slices so that Truffle thread-local actions (Ctrl-C as
 * KeyboardInterrupt, a context's cancellation) run while a process waits: a futex wait is not woken by a Java
 * interrupt, so the safepoint is polled between slices instead. A wait releases the GIL, so that the program's
 * other threads run meanwhile; an attempt must not touch interpreter objects.
 */
final class Blocking {
    /** Longest single wait; bounds how late an interrupt is noticed. */
    static final long SLICE_NANOS = 50_000_000L;

    private Blocking() {
    }

    /** One attempt that waits at most {@code sliceNanos} (0 = do not wait) and says whether it succeeded. */
    @FunctionalInterface
    interface Attempt {
        boolean tryFor(long sliceNanos);
    }

    /**
     * Repeats {@code attempt} until it succeeds or {@code timeoutNanos} passes.
     *
     * @param timeoutNanos negative waits for ever; 0 tries once without waiting
     * @return whether an attempt succeeded
     */
    static boolean await(long timeoutNanos, Attempt attempt) {
        if (timeoutNanos == 0) {
            return attempt.tryFor(0);
        }
        // Other threads of the program run meanwhile.
        return dev.mp.runtime.MpContext.get(null).gil().releaseWhile(() -> awaitSlices(timeoutNanos, attempt));
    }

    private static boolean awaitSlices(long timeoutNanos, Attempt attempt) {
        long deadline = timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0;
        while (true) {
            long slice = SLICE_NANOS;
            if (timeoutNanos > 0) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return attempt.tryFor(0);
                }
                slice = Math.min(slice, remaining);
            }
            if (attempt.tryFor(slice)) {
                return true;
            }
            TruffleSafepoint.poll(null);
        }
    }

    /** A Python timeout argument (None = for ever, else seconds, negative treated as 0) in nanoseconds. */
    static long timeoutNanos(Object timeout) {
        if (timeout == null || timeout == dev.mp.runtime.objects.PNone.NONE) {
            return -1;
        }
        double seconds = dev.mp.runtime.ops.Conversions.asDouble(timeout);
        return seconds <= 0 ? 0 : (long) Math.min(seconds * 1e9, Long.MAX_VALUE / 2.0);
    }
}
