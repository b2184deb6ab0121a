package dev.mp.runtime.ops;

import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBuiltinFunction;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PClassMethod;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PFunction;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PStaticMethod;
import dev.mp.runtime.objects.PTuple;

/** Making classes from {@code class} statements, and making instances by calling a class. */
public final class Classes {
    private Classes() {
    }

    /** Calls a class: {@code __new__}, then {@code __init__} when the result is an instance of it. */
    @TruffleBoundary
    public static Object instantiate(PClass cls, Object[] args, String[] kwnames) {
        if (cls == BuiltinClasses.TYPE && args.length == 1 && (kwnames == null || kwnames.length == 0)) {
            return Types.typeOf(args[0]);
        }
        Object newFn = cls.lookup("__new__");
        if (newFn instanceof PStaticMethod s) {
            newFn = s.function;
        }
        Object obj = Calls.call(newFn, Calls.prepend(cls, args), kwnames);
        // The core builtin types make their instances completely in __new__; other types (library types
        // implemented in Java, classes) go on to __init__ as CPython's tp_init.
        if (cls.isCore()) {
            return obj;
        }
        if (!Types.typeOf(obj).isSubclassOf(cls)) {
            return obj;
        }
        Object init = cls.lookup("__init__");
        if (init instanceof PFunction) {
            Object r = Calls.call(init, Calls.prepend(obj, args), kwnames);
            if (r != PNone.NONE) {
                throw Errors.typeError("__init__() should return None, not '%s'", Types.typeName(r));
            }
        } else if (init instanceof PBuiltinFunction b) {
            if (b == BuiltinClasses.OBJECT.dict().get("__init__")) {
                if (args.length > 0 && newFn == BuiltinClasses.OBJECT.dict().get("__new__")) {
                    throw Errors.typeError("%s() takes no arguments", cls.name());
                }
            } else {
                Calls.call(b, Calls.prepend(obj, args), kwnames);
            }
        }
        return obj;
    }

    /** Makes the class of a {@code class} statement from its executed body. */
    @TruffleBoundary
    public static PClass create(String name, String qualname, String module, Object[] bases, PDict namespace) {
        PClass[] baseClasses = new PClass[bases.length];
        for (int i = 0; i < bases.length; i++) {
            if (!(bases[i] instanceof PClass c)) {
                throw Errors.typeError("bases must be types");
            }
            baseClasses[i] = c;
        }
        PClass cls = PClass.create(name, qualname, module, baseClasses);
        Map<String, Object> dict = cls.dict();
        for (PDict.Entry e : namespace.entries()) {
            if (e.key instanceof String key) {
                Object value = e.value;
                if (key.equals("__new__") && value instanceof PFunction) {
                    value = new PStaticMethod(value);
                }
                if ((key.equals("__init_subclass__") || key.equals("__class_getitem__")) && value instanceof PFunction) {
                    value = new PClassMethod(value);
                }
                dict.put(key, value);
            }
        }
        dict.put("__module__", module);
        if (dict.containsKey("__eq__") && !dict.containsKey("__hash__")) {
            dict.put("__hash__", PNone.NONE);
        }
        dict.putIfAbsent("__doc__", PNone.NONE);
        for (Object v : dict.values()) {
            PFunction f = v instanceof PFunction fn ? fn
                    : v instanceof PStaticMethod s && s.function instanceof PFunction fn ? fn
                    : v instanceof PClassMethod c && c.function instanceof PFunction fn ? fn : null;
            if (f != null) {
                f.setDefiningClass(cls);
            } else if (v instanceof dev.mp.runtime.objects.PProperty p) {
                for (Object acc : new Object[] {p.fget, p.fset, p.fdel}) {
                    if (acc instanceof PFunction fn) {
                        fn.setDefiningClass(cls);
                    }
                }
            }
        }
        for (int i = baseClasses.length - 1; i >= 0; i--) {
            Object hook = baseClasses[i].lookup("__init_subclass__");
            if (hook instanceof PClassMethod cm && cm.function instanceof PFunction) {
                Calls.call(cm.function, cls);
                break;
            }
        }
        return cls;
    }

    public static PTuple mroTuple(PClass cls) {
        return new PTuple(cls.mro().clone());
    }
}
