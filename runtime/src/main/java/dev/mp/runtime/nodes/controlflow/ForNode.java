package dev.mp.runtime.nodes.controlflow;

import com.oracle.truffle.api.TruffleSafepoint;
import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.MpStatementNode;
import dev.mp.runtime.nodes.function.GeneratorState;
import dev.mp.runtime.nodes.local.AssignTargetNode;
import dev.mp.runtime.objects.PRange;
import dev.mp.runtime.ops.Iteration;

/**
 * {@code for target in iterable: body else: orelse}. In a generator the iterator lives in a frame slot, and
 * a resumption re-enters the body without advancing it.
 */
public final class ForNode extends MpStatementNode {
    @Child private AssignTargetNode target;
    @Child private MpExpressionNode iterable;
    @Child private MpStatementNode body;
    @Child private MpStatementNode orelse;
    private final int generatorSlot;
    private final int iteratorSlot;

    public ForNode(AssignTargetNode target, MpExpressionNode iterable, MpStatementNode body, MpStatementNode orelse, int generatorSlot,
                   int iteratorSlot) {
        this.target = target;
        this.iterable = iterable;
        this.body = body;
        this.orelse = orelse;
        this.generatorSlot = generatorSlot;
        this.iteratorSlot = iteratorSlot;
    }

    @Override
    public void execute(VirtualFrame frame) {
        if (generatorSlot < 0) {
            Object seq = iterable.execute(frame);
            if (seq instanceof PRange r && r.step == 1) {
                runRange(frame, r);
                return;
            }
            run(frame, Iteration.iter(seq), false);
            return;
        }
        boolean resume = GeneratorState.resuming(frame, generatorSlot);
        Object it;
        if (resume) {
            it = frame.getObject(iteratorSlot);
        } else {
            it = Iteration.iter(iterable.execute(frame));
            frame.setObject(iteratorSlot, it);
        }
        run(frame, it, resume);
        frame.setObject(iteratorSlot, null);
    }

    private void runRange(VirtualFrame frame, PRange r) {
        for (long i = r.start; i < r.stop; i++) {
            TruffleSafepoint.poll(this);
            target.assign(frame, i);
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

    private void run(VirtualFrame frame, Object it, boolean resume) {
        while (true) {
            TruffleSafepoint.poll(this);
            if (!resume) {
                Object item = Iteration.next(it);
                if (item == null) {
                    break;
                }
                target.assign(frame, item);
            }
            resume = false;
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
