package dev.mp.runtime.ops;

import java.math.BigInteger;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBoxed;
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

    /**
     * The special method {@code name} of {@code o}'s type when the operations must call it rather than apply
     * their builtin behaviour: the first definition on the MRO, if it belongs to a class that is not a core
     * type (a class made by a {@code class} statement, or a library type implemented in Java). Null for
     * values of core types and for methods the type inherits from one, whose behaviour the operations
     * implement directly. May be {@code None} (as {@code __hash__ = None}).
     */
    public static Object override(Object o, String name) {
        if (!(o instanceof PObject p)) {
            return null;
        }
        PClass type = p.getPythonClass();
        if (type.isCore()) {
            return null;
        }
        for (PClass c : type.mro()) {
            Object v = c.dict().get(name);
            if (v != null) {
                return c.isCore() ? null : v;
            }
        }
        return null;
    }

    /** Whether {@code o}'s type is not a core type, so that its special methods may override builtin behaviour. */
    public static boolean hasOverrides(Object o) {
        return o instanceof PObject p && !p.getPythonClass().isCore();
    }

    /**
     * The type's name as CPython's messages give it (its {@code tp_name}): the bare name for builtin and
     * user classes, and {@code module.name} for library types implemented in Java, such as {@code collections.deque}.
     */
    @TruffleBoundary
    public static String typeName(Object o) {
        return className(typeOf(o));
    }

    /** The class's name as CPython's messages give it (its {@code tp_name}); see {@link #typeName}. */
    public static String className(PClass type) {
        return type.isBuiltin() && !type.isCore() && !"builtins".equals(type.module()) ? type.module() + "." + type.name() : type.name();
    }

    public static boolean isInstance(Object o, PClass cls) {
        return typeOf(o).isSubclassOf(cls);
    }

    /**
     * The builtin value {@code o} stands for when the operations apply builtin behaviour: the int, float or
     * str held by an instance of a subclass of one of those types (see {@link PBoxed}), else {@code o} itself.
     * Callers look for the subclass's special methods first.
     */
    public static Object baseValue(Object o) {
        return o instanceof PBoxed b ? b.value() : o;
    }

    /**
     * Whether {@code o} is an int, as {@code isinstance(o, int)}: an int, a bool or an instance of a subclass
     * of int. {@link Conversions#asLong}, {@link Conversions#index} and {@link Conversions#asBig} take them all.
     */
    public static boolean isInt(Object o) {
        Object value = baseValue(o);
        return value instanceof Long || value instanceof Boolean || value instanceof BigInteger;
    }

    /** Whether {@code o} is an int or a float (or an instance of a subclass of either); {@link Conversions#asDouble} takes them. */
    public static boolean isNumber(Object o) {
        return isInt(o) || baseValue(o) instanceof Double;
    }
}
