package dev.mp.runtime.ops;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;

import dev.mp.runtime.MpException;
import dev.mp.runtime.builtins.Dir;
import dev.mp.runtime.objects.HostValues;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PInstance;
import dev.mp.runtime.objects.PModule;

/**
 * The Python semantics behind the interop messages mp objects export to embedders (and to other languages):
 * members are attributes, execution is a call, iteration is the iterator protocol. Arguments arrive as
 * interop values and are converted with {@link HostValues#toMp}; results leave through
 * {@link HostValues#toInterop}. Python exceptions propagate as they are: they are guest exceptions.
 */
public final class Interop {
    private Interop() {
    }

    /** Calls an mp callable with interop arguments. */
    @TruffleBoundary
    public static Object call(Object callee, Object[] arguments) {
        return HostValues.toInterop(Calls.call(callee, HostValues.toMp(arguments), null));
    }

    /** str(o) as print shows it; without side effects, an instance shows as {@code <Class object at 0x...>}. */
    @TruffleBoundary
    public static String displayString(Object o, boolean allowSideEffects) {
        if (!allowSideEffects && o instanceof PInstance inst) {
            return "<" + Conversions.qualifiedName(inst.getPythonClass()) + " object at " + Identity.hexId(o) + ">";
        }
        return Conversions.str(o);
    }

    /** The attribute names {@code dir(obj)} lists, as an interop array of strings. */
    @TruffleBoundary
    public static Object memberNames(Object obj) {
        return Dir.of(obj);
    }

    @TruffleBoundary
    public static boolean hasAttribute(Object obj, String name) {
        return Attributes.lookup(obj, name) != null;
    }

    @TruffleBoundary
    public static Object readAttribute(Object obj, String name) throws UnknownIdentifierException {
        Object value = Attributes.lookup(obj, name);
        if (value == null) {
            throw UnknownIdentifierException.create(name);
        }
        return HostValues.toInterop(value);
    }

    /** True for objects whose attributes a host may set: instances, modules, functions and classes made by mp code. */
    public static boolean acceptsAttributes(Object obj) {
        return Attributes.instanceDict(obj) != null || obj instanceof PModule || (obj instanceof PClass c && !c.isBuiltin());
    }

    @TruffleBoundary
    public static void writeAttribute(Object obj, String name, Object value) throws UnsupportedMessageException {
        if (!acceptsAttributes(obj)) {
            throw UnsupportedMessageException.create();
        }
        Attributes.set(obj, name, HostValues.toMp(value));
    }

    @TruffleBoundary
    public static void removeAttribute(Object obj, String name) throws UnknownIdentifierException {
        try {
            Attributes.delete(obj, name);
        } catch (MpException e) {
            if (Exceptions.matches(e, "AttributeError")) {
                throw UnknownIdentifierException.create(name);
            }
            throw e;
        }
    }

    @TruffleBoundary
    public static boolean isMethod(Object obj, String name) {
        Object value = Attributes.lookup(obj, name);
        return value != null && Calls.isCallable(value);
    }

    @TruffleBoundary
    public static Object invokeMethod(Object obj, String name, Object[] arguments) throws UnknownIdentifierException {
        Object method = Attributes.lookup(obj, name);
        if (method == null) {
            throw UnknownIdentifierException.create(name);
        }
        return call(method, arguments);
    }

    /** An interop iterator over a Python iterable; iter(obj) is called here, as a for loop would. */
    @TruffleBoundary
    public static Object iterator(Object obj) throws UnsupportedMessageException {
        Object it = Iteration.iter(obj, true);
        if (it == null) {
            throw UnsupportedMessageException.create();
        }
        return new InteropIterator(it);
    }
}
