package dev.mp.runtime.ops;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RootNode;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.MpException;
import dev.mp.runtime.nodes.CallStack;
import dev.mp.runtime.objects.PBuiltinFunction;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PFunction;
import dev.mp.runtime.objects.PMethod;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.Signature;

/** Calling any callable with Python semantics. Arguments are vectorcall-style (see {@link ArgumentBinder}). */
public final class Calls {
    private Calls() {
    }

    @TruffleBoundary
    public static Object call(Object callee, Object... args) {
        return call(callee, args, null);
    }

    /** {@code callee(*positional, **keywords)}. */
    @TruffleBoundary
    public static Object callUnpacking(Object callee, Object[] positional, PDict keywords) {
        Classes.Arguments a = Classes.Arguments.of(positional, keywords);
        return call(callee, a.values(), a.names().length == 0 ? null : a.names());
    }

    @TruffleBoundary
    public static Object call(Object callee, Object[] args, String[] kwnames) {
        if (callee instanceof PFunction f) {
            return callFunction(f, args, kwnames);
        }
        if (callee instanceof PBuiltinFunction b) {
            return callBuiltin(b, args, kwnames);
        }
        if (callee instanceof PMethod m) {
            return call(m.function, prepend(m.self, args), kwnames);
        }
        if (callee instanceof PClass c) {
            return Classes.instantiate(c, args, kwnames);
        }
        Object method = Types.override(callee, "__call__");
        if (method != null && method != PNone.NONE) {
            return method instanceof PFunction || method instanceof PBuiltinFunction ? call(method, prepend(callee, args), kwnames)
                    : call(Attributes.bind(method, callee, Types.typeOf(callee)), args, kwnames);
        }
        if (HostInterop.isHostCallable(callee)) {
            return HostInterop.call(callee, args, kwnames);
        }
        throw Errors.typeError("'%s' object is not callable", Types.typeName(callee));
    }

    public static Object callFunction(PFunction f, Object[] args, String[] kwnames) {
        return invoke(f.callTarget(), null, bindFunctionArguments(f, args, kwnames));
    }

    /**
     * Calls {@code f} from the call node {@code location}, which a guest stack trace shows as the caller's position.
     * Cheaper than {@link #callFunction(PFunction, Object[], String[])} inside the interpreter: the callee's frame
     * gets its caller's location directly instead of through the encapsulating node (a thread local).
     */
    public static Object callFunction(Node location, PFunction f, Object[] args, String[] kwnames) {
        return invoke(f.callTarget(), location, bindFunctionArguments(f, args, kwnames));
    }

    /**
     * Runs mp code with its frame arguments, called from {@code location} (null when the caller is Java code, such
     * as a builtin calling back; the caller's frame then keeps showing the builtin's call). On a thread whose
     * frames mp keeps ({@link CallStack#current}) the code's root node runs directly; elsewhere the call goes
     * through the call target.
     */
    public static Object invoke(RootCallTarget target, Node location, Object[] frameArgs) {
        CallStack stack = CallStack.current();
        if (stack == null) {
            return location == null ? target.call(frameArgs) : target.call(location, frameArgs);
        }
        return executeRoot(stack, location, target.getRootNode(), frameArgs);
    }

    /** Runs {@code root} in a new frame, the calling frame showing {@code location} meanwhile (when not null). */
    public static Object executeRoot(CallStack stack, Node location, RootNode root, Object[] frameArgs) {
        if (stack.viaCallTargets()) {
            return callTargetKeepingStack(stack, location, root, frameArgs);
        }
        if (location == null) {
            return root.execute(Truffle.getRuntime().createVirtualFrame(frameArgs, root.getFrameDescriptor()));
        }
        stack.calling(location);
        try {
            return root.execute(Truffle.getRuntime().createVirtualFrame(frameArgs, root.getFrameDescriptor()));
        } finally {
            stack.calling(null);
        }
    }

    /** {@link #executeRoot} once a debugger runs: through the root's call target, so that it is instrumented. */
    @TruffleBoundary
    private static Object callTargetKeepingStack(CallStack stack, Node location, RootNode root, Object[] frameArgs) {
        if (location == null) {
            return root.getCallTarget().call(frameArgs);
        }
        stack.calling(location);
        try {
            return root.getCallTarget().call(location, frameArgs);
        } finally {
            stack.calling(null);
        }
    }

    /** The frame arguments {@code [f, parameters...]} of a call of {@code f}, bound to its signature. */
    public static Object[] bindFunctionArguments(PFunction f, Object[] args, String[] kwnames) {
        Object[] frameArgs = ArgumentBinder.bind(f.qualname(), f.signature(), f.defaults(), f.kwDefaults(), args, kwnames, 1, false);
        frameArgs[0] = f;
        return frameArgs;
    }

    @TruffleBoundary
    public static Object callBuiltin(PBuiltinFunction b, Object[] args, String[] kwnames) {
        Object[] bound;
        try {
            bound = kwnames == null && b.takesExactly(args.length) ? args
                    : ArgumentBinder.bind(b.displayName(), b.signature(), b.defaults(), b.kwDefaults(), args, kwnames, 0, true);
        } catch (MpException e) {
            if (foreignSelf(b, args)) {
                throw descriptorMismatch(b, args[0]);
            }
            MpException cpython = BuiltinArgumentErrors.of(b, args, kwnames);
            throw cpython != null ? cpython : e;
        }
        MpContext ctx = b.fixedPositionalArity() >= 0 ? enterCheckedCall() : null;
        try {
            return b.body().call(bound);
        } catch (ClassCastException | ArithmeticException | NullPointerException | IndexOutOfBoundsException | IllegalArgumentException
                 | NegativeArraySizeException e) {
            if (foreignSelf(b, args)) {
                throw descriptorMismatch(b, args[0]);
            }
            // A builtin that fails on an argument it did not check is a bug in mp, reported as CPython reports its own.
            throw Errors.internal(e);
        } finally {
            if (ctx != null) {
                ctx.depth--;
            }
        }
    }

    /**
     * Counts a call that CPython checks against the recursion limit while it runs (a METH_O or METH_NOARGS
     * function, a class without vectorcall): a recursion that calls {@code id()} or instantiates a class first
     * thing (as {@code copy.deepcopy} does) ends with this message. Gives the context whose {@code depth} the
     * caller takes back when the call ends (null when there is none).
     */
    public static MpContext enterCheckedCall() {
        MpContext ctx = currentContext();
        if (ctx != null && ++ctx.depth >= ctx.recursionLimit) {
            ctx.depth--;
            throw callDepthExceeded();
        }
        return ctx;
    }

    /**
     * {@link #enterCheckedCall} and its end at once, for a builtin that runs as a node and calls no Python code
     * (so the depth it would have taken is back by the time anything else could look at it).
     */
    public static void checkCallHeadroom() {
        MpContext ctx = currentContext();
        if (ctx != null && ctx.depth + 1 >= ctx.recursionLimit) {
            throw callDepthExceeded();
        }
    }

    private static MpContext currentContext() {
        CallStack stack = CallStack.current();
        return stack != null && stack.context() != null ? stack.context() : MpContext.current();
    }

    @TruffleBoundary
    private static MpException callDepthExceeded() {
        return Errors.make("RecursionError", "maximum recursion depth exceeded while calling a Python object");
    }

    /**
     * Whether a method of a builtin type was called through its class ({@code list.append(1, 2)}) with a first
     * argument that is not an instance of that type. Checked only once the call has failed, so that calls through
     * instances pay nothing for it.
     */
    private static boolean foreignSelf(PBuiltinFunction b, Object[] args) {
        if (!b.isMethod() || args.length == 0) {
            return false;
        }
        for (PClass c : Types.typeOf(args[0]).mro()) {
            if (c.name().equals(b.ownerType())) {
                return false;
            }
        }
        return true;
    }

    private static MpException descriptorMismatch(PBuiltinFunction b, Object self) {
        return Errors.typeError("descriptor '%s' for '%s' objects doesn't apply to a '%s' object", b.name(), b.ownerType(), Types.typeName(self));
    }

    /** Calls {@code obj.name(args)}, looking the method up on the type (special-method lookup). */
    @TruffleBoundary
    public static Object callMethod(Object obj, String name, Object... args) {
        Object method = Types.typeOf(obj).lookup(name);
        if (method == null) {
            throw Errors.attributeError("'%s' object has no attribute '%s'", Types.typeName(obj), name);
        }
        return callDescriptor(method, obj, args);
    }

    /** Calls a function found on the type of {@code self} as a method of {@code self}. */
    @TruffleBoundary
    public static Object callDescriptor(Object method, Object self, Object... args) {
        if (method instanceof PFunction || method instanceof PBuiltinFunction) {
            return call(method, prepend(self, args), null);
        }
        return call(Attributes.bind(method, self, Types.typeOf(self)), args, null);
    }

    public static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    public static boolean isCallable(Object o) {
        if (o instanceof PFunction || o instanceof PBuiltinFunction || o instanceof PMethod || o instanceof PClass) {
            return true;
        }
        Object method = Types.override(o, "__call__");
        if (method != null) {
            return method != PNone.NONE;
        }
        return HostInterop.isHostCallable(o);
    }
}
