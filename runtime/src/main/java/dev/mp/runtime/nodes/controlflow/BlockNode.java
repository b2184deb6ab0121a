package dev.mp.runtime.nodes.controlflow;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ControlFlowException;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.Node;

import dev.mp.runtime.MpException;
import dev.mp.runtime.nodes.MpRootNode;
import dev.mp.runtime.nodes.MpStatementNode;
import dev.mp.runtime.nodes.function.GeneratorState;
import dev.mp.runtime.nodes.function.YieldException;
import dev.mp.runtime.objects.TracebackEntry;
import dev.mp.runtime.ops.Errors;

/**
 * A sequence of statements. It records the traceback line of an exception raised by one of its statements
 * (see MpException). In a generator it keeps the index of the running statement in a frame slot so a
 * resumption continues there. A block is not itself a statement for instrumentation: its statements are (it has
 * no line); the block that is a function's body is its root's body for tools (see MpStatementNode).
 */
public final class BlockNode extends MpStatementNode {
    @Children private final MpStatementNode[] statements;
    private final int generatorSlot;
    private final int indexSlot;
    /** The root whose traceback entries this block records, found once (walking up to it costs a profiled 7 % of a caught KeyError). */
    private MpRootNode tracebackRoot;

    public BlockNode(MpStatementNode[] statements, int generatorSlot, int indexSlot) {
        this.statements = statements;
        this.generatorSlot = generatorSlot;
        this.indexSlot = indexSlot;
    }

    @Override
    @ExplodeLoop
    public void execute(VirtualFrame frame) {
        int start = 0;
        if (generatorSlot >= 0 && GeneratorState.resuming(frame, generatorSlot)) {
            start = GeneratorState.savedInt(frame, indexSlot);
        }
        for (int i = 0; i < statements.length; i++) {
            if (i < start) {
                continue;
            }
            if (generatorSlot < 0) {
                run(frame, statements[i], Mode.EFFECT);
                continue;
            }
            try {
                run(frame, statements[i], Mode.EFFECT);
            } catch (YieldException y) {
                frame.setObjectStatic(indexSlot, i);
                throw y;
            }
        }
    }

    /** Runs the block; returns the value of its last statement if that is an expression, else null. */
    @ExplodeLoop
    public Object executeWithResult(VirtualFrame frame) {
        int last = statements.length - 1;
        for (int i = 0; i < last; i++) {
            run(frame, statements[i], Mode.EFFECT);
        }
        return last >= 0 ? run(frame, statements[last], Mode.VALUE) : null;
    }

    @Override
    @ExplodeLoop
    public Object executeReturning(VirtualFrame frame) {
        if (generatorSlot >= 0) {
            return executeReturningInGenerator(frame);
        }
        return runUntilCompletion(frame, Mode.RETURNING);
    }

    /**
     * As {@link #executeReturning} outside generators, except that an exception one of the statements raises is
     * recorded at its line and given back, as an {@link MpException} completion, instead of thrown on: a
     * {@code try} statement whose body this is handles it without a second JVM throw, whose unwinding costs more
     * than the rest of a caught exception in the interpreter. (No Python value is an MpException.)
     */
    @ExplodeLoop
    public Object executeCatching(VirtualFrame frame) {
        if (generatorSlot >= 0) {
            return executeReturning(frame);
        }
        return runUntilCompletion(frame, Mode.CATCHING);
    }

    /** Runs the statements in {@code mode} (a constant at each call) until one gives a completion; gives it, or null. */
    @ExplodeLoop
    private Object runUntilCompletion(VirtualFrame frame, Mode mode) {
        for (int i = 0; i < statements.length; i++) {
            Object completion = run(frame, statements[i], mode);
            if (completion != null) {
                return completion;
            }
        }
        return null;
    }

    /**
     * As {@link #executeReturning}, keeping the index of the statement that suspends for a resumption (see
     * {@link #execute}); it is written only then, not before every statement.
     */
    @ExplodeLoop
    private Object executeReturningInGenerator(VirtualFrame frame) {
        int start = GeneratorState.resuming(frame, generatorSlot) ? GeneratorState.savedInt(frame, indexSlot) : 0;
        for (int i = 0; i < statements.length; i++) {
            if (i < start) {
                continue;
            }
            Object completion;
            try {
                completion = run(frame, statements[i], Mode.RETURNING);
            } catch (YieldException y) {
                frame.setObjectStatic(indexSlot, i);
                throw y;
            }
            if (completion != null) {
                if (completion instanceof Completion.Suspend) {
                    frame.setObjectStatic(indexSlot, i);
                }
                return completion;
            }
        }
        return null;
    }

    /**
     * How a statement is run: for its effect, for the value of an expression statement, in a function body, or in
     * a try statement's body (which takes what it raises as a completion).
     */
    private enum Mode { EFFECT, VALUE, RETURNING, CATCHING }

    /**
     * Runs one statement; an exception leaving it is recorded at its line. A Java exception from an operation
     * becomes a Python one here, so that try/except sees it (MemoryError, RecursionError, or the SystemError of a
     * bug in mp). The mode is a constant at each call, so the compiler keeps one branch.
     */
    private Object run(VirtualFrame frame, MpStatementNode statement, Mode mode) {
        try {
            switch (mode) {
                case VALUE:
                    return statement.executeValue(frame);
                case RETURNING:
                case CATCHING:
                    return statement.executeReturning(frame);
                default:
                    statement.execute(frame);
                    return null;
            }
        } catch (MpException e) {
            return raised(record(e, statement), mode);
        } catch (ControlFlowException | AbstractTruffleException | dev.mp.runtime.threading.GuestThreads.ThreadStop e) {
            throw e;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError | AssertionError e) {
            return raised(record(Errors.fromJava(e), statement), mode);
        }
    }

    /** Gives {@code e} back as the completion of a try statement's body; throws it in every other mode. */
    private static Object raised(MpException e, Mode mode) {
        if (mode == Mode.CATCHING) {
            return e;
        }
        throw e;
    }

    /** Records the traceback line of {@code statement}; returns the exception to throw on (see MpException). */
    @TruffleBoundary
    private MpException record(MpException e, MpStatementNode statement) {
        if (!e.needsFrameEntry()) {
            return e;
        }
        MpStatementNode raising = unwrap(statement);
        if (tracebackRoot == null) {
            tracebackRoot = getRootNode() instanceof MpRootNode root ? root : null;
        }
        return recordLine(e, tracebackRoot, raising, raising.line());
    }

    /**
     * Records {@code line} of the frame of {@code at} as where {@code e} was raised, if the frame is not recorded
     * yet; returns the exception to throw on (see MpException). For parts of a statement on lines of their own.
     */
    @TruffleBoundary
    static MpException recordLine(MpException e, Node at, int line) {
        return e.needsFrameEntry() && at.getRootNode() instanceof MpRootNode root ? recordLine(e, root, at, line) : e;
    }

    private static MpException recordLine(MpException e, MpRootNode root, Node at, int line) {
        if (root != null && !root.hiddenFromTracebacks()) {
            return e.recordFrame(new TracebackEntry(root.source(), line, root.getName()), at);
        }
        return e;
    }
}
