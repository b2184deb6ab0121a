package dev.mp.runtime;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage.ContextReference;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.nodes.Node;

import dev.mp.runtime.modules.ModuleLoader;
import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.ops.Identity;

/**
 * The state of one mp context: its modules, its streams, the exceptions being handled and the call depth.
 * Guest threads ({@code threading}) share it under its global interpreter lock ({@link #gil()}), which swaps
 * the per-thread part of the state ({@link ThreadState}) in and out.
 */
public final class MpContext {
    private static final ContextReference<MpContext> REFERENCE = ContextReference.create(MpLanguage.class);

    private final MpLanguage language;
    private final TruffleLanguage.Env env;
    private final PrintStream out;
    private final PrintStream err;
    private final ModuleLoader modules;
    /** The running thread's exceptions being handled (swapped with the GIL, see {@link ThreadState}). */
    private Deque<PBaseException> handled = new ArrayDeque<>();
    /** The running thread's Python call depth, for RecursionError (swapped with the GIL). */
    public int depth;
    public int recursionLimit = 1000;
    /**
     * The profiler of {@code sys.setprofile} or {@code cProfile}, null when none: mp code reports calls to it. Set
     * it through {@link #setProfileHook}; code reads it only once the language's no-profiler assumption is gone.
     */
    private dev.mp.runtime.nodes.ProfileHook profileHook;

    public dev.mp.runtime.nodes.ProfileHook profileHook() {
        return profileHook;
    }

    /** The file objects with written data not passed to the operating system yet, in the order they got it. */
    private final java.util.Set<dev.mp.runtime.modules.PendingWrites> pendingWrites =
            java.util.Collections.newSetFromMap(new java.util.LinkedHashMap<>());

    /** {@code file} holds written data that has not reached the operating system yet (see PendingWrites). */
    public void notePendingWrites(dev.mp.runtime.modules.PendingWrites file) {
        pendingWrites.add(file);
    }

    /** {@code file} has passed on (or dropped, when closed) all it had written. */
    public void donePendingWrites(dev.mp.runtime.modules.PendingWrites file) {
        pendingWrites.remove(file);
    }

    /**
     * Passes on what file objects still hold, as CPython's reference counting would have closed them by now. An
     * error stays with its file, whose own flush or close reports it, as CPython reports it only there.
     */
    @com.oracle.truffle.api.CompilerDirectives.TruffleBoundary
    public void flushPendingWrites() {
        for (int pass = 0; pass < 3 && !pendingWrites.isEmpty(); pass++) {
            for (dev.mp.runtime.modules.PendingWrites file : pendingWrites.toArray(new dev.mp.runtime.modules.PendingWrites[0])) {
                try {
                    file.writePending();
                } catch (MpException e) {
                    pendingWrites.remove(file);
                }
            }
        }
    }

    /** Installs (or with null removes) the profiler that mp code reports calls to. */
    public void setProfileHook(dev.mp.runtime.nodes.ProfileHook hook) {
        if (hook != null) {
            language.noProfileHookAssumption().invalidate();
        }
        profileHook = hook;
    }
    /** {@code sys.get_int_max_str_digits()}: the most digits of a decimal int conversion, 0 for no limit. */
    public int intMaxStrDigits = dev.mp.runtime.ops.IntDigits.DEFAULT_LIMIT;
    /** The id of the top-level evaluation running now, 0 when none. Read by other threads (see KeyboardInterrupts). */
    private volatile long runningEvaluation;
    private long lastEvaluation;
    /** The thread running the top-level evaluation (the main thread: Ctrl-C and signal handlers go to it). */
    private volatile Thread mainThread;
    private final dev.mp.runtime.threading.Gil gil = new dev.mp.runtime.threading.Gil(this);
    private final dev.mp.runtime.threading.GuestThreads threads = new dev.mp.runtime.threading.GuestThreads(this);
    private final Signals signals = new Signals(this);
    private final Identity.Registry identities = new Identity.Registry();
    /** Made when multiprocessing first needs it: most programs start no process. */
    private dev.mp.runtime.multiprocessing.StandbyPool standbyPool;
    /** {@code socket.getdefaulttimeout()} in nanoseconds, -1 for None: this program's own, not the JVM's. */
    private volatile long socketDefaultTimeoutNanos = -1;
    /** The last long string found to hold no surrogate pair (indexing it is then by char): see {@code Sequences}. */
    public String lastBmpOnlyString;
    /** The name of this program's {@code multiprocessing.current_process()}, shown as a lock's owner. */
    private volatile String processName = "MainProcess";
    private final SourcesWithoutFile sourcesWithoutFile = new SourcesWithoutFile();
    /** The error handlers codecs.register_error registered, by name. */
    private final java.util.Map<String, Object> codecErrorHandlers = new java.util.concurrent.ConcurrentHashMap<>();

    MpContext(MpLanguage language, TruffleLanguage.Env env) {
        this.language = language;
        this.env = env;
        this.out = new PrintStream(env.out(), false, java.nio.charset.StandardCharsets.UTF_8);
        this.err = new PrintStream(env.err(), false, java.nio.charset.StandardCharsets.UTF_8);
        this.modules = new ModuleLoader(this);
    }

    public static MpContext get(Node node) {
        return REFERENCE.get(node);
    }

    /**
     * The context of the current thread, or null when no context is entered (Java code of the runtime used
     * directly, as unit tests do): for limits that only apply to a running program.
     */
    public static MpContext current() {
        try {
            return REFERENCE.get(null);
        } catch (IllegalStateException | AssertionError noContext) {
            return null;
        }
    }

    /** The ids of this program's values that have no id field of their own: see {@code Identity}. */
    public Identity.Registry identities() {
        return identities;
    }

    public MpLanguage language() {
        return language;
    }

    /** The default timeout of sockets made from now on, in nanoseconds; -1 for None (blocking). */
    public long socketDefaultTimeoutNanos() {
        return socketDefaultTimeoutNanos;
    }

    public void setSocketDefaultTimeoutNanos(long nanos) {
        socketDefaultTimeoutNanos = nanos;
    }

    /** The sources of this program's code that is in no file, which pickling sends as source. */
    public java.util.Map<String, Object> codecErrorHandlers() {
        return codecErrorHandlers;
    }

    public SourcesWithoutFile sourcesWithoutFile() {
        return sourcesWithoutFile;
    }

    /** The running program's {@code current_process().name}. */
    public String processName() {
        return processName;
    }

    public void setProcessName(String name) {
        processName = name;
    }

    public TruffleLanguage.Env env() {
        return env;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public ModuleLoader modules() {
        return modules;
    }

    public PModule builtins() {
        return modules.builtins();
    }

    public PModule mainModule() {
        return modules.mainModule();
    }

    private java.io.BufferedReader stdinReader;

    /** The reader over the context's standard input, made on first use. */
    public java.io.BufferedReader stdinReader(java.util.function.Supplier<java.io.BufferedReader> factory) {
        if (stdinReader == null) {
            stdinReader = factory.get();
        }
        return stdinReader;
    }

    /**
     * Marks the start of top-level code: a main program, a statement typed at the prompt, the exit hooks.
     * Code it runs in turn (imports, nested evaluations) belongs to the same evaluation.
     *
     * @return whether this is the outermost evaluation, to pass to {@link #leaveTopLevel}
     */
    public boolean enterTopLevel() {
        if (runningEvaluation != 0) {
            return false;
        }
        gil.acquire();
        mainThread = Thread.currentThread();
        runningEvaluation = ++lastEvaluation;
        return true;
    }

    /** Ends top-level code; guest threads go on running (the GIL is released) until the next evaluation. */
    public void leaveTopLevel(boolean outermost) {
        if (outermost) {
            runningEvaluation = 0;
            gil.release();
        }
    }

    /** The thread that runs (or last ran) the context's top-level code, or null before any. */
    public Thread mainThread() {
        return mainThread;
    }

    /** The global interpreter lock. */
    public dev.mp.runtime.threading.Gil gil() {
        return gil;
    }

    /** The threads the program started. */
    public dev.mp.runtime.threading.GuestThreads threads() {
        return threads;
    }

    /** The program's signal handlers. */
    public Signals signals() {
        return signals;
    }

    /** The child JVMs this context's multiprocessing starts ahead of demand, made on first use (context's thread). */
    public dev.mp.runtime.multiprocessing.StandbyPool standbyPool() {
        if (standbyPool == null) {
            standbyPool = new dev.mp.runtime.multiprocessing.StandbyPool(this);
        }
        return standbyPool;
    }

    /** The pool of {@link #standbyPool()}, or null if none was made (closing the context makes none). */
    public dev.mp.runtime.multiprocessing.StandbyPool standbyPoolIfMade() {
        return standbyPool;
    }

    /** The interpreter state that belongs to one thread, kept aside while the thread does not hold the GIL. */
    public static final class ThreadState {
        int depth;
        Deque<PBaseException> handled = new ArrayDeque<>();
    }

    /** Keeps the running thread's state aside (it is giving up the GIL). */
    public void saveThreadState(ThreadState state) {
        state.depth = depth;
        state.handled = handled;
    }

    /** Installs a thread's state (it has taken the GIL). */
    public void restoreThreadState(ThreadState state) {
        depth = state.depth;
        handled = state.handled;
    }

    /** The id of the top-level evaluation running now, or 0 when the context runs no code; any thread may ask. */
    long runningEvaluation() {
        return runningEvaluation;
    }

    @TruffleBoundary
    public void pushHandled(PBaseException e) {
        handled.push(e);
    }

    @TruffleBoundary
    public void popHandled() {
        handled.pop();
    }

    /** The exception of the innermost running {@code except} or {@code finally} block, or null. */
    public PBaseException currentHandled() {
        return handled.peek();
    }
}
