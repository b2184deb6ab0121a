package dev.mp.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.ThreadLocalAction;

import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.posix.Libc;

/**
 * The signal handlers of one context ({@code signal.signal}) and their delivery, as CPython's: a handler runs
 * in the main thread, at its next safepoint poll (loop back-edges, function entries) or in a blocked wait that
 * polls; the default SIGINT handler raises KeyboardInterrupt there (see {@link KeyboardInterrupts}).
 *
 * <p>The JVM receives a signal once for the process: {@link #dispatch} hands it to every live context whose
 * program has a handler for it; when none takes it, the signal's default action happens (the JVM's own
 * handler, or the operating system's, which ends the process).
 */
public final class Signals {
    /** Looked up when it logs, not at class loading: slf4j warns on first use in a process without a provider. */
    private static Logger log() {
        return LoggerFactory.getLogger(Signals.class);
    }

    public static final int SIGINT = 2;
    public static final int SIGALRM = 14;
    /** One past the largest signal number (Linux). */
    public static final int NSIG = 65;

    /** What a context does with a signal. */
    public enum Action {
        /** The signal's default action: the process ends (the JVM's default for SIGINT: exit status 130). */
        DEFAULT,
        IGNORE,
        /** {@code signal.default_int_handler}: KeyboardInterrupt in the main thread. */
        KEYBOARD_INTERRUPT,
        /** A Python callable, called with (signum, frame) in the main thread. */
        CALL
    }

    private final MpContext context;
    private final Action[] actions = new Action[NSIG];
    /** What {@code signal.getsignal} returns for each signal (null: the module's SIG_DFL / default handler). */
    private final Object[] handlers = new Object[NSIG];
    private ScheduledExecutorService alarms;
    private ScheduledFuture<?> alarm;

    Signals(MpContext context) {
        this.context = context;
        java.util.Arrays.fill(actions, Action.DEFAULT);
        actions[SIGINT] = Action.KEYBOARD_INTERRUPT;
    }

    public synchronized Action action(int signum) {
        return actions[signum];
    }

    public synchronized Object handler(int signum) {
        return handlers[signum];
    }

    /**
     * Sets what the program does with {@code signum}; the process-wide dispatcher is installed for it first.
     *
     * @throws IllegalArgumentException when the JVM reserves the signal
     */
    @TruffleBoundary
    public void set(int signum, Action action, Object handler) {
        if (action != Action.DEFAULT || signum != SIGINT) {
            installDispatcher(signum);
        }
        synchronized (this) {
            actions[signum] = action;
            handlers[signum] = handler;
        }
    }

    /**
     * Delivers a signal that came from outside: a handler or KeyboardInterrupt is scheduled in the main thread
     * of a running program, an ignored one is dropped.
     *
     * @return whether this context took it (false: its default action applies)
     */
    boolean deliver(int signum) {
        Action action = action(signum);
        if (action == Action.IGNORE) {
            return true;
        }
        long evaluation = context.runningEvaluation();
        if (action == Action.DEFAULT || evaluation == 0) {
            return false;
        }
        Object handler = handler(signum);
        try {
            context.env().submitThreadLocal(new Thread[] {context.mainThread()}, new ThreadLocalAction(true, false) {
                @Override
                protected void perform(Access access) {
                    if (context.runningEvaluation() == evaluation) {
                        run(signum, action, handler);
                    }
                }
            });
            return true;
        } catch (IllegalStateException e) {
            log().debug("context closed before the signal could be delivered", e);
            return false;
        }
    }

    /** Runs the handler now, in the calling (main) thread. */
    private void run(int signum, Action action, Object handler) {
        if (action == Action.KEYBOARD_INTERRUPT) {
            throw Errors.raise(BuiltinClasses.exception("KeyboardInterrupt"));
        }
        if (action == Action.CALL) {
            context.gil().withLock(() -> Calls.call(handler, (long) signum, PNone.NONE));
        }
    }

    /**
     * {@code signal.raise_signal} and {@code _thread.interrupt_main}: the handler runs in the main thread, now
     * when the caller is the main thread; a signal left to its default action is sent to the process.
     */
    @TruffleBoundary
    public void raise(int signum) {
        Action action = action(signum);
        if (action == Action.DEFAULT) {
            raiseInProcess(signum);
        } else if (Thread.currentThread() == context.mainThread()) {
            run(signum, action, handler(signum));
        } else {
            deliver(signum);
        }
    }

    /**
     * {@code signal.alarm(seconds)}: SIGALRM for this context after that many seconds (0 cancels).
     *
     * @return the seconds that were left of the previous alarm, 0 if none
     */
    @TruffleBoundary
    public synchronized long alarm(long seconds) {
        long left = 0;
        if (alarm != null) {
            long ms = alarm.getDelay(TimeUnit.MILLISECONDS);
            alarm.cancel(false);
            alarm = null;
            left = ms <= 0 ? 0 : Math.max(1, (ms + 500) / 1000);
        }
        if (seconds > 0) {
            if (alarms == null) {
                ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
                    Thread t = new Thread(r, "mp-alarm");
                    t.setDaemon(true);
                    return t;
                });
                executor.setRemoveOnCancelPolicy(true);
                alarms = executor;
            }
            alarm = alarms.schedule(() -> {
                if (!deliver(SIGALRM)) {
                    raiseInProcess(SIGALRM);
                }
            }, seconds, TimeUnit.SECONDS);
        }
        return left;
    }

    /** Ends the alarm timer with the context. */
    synchronized void dispose() {
        if (alarms != null) {
            alarms.shutdownNow();
        }
    }

    // =====================================================================================================
    // The process-wide part: signals are the process's, not a context's.
    // =====================================================================================================

    /** The JVM's handler each dispatched signal had before, to restore for the default action. */
    private static final Map<Integer, sun.misc.SignalHandler> PREVIOUS = new HashMap<>();

    private static final String[] NAMES = new String[NSIG];

    static {
        String[] names = {null, "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE",
                "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF",
                "WINCH", "IO", "PWR", "SYS"};
        System.arraycopy(names, 0, NAMES, 0, names.length);
    }

    private static sun.misc.Signal jvmSignal(int signum) {
        String name = signum < NAMES.length ? NAMES[signum] : null;
        if (name == null) {
            throw new IllegalArgumentException("unknown signal " + signum);
        }
        return new sun.misc.Signal(name);
    }

    private static synchronized void installDispatcher(int signum) {
        if (PREVIOUS.containsKey(signum)) {
            return;
        }
        PREVIOUS.put(signum, sun.misc.Signal.handle(jvmSignal(signum), s -> dispatch(signum)));
    }

    /** Hands a signal the process received to the contexts; when none takes it, its default action happens. */
    static void dispatch(int signum) {
        boolean taken = false;
        for (MpContext context : KeyboardInterrupts.liveContexts()) {
            taken |= context.signals().deliver(signum);
        }
        if (!taken) {
            if (signum == SIGINT) {
                System.exit(KeyboardInterrupts.SIGINT_STATUS);
            }
            raiseInProcess(signum);
        }
    }

    /** Sends the signal to the process with the handler the JVM had before (the default action). */
    private static void raiseInProcess(int signum) {
        synchronized (Signals.class) {
            sun.misc.SignalHandler previous = PREVIOUS.remove(signum);
            if (previous != null) {
                sun.misc.Signal.handle(jvmSignal(signum), previous);
            }
        }
        try {
            sun.misc.Signal.raise(jvmSignal(signum));
        } catch (IllegalArgumentException noJvmHandler) {
            // The JVM raises only the signals it has a handler for (SIGUSR1 has none): kill(2) the process, as
            // CPython's raise(3) would, so the default action (ending it) happens.
            send(ProcessHandle.current().pid(), signum);
        }
    }

    /** {@code os.kill(pid, sig)}: sends a signal with kill(2), or raises the OSError for the errno it set. */
    public static void send(long pid, int signal) {
        if (pid < Integer.MIN_VALUE || pid > Integer.MAX_VALUE) {
            throw Errors.overflowError("signed integer is greater than maximum");
        }
        java.lang.foreign.MemorySegment capture = Libc.errnoSegment();
        if (Libc.kill(capture, (int) pid, signal) != 0) {
            int errno = Libc.errno(capture);
            throw Errors.osError(errno, Libc.strerror(errno), null);
        }
    }
}
