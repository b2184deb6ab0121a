package dev.mp.runtime;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;

import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.TruffleLanguage.ContextReference;
import com.oracle.truffle.api.nodes.Node;

import dev.mp.runtime.modules.ModuleLoader;
import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.PModule;

/**
 * The state of one mp context: its modules, its streams, the exceptions being handled and the call depth.
 * A context is used by one thread at a time, as polyglot requires.
 */
public final class MpContext {
    private static final ContextReference<MpContext> REFERENCE = ContextReference.create(MpLanguage.class);

    private final MpLanguage language;
    private final TruffleLanguage.Env env;
    private final PrintStream out;
    private final PrintStream err;
    private final ModuleLoader modules;
    private final Deque<PBaseException> handled = new ArrayDeque<>();
    /** Python call depth, for RecursionError. */
    public int depth;
    public int recursionLimit = 1000;
    /** {@code sys.get_int_max_str_digits()}: the most digits of a decimal int conversion, 0 for no limit. */
    public int intMaxStrDigits = dev.mp.runtime.ops.IntDigits.DEFAULT_LIMIT;
    /** The id of the top-level evaluation running now, 0 when none. Read by other threads (see KeyboardInterrupts). */
    private volatile long runningEvaluation;
    private long lastEvaluation;

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

    public MpLanguage language() {
        return language;
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
        runningEvaluation = ++lastEvaluation;
        return true;
    }

    public void leaveTopLevel(boolean outermost) {
        if (outermost) {
            runningEvaluation = 0;
        }
    }

    /** The id of the top-level evaluation running now, or 0 when the context runs no code; any thread may ask. */
    long runningEvaluation() {
        return runningEvaluation;
    }

    public void pushHandled(PBaseException e) {
        handled.push(e);
    }

    public void popHandled() {
        handled.pop();
    }

    /** The exception of the innermost running {@code except} or {@code finally} block, or null. */
    public PBaseException currentHandled() {
        return handled.peek();
    }
}
