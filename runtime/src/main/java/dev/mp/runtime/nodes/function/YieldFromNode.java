package dev.mp.runtime.nodes.function;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.MpException;
import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.controlflow.Completion;
import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.PGenerator;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.ops.Coroutines;
import dev.mp.runtime.ops.Exceptions;
import dev.mp.runtime.ops.Generators;
import dev.mp.runtime.ops.Iteration;

/** {@code yield from iterable} or {@code await awaitable}: yields each item; evaluates to the sub-generator's return value. */
public final class YieldFromNode extends SuspensionPointNode {
    private final int id;
    private final int generatorSlot;
    /** Holds the iterator being delegated to. */
    private final int iteratorSlot;
    @Child private MpExpressionNode iterable;
    /** {@code await}: delegates to the awaitable's iterator ({@link Coroutines#awaitIterator}) rather than iter(). */
    private final boolean await;

    public YieldFromNode(int id, int generatorSlot, int iteratorSlot, MpExpressionNode iterable) {
        this(id, generatorSlot, iteratorSlot, iterable, false);
    }

    public YieldFromNode(int id, int generatorSlot, int iteratorSlot, MpExpressionNode iterable, boolean await) {
        this.await = await;
        this.id = id;
        this.generatorSlot = generatorSlot;
        this.iteratorSlot = iteratorSlot;
        this.iterable = iterable;
    }

    @Override
    public int id() {
        return id;
    }

    /** What the generator suspended here in {@code frame} delegates to ({@code gi_yieldfrom}), or null. */
    public Object delegate(com.oracle.truffle.api.frame.Frame frame) {
        return frame.getObjectStatic(iteratorSlot);
    }

    /** Sends into or starts the delegation: the result of {@code yield from} (or {@code await}), or a suspension. */
    @Override
    public Object executeOrSuspend(VirtualFrame frame) {
        PGenerator gen = GeneratorState.generator(frame, generatorSlot);
        Object it;
        Object sent = PNone.NONE;
        if (gen.resuming && gen.suspendedAt == id) {
            gen.resuming = false;
            it = frame.getObjectStatic(iteratorSlot);
            if (gen.thrown != null) {
                PBaseException thrown = (PBaseException) gen.thrown;
                gen.thrown = null;
                Object sub = it;
                boolean closeOnExit = gen.kind != PGenerator.ASYNC_GENERATOR;
                if (Coroutines.raisedAtDelegation(sub, thrown, closeOnExit)) {
                    // Raised here, not a StopIteration of the delegate's: the delegation ends with it.
                    frame.setObjectStatic(iteratorSlot, null);
                    throw thrown.javaException();
                }
                return step(frame, gen, () -> Coroutines.throwTo(sub, thrown, closeOnExit));
            }
            sent = gen.sent == null ? PNone.NONE : gen.sent;
            gen.sent = null;
        } else {
            Object source = iterable.execute(frame);
            try {
                it = await ? Coroutines.awaitIterator(source) : Iteration.iter(source);
            } catch (MpException e) {
                throw failedHere(e);
            }
            frame.setObjectStatic(iteratorSlot, it);
        }
        Object iterator = it;
        Object toSend = sent;
        return step(frame, gen, () -> Coroutines.sendTo(iterator, toSend));
    }

    private Object step(VirtualFrame frame, PGenerator gen, java.util.function.Supplier<Object> advance) {
        Object v;
        try {
            v = advance.get();
        } catch (MpException e) {
            if (Exceptions.matches(e, "StopIteration")) {
                frame.setObjectStatic(iteratorSlot, null);
                Object value = e.pythonException().firstArg();
                return value == null ? PNone.NONE : value;
            }
            throw e;
        }
        if (v == null) {
            Object it = frame.getObjectStatic(iteratorSlot);
            frame.setObjectStatic(iteratorSlot, null);
            return it instanceof PGenerator sub ? Generators.returnValue(sub) : PNone.NONE;
        }
        gen.suspendedAt = id;
        return new Completion.Suspend(v);
    }
}
