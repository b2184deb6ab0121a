package dev.mp.runtime;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.Option;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.Source;

import org.graalvm.options.OptionCategory;
import org.graalvm.options.OptionDescriptors;
import org.graalvm.options.OptionKey;
import org.graalvm.options.OptionStability;

import dev.mp.runtime.builtins.BuiltinTypes;
import dev.mp.runtime.parser.SourceCompiler;

/**
 * The mp language: Python 3 syntax and semantics for the subset it supports, with real multiprocessing.
 *
 * <p>Evaluating a source runs it as module code in {@code __main__} and returns the value of its last
 * expression statement. With the option {@code mp.Main}, the source is the program's main module: an
 * uncaught exception is printed as a traceback and the context exits with Python's exit status.
 *
 * <p>An interactive source ({@code Source.newBuilder(...).interactive(true)}) is one statement typed at the
 * prompt, run as CPython's REPL runs it: the values of its expression statements are echoed, an exception
 * or syntax error prints its traceback, and evaluating it returns whether it ran to completion;
 * {@code SystemExit} exits the context.
 *
 * <p>Closing a context normally runs the program's exit hooks, as the end of a main program does.
 */
@TruffleLanguage.Registration(id = MpLanguage.ID, name = "mp", version = MpLanguage.VERSION, defaultMimeType = MpLanguage.MIME_TYPE,
        characterMimeTypes = MpLanguage.MIME_TYPE, contextPolicy = TruffleLanguage.ContextPolicy.SHARED,
        fileTypeDetectors = MpFileTypeDetector.class, website = "https://github.com/mp-lang/mp")
public final class MpLanguage extends TruffleLanguage<MpContext> {
    public static final String ID = "mp";
    public static final String VERSION = "0.1.0";
    public static final String MIME_TYPE = "application/x-mp";

    @Option(help = "Run sources as the program's main module: print uncaught exceptions as tracebacks, exit with Python's status.",
            category = OptionCategory.USER, stability = OptionStability.STABLE)
    static final OptionKey<Boolean> Main = new OptionKey<>(false);

    static {
        BuiltinTypes.install();
    }

    @Override
    protected MpContext createContext(Env env) {
        return new MpContext(this, env);
    }

    @Override
    protected void initializeContext(MpContext context) {
        KeyboardInterrupts.register(context);
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

    @Override
    protected void disposeContext(MpContext context) {
        KeyboardInterrupts.unregister(context);
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
        return singleThreaded;
    }

    @Override
    protected CallTarget parse(ParsingRequest request) {
        Source source = request.getSource();
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
            return MainProgram.runInteractive(context, this, statement);
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

        @Override
        public Object execute(VirtualFrame frame) {
            MpContext context = MpContext.get(this);
            if (context.env().getOptions().get(Main)) {
                return MainProgram.run(context, this, module, source);
            }
            boolean outermost = context.enterTopLevel();
            try {
                Object result = module.call(context.mainModule());
                return result == null ? dev.mp.runtime.objects.PNone.NONE : result;
            } finally {
                context.leaveTopLevel(outermost);
            }
        }
    }
}
