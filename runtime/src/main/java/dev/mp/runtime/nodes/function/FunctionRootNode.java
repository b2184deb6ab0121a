package dev.mp.runtime.nodes.function;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.TruffleSafepoint;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.source.Source;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.MpException;
import dev.mp.runtime.nodes.CallStack;
import dev.mp.runtime.nodes.controlflow.BlockNode;
import dev.mp.runtime.nodes.ProfileHook;
import dev.mp.runtime.nodes.MpRootNode;
import dev.mp.runtime.nodes.MpStatementNode;
import dev.mp.runtime.nodes.controlflow.ReturnException;
import dev.mp.runtime.objects.PCell;
import dev.mp.runtime.objects.PFunction;
import dev.mp.runtime.objects.PGenerator;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.ops.Errors;

/**
 * The code of a function. Arguments are {@code [function, parameters...]}; parameter i lives in slot i.
 * The prologue wraps cell variables in fresh cells and copies the closure's cells into their slots. A
 * generator function returns a {@link PGenerator} over its frame instead of running the body.
 */
public final class FunctionRootNode extends MpRootNode {
    private final int parameterCount;
    /** Slots of this function's own cell variables. */
    @CompilationFinal(dimensions = 1) private final int[] cellSlots;
    /** Slots receiving the closure cells, in closure order. */
    @CompilationFinal(dimensions = 1) private final int[] freeSlots;
    @Child private MpStatementNode body;
    /** For generator functions: the slot holding the generator, and the body's call target; else -1/null. */
    private final int generatorSlot;
    private final com.oracle.truffle.api.RootCallTarget generatorBody;
    /** What a generator function's call makes: PGenerator.GENERATOR, COROUTINE or ASYNC_GENERATOR. */
    private final int generatorKind;
    /** A class body, called with its namespace as argument 1 (set once, before the first call). */
    private boolean classBody;

    public FunctionRootNode(TruffleLanguage<?> language, FrameDescriptor descriptor, String name, Source source, int parameterCount,
                            int[] cellSlots, int[] freeSlots, MpStatementNode body, int generatorSlot,
                            com.oracle.truffle.api.RootCallTarget generatorBody) {
        this(language, descriptor, name, source, parameterCount, cellSlots, freeSlots, body, generatorSlot, generatorBody, PGenerator.GENERATOR);
    }

    public FunctionRootNode(TruffleLanguage<?> language, FrameDescriptor descriptor, String name, Source source, int parameterCount,
                            int[] cellSlots, int[] freeSlots, MpStatementNode body, int generatorSlot,
                            com.oracle.truffle.api.RootCallTarget generatorBody, int generatorKind) {
        super(language, descriptor, name, source);
        this.generatorKind = generatorKind;
        this.parameterCount = parameterCount;
        this.cellSlots = cellSlots;
        this.freeSlots = freeSlots;
        this.body = body;
        this.generatorSlot = generatorSlot;
        this.generatorBody = generatorBody;
    }

    /** Marks this code as a class body (see {@link #isClassBody}); done by the parser, before any call. */
    public void markClassBody() {
        classBody = true;
    }

    /** Whether this code is a class body, which runs with its namespace as argument 1 instead of parameters. */
    public boolean isClassBody() {
        return classBody;
    }

    /** -1 for a plain function, else the PGenerator kind its calls make (for {@code co_flags}). */
    public int generatorKind() {
        return generatorSlot < 0 ? -1 : generatorKind;
    }

    /** The root of a generator function's body (which holds its statements), or null for other functions. */
    public com.oracle.truffle.api.nodes.RootNode generatorBodyRoot() {
        return generatorBody == null ? null : generatorBody.getRootNode();
    }

    /** The frame slots of the closure's cells (the free variables), for {@code co_varnames} to leave out. */
    public int[] freeSlots() {
        return freeSlots.clone();
    }

    @Override
    @ExplodeLoop
    public Object execute(VirtualFrame frame) {
        Object[] args = frame.getArguments();
        if (args == PREPARE_ONLY) {
            return PNone.NONE;
        }
        PFunction fn = (PFunction) args[0];
        for (int i = 0; i < parameterCount; i++) {
            frame.setObjectStatic(i, args[i + 1]);
        }
        for (int slot : cellSlots) {
            frame.setObjectStatic(slot, new PCell(frame.getObjectStatic(slot)));
        }
        PCell[] closure = fn.closure();
        for (int i = 0; i < freeSlots.length; i++) {
            frame.setObjectStatic(freeSlots[i], closure[i]);
        }
        if (generatorSlot >= 0) {
            PGenerator gen = new PGenerator(frame.materialize(), generatorBody, fn.name(), fn.qualname(), generatorKind);
            frame.setObjectStatic(generatorSlot, gen);
            return gen;
        }
        TruffleSafepoint.poll(this);
        MpContext ctx = fn.context();
        // The module's own frame counts as one, as in CPython: a limit of n allows n - 1 nested calls.
        if (++ctx.depth >= ctx.recursionLimit) {
            ctx.depth--;
            throw Errors.make("RecursionError", "maximum recursion depth exceeded");
        }
        CallStack stack = CallStack.current();
        if (stack != null) {
            stack.push(this, frame.materialize());
        }
        ProfileHook hook = ProfileHook.of(this, ctx);
        if (hook != null) {
            hook.call(this, frame.materialize());
        }
        // No finally: its handler would catch the MpException rethrown below a second time, and each JVM catch
        // of an exception leaving a frame costs more than the rest of the frame's exit.
        Object result;
        try {
            // A body block gives back what its statements raise (no Python value is an MpException) instead of
            // throwing it, so an exception leaving the function is thrown once, below, not caught here first.
            Object value = body instanceof BlockNode block ? block.executeCatching(frame) : body.executeReturning(frame);
            result = value == null ? PNone.NONE : value;
        } catch (ReturnException r) {
            result = r.value;
        } catch (MpException e) {
            e.leaveFrame();
            throw exitRaising(ctx, stack, hook, frame, e);
        } catch (StackOverflowError e) {
            exit(ctx, stack);
            throw Errors.make("RecursionError", "maximum recursion depth exceeded");
        } catch (Throwable t) {
            exit(ctx, stack);
            throw t;
        }
        if (result instanceof MpException e) {
            e.leaveFrame();
            throw exitRaising(ctx, stack, hook, frame, e);
        }
        if (hook == null) {
            exit(ctx, stack);
            return result;
        }
        try {
            return profiled(hook, frame, result);
        } finally {
            exit(ctx, stack);
        }
    }

    /** Leaves this call: the depth and mp's own stack as they were before it. */
    private static void exit(MpContext ctx, CallStack stack) {
        ctx.depth--;
        if (stack != null) {
            stack.pop();
        }
    }

    /** Leaves this call as {@code e} leaves it (the profiler told first); gives {@code e}. */
    private MpException exitRaising(MpContext ctx, CallStack stack, ProfileHook hook, VirtualFrame frame, MpException e) {
        if (hook != null) {
            try {
                profiled(hook, frame, PNone.NONE);
            } finally {
                exit(ctx, stack);
            }
        } else {
            exit(ctx, stack);
        }
        return e;
    }

    /** Tells the profiler, when there is one, that this code returns {@code value}; gives the value. */
    private Object profiled(ProfileHook hook, VirtualFrame frame, Object value) {
        if (hook != null) {
            hook.returned(this, frame.materialize(), value);
        }
        return value;
    }
}
