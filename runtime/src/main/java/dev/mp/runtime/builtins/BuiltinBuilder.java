package dev.mp.runtime.builtins;

import dev.mp.runtime.objects.PBoxed;
import dev.mp.runtime.objects.PBuiltinFunction;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PClassMethod;
import dev.mp.runtime.objects.PGetSet;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PStaticMethod;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Types;

/** Defines builtin functions, methods of builtin types and module functions from {@link ParamSpec} strings. */
public final class BuiltinBuilder {
    private BuiltinBuilder() {
    }

    public static PBuiltinFunction function(String name, String params, PBuiltinFunction.Body body) {
        ParamSpec spec = ParamSpec.parse(params);
        return new PBuiltinFunction(name, null, spec.signature(), spec.defaults(), spec.kwDefaults(), body);
    }

    /**
     * A method of {@code cls}; the first parameter in {@code params} is {@code self}. The methods of int, float
     * and str receive plain values: {@code self} and the other arguments are unboxed (see {@link PBoxed}), but
     * for the argument of {@code str.__mod__}, which goes on to {@code str()} and must keep its subclass's methods.
     */
    public static PBuiltinFunction method(PClass cls, String name, String params, PBuiltinFunction.Body body) {
        ParamSpec spec = ParamSpec.parse(params);
        PBuiltinFunction.Body unboxing = body;
        if (PBoxed.boxes(cls)) {
            int unboxed = name.equals("__mod__") ? 1 : Integer.MAX_VALUE;
            unboxing = a -> {
                for (int i = 0; i < Math.min(unboxed, a.length); i++) {
                    a[i] = Types.baseValue(a[i]);
                }
                return body.call(a);
            };
        }
        PBuiltinFunction f = new PBuiltinFunction(name, cls.name(), spec.signature(), spec.defaults(), spec.kwDefaults(), unboxing)
                .markDeclaredBy(cls, PBuiltinFunction.Role.METHOD);
        cls.dict().put(name, f);
        return f;
    }

    /** A class method of {@code cls}; the first parameter in {@code params} is {@code cls}. */
    public static void classMethod(PClass cls, String name, String params, PBuiltinFunction.Body body) {
        ParamSpec spec = ParamSpec.parse(params);
        cls.dict().put(name, new PClassMethod(new PBuiltinFunction(name, null, spec.signature(), spec.defaults(), spec.kwDefaults(), body)
                .markDeclaredBy(cls, PBuiltinFunction.Role.CLASS_METHOD)));
    }

    public static void staticMethod(PClass cls, String name, String params, PBuiltinFunction.Body body) {
        cls.dict().put(name, new PStaticMethod(function(name, params, body).markDeclaredBy(cls, PBuiltinFunction.Role.STATIC_METHOD)));
    }

    /** {@code __new__} of a builtin type: the first parameter is the class being instantiated. */
    public static void constructor(PClass cls, String params, PBuiltinFunction.Body body) {
        ParamSpec spec = ParamSpec.parse(params);
        // __new__ is reachable as cls.__new__(X) with any X: checked as CPython's tp_new wrapper checks it.
        PBuiltinFunction.Body checked = a -> {
            if (!(a[0] instanceof PClass sub)) {
                throw Errors.typeError("%s.__new__(X): X is not a type object (%s)", cls.name(), Types.typeName(a[0]));
            }
            if (!sub.isSubclassOf(cls)) {
                throw Errors.typeError("%s.__new__(%s): %s is not a subtype of %s", cls.name(), sub.name(), sub.name(), cls.name());
            }
            return body.call(a);
        };
        cls.dict().put("__new__", new PBuiltinFunction("__new__", null, spec.signature(), spec.defaults(), spec.kwDefaults(), checked)
                .markDeclaredBy(cls, PBuiltinFunction.Role.CONSTRUCTOR));
    }

    /** A read-only attribute of {@code cls}'s instances; the getters of int, float and str get plain values. */
    public static void attribute(PClass cls, String name, java.util.function.Function<Object, Object> getter) {
        java.util.function.Function<Object, Object> read = PBoxed.boxes(cls) ? o -> getter.apply(Types.baseValue(o)) : getter;
        cls.dict().put(name, new PGetSet(name, read, null));
    }

    public static void attribute(PClass cls, String name, java.util.function.Function<Object, Object> getter,
                                 java.util.function.BiConsumer<Object, Object> setter) {
        cls.dict().put(name, new PGetSet(name, getter, setter));
    }

    /** A function of a module implemented in Java. */
    public static PBuiltinFunction moduleFunction(PModule module, String name, String params, PBuiltinFunction.Body body) {
        PBuiltinFunction f = function(name, params, body);
        f.setModule(module.name());
        module.dict().put(name, f);
        return f;
    }
}
