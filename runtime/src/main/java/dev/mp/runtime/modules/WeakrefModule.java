package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.attribute;
import static dev.mp.runtime.builtins.BuiltinBuilder.method;
import static dev.mp.runtime.builtins.BuiltinBuilder.moduleFunction;

import java.lang.ref.WeakReference;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.builtins.BuiltinBuilder;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PFunction;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PObject;
import dev.mp.runtime.objects.PSet;
import dev.mp.runtime.objects.PSubclassable;
import dev.mp.runtime.ops.Comparisons;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Identity;
import dev.mp.runtime.ops.Types;

/**
 * The {@code _weakref} module under the bundled {@code weakref} and {@code gc}: weak references over the JVM's
 * {@link WeakReference}. A referent is cleared when the JVM's garbage collector finds it unreachable, not when
 * the last reference goes as in CPython: {@code collect()} (which {@code gc.collect()} calls) runs a full
 * collection, after which the references to unreachable objects read None. Callbacks run in mp code (the bundled
 * {@code weakref} polls the references that have one).
 */
final class WeakrefModule {
    private WeakrefModule() {
    }

    static final PClass REF = new PClass("ReferenceType", "weakref", new PClass[] {BuiltinClasses.OBJECT}, true, PClass.Layout.BUILTIN)
            .allowSubclasses();

    /** A weak reference; its hash is the referent's, kept once computed (as CPython's). */
    static final class PWeakRef extends PSubclassable {
        WeakReference<Object> referent;
        Object callback = PNone.NONE;
        Long hash;

        PWeakRef(PClass cls) {
            super(cls);
        }

        Object get() {
            Object o = referent == null ? null : referent.get();
            return o == null ? PNone.NONE : o;
        }

        /** As a dict key or set member: Python's equality and hash (the referent's), as PInstance does. */
        @Override
        public boolean equals(Object obj) {
            return this == obj || (obj instanceof PWeakRef && Comparisons.eq(this, obj));
        }

        @Override
        public int hashCode() {
            return Long.hashCode(Conversions.hash(this));
        }
    }

    static {
        BuiltinBuilder.constructor(REF, "cls, ob, callback=None, /, *args, **kwargs", a -> {
            PWeakRef r = new PWeakRef((PClass) a[0]);
            bind(r, a[1], a[2]);
            return r;
        });
        // A subclass's __init__ may pass other arguments: the referent was bound by __new__.
        method(REF, "__init__", "self, *args, **kwargs", a -> PNone.NONE);
        method(REF, "__call__", "self", a -> ((PWeakRef) a[0]).get());
        attribute(REF, "__callback__", o -> ((PWeakRef) o).callback);
        method(REF, "__hash__", "self", a -> hash((PWeakRef) a[0]));
        method(REF, "__eq__", "self, other", a -> equal(a[0], a[1], false));
        method(REF, "__ne__", "self, other", a -> equal(a[0], a[1], true));
        method(REF, "__repr__", "self", a -> repr((PWeakRef) a[0]));
    }

    static void populate(PModule m) {
        m.dict().put("ReferenceType", REF);
        m.dict().put("ref", REF);
        moduleFunction(m, "collect", "", a -> {
            collectGarbage();
            return PNone.NONE;
        });
    }

    @TruffleBoundary
    private static void collectGarbage() {
        System.gc();
    }

    /** CPython refuses weak references to ints, strs, tuples, lists, dicts, bytes and None (not to their subclasses). */
    private static void bind(PWeakRef r, Object ob, Object callback) {
        boolean allowed = (ob instanceof PObject p && !p.getPythonClass().isCore()) || ob instanceof PFunction || ob instanceof PClass
                || ob instanceof PSet || ob instanceof PModule;
        if (!allowed) {
            throw Errors.typeError("cannot create weak reference to '%s' object", Types.typeName(ob));
        }
        r.referent = new WeakReference<>(ob);
        r.callback = callback;
    }

    @TruffleBoundary
    private static Object hash(PWeakRef r) {
        if (r.hash == null) {
            Object o = r.get();
            if (o == PNone.NONE) {
                throw Errors.typeError("weak object has gone away");
            }
            r.hash = Conversions.hash(o);
        }
        return r.hash;
    }

    /** Two live references are equal when their referents are; a dead one only equals itself. */
    @TruffleBoundary
    private static Object equal(Object self, Object other, boolean negate) {
        if (!(other instanceof PWeakRef b)) {
            return dev.mp.runtime.objects.PSingleton.NOT_IMPLEMENTED;
        }
        PWeakRef a = (PWeakRef) self;
        Object x = a.get();
        Object y = b.get();
        boolean same = x == PNone.NONE || y == PNone.NONE ? a == b : Comparisons.eq(x, y);
        return same != negate;
    }

    @TruffleBoundary
    private static String repr(PWeakRef r) {
        Object o = r.get();
        if (o == PNone.NONE) {
            return "<weakref at " + Identity.hexId(r) + "; dead>";
        }
        return "<weakref at " + Identity.hexId(r) + "; to '" + Types.typeName(o) + "' at " + Identity.hexId(o) + ">";
    }
}
