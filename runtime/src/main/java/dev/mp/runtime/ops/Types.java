package dev.mp.runtime.ops;

import java.math.BigInteger;

import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PObject;

/** The Python type of any value, and the type tests built on it. */
public final class Types {
    private Types() {
    }

    public static PClass typeOf(Object o) {
        if (o instanceof PObject p) {
            return p.getPythonClass();
        }
        if (o instanceof Long || o instanceof BigInteger) {
            return BuiltinClasses.INT;
        }
        if (o instanceof String) {
            return BuiltinClasses.STR;
        }
        if (o instanceof Boolean) {
            return BuiltinClasses.BOOL;
        }
        if (o instanceof Double) {
            return BuiltinClasses.FLOAT;
        }
        return HostTypes.typeOf(o);
    }

    public static String typeName(Object o) {
        return typeOf(o).name();
    }

    public static boolean isInstance(Object o, PClass cls) {
        return typeOf(o).isSubclassOf(cls);
    }

    /** int or bool (bool is a subclass of int). */
    public static boolean isInt(Object o) {
        return o instanceof Long || o instanceof Boolean || o instanceof BigInteger;
    }

    public static boolean isNumber(Object o) {
        return isInt(o) || o instanceof Double;
    }
}
