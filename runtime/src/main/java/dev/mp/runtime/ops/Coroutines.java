package dev.mp.runtime.ops;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.MpException;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PGenerator;
import dev.mp.runtime.objects.PIterator;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PObject;
import dev.mp.runtime.objects.PTuple;

/**
 * Coroutines and async generators, which are {@link PGenerator}s of another kind: {@code await x} delegates to
 * {@link #awaitIterator}'s iterator as {@code yield from} does, and an async generator's {@code yield} passes up a
 * {@link Yielded} that its {@code asend}/{@code athrow} awaitables ({@link AsyncGenAwaitable}) turn into the
 * StopIteration ending the await, while what its awaits pass up goes on to the event loop.
 */
public final class Coroutines {
    private Coroutines() {
    }

    /** A value an async generator yields, told apart from what its awaits pass up (CPython's wrapped value). */
    public record Yielded(Object value) {
    }

    /** The iterator that {@code await obj} delegates to: a coroutine itself, else what {@code obj.__await__()} returns. */
    @TruffleBoundary
    public static Object awaitIterator(Object obj) {
        if (obj instanceof PGenerator g && g.kind == PGenerator.COROUTINE) {
            if (g.finished) {
                throw Errors.runtimeError("cannot reuse already awaited coroutine");
            }
            return g;
        }
        Object method = obj instanceof PGenerator ? null : Types.typeOf(obj).lookup("__await__");
        if (method == null || method == PNone.NONE) {
            throw Errors.typeError("object %s can't be used in 'await' expression", Types.typeName(obj));
        }
        Object it = Calls.callDescriptor(method, obj);
        if (it instanceof PGenerator g && g.kind == PGenerator.COROUTINE) {
            throw Errors.typeError("__await__() returned a coroutine");
        }
        if (!isIterator(it)) {
            throw Errors.typeError("__await__() returned non-iterator of type '%s'", Types.typeName(it));
        }
        return it;
    }

    /** Raises TypeError with {@code message} (of the type's name) unless {@code await obj} could start. */
    @TruffleBoundary
    public static void requireAwaitable(Object obj, String message) {
        if (obj instanceof PGenerator g ? g.kind != PGenerator.COROUTINE : Types.typeOf(obj).lookup("__await__") == null) {
            throw Errors.typeError(message, Types.typeName(obj));
        }
    }

    /** Whether {@code it} is an iterator (has {@code __next__}). */
    public static boolean isIterator(Object it) {
        return it instanceof PIterator || it instanceof PGenerator g && g.isIterator() || !(it instanceof PGenerator)
                && Types.typeOf(it).lookup("__next__") != null;
    }

    /**
     * Sends a value into the iterator a {@code yield from} or {@code await} delegates to.
     *
     * @return what it yields, or null when a generator finished (its value is then its return value); an iterator of
     *         another type ends with StopIteration
     */
    @TruffleBoundary
    public static Object sendTo(Object it, Object value) {
        if (it instanceof PGenerator g) {
            return Generators.resume(g, value, null);
        }
        if (value == PNone.NONE) {
            // __next__ itself: its StopIteration carries the value the await or yield from ends with
            return it instanceof PIterator ? Iteration.next(it) : Calls.callMethod(it, "__next__");
        }
        return Calls.callMethod(it, "send", value);
    }

    /**
     * Whether an exception thrown into a generator that delegates to {@code it} is raised at the delegation instead of
     * passed on, as CPython's {@code _gen_throw} decides: a GeneratorExit (after closing the delegate; for a delegate
     * generator only with {@code closeOnExit}, which an async generator's {@code athrow} does not have), or any
     * exception when the delegate has no {@code throw} method.
     */
    @TruffleBoundary
    public static boolean raisedAtDelegation(Object it, PBaseException exc, boolean closeOnExit) {
        if (Exceptions.matches(exc, "GeneratorExit") && (closeOnExit || !(it instanceof PGenerator))) {
            if (it instanceof PGenerator g) {
                Generators.close(g);
            } else if (Attributes.lookup(it, "close") instanceof Object close) {
                Calls.call(close);
            }
            return true;
        }
        return !(it instanceof PGenerator) && Attributes.lookup(it, "throw") == null;
    }

    /** Throws an exception into that iterator: its {@code throw} method, or raised here (see {@link #raisedAtDelegation}). */
    @TruffleBoundary
    public static Object throwTo(Object it, Object exception, boolean closeOnExit) {
        PBaseException exc = (PBaseException) exception;
        if (raisedAtDelegation(it, exc, closeOnExit)) {
            throw exc.javaException();
        }
        if (it instanceof PGenerator g) {
            return Generators.resume(g, null, exception);
        }
        return Calls.call(Attributes.lookup(it, "throw"), exc);
    }

    /** The exception of a {@code throw(typ, val, tb)} call: an instance, or a class called with {@code val}. */
    @TruffleBoundary
    public static PBaseException thrown(Object typ, Object val) {
        boolean noValue = val == null || val == PNone.NONE;
        if (typ instanceof PClass cls && cls.isSubclassOf(BuiltinClasses.exception("BaseException"))) {
            // As CPython's PyErr_NormalizeException: a value that is already an instance is the exception.
            Object exc = noValue ? Calls.call(cls)
                    : val instanceof PBaseException v && v.getPythonClass().isSubclassOf(cls) ? val
                    : val instanceof PTuple t ? Calls.call(cls, t.items()) : Calls.call(cls, val);
            if (!(exc instanceof PBaseException e)) {
                throw Errors.typeError("calling %s should have returned an instance of BaseException, not %s", Conversions.repr(cls),
                        Types.typeName(exc)); // the type's name here (a raise statement shows its repr)
            }
            return e;
        }
        if (typ instanceof PBaseException e) {
            if (!noValue) {
                throw Errors.typeError("instance exception may not have a separate value");
            }
            return e;
        }
        throw Errors.typeError("exceptions must be classes or instances deriving from BaseException, not %s", Types.typeName(typ));
    }

    /** {@code coro.send(v)}/{@code coro.throw(e)} from Python: StopIteration when it returns, no second run. */
    @TruffleBoundary
    public static Object step(PGenerator coro, Object sent, Object thrown) {
        if (coro.finished) {
            throw Errors.runtimeError("cannot reuse already awaited coroutine");
        }
        if (coro.running) {
            throw Errors.valueError("coroutine already executing");
        }
        Object v = Generators.resume(coro, sent, thrown);
        if (v == null) {
            throw Generators.stopIteration(coro);
        }
        return v;
    }

    /** What {@code coroutine.__await__()} returns: an iterator over the coroutine. */
    public static final class CoroutineWrapper extends PObject {
        public final PGenerator coroutine;

        public CoroutineWrapper(PGenerator coroutine) {
            this.coroutine = coroutine;
        }

        @Override
        public PClass getPythonClass() {
            return BuiltinClasses.COROUTINE_WRAPPER;
        }
    }

    /**
     * The awaitable of {@code agen.asend(v)} (and {@code __anext__}), or of {@code athrow(e)} and {@code aclose()}: each
     * runs the async generator up to its next {@code yield}, whose value ends the await as StopIteration's.
     */
    public static final class AsyncGenAwaitable extends PObject {
        private static final int INIT = 0;
        private static final int ITER = 1;
        private static final int CLOSED = 2;

        private final PGenerator gen;
        /** True for athrow and aclose. */
        private final boolean throwing;
        /** asend's value; null for athrow/aclose. */
        private final Object value;
        /** athrow's exception; null for aclose (GeneratorExit) and asend. */
        private final PBaseException exception;
        private int state = INIT;

        public AsyncGenAwaitable(PGenerator gen, boolean throwing, Object value, PBaseException exception) {
            this.gen = gen;
            this.throwing = throwing;
            this.value = value;
            this.exception = exception;
        }

        @Override
        public PClass getPythonClass() {
            return throwing ? BuiltinClasses.ASYNC_GENERATOR_ATHROW : BuiltinClasses.ASYNC_GENERATOR_ASEND;
        }

        private boolean closing() {
            return throwing && exception == null;
        }

        private MpException reused() {
            return Errors.runtimeError(throwing ? "cannot reuse already awaited aclose()/athrow()" : "cannot reuse already awaited __anext__()/asend()");
        }

        @TruffleBoundary
        public Object send(Object arg) {
            if (state == CLOSED) {
                throw reused();
            }
            if (state == INIT) {
                if (gen.runningAwaitable != null) {
                    throw Errors.runtimeError(throwing ? "athrow(): asynchronous generator is already running"
                            : "anext(): asynchronous generator is already running");
                }
                state = ITER;
                if (throwing) {
                    if (gen.finished) {
                        state = CLOSED;
                        throw Errors.raise(BuiltinClasses.exception("StopIteration"));
                    }
                    if (arg != PNone.NONE) {
                        throw Errors.runtimeError("can't send non-None value to a just-started coroutine");
                    }
                    gen.runningAwaitable = this;
                    PBaseException e = exception != null ? exception
                            : Exceptions.create(BuiltinClasses.exception("GeneratorExit"), PTuple.EMPTY);
                    return resume(null, e);
                }
                gen.runningAwaitable = this;
                return resume(arg == PNone.NONE ? value : arg, null);
            }
            return resume(arg, null);
        }

        @TruffleBoundary
        public Object throwIn(PBaseException e) {
            if (state == CLOSED) {
                throw reused();
            }
            if (state == INIT) {
                state = ITER;
                gen.runningAwaitable = this;
            }
            return resume(null, e);
        }

        public void close() {
            end();
        }

        private void end() {
            state = CLOSED;
            if (gen.runningAwaitable == this) {
                gen.runningAwaitable = null;
            }
        }

        private Object resume(Object sent, PBaseException thrown) {
            Object r;
            try {
                r = Generators.resume(gen, sent, thrown);
            } catch (MpException e) {
                end();
                if (closing() && (Exceptions.matches(e, "StopAsyncIteration") || Exceptions.matches(e, "GeneratorExit"))) {
                    throw Errors.raise(BuiltinClasses.exception("StopIteration"));
                }
                throw e;
            }
            if (r == null) {
                end();
                throw closing() ? Errors.raise(BuiltinClasses.exception("StopIteration")) : Errors.raise(BuiltinClasses.exception("StopAsyncIteration"));
            }
            if (r instanceof Yielded y) {
                end();
                if (closing()) {
                    throw Errors.runtimeError("async generator ignored GeneratorExit");
                }
                throw Errors.raise(BuiltinClasses.exception("StopIteration"), y.value());
            }
            return r;
        }
    }

    /** What {@code anext(ai, default)} returns: the {@code __anext__} awaitable, with StopAsyncIteration ending it with the default. */
    public static final class AnextAwaitable extends PObject {
        private final Object awaitable;
        private final Object defaultValue;
        private Object iterator;

        public AnextAwaitable(Object awaitable, Object defaultValue) {
            this.awaitable = awaitable;
            this.defaultValue = defaultValue;
        }

        @Override
        public PClass getPythonClass() {
            return BuiltinClasses.ANEXT_AWAITABLE;
        }

        @TruffleBoundary
        public Object step(Object sent, PBaseException thrown) {
            if (iterator == null) {
                iterator = awaitIterator(awaitable);
            }
            Object r;
            try {
                r = thrown != null ? throwTo(iterator, thrown, false) : sendTo(iterator, sent);
            } catch (MpException e) {
                if (Exceptions.matches(e, "StopAsyncIteration")) {
                    throw Errors.raise(BuiltinClasses.exception("StopIteration"), defaultValue);
                }
                throw e;
            }
            if (r == null) {
                // a generator-based iterator that returned: its value ends this await too
                Object v = iterator instanceof PGenerator g ? g.returnValue : PNone.NONE;
                throw Errors.raise(BuiltinClasses.exception("StopIteration"), v);
            }
            return r;
        }
    }
}
