package dev.mp.runtime.ops;

import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.TruffleObject;

import dev.mp.runtime.objects.PObject;

/** Calls into foreign (host Java or other language) values through Truffle interop. */
public final class HostInterop {
    private HostInterop() {
    }

    private static final InteropLibrary LIB = InteropLibrary.getUncached();

    public static boolean isForeign(Object o) {
        return o instanceof TruffleObject && !(o instanceof PObject);
    }

    public static boolean isHostCallable(Object o) {
        return isForeign(o) && (LIB.isExecutable(o) || LIB.isInstantiable(o));
    }

    public static Object call(Object callee, Object[] args, String[] kwnames) {
        if (kwnames != null && kwnames.length > 0) {
            throw Errors.typeError("keyword arguments are not supported when calling a foreign object");
        }
        try {
            Object r = LIB.isExecutable(callee) ? LIB.execute(callee, args) : LIB.instantiate(callee, args);
            return HostValues.toMp(r);
        } catch (InteropException e) {
            throw Errors.typeError("%s", e.getMessage());
        }
    }
}
