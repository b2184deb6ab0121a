package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.moduleFunction;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.debug.Breakpoint;
import com.oracle.truffle.api.debug.DebugStackFrame;
import com.oracle.truffle.api.debug.DebugValue;
import com.oracle.truffle.api.debug.Debugger;
import com.oracle.truffle.api.debug.DebuggerSession;
import com.oracle.truffle.api.debug.SourceElement;
import com.oracle.truffle.api.debug.StepConfig;
import com.oracle.truffle.api.debug.SuspendAnchor;
import com.oracle.truffle.api.debug.SuspendedEvent;
import com.oracle.truffle.api.debug.SuspensionFilter;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.frame.FrameInstance;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.MpLanguage;
import dev.mp.runtime.nodes.CallStack;
import dev.mp.runtime.nodes.CallerFrames;
import dev.mp.runtime.nodes.Frames;
import dev.mp.runtime.nodes.MpRootNode;
import dev.mp.runtime.nodes.MpStatementNode;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PFunction;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.objects.TracebackEntry;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;

/**
 * The {@code _debugger} module: what {@code bdb} needs from Truffle's debugger. A context gets one
 * {@link DebuggerSession} on first use; {@code set_trace(dispatch)} asks it to suspend at the next statement, and
 * each suspension (a step's end, a breakpoint, a function's return) calls {@code dispatch(frames, event, value)} on
 * the suspended thread, which answers how to go on: {@code 'step'}, {@code 'next'}, {@code 'return'} or
 * {@code 'continue'} (an exception it raises, {@code BdbQuit} for one, propagates into the program).
 *
 * <p>{@code frames} lists the stack outermost first, each {@code (filename, lineno, name, globals, locals, source text,
 * first line, last line, function or None)}; {@code event} is {@code 'line'}, {@code 'call'} or {@code 'return'}, and
 * {@code value} a return's value as its repr.
 * On an {@link dev.mp.runtime.MpThread} the frames come from mp's own {@link CallStack}, because calls there bypass
 * call targets and Truffle's stack shows only the suspended frame; elsewhere from the event's
 * {@link DebugStackFrame}s. Once a debugger starts on an MpThread, its calls go through call targets (see
 * {@link CallStack#useCallTargets}), since Truffle instruments only code entered through them. Sources of the debugger
 * itself (the bundled {@code bdb} and {@code pdb}) are never stopped in.
 */
final class DebuggerModule {
    private DebuggerModule() {
    }

    /** The bundled modules the debugger runs in: stepping skips them. */
    private static final java.util.Set<String> OWN_SOURCES = java.util.Set.of("<mp-lib>/bdb.mp", "<mp-lib>/pdb.mp");

    /** How steps stop: before each statement, and at each call and return of a function. */
    private static final StepConfig STEP = StepConfig.newBuilder().suspendAnchors(SourceElement.ROOT, SuspendAnchor.BEFORE, SuspendAnchor.AFTER)
            .suspendAnchors(SourceElement.STATEMENT, SuspendAnchor.BEFORE).build();

    /** One context's session and the {@code dispatch} function suspensions call. */
    private static final class State {
        final MpContext context;
        DebuggerSession session;
        Object dispatch;
        /** The sources of the frames shown so far, by file name, for breakpoints. */
        final java.util.Map<String, Source> sources = new java.util.HashMap<>();
        /** The frames of the last suspension, outermost first, as in the list given to dispatch. */
        final List<Frame> shownFrames = new ArrayList<>();
        /** The frame (its arguments, which identify it) and line of the last suspension. */
        Object[] lastFrame;
        int lastLine;
        /** While {@code 'return'} runs to a function's return: that function's frame (its arguments); else null. */
        Object[] returningFrom;
        /** Whether a suspension is being handled (its dispatch runs mp code, which must not suspend again). */
        boolean dispatching;

        State(MpContext context) {
            this.context = context;
        }

        @TruffleBoundary
        DebuggerSession session() {
            if (session == null) {
                session = Debugger.find(context.env()).startSession(this::onSuspend, SourceElement.STATEMENT, SourceElement.ROOT);
                session.setSteppingFilter(SuspensionFilter.newBuilder().includeInternal(false)
                        .sourceIs(source -> !OWN_SOURCES.contains(name(source))).build());
            }
            return session;
        }

        @TruffleBoundary
        private void onSuspend(SuspendedEvent event) {
            if (dispatching || dispatch == null) {
                event.prepareContinue();
                return;
            }
            boolean atRoot = isRootBody(event);
            boolean returning = event.getSuspendAnchor() == SuspendAnchor.AFTER;
            if (returning && !atRoot) {
                // Steps stop after roots only (see STEP); should another tool's config ask for more, go on.
                event.prepareStepInto(STEP);
                return;
            }
            if (returningFrom != null) {
                // Running to the return of returningFrom: steps over its statements without stopping.
                Frame frame = event.getTopStackFrame().getRawFrame(MpLanguage.class, FrameInstance.FrameAccess.READ_ONLY);
                if (frame != null && frame.getArguments() == returningFrom && !returning && event.getBreakpoints().isEmpty()) {
                    lastFrame = returningFrom;
                    lastLine = event.getSourceSection().getStartLine();
                    event.prepareStepOver(STEP);
                    return;
                }
                returningFrom = null;
            }
            String kind = returning ? "return" : atRoot ? "call" : "line";
            Object value = PNone.NONE;
            if (returning) {
                // The value as the language shows it (its repr): a return value has no scope to read it raw from.
                DebugValue returned = event.getReturnValue();
                value = returned == null ? "None" : returned.toDisplayString();
            }
            PList frames = frames(event, returning);
            Object action;
            dispatching = true;
            try {
                action = Calls.call(dispatch, frames, kind, value);
            } finally {
                dispatching = false;
            }
            String what = Conversions.str(action);
            switch (what) {
                case "step" -> event.prepareStepInto(STEP);
                case "next" -> event.prepareStepOver(STEP);
                case "return" -> {
                    Frame frame = event.getTopStackFrame().getRawFrame(MpLanguage.class, FrameInstance.FrameAccess.READ_ONLY);
                    if (returning || frame == null) {
                        event.prepareStepOut(STEP);
                    } else {
                        returningFrom = frame.getArguments();
                        event.prepareStepOver(STEP);
                    }
                }
                case "continue" -> {
                    event.prepareContinue();
                    if (session.getBreakpoints().isEmpty()) {
                        directCallsAgain();
                    }
                }
                default -> throw Errors.valueError("unknown debugger action " + what);
            }
        }

        /** Whether the event is at a function's body as a whole (its call or its return), not at one statement. */
        private boolean isRootBody(SuspendedEvent event) {
            Node node = event.getTopStackFrame().getRawNode(MpLanguage.class);
            return node instanceof MpStatementNode statement && MpStatementNode.unwrap(statement).line() <= 0;
        }

        /** The stack at a suspension, outermost first. */
        private PList frames(SuspendedEvent event, boolean returning) {
            int line = event.getSourceSection() == null ? 0 : event.getSourceSection().getStartLine();
            Frame top = event.getTopStackFrame().getRawFrame(MpLanguage.class, FrameInstance.FrameAccess.MATERIALIZE);
            if (top != null && top.getArguments().length > 0 && top.getArguments()[0] instanceof Frame generatorFrame) {
                top = generatorFrame;
            }
            if (returning) {
                // The line a function returns from: the last one stopped at in this frame, else its last line.
                line = top != null && top.getArguments() == lastFrame ? lastLine : event.getSourceSection().getEndLine();
            }
            lastFrame = top == null ? null : top.getArguments();
            lastLine = line;
            List<Object> frames = new ArrayList<>();
            shownFrames.clear();
            CallStack stack = CallStack.current();
            if (stack != null) {
                for (int i = 0; i < stack.size(); i++) {
                    int frameLine = i == stack.size() - 1 ? line : StackEntries.statementLine(stack.callNode(i));
                    frames.add(record(stack.root(i), stack.frame(i), frameLine));
                    shownFrames.add(stack.frame(i));
                    sources.put(name(stack.root(i).source()), stack.root(i).source());
                }
                return new PList(frames);
            }
            for (DebugStackFrame debugFrame : event.getStackFrames()) {
                Node node = debugFrame.getRawNode(MpLanguage.class);
                Frame frame = debugFrame.getRawFrame(MpLanguage.class, FrameInstance.FrameAccess.MATERIALIZE);
                if (node == null || frame == null || !(node.getRootNode() instanceof MpRootNode root)) {
                    continue;
                }
                int frameLine = frames.isEmpty() ? line : StackEntries.statementLine(node);
                if (frame.getArguments().length > 0 && frame.getArguments()[0] instanceof Frame generatorFrame) {
                    frame = generatorFrame;
                }
                frames.add(record(root, frame, frameLine));
                shownFrames.add(0, frame);
                sources.put(name(root.source()), root.source());
            }
            return new PList(frames.reversed());
        }
    }

    /**
     * Lets this thread's calls bypass call targets again once nothing can stop it (a {@code continue} with no
     * breakpoints, a quit): the program then runs at full speed.
     */
    private static void directCallsAgain() {
        CallStack stack = CallStack.current();
        if (stack != null) {
            stack.stopUsingCallTargets();
        }
    }

    private static PTuple record(MpRootNode root, Frame frame, int line) {
        Source source = root.source();
        String file = new TracebackEntry(source, line, root.getName()).file();
        Object text = source.hasCharacters() ? source.getCharacters().toString() : PNone.NONE;
        PDict globals = Frames.globals(frame);
        Object locals = frame.getArguments()[0] instanceof PModule ? globals : CallerFrames.locals(frame);
        SourceSection section = root.getSourceSection();
        long first = section != null && section.isAvailable() ? section.getStartLine() : 1;
        long last = section != null && section.isAvailable() ? section.getEndLine() : 1;
        PFunction function = Frames.function(frame);
        return PTuple.of(file, (long) line, root.getName(), globals, locals, text, first, last, function == null ? PNone.NONE : function);
    }

    /**
     * Writes back into a function's frame the variables a debugger command changed in its locals dict (as CPython
     * writes {@code f_locals} back after a trace function ran); cells are written through.
     */
    private static void updateLocals(Frame frame, PDict values) {
        if (!(frame.getArguments().length > 0 && frame.getArguments()[0] instanceof PFunction) || CallerFrames.isClassBody(frame)) {
            return;
        }
        var descriptor = frame.getFrameDescriptor();
        for (int slot = 0; slot < descriptor.getNumberOfSlots(); slot++) {
            if (descriptor.getSlotName(slot) instanceof String name && values.get(name) instanceof Object value) {
                Object old = frame.getObjectStatic(slot);
                if (old instanceof dev.mp.runtime.objects.PCell cell) {
                    cell.value = value;
                } else if (old != value) {
                    frame.setObjectStatic(slot, value);
                }
            }
        }
    }

    private static String name(Source source) {
        String path = source.getPath();
        return path != null ? path : source.getName();
    }

    static void populate(PModule m, MpContext context) {
        State state = new State(context);
        moduleFunction(m, "set_trace", "dispatch, /", a -> {
            state.dispatch = a[0];
            DebuggerSession session = state.session();
            CallStack stack = CallStack.current();
            if (stack != null && !stack.viaCallTargets()) {
                stack.useCallTargets();
            }
            session.suspendNextExecution();
            return PNone.NONE;
        });
        moduleFunction(m, "stop", "", a -> {
            state.dispatch = null;
            directCallsAgain();
            return PNone.NONE;
        });
        moduleFunction(m, "update_locals", "index, values, /", a -> {
            int index = (int) Conversions.asLong(a[0]);
            if (index >= 0 && index < state.shownFrames.size() && a[1] instanceof PDict values) {
                updateLocals(state.shownFrames.get(index), values);
            }
            return PNone.NONE;
        });
        moduleFunction(m, "set_break", "filename, lineno, /", a -> setBreak(state, Conversions.str(a[0]), (int) Conversions.asLong(a[1])));
        moduleFunction(m, "clear_breaks", "", a -> {
            if (state.session != null) {
                for (Breakpoint b : state.session.getBreakpoints()) {
                    b.dispose();
                }
            }
            return PNone.NONE;
        });
    }

    /**
     * {@code sys.breakpointhook(*args, **kws)} as CPython's: {@code PYTHONBREAKPOINT} (read from {@code os.environ}
     * when {@code os} is loaded, else from the process environment) unset or empty calls {@code pdb.set_trace},
     * {@code 0} does nothing, and a dotted name calls that function; one that cannot be imported gives a
     * RuntimeWarning and nothing else.
     */
    @TruffleBoundary
    static Object breakpointHook(MpContext context, PTuple args, PDict kwargs) {
        String hook = breakpointVariable(context);
        if (hook == null || hook.isEmpty()) {
            hook = "pdb.set_trace";
        } else if (hook.equals("0")) {
            return PNone.NONE;
        }
        int dot = hook.lastIndexOf('.');
        String module = dot < 0 ? "builtins" : hook.substring(0, dot);
        String name = hook.substring(dot + 1);
        Object function;
        try {
            Object imported = context.modules().importModule(module, null, true, 0);
            function = dev.mp.runtime.ops.Attributes.get(imported, name);
        } catch (dev.mp.runtime.MpException e) {
            Object warnings = context.modules().importModule("warnings", null, true, 0);
            Calls.call(dev.mp.runtime.ops.Attributes.get(warnings, "warn"), "Ignoring unimportable $PYTHONBREAKPOINT: \"" + hook + "\"",
                    dev.mp.runtime.objects.BuiltinClasses.exception("RuntimeWarning"));
            return PNone.NONE;
        }
        return callWith(function, args, kwargs);
    }

    /** The builtin {@code breakpoint(*args, **kws)}: calls {@code sys.breakpointhook} with its arguments. */
    @TruffleBoundary
    static Object breakpoint(MpContext context, PTuple args, PDict kwargs) {
        Object hook = context.modules().importModule("sys", null, true, 0) instanceof PModule sys ? sys.dict().get("breakpointhook") : null;
        if (hook == null) {
            throw Errors.make("RuntimeError", "lost sys.breakpointhook");
        }
        return callWith(hook, args, kwargs);
    }

    private static Object callWith(Object function, PTuple args, PDict kwargs) {
        return Calls.callUnpacking(function, args.items(), kwargs);
    }

    private static String breakpointVariable(MpContext context) {
        if (context.modules().sysModules().get("os") instanceof PModule os && os.dict().get("environ") instanceof PDict environ) {
            return environ.get("PYTHONBREAKPOINT") instanceof String value ? value : null;
        }
        return context.env().getEnvironment().get("PYTHONBREAKPOINT");
    }

    /** Installs a line breakpoint in the loaded source named {@code filename}; false when no such source is loaded. */
    @TruffleBoundary
    private static Object setBreak(State state, String filename, int line) {
        Source source = state.sources.get(filename);
        if (source == null) {
            return false;
        }
        state.session().install(Breakpoint.newBuilder(source).lineIs(line).build());
        return true;
    }
}
