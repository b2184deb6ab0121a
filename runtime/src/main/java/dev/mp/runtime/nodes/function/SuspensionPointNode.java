package dev.mp.runtime.nodes.function;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.controlflow.Completion;

/**
 * Where a generator or coroutine can suspend: {@code yield}, {@code yield from} and {@code await}. Each has an id
 * within its generator, which a suspended generator records as where it stopped. Used as a statement or as the
 * value of an assignment (run by {@code executeReturning}), the suspension travels up as a
 * {@link Completion.Suspend}; inside any other expression it unwinds as a {@link YieldException}.
 */
public abstract class SuspensionPointNode extends MpExpressionNode {
    /** The number of this suspension point within its generator. */
    public abstract int id();

    /** The expression's value when the generator resumes (or goes on) here, else a {@link Completion.Suspend}. */
    public abstract Object executeOrSuspend(VirtualFrame frame);

    @Override
    public final Object execute(VirtualFrame frame) {
        Object result = executeOrSuspend(frame);
        if (result instanceof Completion.Suspend s) {
            throw new YieldException(s.value);
        }
        return result;
    }

    /** As a statement of its own: null when it goes on (a value sent in is dropped), else the suspension. */
    public final Object executeStatement(VirtualFrame frame) {
        Object result = executeOrSuspend(frame);
        return result instanceof Completion.Suspend ? result : null;
    }
}
