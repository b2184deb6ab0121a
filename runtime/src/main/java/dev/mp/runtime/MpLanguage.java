package dev.mp.runtime;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.Option;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.ProvidedTags;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.Source;
import org.graalvm.options.OptionCategory;
import org.graalvm.options.OptionDescriptors;
import org.graalvm.options.OptionKey;
import org.graalvm.options.OptionStability;
import org.graalvm.polyglot.SandboxPolicy;

import dev.mp.runtime.builtins.BuiltinTypes;
import dev.mp.runtime.objects.HostValues;
import dev.mp.runtime.ops.GlobalScope;
import dev.mp.runtime.ops.LanguageView;
import dev.mp.runtime.parser.SourceCompiler;

/**
 * The mp language: Python 3 syntax and semantics for the subset it supports, with real multiprocessing.
 *
 * <p>Evaluating a source runs it as module code in {@code __main__} and returns the value of its last
 * expression statement. With the option {@code mp.Main}, the source is the program's main module: an
 * uncaught exception is printed as a traceback and the context exits with Python's exit status; evaluating it
 * returns 0, the status of a program that ended by itself.
 *
 * <p>An interactive source ({@code Source.newBuilder(...).interactive(true)}) is one statement typed at the
 * prompt, run as CPython's REPL runs it: the values of its expression statements are echoed, an exception
 * or syntax error prints its traceback, and evaluating it returns whether it ran to completion;
 * {@code SystemExit} exits the context.
 *
 * <p>Closing a context normally runs the program's exit hooks, as the end of a main program does.
 *
 * <p>Embedding: the bindings ({@code Context.getBindings("mp")}) are {@code __main__}'s globals. The language
 * supports the CONSTRAINED sandbox policy: files, sockets, processes, environment variables and Java are
 * reached only through the context's permissions (Truffle's file system, {@code Env} checks, host access).
 */
@TruffleLanguage.Registration(id = MpLanguage.ID, name = "mp", version = MpLanguage.VERSION, defaultMimeType = MpLanguage.MIME_TYPE,
        characterMimeTypes = MpLanguage.MIME_TYPE, contextPolicy = TruffleLanguage.ContextPolicy.SHARED,
        fileTypeDetectors = MpFileTypeDetector.class, website = "https://github.com/mp-lang/mp", sandbox = SandboxPolicy.CONSTRAINED)
@ProvidedTags({StandardTags.StatementTag.class, StandardTags.RootTag.class, StandardTags.CallTag.class, StandardTags.ExpressionTag.class})
public final class MpLanguage extends TruffleLanguage<MpContext> {
    public static final String ID = "mp";
    public static final String VERSION = "0.1.0";
    public static final String MIME_TYPE = "application/x-mp";

    @Option(help = "Run sources as the program's main module: print uncaught exceptions as tracebacks, exit with Python's status.",
            category = OptionCategory.USER, stability = OptionStability.STABLE)
    static final OptionKey<Boolean> Main = new OptionKey<>(false);

    @Option(help = "The context's standard streams are this process's own, so child processes inherit them instead of copying into them.",
            category = OptionCategory.EXPERT, stability = OptionStability.STABLE)
    static final OptionKey<Boolean> ProcessStdio = new OptionKey<>(false);

    @Option(help = "Internal: this context is a multiprocessing child; it reads its task from standard input.",
            category = OptionCategory.INTERNAL, stability = OptionStability.EXPERIMENTAL)
    public static final OptionKey<Boolean> Spawn = new OptionKey<>(false);

    @Option(help = "Internal: the parent's main script, which a multiprocessing child parses while it waits for its task.",
            category = OptionCategory.INTERNAL, stability = OptionStability.EXPERIMENTAL)
    public static final OptionKey<String> SpawnMainScript = new OptionKey<>("");

    static {
        SourceCompiler.warmUpInBackground();
        BuiltinTypes.install();
    }

    /** Whether the context is a multiprocessing child (option {@code mp.Spawn}). */
    public static boolean isSpawnedChild(Env env) {
        return env.getOptions().get(Spawn);
    }

    /**
     * Whether the context's standard streams are this JVM's own (option {@code mp.ProcessStdio}, set by the
     * launcher, and child processes), so child processes inherit them; by default a context may have an embedder's
     * streams, which children's output is copied into.
     */
    public static boolean usesProcessStdio(Env env) {
        return env.getOptions().get(ProcessStdio) || isSpawnedChild(env);
    }

    /** Valid while this language instance serves one context, so nodes may cache that context's objects. */
    private static final LanguageReference<MpLanguage> REFERENCE = LanguageReference.create(MpLanguage.class);

    private final Assumption singleContext = Truffle.getRuntime().createAssumption("mp: single context");

    /** The language instance that {@code node}'s code belongs to (a constant in compiled code). */
    public static MpLanguage get(com.oracle.truffle.api.nodes.Node node) {
        return REFERENCE.get(node);
    }

    /**
     * Valid until some context of this language instance first gets a profiler ({@link MpContext#setProfileHook}):
     * until then compiled code does not even read the hook (a read in compiled code made a deopt cycle).
     */
    private final Assumption noProfileHook = Truffle.getRuntime().createAssumption("mp: no profile hook");

    public Assumption noProfileHookAssumption() {
        return noProfileHook;
    }

    /** Whether nodes may cache objects of the one context this language instance serves (module dicts, entries). */
    public boolean isSingleContext() {
        return singleContext.isValid();
    }

    /** Valid while this language instance serves one context: the assumption behind caches of context objects. */
    public Assumption singleContextAssumption() {
        return singleContext;
    }

    /** Code parsed once and shared by the contexts of this language instance (one engine): bundled modules. */
    private final java.util.Map<String, CallTarget> sharedCode = new java.util.concurrent.ConcurrentHashMap<>();

    /** The code of the immutable source {@code key}, parsed by {@code parse} the first time it is asked for. */
    public CallTarget sharedCode(String key, java.util.function.Supplier<CallTarget> parse) {
        return sharedCode.computeIfAbsent(key, k -> parse.get());
    }

    @Override
    protected void initializeMultipleContexts() {
        singleContext.invalidate();
    }

    @Override
    protected MpContext createContext(Env env) {
        return new MpContext(this, env);
    }

    /** A program (the main one or a multiprocessing child) also imports sitecustomize, as CPython's does. */
    @Override
    protected void initializeContext(MpContext context) {
        KeyboardInterrupts.register(context);
        if (context.env().getOptions().get(Main) || context.env().getOptions().get(Spawn)) {
            context.modules().importSiteCustomize();
        }
    }

    /** A thread that keeps mp's call stack learns its context here, so that calls need not look it up. */
    @Override
    protected void initializeThread(MpContext context, Thread thread) {
        if (thread instanceof MpThread mpThread) {
            mpThread.callStack().setContext(context);
        }
    }

    @Override
    protected void disposeThread(MpContext context, Thread thread) {
        if (thread instanceof MpThread mpThread && mpThread.callStack().context() == context) {
            mpThread.callStack().setContext(null);
        }
    }

    @Override
    protected void exitContext(MpContext context, ExitMode exitMode, int exitCode) {
        // A main program that ended by itself has run them already; they run once (runExitHooks empties the list).
        boolean outermost = context.enterTopLevel();
        try {
            context.modules().runExitHooks(exitCode);
        } finally {
            context.leaveTopLevel(outermost);
        }
        context.out().flush();
        context.err().flush();
    }

    /** Threads still running at the end (daemon threads) are stopped: Truffle needs them ended before disposal. */
    @Override
    protected void finalizeContext(MpContext context) {
        context.threads().stopAll();
        context.flushPendingWrites();
    }

    @Override
    protected void disposeContext(MpContext context) {
        KeyboardInterrupts.unregister(context);
        context.signals().dispose();
        dev.mp.runtime.multiprocessing.StandbyPool.close(context);
    }

    @Override
    protected OptionDescriptors getOptionDescriptors() {
        return new MpLanguageOptionDescriptors();
    }

    @Override
    protected boolean isVisible(MpContext context, Object value) {
        // Interactive sources echo their values themselves; what their evaluation returns is a status.
        return false;
    }

    @Override
    protected boolean isThreadAccessAllowed(Thread thread, boolean singleThreaded) {
        // The threads a program starts share its context under the GIL; other threads may not enter at the same time.
        return singleThreaded || dev.mp.runtime.threading.GuestThreads.mayShareContext(thread);
    }

    /** The polyglot bindings: {@code __main__}'s globals. */
    @Override
    protected Object getScope(MpContext context) {
        return new GlobalScope(context.mainModule());
    }

    /** Shows ints, floats, bools and strs the Python way ({@code True}, {@code 1e+16}) with their Python types. */
    @Override
    protected Object getLanguageView(MpContext context, Object value) {
        return new LanguageView(value);
    }

    @Override
    protected CallTarget parse(ParsingRequest request) {
        Source source = request.getSource();
        if (getCurrentContext(MpLanguage.class).env().getOptions().get(Spawn)) {
            return dev.mp.runtime.multiprocessing.SpawnBootstrap.callTarget(this);
        }
        if (source.isInteractive()) {
            return parseInteractive(source);
        }
        CallTarget module;
        try {
            module = SourceCompiler.parseModule(this, source);
        } catch (MpException e) {
            if (!getCurrentContext(MpLanguage.class).env().getOptions().get(Main)) {
                throw e;
            }
            return new SyntaxErrorRoot(this, e).getCallTarget();
        }
        return new RunMainRoot(this, module, source).getCallTarget();
    }

    private CallTarget parseInteractive(Source source) {
        try {
            return new InteractiveRoot(this, SourceCompiler.parseInteractive(this, source), null).getCallTarget();
        } catch (MpException e) {
            return new InteractiveRoot(this, null, e).getCallTarget();
        }
    }

    /** A statement typed at the prompt, or the SyntaxError it has: printed, and the session goes on. */
    private static final class InteractiveRoot extends RootNode {
        private final CallTarget statement;
        private final MpException syntaxError;

        InteractiveRoot(MpLanguage language, CallTarget statement, MpException syntaxError) {
            super(language, new FrameDescriptor());
            this.statement = statement;
            this.syntaxError = syntaxError;
        }

        @Override
        public Object execute(VirtualFrame frame) {
            MpContext context = MpContext.get(this);
            if (syntaxError != null) {
                MainProgram.handleUncaught(context, syntaxError.pythonException());
                return false;
            }
            try {
                return MainProgram.runInteractive(context, this, statement);
            } catch (AbstractTruffleException e) {
                terminateChildrenIfInterrupted(context, e);
                throw e;
            }
        }
    }

    /** A main program that failed to parse: prints the SyntaxError as CPython does and exits with status 1. */
    private static final class SyntaxErrorRoot extends RootNode {
        private final MpException error;

        SyntaxErrorRoot(MpLanguage language, MpException error) {
            super(language, new FrameDescriptor());
            this.error = error;
        }

        @Override
        public boolean isInternal() {
            return true;
        }

        @Override
        public Object execute(VirtualFrame frame) {
            MpContext context = MpContext.get(this);
            int status = MainProgram.handleUncaught(context, error.pythonException());
            context.env().getContext().closeExited(this, status);
            return null;
        }
    }

    /** Runs parsed module code in {@code __main__}, or as the program's main module with {@code mp.Main}. */
    private static final class RunMainRoot extends RootNode {
        private final CallTarget module;
        private final Source source;

        RunMainRoot(MpLanguage language, CallTarget module, Source source) {
            super(language, new FrameDescriptor());
            this.module = module;
            this.source = source;
        }

        /** Not a Python frame: guest stack traces show the module code it runs, as CPython's do. */
        @Override
        public boolean isInternal() {
            return true;
        }

        @Override
        public Object execute(VirtualFrame frame) {
            MpContext context = MpContext.get(this);
            try {
                if (context.env().getOptions().get(Main)) {
                    return MainProgram.run(context, this, module, source);
                }
                boolean outermost = context.enterTopLevel();
                try {
                    Object result = module.call(context.mainModule());
                    return result == null ? dev.mp.runtime.objects.PNone.NONE : HostValues.toInterop(result);
                } finally {
                    context.leaveTopLevel(outermost);
                }
            } catch (AbstractTruffleException e) {
                terminateChildrenIfInterrupted(context, e);
                throw e;
            }
        }
    }

    /**
     * {@code Context.interrupt} stops the program and, as a Ctrl-C would, the processes it started, which would
     * otherwise go on running for a program that no longer waits for them.
     */
    private static void terminateChildrenIfInterrupted(MpContext context, AbstractTruffleException e) {
        try {
            if (InteropLibrary.getUncached().getExceptionType(e) == ExceptionType.INTERRUPT) {
                dev.mp.runtime.multiprocessing.StandbyPool.terminateRunning(context);
            }
        } catch (UnsupportedMessageException notAnInteropException) {
            // Not the host's interrupt.
        }
    }
}
