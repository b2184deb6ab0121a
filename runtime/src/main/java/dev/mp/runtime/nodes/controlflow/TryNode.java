package dev.mp.runtime.nodes.controlflow;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ControlFlowException;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.MpException;
import dev.mp.runtime.nodes.Frames;
import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.MpStatementNode;
import dev.mp.runtime.nodes.function.GeneratorState;
import dev.mp.runtime.nodes.function.YieldException;
import dev.mp.runtime.nodes.local.AssignTargetNode;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.ExceptionGroups;

/**
 * {@code try/except/else/finally}, or with {@code except*} clauses (see {@link #runStarHandlers}). While a handler runs, its exception is the context's handled exception
 * (for bare {@code raise} and implicit chaining). A yield passes through without running {@code finally};
 * in a generator the section being run is kept in a frame slot so a resumption re-enters it.
 */
public final class TryNode extends MpStatementNode {
    @Child private MpStatementNode body;
    @Children private final MpExpressionNode[] handlerTypes;
    @Children private final AssignTargetNode[] handlerNames;
    @Children private final MpStatementNode[] handlers;
    @Child private MpStatementNode orelse;
    @Child private MpStatementNode finallyBody;
    private final int generatorSlot;
    /** Generator state: the section (0 body, k+1 handler k, -1 else, -2 finally), the exception, a pending throwable. */
    private final int stateSlot;
    /** Whether the handlers are {@code except*} clauses (PEP 654). */
    private final boolean star;

    public TryNode(MpStatementNode body, MpExpressionNode[] handlerTypes, AssignTargetNode[] handlerNames, MpStatementNode[] handlers,
                   MpStatementNode orelse, MpStatementNode finallyBody, int generatorSlot, int stateSlot) {
        this(body, handlerTypes, handlerNames, handlers, orelse, finallyBody, generatorSlot, stateSlot, false);
    }

    private TryNode(MpStatementNode body, MpExpressionNode[] handlerTypes, AssignTargetNode[] handlerNames, MpStatementNode[] handlers,
                    MpStatementNode orelse, MpStatementNode finallyBody, int generatorSlot, int stateSlot, boolean star) {
        this.star = star;
        this.body = body;
        this.handlerTypes = handlerTypes;
        this.handlerNames = handlerNames;
        this.handlers = handlers;
        this.orelse = orelse;
        this.finallyBody = finallyBody;
        this.generatorSlot = generatorSlot;
        this.stateSlot = stateSlot;
    }

    /** A try whose handlers are {@code except*} clauses: each takes its part of an exception group, in turn. */
    public static TryNode withStarHandlers(MpStatementNode body, MpExpressionNode[] handlerTypes, AssignTargetNode[] handlerNames,
                                           MpStatementNode[] handlers, MpStatementNode orelse, MpStatementNode finallyBody, int generatorSlot,
                                           int stateSlot) {
        return new TryNode(body, handlerTypes, handlerNames, handlers, orelse, finallyBody, generatorSlot, stateSlot, true);
    }

    private boolean inGenerator() {
        return generatorSlot >= 0;
    }

    private void save(VirtualFrame frame, int section) {
        if (inGenerator()) {
            frame.setObjectStatic(stateSlot, section);
        }
    }

    @Override
    public void execute(VirtualFrame frame) {
        boolean resume = inGenerator() && GeneratorState.resuming(frame, generatorSlot);
        int section = resume ? GeneratorState.savedInt(frame, stateSlot) : 0;
        if (section == -2) {
            runFinally(frame, (RuntimeException) frame.getObjectStatic(stateSlot + 2));
            return;
        }
        if (finallyBody == null) {
            runTryExcept(frame, section);
            return;
        }
        RuntimeException pending = null;
        try {
            runTryExcept(frame, section);
        } catch (YieldException y) {
            throw y;
        } catch (MpException | ControlFlowException t) {
            pending = t;
        }
        runFinally(frame, pending);
    }

    /**
     * Outside generators and {@code except*}: a return, break or continue in the body or a handler travels on as a
     * value (see MpStatementNode#executeReturning), after the finally clause has run.
     */
    @Override
    public Object executeReturning(VirtualFrame frame) {
        if (inGenerator() || star) {
            return super.executeReturning(frame);
        }
        if (finallyBody == null) {
            return runTryExceptReturning(frame);
        }
        RuntimeException pending = null;
        Object completion = null;
        try {
            completion = runTryExceptReturning(frame);
        } catch (MpException | ControlFlowException t) {
            pending = t;
        }
        runFinally(frame, pending);
        return completion;
    }

    private Object runTryExceptReturning(VirtualFrame frame) {
        Object completion;
        try {
            // A block body gives back what its statements raise (see BlockNode#executeCatching): one JVM throw less.
            completion = body instanceof BlockNode block ? block.executeCatching(frame) : body.executeReturning(frame);
        } catch (MpException e) {
            completion = e;
        }
        if (completion instanceof MpException e) {
            PBaseException exc = e.pythonException();
            int k = handlerFor(frame, exc);
            if (k < 0) {
                throw e;
            }
            return runHandler(frame, k, exc, true);
        }
        if (completion != null || orelse == null) {
            return completion;
        }
        return orelse.executeReturning(frame);
    }

    private void runFinally(VirtualFrame frame, RuntimeException pending) {
        if (inGenerator()) {
            save(frame, -2);
            frame.setObjectStatic(stateSlot + 2, pending);
        }
        MpContext ctx = pending instanceof MpException e ? Frames.context(frame, this) : null;
        if (ctx != null) {
            ctx.pushHandled(((MpException) pending).pythonException());
        }
        try {
            finallyBody.execute(frame);
        } catch (MpException inner) {
            if (pending instanceof MpException e) {
                chain(inner, e.pythonException());
            }
            throw inner;
        } finally {
            if (ctx != null) {
                ctx.popHandled();
            }
        }
        if (pending != null) {
            throw pending;
        }
    }

    @ExplodeLoop
    private void runTryExcept(VirtualFrame frame, int section) {
        if (section >= 1 && star) {
            runStarHandlers(frame, (StarState) frame.getObjectStatic(stateSlot + 1), section - 1, true);
            return;
        }
        if (section >= 1) {
            // A generator resumed inside handler section - 1; the loop keeps the handler a constant for the compiler.
            for (int k = 0; k < handlers.length; k++) {
                if (k == section - 1) {
                    runHandler(frame, k, (PBaseException) frame.getObjectStatic(stateSlot + 1), false);
                    return;
                }
            }
            return;
        }
        if (section == 0) {
            save(frame, 0);
            try {
                body.execute(frame);
            } catch (MpException e) {
                if (star) {
                    runStarHandlers(frame, new StarState(e), 0, false);
                    return;
                }
                PBaseException exc = e.pythonException();
                int k = handlerFor(frame, exc);
                if (k < 0) {
                    throw e;
                }
                runHandler(frame, k, exc, false);
                return;
            }
        }
        if (orelse != null) {
            save(frame, -1);
            orelse.execute(frame);
        }
    }

    /**
     * The index of the first handler whose type matches {@code exc}, with its name bound to it (and in a generator
     * its section saved), or -1 when none does.
     */
    @ExplodeLoop
    private int handlerFor(VirtualFrame frame, PBaseException exc) {
        for (int k = 0; k < handlers.length; k++) {
            if (handlerTypes[k] == null || matches(exc, handlerTypes[k].execute(frame))) {
                save(frame, k + 1);
                if (inGenerator()) {
                    frame.setObjectStatic(stateSlot + 1, exc);
                }
                if (handlerNames[k] != null) {
                    handlerNames[k].assign(frame, exc);
                }
                return k;
            }
        }
        return -1;
    }

    /** Runs handler {@code k} for {@code exc}; {@code returning}: by executeReturning, whose completion it gives. */
    private Object runHandler(VirtualFrame frame, int k, PBaseException exc, boolean returning) {
        MpContext ctx = Frames.context(frame, this);
        ctx.pushHandled(exc);
        Object completion = null;
        try {
            if (returning) {
                completion = handlers[k].executeReturning(frame);
            } else {
                handlers[k].execute(frame);
            }
        } catch (MpException inner) {
            chain(inner, exc);
            throw inner;
        } finally {
            ctx.popHandled();
        }
        unbindName(frame, k);
        return completion;
    }

    /** Where a try with except* clauses is while its handlers run: kept in a frame slot so that a generator resumes there. */
    private static final class StarState {
        final MpException thrown;
        PBaseException rest;
        PBaseException match;
        final java.util.List<PBaseException> raised = new java.util.ArrayList<>();

        StarState(MpException thrown) {
            this.thrown = thrown;
            this.rest = thrown.pythonException();
        }
    }

    /**
     * The {@code except*} clauses from clause {@code from} on (resuming that one's handler in a generator when
     * {@code resuming}): each in turn takes the part of the exception its types match (a naked exception is wrapped
     * in a group) and runs with it; then what the handlers raised and the unmatched rest are raised together, as
     * CPython does.
     */
    @ExplodeLoop
    private void runStarHandlers(VirtualFrame frame, StarState state, int from, boolean resuming) {
        PBaseException orig = state.thrown.pythonException();
        MpContext ctx = Frames.context(frame, this);
        for (int k = 0; k < handlers.length; k++) {
            if (k < from) {
                continue;
            }
            if (!resuming || k != from) {
                if (state.rest == null) {
                    break;
                }
                PBaseException[] split;
                try {
                    Object type = handlerTypes[k].execute(frame);
                    ExceptionGroups.checkStarType(type);
                    split = ExceptionGroups.matchStar(state.rest, type);
                } catch (MpException typeError) {
                    chain(typeError, orig);
                    throw typeError.failedAt(clauseLine(handlerTypes[k]));
                }
                if (split[0] == null) {
                    continue;
                }
                state.rest = split[1];
                state.match = split[0];
                if (handlerNames[k] != null) {
                    handlerNames[k].assign(frame, state.match);
                }
                save(frame, k + 1);
                if (inGenerator()) {
                    frame.setObjectStatic(stateSlot + 1, state);
                }
            }
            ctx.pushHandled(state.match);
            try {
                handlers[k].execute(frame);
            } catch (MpException inner) {
                chain(inner, state.match);
                state.raised.add(inner.pythonException());
            } finally {
                ctx.popHandled();
            }
            unbindName(frame, k);
        }
        if (state.rest != null) {
            state.raised.add(state.rest);
        }
        PBaseException result = ExceptionGroups.prepareReraise(orig, state.raised);
        if (result == null) {
            return;
        }
        // Re-raised, not raised here: this frame adds no traceback entry (the callers' frames do).
        MpException carrier = result == orig ? state.thrown : result.javaException();
        carrier.reraiseBare();
        throw carrier;
    }

    /** Unbinds the {@code as} name of handler k after it ran, as Python does. */
    private void unbindName(VirtualFrame frame, int k) {
        if (handlerNames[k] != null) {
            try {
                handlerNames[k].delete(frame);
            } catch (MpException alreadyGone) {
                // the handler deleted the name itself
            }
        }
    }

    /** The whole line of an except clause's type, unmarked, as CPython reports a bad type there. */
    @TruffleBoundary
    private static dev.mp.runtime.objects.ExpressionSpan clauseLine(MpExpressionNode type) {
        com.oracle.truffle.api.source.SourceSection section = type.getSourceSection();
        return section == null ? null : new dev.mp.runtime.objects.ExpressionSpan(section.getStartLine(), 0, section.getStartLine(), Integer.MAX_VALUE);
    }

    /** Implicit chaining: an exception raised while handling another gets it as its context. */
    @TruffleBoundary
    static void chain(MpException raised, PBaseException handled) {
        PBaseException r = raised.pythonException();
        if (r != handled && r.context() == PNone.NONE) {
            r.setContext(handled);
        }
    }

    @TruffleBoundary
    private static boolean matches(PBaseException exc, Object type) {
        if (type instanceof PClass cls) {
            checkCatchable(cls);
            return exc.getPythonClass().isSubclassOf(cls);
        }
        if (type instanceof PTuple t) {
            for (Object o : t.items()) {
                if (matches(exc, o)) {
                    return true;
                }
            }
            return false;
        }
        throw Errors.typeError("catching classes that do not inherit from BaseException is not allowed");
    }

    private static void checkCatchable(PClass cls) {
        if (!cls.isSubclassOf(BuiltinClasses.BASE_EXCEPTION)) {
            throw Errors.typeError("catching classes that do not inherit from BaseException is not allowed");
        }
    }
}
