package dev.mp.runtime.nodes.controlflow;

import com.oracle.truffle.api.TruffleSafepoint;
import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.MpException;
import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.MpStatementNode;
import dev.mp.runtime.nodes.function.GeneratorState;
import dev.mp.runtime.nodes.function.YieldFromNode;
import dev.mp.runtime.nodes.local.AssignTargetNode;
import dev.mp.runtime.objects.PGenerator;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Coroutines;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Exceptions;
import dev.mp.runtime.ops.Types;

/**
 * {@code async for target in iterable: body else: orelse} in a coroutine: {@code __aiter__} once, then each item is
 * {@code await it.__anext__()} (the {@code next} await, which reads the iterator from its slot) until
 * StopAsyncIteration. A resumption goes back into that await or into the body, whichever suspended.
 */
public final class AsyncForNode extends MpStatementNode {
    @Child private MpExpressionNode iterable;
    @Child private AssignTargetNode target;
    @Child private YieldFromNode next;
    @Child private MpStatementNode body;
    @Child private MpStatementNode orelse;
    private final int generatorSlot;
    private final int iteratorSlot;

    public AsyncForNode(AssignTargetNode target, MpExpressionNode iterable, YieldFromNode next, MpStatementNode body, MpStatementNode orelse,
                        int generatorSlot, int iteratorSlot) {
        this.iterable = iterable;
        this.target = target;
        this.next = next;
        this.body = body;
        this.orelse = orelse;
        this.generatorSlot = generatorSlot;
        this.iteratorSlot = iteratorSlot;
    }

    @Override
    public void execute(VirtualFrame frame) {
        PGenerator gen = GeneratorState.generator(frame, generatorSlot);
        Object state = frame.getObjectStatic(iteratorSlot);
        if (!gen.resuming || state == null) {
            frame.setObjectStatic(iteratorSlot, null);
            frame.setObjectStatic(iteratorSlot, aiter(iterable.execute(frame)));
        } else if (state == LoopIteration.IN_ELSE) {
            LoopIteration.runElse(frame, orelse, iteratorSlot);
            return;
        }
        while (true) {
            if (!gen.resuming || gen.suspendedAt == next.id()) {
                Object item;
                try {
                    item = next.execute(frame);
                } catch (MpException e) {
                    if (Exceptions.matches(e, "StopAsyncIteration")) {
                        break;
                    }
                    throw e;
                }
                target.assign(frame, item);
            }
            TruffleSafepoint.poll(this);
            try {
                body.execute(frame);
            } catch (BreakException b) {
                frame.setObjectStatic(iteratorSlot, null);
                return;
            } catch (ContinueException c) {
                // next item
            }
        }
        frame.setObjectStatic(iteratorSlot, null);
        if (orelse != null) {
            LoopIteration.runElse(frame, orelse, iteratorSlot);
        }
    }

    private static Object aiter(Object obj) {
        Object method = Types.typeOf(obj).lookup("__aiter__");
        if (method == null) {
            throw Errors.typeError("'async for' requires an object with __aiter__ method, got %s", Types.typeName(obj));
        }
        Object it = Calls.callDescriptor(method, obj);
        if (Types.typeOf(it).lookup("__anext__") == null) {
            throw Errors.typeError("'async for' received an object from __aiter__ that does not implement __anext__: %s", Types.typeName(it));
        }
        return it;
    }

    /** {@code it.__anext__()} of the iterator in a slot: the awaitable the {@code next} await runs. */
    public static final class Anext extends MpExpressionNode {
        private final int iteratorSlot;

        public Anext(int iteratorSlot) {
            this.iteratorSlot = iteratorSlot;
        }

        @Override
        public Object execute(VirtualFrame frame) {
            Object it = frame.getObjectStatic(iteratorSlot);
            Object awaitable = Calls.callMethod(it, "__anext__");
            Coroutines.requireAwaitable(awaitable, "'async for' received an invalid object from __anext__: %s");
            return awaitable;
        }
    }
}
