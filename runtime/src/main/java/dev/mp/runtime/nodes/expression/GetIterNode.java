package dev.mp.runtime.nodes.expression;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.MpException;
import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.ops.Iteration;

/**
 * {@code iter(iterable)} of a generator expression's first iterable, taken when the generator is made, as CPython
 * does: {@code (x for x in 5)} raises TypeError at once, not at the first {@code next}.
 */
public final class GetIterNode extends MpExpressionNode {
    @Child private MpExpressionNode iterable;

    public GetIterNode(MpExpressionNode iterable) {
        this.iterable = iterable;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object value = iterable.execute(frame);
        try {
            return Iteration.iter(value);
        } catch (MpException e) {
            throw failedHere(e);
        }
    }
}
