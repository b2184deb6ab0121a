package dev.mp.runtime.nodes.controlflow;

import com.oracle.truffle.api.TruffleSafepoint;
import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.MpStatementNode;
import dev.mp.runtime.nodes.function.GeneratorState;

/** {@code while test: body else: orelse}. A generator resumed inside the body skips the first test. */
public final class WhileNode extends MpStatementNode {
    @Child private MpExpressionNode test;
    @Child private MpStatementNode body;
    @Child private MpStatementNode orelse;
    private final int generatorSlot;

    public WhileNode(MpExpressionNode test, MpStatementNode body, MpStatementNode orelse, int generatorSlot) {
        this.test = test;
        this.body = body;
        this.orelse = orelse;
        this.generatorSlot = generatorSlot;
    }

    @Override
    public void execute(VirtualFrame frame) {
        boolean resume = generatorSlot >= 0 && GeneratorState.resuming(frame, generatorSlot);
        while (resume || test.executeCondition(frame)) {
            resume = false;
            // Where a Ctrl-C, a cancel or a statement limit reaches a running loop.
            TruffleSafepoint.poll(this);
            try {
                body.execute(frame);
            } catch (BreakException b) {
                return;
            } catch (ContinueException c) {
                // next iteration
            }
        }
        if (orelse != null) {
            orelse.execute(frame);
        }
    }
}
