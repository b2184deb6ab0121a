package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.moduleFunction;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.Signals;
import dev.mp.runtime.builtins.IntEnumType;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBuiltinFunction;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PSet;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Types;

/**
 * The {@code signal} module (Linux numbering): setting handlers, which run in the main thread ({@link Signals}),
 * {@code raise_signal}, {@code alarm} and the names and descriptions of signals. Handlers get None for the
 * frame argument (mp has no frame objects).
 */
final class SignalModule {
    private SignalModule() {
    }

    private static final String[] NAMES = {"SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGIOT", "SIGBUS", "SIGFPE",
        "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCLD", "SIGCONT",
        "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO",
        "SIGPOLL", "SIGPWR", "SIGSYS", "SIGRTMIN", "SIGRTMAX"};
    private static final long[] NUMBERS = {1, 2, 3, 4, 5, 6, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 17, 18, 19, 20, 21, 22, 23, 24,
        25, 26, 27, 28, 29, 29, 30, 31, 34, 64};
    private static final String[] DESCRIPTIONS = {null, "Hangup", "Interrupt", "Quit", "Illegal instruction", "Trace/breakpoint trap",
        "Aborted", "Bus error", "Floating point exception", "Killed", "User defined signal 1", "Segmentation fault",
        "User defined signal 2", "Broken pipe", "Alarm clock", "Terminated", "Stack fault", "Child exited", "Continued",
        "Stopped (signal)", "Stopped", "Stopped (tty input)", "Stopped (tty output)", "Urgent I/O condition",
        "CPU time limit exceeded", "File size limit exceeded", "Virtual timer expired", "Profiling timer expired",
        "Window changed", "I/O possible", "Power failure", "Bad system call"};
    private static final int SIGKILL = 9;
    private static final int SIGSTOP = 19;
    private static final int SIGPIPE = 13;

    static final IntEnumType SIGNALS = IntEnumType.define("signal", "Signals", NAMES, NUMBERS);
    static final IntEnumType HANDLERS = IntEnumType.define("signal", "Handlers", new String[] {"SIG_DFL", "SIG_IGN"}, new long[] {0, 1});

    static void populate(PModule m, MpContext context) {
        var d = m.dict();
        d.put("Signals", SIGNALS.type());
        d.put("Handlers", HANDLERS.type());
        for (String name : NAMES) {
            d.put(name, SIGNALS.type().dict().get(name));
        }
        Object sigDfl = HANDLERS.member(0);
        Object sigIgn = HANDLERS.member(1);
        d.put("SIG_DFL", sigDfl);
        d.put("SIG_IGN", sigIgn);
        d.put("NSIG", (long) Signals.NSIG);
        PBuiltinFunction defaultIntHandler = moduleFunction(m, "default_int_handler", "signalnum, frame, /", a -> {
            throw Errors.raise(BuiltinClasses.exception("KeyboardInterrupt"));
        });
        Signals signals = context.signals();

        moduleFunction(m, "getsignal", "signalnum, /", a -> {
            int signum = signalNumber(a[0]);
            Object handler = signals.handler(signum);
            if (handler != null) {
                return handler;
            }
            return signum == Signals.SIGINT ? defaultIntHandler : signum == SIGPIPE ? sigIgn : sigDfl;
        });
        moduleFunction(m, "signal", "signalnum, handler, /", a -> {
            int signum = signalNumber(a[0]);
            Object handler = a[1];
            Signals.Action action;
            if (Calls.isCallable(handler)) {
                action = handler == defaultIntHandler ? Signals.Action.KEYBOARD_INTERRUPT : Signals.Action.CALL;
            } else if (Types.isInt(handler) && Conversions.asLong(handler) == 1) {
                action = Signals.Action.IGNORE;
            } else if (Types.isInt(handler) && Conversions.asLong(handler) == 0) {
                action = Signals.Action.DEFAULT;
            } else {
                throw Errors.typeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
            }
            if (Thread.currentThread() != context.mainThread()) {
                throw Errors.valueError("signal only works in main thread of the main interpreter");
            }
            if (signum == SIGKILL || signum == SIGSTOP) {
                throw Errors.osError(22, "Invalid argument", null);
            }
            Object previous = Calls.call(d.get("getsignal"), (long) signum);
            try {
                signals.set(signum, action, handler);
            } catch (IllegalArgumentException reservedByTheJvm) {
                throw Errors.osError(22, "Invalid argument", null);
            }
            return previous;
        });
        moduleFunction(m, "raise_signal", "signalnum, /", a -> {
            signals.raise(signalNumber(a[0]));
            return dev.mp.runtime.objects.PNone.NONE;
        });
        moduleFunction(m, "alarm", "seconds, /", a -> {
            long seconds = Conversions.asLong(Conversions.index(a[0]));
            return signals.alarm(Math.max(0, seconds));
        });
        moduleFunction(m, "strsignal", "signalnum, /", a -> {
            int signum = signalNumber(a[0]);
            if (signum < DESCRIPTIONS.length) {
                return DESCRIPTIONS[signum] == null ? dev.mp.runtime.objects.PNone.NONE : DESCRIPTIONS[signum];
            }
            return signum >= 34 ? "Real-time signal " + (signum - 34) : dev.mp.runtime.objects.PNone.NONE;
        });
        moduleFunction(m, "valid_signals", "", a -> {
            PSet set = new PSet(false);
            for (long n = 1; n < Signals.NSIG; n++) {
                if (n != 32 && n != 33) {
                    set.add(n <= 31 || n == 34 || n == 64 ? SIGNALS.member(n) : (Object) n);
                }
            }
            return set;
        });
    }

    /** A signal number argument: an int in 1..NSIG-1, else CPython's ValueError. */
    private static int signalNumber(Object value) {
        long n = Conversions.asLong(Conversions.index(value));
        if (n < 1 || n >= Signals.NSIG) {
            throw Errors.valueError("signal number out of range");
        }
        return (int) n;
    }
}
