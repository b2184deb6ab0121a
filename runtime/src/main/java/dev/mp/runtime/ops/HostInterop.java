package dev.mp.runtime.ops;

import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidArrayIndexException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownKeyException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;

import dev.mp.runtime.MpException;
import dev.mp.runtime.objects.HostValues;
import dev.mp.runtime.objects.PObject;

/**
 * Calls into foreign values (host Java objects when the embedder allows host access, or values of other
 * languages) through Truffle interop, and the Python exceptions interop failures become.
 */
public final class HostInterop {
    private HostInterop() {
    }

    private static final InteropLibrary LIB = InteropLibrary.getUncached();

    /** True for a value mp did not make: a host object or another language's object (not a Java primitive). */
    public static boolean isForeign(Object o) {
        return o instanceof TruffleObject && !(o instanceof PObject);
    }

    /** A foreign hash (a Java map with host access): a mapping to {@code dict()} and {@code dict.update()}. */
    public static boolean isForeignMapping(Object o) {
        return isForeign(o) && LIB.hasHashEntries(o);
    }

    public static boolean isHostCallable(Object o) {
        return isForeign(o) && (LIB.isExecutable(o) || LIB.isInstantiable(o));
    }

    /** Calls a foreign executable, or instantiates a foreign class (a Java class: its constructor). */
    public static Object call(Object callee, Object[] args, String[] kwnames) {
        if (kwnames != null && kwnames.length > 0) {
            throw Errors.typeError("keyword arguments are not supported when calling a foreign object");
        }
        try {
            Object[] arguments = HostValues.toInterop(args);
            Object r = LIB.isExecutable(callee) ? LIB.execute(callee, arguments) : LIB.instantiate(callee, arguments);
            return HostValues.toMp(r);
        } catch (InteropException e) {
            throw error(e, callee);
        }
    }

    /**
     * The Python exception for an interop failure on {@code receiver}: a bad index is an IndexError, a missing
     * key a KeyError, wrong arguments or an unsupported operation a TypeError.
     */
    static MpException error(InteropException e, Object receiver) {
        if (e instanceof InvalidArrayIndexException) {
            return Errors.indexError("index out of range");
        }
        if (e instanceof UnknownKeyException k) {
            return Errors.keyError(HostValues.toMp(k.getUnknownKey()));
        }
        if (e instanceof ArityException a) {
            int expected = a.getExpectedMinArity();
            return Errors.typeError("%s() takes %d positional argument%s but %d %s given", displayName(receiver), expected, expected == 1 ? "" : "s",
                    a.getActualArity(), a.getActualArity() == 1 ? "was" : "were");
        }
        if (e instanceof UnsupportedTypeException) {
            return Errors.typeError("%s: %s", displayName(receiver), e.getMessage());
        }
        return Errors.typeError("'%s' object does not support this operation", Types.typeName(receiver));
    }

    /** The interop display string of a foreign value (a host object shows as its {@code toString()}). */
    static String displayName(Object o) {
        try {
            return LIB.asString(LIB.toDisplayString(o, true));
        } catch (InteropException e) {
            return Types.typeName(o);
        }
    }

    /** A hash consistent with {@link #isIdentical}. */
    static long identityHash(Object o) {
        try {
            return LIB.hasIdentity(o) ? LIB.identityHashCode(o) : System.identityHashCode(o);
        } catch (InteropException e) {
            throw error(e, o);
        }
    }

    /** {@code a == b} for foreign values: the same object (several host wrappers may stand for one Java object). */
    static boolean isIdentical(Object a, Object b) {
        return LIB.isIdentical(a, b, LIB);
    }
}
