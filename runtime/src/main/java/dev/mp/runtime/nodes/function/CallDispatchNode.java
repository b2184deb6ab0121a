package dev.mp.runtime.nodes.function;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.EncapsulatingNodeReference;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.Node;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.MpLanguage;
import dev.mp.runtime.nodes.CallStack;
import dev.mp.runtime.nodes.builtin.BuiltinNode;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.BuiltinIntrinsic;
import dev.mp.runtime.objects.PBuiltinFunction;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PFunction;
import dev.mp.runtime.objects.PInstance;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PMethod;
import dev.mp.runtime.objects.Signature;
import dev.mp.runtime.ops.ArgumentBinder;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Types;

/**
 * Calls a callable with evaluated arguments (vectorcall-style: positional values, then keyword values named by
 * {@code kwnames}, null when there are none).
 *
 * <p>Python functions are called through an inline cache of {@link DirectCallNode}s keyed by their code (the call
 * target), so that the compiler can inline them; a site that sees more code objects than the cache holds goes
 * through an {@link IndirectCallNode}. A call with exactly the positional arguments of a plain signature builds
 * the callee's frame arguments directly; others are bound by {@link ArgumentBinder}. Bound methods of Python
 * functions unwrap to such a call. Every other callable goes through {@link Calls#call} behind a boundary.
 *
 * <p>On a thread whose frames mp keeps itself ({@link CallStack#current}) a Python function's root node runs
 * directly, without its call target; the site notes itself in the stack as the caller's position.
 */
public abstract class CallDispatchNode extends Node {
    static final int CACHE_SIZE = 3;

    public abstract Object execute(Object callee, Object[] args, String[] kwnames);

    public static CallDispatchNode create() {
        return CallDispatchNodeGen.create();
    }

    @Specialization(guards = "function.callTarget() == cachedTarget", limit = "CACHE_SIZE")
    protected final Object callDirect(PFunction function, Object[] args, String[] kwnames,
                                      @Cached("function.callTarget()") RootCallTarget cachedTarget,
                                      @Cached("create(cachedTarget)") DirectCallNode call) {
        Object[] frameArgs = frameArguments(function, args, kwnames);
        CallStack stack = CallStack.current();
        if (stack != null) {
            return Calls.executeRoot(stack, this, cachedTarget.getRootNode(), frameArgs);
        }
        return call.call(frameArgs);
    }

    @Specialization(replaces = "callDirect")
    protected final Object callIndirect(PFunction function, Object[] args, String[] kwnames,
                                        @Cached IndirectCallNode call) {
        Object[] frameArgs = frameArguments(function, args, kwnames);
        CallStack stack = CallStack.current();
        if (stack != null) {
            return Calls.executeRoot(stack, this, function.callTarget().getRootNode(), frameArgs);
        }
        return call.call(function.callTarget(), frameArgs);
    }

    @Specialization(guards = "isFunction(method)")
    protected static Object callMethod(PMethod method, Object[] args, String[] kwnames,
                                       @Cached("create()") CallDispatchNode function) {
        return function.execute(method.function, prepend(method.self, args), kwnames);
    }

    /**
     * A builtin that runs as a node of its own (see {@link BuiltinNode}), keyed by which builtin it is rather than
     * by the function object, so that one site serves the builtins of every context; the arguments the node does
     * not handle go the generic way.
     */
    @Specialization(guards = {"kwnames == null", "cachedIntrinsic != null", "builtin.intrinsic() == cachedIntrinsic",
            "args.length == node.arity()"}, limit = "2")
    protected final Object callIntrinsic(PBuiltinFunction builtin, Object[] args, String[] kwnames,
                                         @Cached("builtin.intrinsic()") BuiltinIntrinsic cachedIntrinsic,
                                         @Cached("createBuiltinNode(cachedIntrinsic)") BuiltinNode node) {
        Object result = node.call(builtin, args);
        return result != null ? result : callGeneric(this, builtin, args, kwnames);
    }

    protected static BuiltinNode createBuiltinNode(BuiltinIntrinsic intrinsic) {
        return intrinsic == null ? null : BuiltinNode.create(intrinsic);
    }

    /**
     * {@code type(x)}, the commonest call of a class with {@code str(x)}: answered here rather than through the
     * class call protocol behind a boundary. (The builtin classes are the same objects in every context.)
     */
    @Specialization(guards = {"callee == TYPE", "args.length == 1", "kwnames == null"})
    protected static Object callType(PClass callee, Object[] args, String[] kwnames) {
        return Types.typeOf(args[0]);
    }

    /**
     * {@code str(x)} of an int, float, bool or str: the conversion itself, without the class call protocol (see
     * {@link #callType}). Other values may run a {@code __str__}, which goes the generic way, with this site noted
     * as the caller's position.
     */
    @Specialization(guards = {"callee == STR", "kwnames == null", "isOnePlainValue(args)"})
    protected static Object callStr(PClass callee, Object[] args, String[] kwnames) {
        return Conversions.str(args[0]);
    }

    protected static boolean isOnePlainValue(Object[] args) {
        return args.length == 1 && (args[0] instanceof Long || args[0] instanceof String || args[0] instanceof Double || args[0] instanceof Boolean);
    }

    /**
     * A class of plain instances called as such (its metaclass is {@code type}): when the MRO gives object's
     * {@code __new__} and a Python {@code __init__} (or object's, without arguments) and no abstract methods, the
     * instance is made here and {@code __init__} called through this site's call cache, rather than by the class
     * call protocol behind a boundary, where {@code __init__} was an indirect call. Any other case goes that way.
     * What the MRO gives is cached per class while the namespaces along it are unchanged.
     */
    @Specialization(guards = {"cls == cachedClass", "isPlainClass(cls)"}, assumptions = {"unchanged", "cacheable"}, limit = "2")
    protected final Object callCachedPlainClass(PClass cls, Object[] args, String[] kwnames,
                                                @Cached("cls") PClass cachedClass,
                                                @Cached(value = "cls.mroUnchanged()", dimensions = 1) Assumption[] unchanged,
                                                @Cached("cacheable(cls)") Assumption cacheable,
                                                @Cached("instanceInitializer(cls)") Object init,
                                                @Cached("create()") CallDispatchNode initCall) {
        return instantiate(cls, init, args, kwnames, initCall);
    }

    @Specialization(guards = {"isPlainClass(cls)"}, replaces = "callCachedPlainClass")
    protected final Object callPlainClass(PClass cls, Object[] args, String[] kwnames,
                                          @Cached("create()") CallDispatchNode initCall) {
        return instantiate(cls, instanceInitializer(cls), args, kwnames, initCall);
    }

    /** {@link #callCachedPlainClass} with the class's {@link #instanceInitializer}. */
    private Object instantiate(PClass cls, Object init, Object[] args, String[] kwnames, CallDispatchNode initCall) {
        if (init instanceof PFunction) {
            MpContext ctx = Calls.enterCheckedCall();
            try {
                PInstance instance = new PInstance(cls);
                Object result = initCall.execute(init, Calls.prepend(instance, args), kwnames);
                if (result != PNone.NONE) {
                    throw Errors.typeError("__init__() should return None, not '%s'", Types.typeName(result));
                }
                return instance;
            } finally {
                if (ctx != null) {
                    ctx.depth--;
                }
            }
        }
        if (init == OBJECT_INIT && args.length == 0 && kwnames == null) {
            Calls.checkCallHeadroom();
            return new PInstance(cls);
        }
        return callGeneric(this, cls, args, kwnames);
    }

    /**
     * The {@code __init__} that the MRO of {@code cls} gives when its instances are made by object's
     * {@code __new__} and it has no abstract methods; else null (the class call protocol then runs).
     */
    @TruffleBoundary
    protected static Object instanceInitializer(PClass cls) {
        if (cls.lookup("__new__") != OBJECT_NEW || cls.lookup("__abstractmethods__") != null) {
            return null;
        }
        return cls.lookup("__init__");
    }

    /** Builtin classes are cacheable for good; the others while the language serves one context. */
    protected final Assumption cacheable(PClass type) {
        return type.isBuiltin() ? Assumption.ALWAYS_VALID : MpLanguage.get(this).singleContextAssumption();
    }

    protected static boolean isPlainClass(PClass cls) {
        return cls.layout() == PClass.Layout.OBJECT && !cls.isBuiltin() && cls.getPythonClass() == TYPE;
    }

    private static final Object OBJECT_NEW = BuiltinClasses.OBJECT.dict().get("__new__");
    private static final Object OBJECT_INIT = BuiltinClasses.OBJECT.dict().get("__init__");

    protected static final PClass TYPE = BuiltinClasses.TYPE;
    protected static final PClass STR = BuiltinClasses.STR;

    /** Its own case, so that a builtin's call does not test every other case's guard first (as the fallback does). */
    @Specialization
    protected final Object callBuiltin(PBuiltinFunction builtin, Object[] args, String[] kwnames) {
        return callGeneric(this, builtin, args, kwnames);
    }

    @Fallback
    protected final Object callOther(Object callee, Object[] args, String[] kwnames) {
        return callGeneric(this, callee, args, kwnames);
    }

    protected static boolean isFunction(PMethod method) {
        return method.function instanceof PFunction;
    }

    /**
     * The callee's frame arguments {@code [function, parameters...]}: copied when the arguments are exactly the
     * positional parameters of a signature without defaults in play, {@code *args}, keyword-only parameters or
     * {@code **kwargs}; else bound in full.
     */
    private static Object[] frameArguments(PFunction function, Object[] args, String[] kwnames) {
        Signature sig = function.signature();
        if (kwnames == null && args.length == sig.size() && args.length == sig.positionalCount()) {
            Object[] frameArgs = new Object[args.length + 1];
            frameArgs[0] = function;
            System.arraycopy(args, 0, frameArgs, 1, args.length);
            return frameArgs;
        }
        return bind(function, args, kwnames);
    }

    @TruffleBoundary
    private static Object[] bind(PFunction function, Object[] args, String[] kwnames) {
        return Calls.bindFunctionArguments(function, args, kwnames);
    }

    private static Object[] prepend(Object self, Object[] args) {
        Object[] all = new Object[args.length + 1];
        all[0] = self;
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }

    /** Any other callable, with this node as the location a guest stack trace shows for the call. */
    @TruffleBoundary
    private static Object callGeneric(Node location, Object callee, Object[] args, String[] kwnames) {
        CallStack stack = CallStack.current();
        if (stack != null) {
            stack.calling(location);
            try {
                return Calls.call(callee, args, kwnames);
            } finally {
                stack.calling(null);
            }
        }
        EncapsulatingNodeReference current = EncapsulatingNodeReference.getCurrent();
        Node previous = current.set(location);
        try {
            return Calls.call(callee, args, kwnames);
        } finally {
            current.set(previous);
        }
    }
}
