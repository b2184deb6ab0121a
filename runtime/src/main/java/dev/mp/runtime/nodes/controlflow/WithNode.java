package dev.mp.runtime.nodes.controlflow;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ControlFlowException;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.MpException;
import dev.mp.runtime.nodes.Frames;
import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.MpStatementNode;
import dev.mp.runtime.nodes.attribute.LookupInMroNode;
import dev.mp.runtime.nodes.function.CallDispatchNode;
import dev.mp.runtime.nodes.function.GeneratorState;
import dev.mp.runtime.nodes.function.YieldException;
import dev.mp.runtime.nodes.local.AssignTargetNode;
import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.PBuiltinFunction;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PFunction;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Types;

/** {@code with manager as target: body} for one item (several items nest). */
public final class WithNode extends MpStatementNode {
    @Child private MpExpressionNode manager;
    @Child private AssignTargetNode target;
    @Child private MpStatementNode body;
    private final int generatorSlot;
    /** In a generator: holds the manager while the body runs. */
    private final int managerSlot;
    @Child private LookupInMroNode lookupEnter = LookupInMroNode.create("__enter__");
    @Child private LookupInMroNode lookupExit = LookupInMroNode.create("__exit__");
    @Child private CallDispatchNode enterCall = CallDispatchNode.create();
    @Child private CallDispatchNode exitCall = CallDispatchNode.create();

    private record ManagerMethods(Object enter, Object exit) {
    }

    public WithNode(MpExpressionNode manager, AssignTargetNode target, MpStatementNode body, int generatorSlot, int managerSlot) {
        this.manager = manager;
        this.target = target;
        this.body = body;
        this.generatorSlot = generatorSlot;
        this.managerSlot = managerSlot;
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
        Object mgr;
        Object exit;
        // A resumption finds the slot empty while it goes back into the manager expression (with await f()).
        if (generatorSlot >= 0 && GeneratorState.resuming(frame, generatorSlot) && frame.getObjectStatic(managerSlot) != null) {
            mgr = frame.getObjectStatic(managerSlot);
            exit = managerMethods(mgr).exit;
        } else {
            if (generatorSlot >= 0) {
                frame.setObjectStatic(managerSlot, null);
            }
            mgr = manager.execute(frame);
            ManagerMethods methods = managerMethods(mgr);
            exit = methods.exit;
            Object value = callMethod(enterCall, methods.enter, new Object[] {mgr});
            if (generatorSlot >= 0) {
                frame.setObjectStatic(managerSlot, mgr);
            }
            if (target != null) {
                target.assign(frame, value);
            }
        }
        Object completion;
        try {
            if (generatorSlot >= 0) {
                // A yield must leave the manager entered: in a generator the body unwinds by exception.
                body.execute(frame);
                completion = null;
            } else {
                completion = body.executeReturning(frame);
            }
        } catch (YieldException y) {
            throw y;
        } catch (MpException e) {
            PBaseException exc = e.pythonException();
            MpContext ctx = Frames.context(frame, this);
            ctx.pushHandled(exc);
            Object suppress;
            try {
                suppress = callMethod(exitCall, exit, new Object[] {mgr, exc.getPythonClass(), exc, PNone.NONE});
            } catch (MpException inner) {
                TryNode.chain(inner, exc);
                throw inner;
            } finally {
                ctx.popHandled();
            }
            if (!Conversions.isTrue(suppress)) {
                throw e;
            }
            return null;
        } catch (ControlFlowException c) {
            callMethod(exitCall, exit, new Object[] {mgr, PNone.NONE, PNone.NONE, PNone.NONE});
            throw c;
        }
        callMethod(exitCall, exit, new Object[] {mgr, PNone.NONE, PNone.NONE, PNone.NONE});
        return completion;
    }

    /**
     * Calls {@code __enter__} or {@code __exit__} as found on the manager's type, with the manager first in
     * {@code selfAndArgs}: a function through this statement's call cache (a class's own {@code __enter__} is then
     * a direct call), any other descriptor bound first.
     */
    private static Object callMethod(CallDispatchNode call, Object method, Object[] selfAndArgs) {
        if (method instanceof PFunction || method instanceof PBuiltinFunction) {
            return call.execute(method, selfAndArgs, null);
        }
        return Calls.callDescriptor(method, selfAndArgs[0], java.util.Arrays.copyOfRange(selfAndArgs, 1, selfAndArgs.length));
    }

    private ManagerMethods managerMethods(Object mgr) {
        PClass type = Types.typeOf(mgr);
        Object enter = lookupEnter.execute(type);
        Object exit = lookupExit.execute(type);
        if (enter == null) {
            throw Errors.typeError("'%s' object does not support the context manager protocol", Types.typeName(mgr));
        }
        if (exit == null) {
            throw Errors.typeError("'%s' object does not support the context manager protocol (missed __exit__ method)", Types.typeName(mgr));
        }
        return new ManagerMethods(enter, exit);
    }
}
