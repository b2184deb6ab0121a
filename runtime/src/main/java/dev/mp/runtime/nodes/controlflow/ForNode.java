package dev.mp.runtime.nodes.controlflow;

import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.LoopNode;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.MpStatementNode;
import dev.mp.runtime.nodes.function.GeneratorState;
import dev.mp.runtime.nodes.local.AssignTargetNode;
import dev.mp.runtime.nodes.local.LocalTargetNode;
import dev.mp.runtime.objects.PRange;
import dev.mp.runtime.ops.Iteration;

/**
 * {@code for target in iterable: body else: orelse}, as a Truffle {@link LoopNode} (compiled on the stack when it
 * runs long). The iteration state lives in a frame slot: a {@link RangeCursor} for a {@code range} of step 1,
 * else the iterator. In a generator, a resumption re-enters the body without advancing it.
 */
public final class ForNode extends MpStatementNode {
    @Child private MpExpressionNode iterable;
    @Child private LoopNode loop;
    @Child private MpStatementNode orelse;
    private final int generatorSlot;
    private final int iteratorSlot;

    public ForNode(AssignTargetNode target, MpExpressionNode iterable, MpStatementNode body, MpStatementNode orelse, int generatorSlot,
                   int iteratorSlot) {
        this.iterable = iterable;
        this.loop = Truffle.getRuntime().createLoopNode(new Step(target, body, generatorSlot, iteratorSlot));
        this.orelse = orelse;
        this.generatorSlot = generatorSlot;
        this.iteratorSlot = iteratorSlot;
    }

    @Override
    public void execute(VirtualFrame frame) {
        Object completion = executeReturning(frame);
        if (completion != null) {
            throw Completion.unwind(completion);
        }
    }

    @Override
    public Object executeReturning(VirtualFrame frame) {
        // A resumption finds the slot empty while it goes back into the iterable (for x in await f()).
        if (!GeneratorState.resuming(frame, generatorSlot) || frame.getObjectStatic(iteratorSlot) == null) {
            frame.setObjectStatic(iteratorSlot, null);
            Object seq = iterable.execute(frame);
            frame.setObjectStatic(iteratorSlot, seq instanceof PRange r && r.step == 1 ? new RangeCursor(r.start, r.stop) : Iteration.iter(seq));
        } else if (frame.getObjectStatic(iteratorSlot) == LoopIteration.IN_ELSE) {
            LoopIteration.runElse(frame, orelse, iteratorSlot); // a generator resumed into the else clause
            return null;
        }
        // A yield leaves the state in its slot for the resumption; an exception leaves it to the dying frame.
        Object status = loop.execute(frame);
        if (status instanceof Completion.Suspend) {
            return status;
        }
        frame.setObjectStatic(iteratorSlot, null);
        // In a generator, the iterator's slot says the else clause runs, for a yield in it to resume there.
        return LoopIteration.completion(status, frame, orelse, generatorSlot >= 0 ? iteratorSlot : -1);
    }

    /** The position in a {@code range(start, stop)}: the next value to give. */
    static final class RangeCursor {
        long next;
        final long stop;

        RangeCursor(long start, long stop) {
            this.next = start;
            this.stop = stop;
        }
    }

    /** One advance of the iteration, assignment of the target and run of the body. */
    private static final class Step extends LoopIteration {
        @Child private AssignTargetNode target;
        @Child private MpStatementNode body;
        private final int generatorSlot;
        private final int iteratorSlot;
        /** The target's slot when it is a local variable (written without a call), else -1. */
        private final int targetSlot;

        Step(AssignTargetNode target, MpStatementNode body, int generatorSlot, int iteratorSlot) {
            super("for");
            this.target = target;
            this.targetSlot = target instanceof LocalTargetNode local ? local.slot() : -1;
            this.body = body;
            this.generatorSlot = generatorSlot;
            this.iteratorSlot = iteratorSlot;
        }

        @Override
        public Object executeRepeatingWithValue(VirtualFrame frame) {
            if (!GeneratorState.resuming(frame, generatorSlot)) {
                Object state = frame.getObjectStatic(iteratorSlot);
                Object item;
                if (state instanceof RangeCursor cursor) {
                    if (cursor.next >= cursor.stop) {
                        return ENDED;
                    }
                    item = cursor.next++;
                } else {
                    item = Iteration.next(state);
                    if (item == null) {
                        return ENDED;
                    }
                }
                if (targetSlot >= 0) {
                    frame.setObjectStatic(targetSlot, item);
                } else {
                    target.assign(frame, item);
                }
            }
            return runBody(body, frame);
        }
    }
}
