package dev.mp.runtime.nodes.controlflow;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RepeatingNode;

import dev.mp.runtime.nodes.MpStatementNode;

/**
 * One iteration of a {@code for} or {@code while} loop, as the {@link RepeatingNode} of a Truffle loop node. An
 * iteration reports {@link RepeatingNode#CONTINUE_LOOP_STATUS} to go on, {@link #ENDED} when the loop ran out (its
 * {@code else} runs) or {@link #BROKEN} after a {@code break} (it does not). The loop node polls Truffle's
 * safepoints between iterations, which is where a Ctrl-C or a cancel reaches a running loop.
 */
abstract class LoopIteration extends Node implements RepeatingNode {
    static final Object ENDED = new Object();
    static final Object BROKEN = new Object();
    /** Kept in a loop's slot while its else clause runs in a generator, so that a resumption goes back into it. */
    static final Object IN_ELSE = new Object();

    /** Runs a loop's else clause; {@code slot} (-1 outside generators) says {@link #IN_ELSE} meanwhile. */
    static void runElse(VirtualFrame frame, MpStatementNode orelse, int slot) {
        if (slot >= 0) {
            frame.setObjectStatic(slot, IN_ELSE);
        }
        orelse.execute(frame);
        if (slot >= 0) {
            frame.setObjectStatic(slot, null);
        }
    }

    /** "for" or "while": how compilation traces and profiles name the loop when it is compiled on the stack. */
    private final String kind;

    LoopIteration(String kind) {
        this.kind = kind;
    }

    /**
     * Runs a loop body once: CONTINUE_LOOP_STATUS after it completes or meets {@code continue}, BROKEN after
     * {@code break}, or the value of a {@code return} in it, which ends the loop (see
     * {@link MpStatementNode#executeReturning}).
     */
    protected static Object runBody(MpStatementNode body, VirtualFrame frame) {
        Object completion;
        try {
            completion = body.executeReturning(frame);
        } catch (BreakException b) {
            return BROKEN;
        } catch (ContinueException c) {
            return CONTINUE_LOOP_STATUS;
        }
        if (completion == null || completion == Completion.CONTINUE) {
            return CONTINUE_LOOP_STATUS;
        }
        return completion == Completion.BREAK ? BROKEN : completion;
    }

    /**
     * What a loop statement gives for the final status of its loop node: null after a {@code break} or when it ran
     * out (then its else clause runs, by {@code execute}), else the value of a {@code return} in the body.
     */
    static Object completion(Object status, VirtualFrame frame, MpStatementNode orelse, int elseSlot) {
        if (status == BROKEN) {
            return null;
        }
        if (status == ENDED || status == CONTINUE_LOOP_STATUS) {
            if (orelse != null) {
                runElse(frame, orelse, elseSlot);
            }
            return null;
        }
        return status;
    }

    @Override
    public final boolean executeRepeating(VirtualFrame frame) {
        return executeRepeatingWithValue(frame) == CONTINUE_LOOP_STATUS;
    }

    @Override
    public final Object initialLoopStatus() {
        return CONTINUE_LOOP_STATUS;
    }

    @Override
    public final boolean shouldContinue(Object returnValue) {
        return returnValue == CONTINUE_LOOP_STATUS;
    }

    @Override
    public final String toString() {
        return kind + " loop in " + getRootNode().getName();
    }
}
