package dev.mp.runtime.ops;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.MpException;
import dev.mp.runtime.nodes.controlflow.Completion;
import dev.mp.runtime.nodes.function.YieldException;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.PGenerator;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PTuple;

/** Running generators: next, send, throw and close, with Python's rules. */
public final class Generators {
    private Generators() {
    }

    /**
     * Runs the generator until its next yield.
     *
     * @return the yielded value, or null when the generator finished (its return value is then in
     *         {@link PGenerator#returnValue})
     */
    public static Object resume(PGenerator g, Object sent, Object thrown) {
        if (g.finished) {
            if (thrown != null) {
                throw ((PBaseException) thrown).javaException();
            }
            g.returnValue = PNone.NONE; // the return value goes with the first StopIteration only
            return null;
        }
        if (g.running) {
            throw Errors.valueError(g.kind == PGenerator.GENERATOR ? "generator already executing" : g.kind == PGenerator.COROUTINE
                    ? "coroutine already executing" : "async generator already executing");
        }
        if (!g.started) {
            if (thrown != null) {
                g.finished = true;
                throw ((PBaseException) thrown).javaException();
            }
            if (sent != null && sent != PNone.NONE) {
                throw Errors.typeError("can't send non-None value to a just-started generator");
            }
        }
        g.resuming = g.started;
        g.started = true;
        g.sent = sent;
        g.thrown = thrown;
        g.running = true;
        try {
            Object result = Calls.invoke(g.body, null, new Object[] {g.frame, g});
            if (result instanceof Completion.Suspend s) {
                return s.value;
            }
            g.returnValue = result;
            g.finished = true;
            return null;
        } catch (YieldException y) {
            return y.value;
        } catch (MpException e) {
            g.finished = true;
            boolean stopAsync = g.kind == PGenerator.ASYNC_GENERATOR && Exceptions.matches(e, "StopAsyncIteration");
            if (Exceptions.matches(e, "StopIteration") || stopAsync) {
                String what = g.kind == PGenerator.GENERATOR ? "generator" : g.kind == PGenerator.COROUTINE ? "coroutine" : "async generator";
                PBaseException re = Exceptions.create(BuiltinClasses.exception("RuntimeError"),
                        PTuple.of(what + " raised " + (stopAsync ? "StopAsyncIteration" : "StopIteration")));
                re.setCause(e.pythonException());
                throw re.javaException();
            }
            throw e;
        } finally {
            g.running = false;
            g.resuming = false;
        }
    }

    /**
     * The yield or yield-from node where {@code g} is suspended, or null when it has not started or has finished: the
     * node whose id the generator recorded ({@link PGenerator#suspendedAt}).
     */
    @TruffleBoundary
    public static com.oracle.truffle.api.nodes.Node suspendedAt(PGenerator g) {
        if (!g.started || g.finished) {
            return null;
        }
        com.oracle.truffle.api.nodes.Node[] found = {null};
        g.body.getRootNode().accept(node -> {
            if (node instanceof dev.mp.runtime.nodes.function.SuspensionPointNode point && point.id() == g.suspendedAt) {
                found[0] = node;
                return false;
            }
            return true;
        });
        return found[0];
    }

    /** What a suspended {@code g} delegates to by {@code yield from} or {@code await}, or None ({@code gi_yieldfrom}). */
    @TruffleBoundary
    public static Object delegate(PGenerator g) {
        Object d = suspendedAt(g) instanceof dev.mp.runtime.nodes.function.YieldFromNode yf ? yf.delegate(g.frame) : null;
        return d == null ? PNone.NONE : d;
    }

    /** {@code g.send(v)} as used by {@code yield from}: null when finished. */
    @TruffleBoundary
    public static Object send(PGenerator g, Object value) {
        return resume(g, value, null);
    }

    @TruffleBoundary
    public static Object throwInto(PGenerator g, Object exception) {
        return resume(g, null, exception);
    }

    @TruffleBoundary
    public static Object returnValue(PGenerator g) {
        return g.returnValue;
    }

    /** Raises StopIteration carrying the return value, for the Python-level next/send/throw. */
    public static MpException stopIteration(PGenerator g) {
        Object v = g.returnValue;
        return v == PNone.NONE ? Errors.raise(BuiltinClasses.exception("StopIteration")) : Errors.raise(BuiltinClasses.exception("StopIteration"), v);
    }

    public static void close(PGenerator g) {
        if (g.finished || !g.started) {
            g.finished = true;
            return;
        }
        PBaseException exit = Exceptions.create(BuiltinClasses.exception("GeneratorExit"), PTuple.EMPTY);
        try {
            Object v = resume(g, null, exit);
            if (v != null) {
                throw Errors.runtimeError("generator ignored GeneratorExit");
            }
        } catch (MpException e) {
            if (!Exceptions.matches(e, "GeneratorExit") && !Exceptions.matches(e, "StopIteration")) {
                throw e;
            }
        }
    }
}
