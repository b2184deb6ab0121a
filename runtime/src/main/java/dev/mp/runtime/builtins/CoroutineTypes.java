package dev.mp.runtime.builtins;

import static dev.mp.runtime.builtins.BuiltinBuilder.attribute;
import static dev.mp.runtime.builtins.BuiltinBuilder.method;

import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PGenerator;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.ops.Coroutines;
import dev.mp.runtime.ops.Coroutines.AnextAwaitable;
import dev.mp.runtime.ops.Coroutines.AsyncGenAwaitable;
import dev.mp.runtime.ops.Coroutines.CoroutineWrapper;
import dev.mp.runtime.ops.Generators;
import dev.mp.runtime.ops.Identity;

/** The methods of coroutines, async generators and their awaitables (see {@link Coroutines}). */
final class CoroutineTypes {
    private CoroutineTypes() {
    }

    static void install() {
        coroutineType();
        asyncGeneratorType();
        awaitableTypes();
        String[] prefixes = {"gi_", "cr_", "ag_"};
        PClass[] types = {BuiltinClasses.GENERATOR, BuiltinClasses.COROUTINE, BuiltinClasses.ASYNC_GENERATOR};
        for (int i = 0; i < types.length; i++) {
            PClass c = types[i];
            method(c, "__repr__", "self", a -> "<" + c.name() + " object " + ((PGenerator) a[0]).qualname + " at " + Identity.hexId(a[0]) + ">");
            attribute(c, prefixes[i] + "frame", o -> dev.mp.runtime.modules.SysModule.generatorFrame((PGenerator) o));
            attribute(c, prefixes[i] + "code", o -> dev.mp.runtime.nodes.Frames.function(((PGenerator) o).frame) instanceof dev.mp.runtime.objects.PFunction f
                    ? CodeType.of(f) : PNone.NONE);
        }
        attribute(BuiltinClasses.GENERATOR, "gi_running", o -> ((PGenerator) o).running);
        attribute(BuiltinClasses.GENERATOR, "gi_suspended", o -> suspended((PGenerator) o));
        attribute(BuiltinClasses.GENERATOR, "gi_yieldfrom", o -> Generators.delegate((PGenerator) o));
        attribute(BuiltinClasses.COROUTINE, "cr_await", o -> Generators.delegate((PGenerator) o));
        attribute(BuiltinClasses.ASYNC_GENERATOR, "ag_await", o -> Generators.delegate((PGenerator) o));
    }

    private static void coroutineType() {
        PClass c = BuiltinClasses.COROUTINE;
        method(c, "send", "self, value, /", a -> Coroutines.step((PGenerator) a[0], a[1], null));
        method(c, "throw", "self, typ, val=None, tb=None, /", a -> Coroutines.step((PGenerator) a[0], null, Coroutines.thrown(a[1], a[2])));
        method(c, "close", "self", a -> {
            Generators.close((PGenerator) a[0]);
            return PNone.NONE;
        });
        method(c, "__await__", "self", a -> new CoroutineWrapper((PGenerator) a[0]));
        attribute(c, "__name__", o -> ((PGenerator) o).name);
        attribute(c, "__qualname__", o -> ((PGenerator) o).qualname);
        attribute(c, "cr_running", o -> ((PGenerator) o).running);
        attribute(c, "cr_suspended", o -> suspended((PGenerator) o));
    }

    private static boolean suspended(PGenerator g) {
        return g.started && !g.finished && !g.running;
    }

    private static void asyncGeneratorType() {
        PClass c = BuiltinClasses.ASYNC_GENERATOR;
        method(c, "__aiter__", "self", a -> a[0]);
        method(c, "__anext__", "self", a -> new AsyncGenAwaitable((PGenerator) a[0], false, PNone.NONE, null));
        method(c, "asend", "self, value, /", a -> new AsyncGenAwaitable((PGenerator) a[0], false, a[1], null));
        method(c, "athrow", "self, typ, val=None, tb=None, /",
                a -> new AsyncGenAwaitable((PGenerator) a[0], true, null, Coroutines.thrown(a[1], a[2])));
        method(c, "aclose", "self", a -> new AsyncGenAwaitable((PGenerator) a[0], true, null, null));
        attribute(c, "__name__", o -> ((PGenerator) o).name);
        attribute(c, "__qualname__", o -> ((PGenerator) o).qualname);
        attribute(c, "ag_running", o -> ((PGenerator) o).runningAwaitable != null);
    }

    private static void awaitableTypes() {
        PClass w = BuiltinClasses.COROUTINE_WRAPPER;
        method(w, "__iter__", "self", a -> a[0]);
        method(w, "__next__", "self", a -> Coroutines.step(((CoroutineWrapper) a[0]).coroutine, PNone.NONE, null));
        method(w, "send", "self, value, /", a -> Coroutines.step(((CoroutineWrapper) a[0]).coroutine, a[1], null));
        method(w, "throw", "self, typ, val=None, tb=None, /",
                a -> Coroutines.step(((CoroutineWrapper) a[0]).coroutine, null, Coroutines.thrown(a[1], a[2])));
        method(w, "close", "self", a -> {
            Generators.close(((CoroutineWrapper) a[0]).coroutine);
            return PNone.NONE;
        });
        for (PClass c : new PClass[] {BuiltinClasses.ASYNC_GENERATOR_ASEND, BuiltinClasses.ASYNC_GENERATOR_ATHROW}) {
            method(c, "__await__", "self", a -> a[0]);
            method(c, "__iter__", "self", a -> a[0]);
            method(c, "__next__", "self", a -> ((AsyncGenAwaitable) a[0]).send(PNone.NONE));
            method(c, "send", "self, value, /", a -> ((AsyncGenAwaitable) a[0]).send(a[1]));
            method(c, "throw", "self, typ, val=None, tb=None, /", a -> ((AsyncGenAwaitable) a[0]).throwIn(Coroutines.thrown(a[1], a[2])));
            method(c, "close", "self", a -> {
                ((AsyncGenAwaitable) a[0]).close();
                return PNone.NONE;
            });
        }
        PClass n = BuiltinClasses.ANEXT_AWAITABLE;
        method(n, "__await__", "self", a -> a[0]);
        method(n, "__iter__", "self", a -> a[0]);
        method(n, "__next__", "self", a -> ((AnextAwaitable) a[0]).step(PNone.NONE, null));
        method(n, "send", "self, value, /", a -> ((AnextAwaitable) a[0]).step(a[1], null));
        method(n, "throw", "self, typ, val=None, tb=None, /", a -> ((AnextAwaitable) a[0]).step(null, Coroutines.thrown(a[1], a[2])));
        method(n, "close", "self", a -> PNone.NONE);
    }
}
