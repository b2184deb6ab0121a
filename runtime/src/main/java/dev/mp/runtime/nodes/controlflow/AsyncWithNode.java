package dev.mp.runtime.nodes.controlflow;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ControlFlowException;

import dev.mp.runtime.MpException;
import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.MpStatementNode;
import dev.mp.runtime.nodes.function.GeneratorState;
import dev.mp.runtime.nodes.function.YieldException;
import dev.mp.runtime.nodes.function.YieldFromNode;
import dev.mp.runtime.nodes.local.AssignTargetNode;
import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.PGenerator;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Coroutines;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Types;

/**
 * {@code async with manager as target: body} for one item, in a coroutine: {@code await manager.__aenter__()} (the
 * {@code enter} await), the body, then {@code await manager.__aexit__(...)} (the {@code exit} await) with the body's
 * exception, if any, which is raised again unless the result is true. Each of the three phases may suspend, so the
 * phase, the manager and what ended the body live in frame slots.
 */
public final class AsyncWithNode extends MpStatementNode {
    private static final Integer ENTERING = 1;
    private static final Integer BODY = 2;
    private static final Integer EXITING = 3;

    @Child private MpExpressionNode manager;
    @Child private AssignTargetNode target;
    @Child private MpStatementNode body;
    @Child private YieldFromNode enter;
    @Child private YieldFromNode exit;
    private final int generatorSlot;
    /** The phase: null before, then ENTERING, BODY, EXITING. */
    private final int stateSlot;
    private final int managerSlot;
    /** What ended the body: null, an MpException or a ControlFlowException (return, break, continue). */
    private final int endSlot;

    public AsyncWithNode(MpExpressionNode manager, AssignTargetNode target, MpStatementNode body, int generatorSlot, int stateSlot,
                         int managerSlot, int endSlot, int enterAwaitId, int exitAwaitId, int enterIteratorSlot, int exitIteratorSlot) {
        this.manager = manager;
        this.target = target;
        this.body = body;
        this.generatorSlot = generatorSlot;
        this.stateSlot = stateSlot;
        this.managerSlot = managerSlot;
        this.endSlot = endSlot;
        this.enter = new YieldFromNode(enterAwaitId, generatorSlot, enterIteratorSlot, new Aenter(managerSlot), true);
        this.exit = new YieldFromNode(exitAwaitId, generatorSlot, exitIteratorSlot, new Aexit(managerSlot, endSlot), true);
    }

    /** The ids of the two awaits, which a suspended coroutine may have stopped at. */
    public int[] awaitIds() {
        return new int[] {enter.id(), exit.id()};
    }

    @Override
    public void execute(VirtualFrame frame) {
        PGenerator gen = GeneratorState.generator(frame, generatorSlot);
        Object phase = frame.getObjectStatic(stateSlot);
        if (!gen.resuming || phase == null) {
            frame.setObjectStatic(stateSlot, null);
            Object mgr = manager.execute(frame);
            if (Types.typeOf(mgr).lookup("__aenter__") == null) {
                throw Errors.typeError("'%s' object does not support the asynchronous context manager protocol", Types.typeName(mgr));
            }
            if (Types.typeOf(mgr).lookup("__aexit__") == null) {
                throw Errors.typeError("'%s' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
                        Types.typeName(mgr));
            }
            frame.setObjectStatic(managerSlot, mgr);
            frame.setObjectStatic(endSlot, null);
            phase = ENTERING;
            frame.setObjectStatic(stateSlot, phase);
        }
        boolean entered = false;
        Object value = null;
        if (phase == ENTERING) {
            value = enter.execute(frame);
            entered = true;
            phase = BODY;
            frame.setObjectStatic(stateSlot, phase);
        }
        if (phase == BODY) {
            Object end = null;
            try {
                if (entered && target != null) {
                    target.assign(frame, value);
                }
                body.execute(frame);
            } catch (YieldException y) {
                throw y;
            } catch (MpException e) {
                end = e;
            } catch (ControlFlowException c) {
                end = c;
            }
            frame.setObjectStatic(endSlot, end);
            frame.setObjectStatic(stateSlot, EXITING);
        }
        Object end = frame.getObjectStatic(endSlot);
        Object suppress;
        try {
            suppress = exit.execute(frame);
        } catch (MpException inner) {
            finish(frame);
            if (end instanceof MpException e) {
                TryNode.chain(inner, e.pythonException());
            }
            throw inner;
        }
        finish(frame);
        if (end instanceof MpException e) {
            if (!Conversions.isTrue(suppress)) {
                throw e;
            }
        } else if (end instanceof ControlFlowException c) {
            throw c;
        }
    }

    private void finish(VirtualFrame frame) {
        frame.setObjectStatic(stateSlot, null);
        frame.setObjectStatic(managerSlot, null);
        frame.setObjectStatic(endSlot, null);
    }

    /** {@code manager.__aenter__()}, checked to be awaitable. */
    private static final class Aenter extends MpExpressionNode {
        private final int managerSlot;

        Aenter(int managerSlot) {
            this.managerSlot = managerSlot;
        }

        @Override
        public Object execute(VirtualFrame frame) {
            Object awaitable = Calls.callMethod(frame.getObjectStatic(managerSlot), "__aenter__");
            Coroutines.requireAwaitable(awaitable, "'async with' received an object from __aenter__ that does not implement __await__: %s");
            return awaitable;
        }
    }

    /** {@code manager.__aexit__(type, value, traceback)} of what ended the body, checked to be awaitable. */
    private static final class Aexit extends MpExpressionNode {
        private final int managerSlot;
        private final int endSlot;

        Aexit(int managerSlot, int endSlot) {
            this.managerSlot = managerSlot;
            this.endSlot = endSlot;
        }

        @Override
        public Object execute(VirtualFrame frame) {
            Object mgr = frame.getObjectStatic(managerSlot);
            Object awaitable;
            if (frame.getObjectStatic(endSlot) instanceof MpException e) {
                PBaseException exc = e.pythonException();
                awaitable = Calls.callMethod(mgr, "__aexit__", exc.getPythonClass(), exc, PNone.NONE);
            } else {
                awaitable = Calls.callMethod(mgr, "__aexit__", PNone.NONE, PNone.NONE, PNone.NONE);
            }
            Coroutines.requireAwaitable(awaitable, "'async with' received an object from __aexit__ that does not implement __await__: %s");
            return awaitable;
        }
    }
}
