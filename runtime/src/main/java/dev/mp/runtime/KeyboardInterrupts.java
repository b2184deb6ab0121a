package dev.mp.runtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ctrl-C as Python's {@code KeyboardInterrupt}: {@link #deliver()} raises it in the main thread of the code
 * each live mp context is running, at the next safepoint poll (loop back-edges, function entries) or by
 * interrupting a blocked wait that polls ({@code TruffleSafepoint.setBlockedThreadInterruptible}); a program
 * that set its own SIGINT handler ({@code signal.signal}) gets that called instead (see {@link Signals}).
 */
public final class KeyboardInterrupts {
    /** Exit status of a process ended by SIGINT, as a shell reports it. */
    static final int SIGINT_STATUS = 130;

    private static final Set<MpContext> LIVE = ConcurrentHashMap.newKeySet();

    private KeyboardInterrupts() {
    }

    static void register(MpContext context) {
        LIVE.add(context);
    }

    static void unregister(MpContext context) {
        LIVE.remove(context);
    }

    /**
     * Raises KeyboardInterrupt in the top-level evaluation each live context is running; a context running
     * no code is left alone, and the interrupt never reaches a later evaluation. Thread-safe; meant to be
     * called from a signal handler or a terminal's interrupt callback.
     *
     * @return whether some context was running code
     */
    public static boolean deliver() {
        boolean delivered = false;
        for (MpContext context : LIVE) {
            delivered |= context.signals().deliver(Signals.SIGINT);
        }
        return delivered;
    }

    /** The contexts alive in this process, to which signals go. */
    static Iterable<MpContext> liveContexts() {
        return LIVE;
    }

    /**
     * Makes SIGINT (Ctrl-C) call {@link #deliver()}. When no mp code is running (while starting or after the
     * end), the process exits with status 130, as SIGINT's default action would end it.
     */
    public static void installSigintHandler() {
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> {
            if (!deliver()) {
                System.exit(SIGINT_STATUS);
            }
        });
    }
}
