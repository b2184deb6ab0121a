package dev.mp.runtime.ops;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.MpException;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBuiltinFunction;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PClassMethod;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PFunction;
import dev.mp.runtime.objects.PGetSet;
import dev.mp.runtime.objects.PInstance;
import dev.mp.runtime.objects.PMethod;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PProperty;
import dev.mp.runtime.objects.PStaticMethod;
import dev.mp.runtime.objects.PSubclassable;
import dev.mp.runtime.objects.PTuple;

/** Attribute get, set and delete, following Python's descriptor rules. */
public final class Attributes {
    private Attributes() {
    }

    /** {@code getattr(obj, name)}; raises AttributeError with CPython's message. */
    @TruffleBoundary
    public static Object get(Object obj, String name) {
        Object v = find(obj, name);
        if (v == null) {
            throw missing(obj, name);
        }
        return v;
    }

    /** {@code getattr(obj, name, None)} without the exception: null when absent. */
    public static Object lookup(Object obj, String name) {
        try {
            return find(obj, name);
        } catch (MpException e) {
            if (Exceptions.matches(e, "AttributeError")) {
                return null;
            }
            throw e;
        }
    }

    public static MpException missing(Object obj, String name) {
        if (obj instanceof PModule m) {
            return Errors.attributeError("module '%s' has no attribute '%s'", m.name(), name);
        }
        if (obj instanceof PClass c) {
            return Errors.attributeError("type object '%s' has no attribute '%s'", c.name(), name);
        }
        return Errors.attributeError("'%s' object has no attribute '%s'", Types.typeName(obj), name);
    }

    private static Object find(Object obj, String name) {
        if (obj instanceof PModule m) {
            Object v = m.dict().get(name);
            if (v != null) {
                return v;
            }
            if (name.equals("__dict__")) {
                return m.dict();
            }
            Object getattr = m.dict().get("__getattr__");
            return getattr == null ? null : Calls.call(getattr, name);
        }
        if (obj instanceof PClass c) {
            return classAttribute(c, name);
        }
        if (obj instanceof dev.mp.runtime.objects.PSuper s) {
            return superAttribute(s, name);
        }
        if (HostInterop.isForeign(obj)) {
            return HostObjects.getMember(obj, name);
        }
        PClass type = Types.typeOf(obj);
        Object descr = type.lookup(name);
        if (descr instanceof PProperty p) {
            if (p.fget == PNone.NONE) {
                throw Errors.attributeError("property '%s' of '%s' object has no getter", name, type.name());
            }
            return Calls.call(p.fget, obj);
        }
        if (descr instanceof PGetSet gs) {
            return gs.getter.apply(obj);
        }
        if (name.equals("__class__")) {
            return type;
        }
        PDict dict = instanceDict(obj);
        if (dict != null) {
            Object v = dict.get(name);
            if (v != null) {
                return v;
            }
            if (name.equals("__dict__") && type.instanceSlots() == null) {
                return dict;
            }
        }
        if (descr != null) {
            return bind(descr, obj, type);
        }
        Object getattr = type.lookup("__getattr__");
        if (getattr instanceof PFunction) {
            return Calls.call(getattr, obj, name);
        }
        return null;
    }

    private static Object superAttribute(dev.mp.runtime.objects.PSuper s, String name) {
        PClass type = s.self instanceof PClass c && c.isSubclassOf(s.startAfter) ? c : Types.typeOf(s.self);
        PClass[] mro = type.mro();
        int i = 0;
        while (i < mro.length && mro[i] != s.startAfter) {
            i++;
        }
        for (i++; i < mro.length; i++) {
            Object v = mro[i].dict().get(name);
            if (v != null) {
                if (s.self instanceof PClass c && c == type) {
                    return v instanceof PClassMethod cm ? new PMethod(c, cm.function) : v instanceof PStaticMethod st ? st.function : v;
                }
                if (v instanceof PProperty p) {
                    return Calls.call(p.fget, s.self);
                }
                return bind(v, s.self, type);
            }
        }
        throw Errors.attributeError("'super' object has no attribute '%s'", name);
    }

    /** The value of a class attribute found on the type of {@code obj}, bound as Python's descriptors bind. */
    @TruffleBoundary
    public static Object bind(Object descr, Object obj, PClass type) {
        if (descr instanceof PFunction || (descr instanceof PBuiltinFunction b && b.isMethod())) {
            return new PMethod(obj, descr);
        }
        if (descr instanceof PStaticMethod s) {
            return s.function;
        }
        if (descr instanceof PClassMethod c) {
            return new PMethod(type, c.function);
        }
        if (descr instanceof PInstance inst) {
            Object get = inst.getPythonClass().lookup("__get__");
            if (get != null) {
                return Calls.call(get, descr, obj, type);
            }
        }
        return descr;
    }

    private static Object classAttribute(PClass c, String name) {
        switch (name) {
            case "__name__":
                return c.name();
            case "__qualname__":
                return c.qualname();
            case "__module__":
                return c.module();
            case "__mro__":
                return new PTuple(c.mro().clone());
            case "__bases__":
                return new PTuple(c.bases().clone());
            case "__base__":
                return c.bases().length == 0 ? PNone.NONE : c.bases()[0];
            case "__dict__": {
                PDict d = new PDict();
                c.dict().forEach(d::put);
                return d;
            }
            case "__class__":
                return BuiltinClasses.TYPE;
            default:
                break;
        }
        Object v = c.lookup(name);
        if (v == null) {
            Object meta = BuiltinClasses.TYPE.lookup(name);
            if (meta instanceof PBuiltinFunction b && b.isMethod()) {
                return new PMethod(c, b);
            }
            if (name.equals("__doc__")) {
                return PNone.NONE;
            }
            return null;
        }
        if (v instanceof PClassMethod cm) {
            return new PMethod(c, cm.function);
        }
        if (v instanceof PStaticMethod s) {
            return s.function;
        }
        if (v instanceof PInstance inst) {
            Object get = inst.getPythonClass().lookup("__get__");
            if (get != null) {
                return Calls.call(get, v, PNone.NONE, c);
            }
        }
        return v;
    }

    /** The {@code __dict__} of an object that has one, else null. */
    public static PDict instanceDict(Object obj) {
        if (obj instanceof PInstance inst) {
            return inst.dict();
        }
        if (obj instanceof PSubclassable s) {
            return s.attributes();
        }
        if (obj instanceof PFunction f) {
            return f.attributes();
        }
        return null;
    }

    @TruffleBoundary
    public static void set(Object obj, String name, Object value) {
        Object setattr = Types.override(obj, "__setattr__");
        if (setattr != null) {
            Calls.callDescriptor(setattr, obj, name, value);
            return;
        }
        setIgnoringOverride(obj, name, value);
    }

    /** {@code object.__setattr__(obj, name, value)}: sets the attribute without calling a {@code __setattr__} override. */
    public static void setIgnoringOverride(Object obj, String name, Object value) {
        PDict attributes = obj instanceof PInstance || obj instanceof PSubclassable ? instanceDict(obj) : null;
        if (attributes != null) {
            PClass type = Types.typeOf(obj);
            Object descr = type.lookup(name);
            if (descr instanceof PProperty p) {
                if (p.fset == PNone.NONE) {
                    throw Errors.attributeError("property '%s' of '%s' object has no setter", name, type.name());
                }
                Calls.call(p.fset, obj, value);
                return;
            }
            if (descr instanceof PGetSet gs) {
                if (gs.setter == null) {
                    throw Errors.attributeError("attribute '%s' of '%s' objects is not writable", name, type.name());
                }
                gs.setter.accept(obj, value);
                return;
            }
            if (name.equals("__class__") && value instanceof PClass cls && obj instanceof PInstance inst) {
                inst.setPythonClass(cls);
                return;
            }
            java.util.Set<String> slots = type.instanceSlots();
            if (slots != null && !slots.contains(name)) {
                throw Errors.attributeError("'%s' object has no attribute '%s'", type.name(), name);
            }
            attributes.put(name, value);
            return;
        }
        if (obj instanceof PClass c) {
            if (c.isBuiltin()) {
                throw Errors.typeError("cannot set '%s' attribute of immutable type '%s'", name, c.name());
            }
            if (name.equals("__module__") && value instanceof String m) {
                c.setModule(m);
            }
            c.dict().put(name, value);
            return;
        }
        if (obj instanceof PModule m) {
            m.dict().put(name, value);
            return;
        }
        if (obj instanceof PFunction f) {
            switch (name) {
                case "__doc__" -> f.setDoc(value);
                case "__name__", "__qualname__" -> {
                    if (!(value instanceof String s)) {
                        throw Errors.typeError("%s must be set to a string object", name);
                    }
                    if (name.equals("__name__")) {
                        f.setName(s);
                    } else {
                        f.setQualname(s);
                    }
                }
                case "__module__" -> f.setModuleName(value);
                default -> f.attributes().put(name, value);
            }
            return;
        }
        if (HostInterop.isForeign(obj)) {
            HostObjects.setMember(obj, name, value);
            return;
        }
        Object descr = Types.typeOf(obj).lookup(name);
        if (descr instanceof PGetSet gs && gs.setter != null) {
            gs.setter.accept(obj, value);
            return;
        }
        throw Errors.attributeError("'%s' object has no attribute '%s'", Types.typeName(obj), name);
    }

    @TruffleBoundary
    public static void delete(Object obj, String name) {
        Object delattr = Types.override(obj, "__delattr__");
        if (delattr != null) {
            Calls.callDescriptor(delattr, obj, name);
            return;
        }
        deleteIgnoringOverride(obj, name);
    }

    /** {@code object.__delattr__(obj, name)}: deletes the attribute without calling a {@code __delattr__} override. */
    public static void deleteIgnoringOverride(Object obj, String name) {
        PDict attributes = obj instanceof PInstance || obj instanceof PSubclassable ? instanceDict(obj) : null;
        if (attributes != null) {
            Object descr = Types.typeOf(obj).lookup(name);
            if (descr instanceof PProperty p && p.fdel != PNone.NONE) {
                Calls.call(p.fdel, obj);
                return;
            }
            if (attributes.remove(name) == null) {
                throw Errors.attributeError("'%s' object has no attribute '%s'", Types.typeName(obj), name);
            }
            return;
        }
        if (obj instanceof PClass c && !c.isBuiltin()) {
            if (c.dict().remove(name) == null) {
                throw Errors.attributeError("type object '%s' has no attribute '%s'", c.name(), name);
            }
            return;
        }
        if (obj instanceof PModule m) {
            if (m.dict().remove(name) == null) {
                throw Errors.attributeError("module '%s' has no attribute '%s'", m.name(), name);
            }
            return;
        }
        if (HostInterop.isForeign(obj)) {
            HostObjects.deleteMember(obj, name);
            return;
        }
        throw Errors.attributeError("'%s' object has no attribute '%s'", Types.typeName(obj), name);
    }
}
