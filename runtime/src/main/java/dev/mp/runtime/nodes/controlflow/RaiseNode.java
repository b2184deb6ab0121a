package dev.mp.runtime.nodes.controlflow;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.MpException;
import dev.mp.runtime.nodes.Frames;
import dev.mp.runtime.nodes.attribute.LookupInMroNode;
import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.MpStatementNode;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.POSError;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Exceptions;

/** {@code raise}, {@code raise exc} and {@code raise exc from cause}. */
public final class RaiseNode extends MpStatementNode {
    @Child private MpExpressionNode exception;
    @Child private MpExpressionNode cause;
    @Child private LookupInMroNode lookupNew = LookupInMroNode.create("__new__");
    @Child private LookupInMroNode lookupInit = LookupInMroNode.create("__init__");

    public RaiseNode(MpExpressionNode exception, MpExpressionNode cause) {
        this.exception = exception;
        this.cause = cause;
    }

    @Override
    public void execute(VirtualFrame frame) {
        MpContext ctx = Frames.context(frame, this);
        if (exception == null) {
            PBaseException handled = ctx.currentHandled();
            if (handled == null) {
                throw Errors.runtimeError("No active exception to reraise");
            }
            MpException e = handled.javaException();
            e.reraiseBare();
            throw e;
        }
        Object raised = exception.execute(frame);
        PBaseException exc = raised instanceof PClass cls && cls.isSubclassOf(BuiltinClasses.BASE_EXCEPTION) ? instantiate(cls)
                : toException(raised, "exceptions must derive from BaseException");
        if (cause != null) {
            Object c = cause.execute(frame);
            exc.setCause(c == PNone.NONE ? PNone.NONE : toException(c, "exception causes must derive from BaseException"));
        }
        PBaseException handled = ctx.currentHandled();
        if (handled != null && handled != exc && exc.context() == PNone.NONE) {
            exc.setContext(handled);
        }
        MpException e = exc.javaException();
        e.reraiseHere();
        throw e;
    }

    /**
     * {@code raise C} for a class whose {@code __new__} and {@code __init__} are BaseException's (the builtin
     * exceptions and most subclasses) and whose metaclass is {@code type}: the instance is what those two make of no arguments, made here rather than
     * through the class call protocol and its argument binding; any other class is called.
     */
    private PBaseException instantiate(PClass cls) {
        if (cls.getPythonClass() != BuiltinClasses.TYPE || lookupNew.execute(cls) != BASE_EXCEPTION_NEW
                || lookupInit.execute(cls) != BASE_EXCEPTION_INIT) {
            return toException(cls, "exceptions must derive from BaseException");
        }
        Calls.checkCallHeadroom();
        PBaseException e = Exceptions.create(cls, PTuple.EMPTY);
        if (!cls.isCore()) {
            if (e instanceof POSError os) {
                os.initialize(PTuple.EMPTY);
            } else {
                e.setArgs(PTuple.EMPTY);
            }
        }
        return e;
    }

    private static final Object BASE_EXCEPTION_NEW = BuiltinClasses.BASE_EXCEPTION.dict().get("__new__");
    private static final Object BASE_EXCEPTION_INIT = BuiltinClasses.BASE_EXCEPTION.dict().get("__init__");

    static PBaseException toException(Object value, String message) {
        if (value instanceof PClass cls && cls.isSubclassOf(BuiltinClasses.BASE_EXCEPTION)) {
            value = Calls.call(cls);
            if (!(value instanceof PBaseException)) {
                throw Errors.typeError("calling %s should have returned an instance of BaseException, not %s",
                        dev.mp.runtime.ops.Conversions.repr(cls), dev.mp.runtime.ops.Conversions.repr(dev.mp.runtime.ops.Types.typeOf(value)));
            }
        }
        if (value instanceof PBaseException e) {
            return e;
        }
        throw Errors.typeError(message);
    }
}
