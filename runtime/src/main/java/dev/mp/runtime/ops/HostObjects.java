package dev.mp.runtime.ops;

import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InteropException;

/** Member access on foreign objects (host Java objects when the embedder allows host access). */
final class HostObjects {
    private HostObjects() {
    }

    private static final InteropLibrary LIB = InteropLibrary.getUncached();

    static Object getMember(Object obj, String name) {
        try {
            if (LIB.isMemberReadable(obj, name)) {
                return HostValues.toMp(LIB.readMember(obj, name));
            }
            return null;
        } catch (InteropException e) {
            return null;
        }
    }

    static void setMember(Object obj, String name, Object value) {
        try {
            LIB.writeMember(obj, name, value);
        } catch (InteropException e) {
            throw Errors.attributeError("'%s' object has no attribute '%s'", Types.typeName(obj), name);
        }
    }
}
