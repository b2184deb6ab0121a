package dev.mp.runtime.nodes.controlflow;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RepeatingNode;

import dev.mp.runtime.nodes.MpStatementNode;

/**
 * How an iteration of a {@code for} or {@code while} loop ended, as its {@link RepeatingNode} reports it:
 * {@link RepeatingNode#CONTINUE_LOOP_STATUS} to go on, {@link #ENDED} when the loop ran out (its {@code else}
 * runs), {@link #BROKEN} after a {@code break} (it does not).
 */
final class LoopStatus {
    static final Object ENDED = new Object();
    static final Object BROKEN = new Object();

    private LoopStatus() {
    }

    /** Runs a loop body once: CONTINUE_LOOP_STATUS after it completes or meets {@code continue}, BROKEN after {@code break}. */
    static Object runBody(MpStatementNode body, VirtualFrame frame) {
        try {
            body.execute(frame);
        } catch (BreakException b) {
            return BROKEN;
        } catch (ContinueException c) {
            // next iteration
        }
        return RepeatingNode.CONTINUE_LOOP_STATUS;
    }
}
