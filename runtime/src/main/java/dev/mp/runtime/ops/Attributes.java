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
            // What the module type and object give every module: __class__, __repr__, __dir__, ...
            Object fromType = generic(obj, name, Types.typeOf(obj));
            if (fromType != null) {
                return fromType;
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
        if (!type.isCore() && type.hasAttributeHooks()) {
            return findThroughHooks(obj, name, type);
        }
        Object v = generic(obj, name, type);
        if (v == null && obj instanceof dev.mp.runtime.objects.PMethod m) {
            // A bound method shows its function's attributes, as CPython's method_getattro does.
            return find(m.function, name);
        }
        return v;
    }

    /** The type's {@code __getattribute__} (or the generic look-up), then its {@code __getattr__} on AttributeError. */
    private static Object findThroughHooks(Object obj, String name, PClass type) {
        Object getattribute = type.getattributeHook();
        Object getattr = type.getattrHook();
        try {
            Object v = getattribute != null ? Calls.callDescriptor(getattribute, obj, name) : generic(obj, name, type);
            if (v != null) {
                return v;
            }
        } catch (MpException e) {
            if (getattr == null || !Exceptions.matches(e, "AttributeError")) {
                throw e;
            }
        }
        return getattr == null ? null : Calls.callDescriptor(getattr, obj, name);
    }

    /**
     * {@code object.__getattribute__(obj, name)}: the look-up without the type's {@code __getattribute__} and
     * {@code __getattr__}; raises AttributeError when absent.
     */
    public static Object getGeneric(Object obj, String name) {
        Object v = obj instanceof PClass c ? classAttribute(c, name) : obj instanceof PModule || HostInterop.isForeign(obj) ? find(obj, name)
                : generic(obj, name, Types.typeOf(obj));
        if (v == null) {
            throw missing(obj, name);
        }
        return v;
    }

    /**
     * CPython's generic attribute look-up: a data descriptor on the type, then the instance's {@code __dict__},
     * then a non-data descriptor or plain value on the type; null when absent.
     */
    private static Object generic(Object obj, String name, PClass type) {
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
        if (descr != null && isDataDescriptor(descr)) {
            Object get = Types.override(descr, "__get__");
            if (get != null) {
                return Calls.callDescriptor(get, descr, obj, type);
            }
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
        return null;
    }

    /** Whether {@code descr}, found on a type, is a data descriptor: its type defines {@code __set__} or {@code __delete__}. */
    private static boolean isDataDescriptor(Object descr) {
        if (descr instanceof PProperty || descr instanceof PGetSet) {
            return true;
        }
        return Types.hasOverrides(descr) && (Types.override(descr, "__set__") != null || Types.override(descr, "__delete__") != null);
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
        if (Types.hasOverrides(descr)) {
            Object get = Types.override(descr, "__get__");
            if (get != null && get != PNone.NONE) {
                return Calls.callDescriptor(get, descr, obj, type);
            }
        }
        return descr;
    }

    /**
     * {@code type.__getattribute__}: a data descriptor of the metaclass, then the class's MRO (descriptors
     * bound to the class), then the metaclass's attributes bound to the class, then the metaclass's {@code __getattr__}.
     */
    private static Object classAttribute(PClass c, String name) {
        PClass meta = c.getPythonClass();
        Object metaAttr = meta.lookup(name);
        if (meta != BuiltinClasses.TYPE && metaAttr != null && !(metaAttr instanceof PGetSet) && isDataDescriptor(metaAttr)) {
            if (metaAttr instanceof PProperty p) {
                return Calls.call(propertyGetter(p, name, meta), c);
            }
            Object get = Types.override(metaAttr, "__get__");
            if (get != null && get != PNone.NONE) {
                return Calls.callDescriptor(get, metaAttr, c, meta);
            }
        }
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
                return meta;
            default:
                break;
        }
        Object v = c.lookup(name);
        if (v == null) {
            if (metaAttr instanceof PBuiltinFunction b && b.isMethod() || metaAttr instanceof PFunction) {
                return new PMethod(c, metaAttr);
            }
            if (metaAttr instanceof PProperty p) {
                return Calls.call(propertyGetter(p, name, meta), c);
            }
            if (metaAttr != null && !(metaAttr instanceof PGetSet)) {
                return bind(metaAttr, c, meta);
            }
            if (name.equals("__doc__")) {
                String doc = c.isCore() ? dev.mp.runtime.builtins.Docs.type(c.name()) : null;
                return doc == null ? PNone.NONE : doc;
            }
            Object getattr = meta == BuiltinClasses.TYPE ? null : meta.getattrHook();
            return getattr == null ? null : Calls.callDescriptor(getattr, c, name);
        }
        if (v instanceof PClassMethod cm) {
            return new PMethod(c, cm.function);
        }
        if (v instanceof PStaticMethod s) {
            return s.function;
        }
        if (Types.hasOverrides(v) && !(v instanceof PClass)) {
            Object get = Types.override(v, "__get__");
            if (get != null && get != PNone.NONE) {
                return Calls.callDescriptor(get, v, PNone.NONE, c);
            }
        }
        return v;
    }

    private static Object propertyGetter(PProperty p, String name, PClass owner) {
        if (p.fget == PNone.NONE) {
            throw Errors.attributeError("property '%s' of '%s' object has no getter", name, owner.name());
        }
        return p.fget;
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
            if (name.equals("__dict__") && obj instanceof PInstance inst && type.instanceSlots() == null) {
                if (!(value instanceof PDict d)) {
                    throw Errors.typeError("__dict__ must be set to a dictionary, not a '%s'", Types.typeName(value));
                }
                inst.setDict(d);
                return;
            }
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
            if (descr != null && setThroughDescriptor(descr, obj, value)) {
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
            PClass meta = c.getPythonClass();
            Object metaDescr = meta == BuiltinClasses.TYPE ? null : meta.lookup(name);
            if (metaDescr instanceof PProperty p) {
                if (p.fset == PNone.NONE) {
                    throw Errors.attributeError("property '%s' of '%s' object has no setter", name, meta.name());
                }
                Calls.call(p.fset, c, value);
                return;
            }
            if (metaDescr != null && setThroughDescriptor(metaDescr, c, value)) {
                return;
            }
            switch (name) {
                case "__name__", "__qualname__" -> {
                    if (!(value instanceof String s)) {
                        throw Errors.typeError("can only assign string to %s.%s, not '%s'", c.name(), name, Types.typeName(value));
                    }
                    if (name.equals("__name__")) {
                        c.setName(s);
                    } else {
                        c.setQualname(s);
                    }
                    return;
                }
                case "__module__" -> {
                    if (value instanceof String m) {
                        c.setModule(m);
                    }
                }
                default -> {
                }
            }
            c.setAttribute(name, value);
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
                case "__globals__", "__closure__", "__builtins__" -> throw Errors.attributeError("readonly attribute");
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

    /** Calls {@code descr.__set__(obj, value)} when the type of {@code descr} (a user object) defines it; returns whether it did. */
    private static boolean setThroughDescriptor(Object descr, Object obj, Object value) {
        if (!Types.hasOverrides(descr)) {
            return false;
        }
        Object set = Types.override(descr, "__set__");
        if (set == null || set == PNone.NONE) {
            return false;
        }
        Calls.callDescriptor(set, descr, obj, value);
        return true;
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
            if (descr instanceof PProperty p) {
                if (p.fdel == PNone.NONE) {
                    throw Errors.attributeError("property '%s' of '%s' object has no deleter", name, Types.typeName(obj));
                }
                Calls.call(p.fdel, obj);
                return;
            }
            if (descr != null && Types.hasOverrides(descr)) {
                Object del = Types.override(descr, "__delete__");
                if (del != null && del != PNone.NONE) {
                    Calls.callDescriptor(del, descr, obj);
                    return;
                }
            }
            if (attributes.remove(name) == null) {
                throw Errors.attributeError("'%s' object has no attribute '%s'", Types.typeName(obj), name);
            }
            return;
        }
        if (obj instanceof PClass c && !c.isBuiltin()) {
            if (!c.dict().containsKey(name)) {
                throw Errors.attributeError("type object '%s' has no attribute '%s'", c.name(), name);
            }
            c.setAttribute(name, null);
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
