package dev.mp.runtime.objects;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Interop;
import dev.mp.runtime.ops.Types;

/**
 * A Python class: a builtin type or a class made by a {@code class} statement.
 *
 * <p>Attribute lookup walks {@link #mro()}, computed by C3 linearization when the class is made. The
 * namespace {@link #dict()} keeps definition order, as {@code type.__dict__} does.
 *
 * <p>To interop a class is a meta object (of its instances and of the values of its Java-represented
 * types) and instantiable, as calling it is.
 */
@ExportLibrary(InteropLibrary.class)
public final class PClass extends PObject {

    /** How instances of a class are laid out in Java; inherited from the nearest builtin base. */
    public enum Layout {
        /** Plain {@link PInstance}. */
        OBJECT,
        /** {@link PBaseException}. */
        EXCEPTION,
        /**
         * A builtin type, or a subclass of one: instances are the builtin's own Java objects, made by its
         * constructor. Only types marked {@link #allowSubclasses()} may be subclassed.
         */
        BUILTIN
    }

    private String name;
    private String qualname;
    /** The class's class ({@code type(cls)}): null for {@code type} itself, the builtin types and plain classes. */
    private PClass metaclass;
    /** The classes made with this one among their bases, for {@code __subclasses__()}; kept weakly, as CPython does. */
    private List<java.lang.ref.WeakReference<PClass>> subclasses;
    private String module;
    private final PClass[] bases;
    private PClass[] mro;
    private final Map<String, Object> dict = new Namespace();
    private final boolean builtin;
    /** A type of the builtins module, whose behaviour the operations implement directly (see {@link #isCore()}). */
    private final boolean core;
    private final Layout layout;
    private boolean subclassable;
    /** Sequence patterns match instances of this builtin type and of its subclasses (CPython's Py_TPFLAGS_SEQUENCE). */
    private boolean sequencePatterns;

    /**
     * Valid while this class's namespace is unchanged; a change invalidates it and makes a new one. A call site
     * that keeps what a look-up along an MRO found holds the assumptions of the classes of that MRO, so the kept
     * result costs nothing to check in compiled code.
     */
    @CompilationFinal private Assumption namespaceUnchanged = Truffle.getRuntime().createAssumption("namespace unchanged");

    /** The assumption that this class's namespace is as it is now (see above). */
    public Assumption namespaceUnchanged() {
        return namespaceUnchanged;
    }

    /** The assumptions that the namespaces of every class of the MRO are as they are now: {@link #lookup} gives the same. */
    public Assumption[] mroUnchanged() {
        Assumption[] all = new Assumption[mro.length];
        for (int i = 0; i < mro.length; i++) {
            all[i] = mro[i].namespaceUnchanged;
        }
        return all;
    }

    private void namespaceChanged() {
        namespaceUnchanged.invalidate();
        namespaceUnchanged = Truffle.getRuntime().createAssumption("namespace unchanged");
    }

    /** A class's namespace: a map that invalidates {@link #namespaceUnchanged} after each change. */
    private final class Namespace extends LinkedHashMap<String, Object> {
        @Override
        public Object put(String key, Object value) {
            Object previous = super.put(key, value);
            namespaceChanged();
            return previous;
        }

        @Override
        public Object putIfAbsent(String key, Object value) {
            Object previous = super.putIfAbsent(key, value);
            namespaceChanged();
            return previous;
        }

        @Override
        public void putAll(Map<? extends String, ?> m) {
            super.putAll(m);
            namespaceChanged();
        }

        @Override
        public Object remove(Object key) {
            Object previous = super.remove(key);
            namespaceChanged();
            return previous;
        }

        @Override
        public void clear() {
            super.clear();
            namespaceChanged();
        }
    }

    /** The word {@code repr(cls)} shows before the name: "class", or "enum" for enum classes (as their metaclass shows them). */
    private String kind = "class";

    public PClass(String name, String module, PClass[] bases, boolean builtin, Layout layout) {
        this.name = name;
        this.qualname = name;
        this.module = module;
        this.bases = bases;
        this.builtin = builtin;
        this.layout = layout;
        this.core = builtin && "builtins".equals(module);
        this.mro = computeMro(this, bases);
    }

    /** Makes a class from a {@code class} statement; raises TypeError on an inconsistent hierarchy. */
    public static PClass create(String name, String qualname, String module, PClass[] bases) {
        Layout layout = Layout.OBJECT;
        PClass solid = null;
        for (PClass base : bases) {
            if (base.layout == Layout.BUILTIN && base != BuiltinClasses.OBJECT && !base.subclassable) {
                throw Errors.typeError("type '%s' is not an acceptable base type", base.name);
            }
            PClass baseSolid = base.solidBase();
            if (solid == null || baseSolid.isSubclassOf(solid)) {
                solid = baseSolid;
            } else if (!solid.isSubclassOf(baseSolid)) {
                throw Errors.typeError("multiple bases have instance lay-out conflict");
            }
            if (base.layout != Layout.OBJECT && base != BuiltinClasses.OBJECT) {
                layout = base.layout;
            }
        }
        PClass cls = new PClass(name, module, bases.length == 0 ? new PClass[] {BuiltinClasses.OBJECT} : bases, false, layout);
        cls.qualname = qualname;
        cls.subclassable = true;
        for (PClass base : cls.bases) {
            // Builtin types are shared by all contexts: they keep no list of the classes a program derives from them.
            if (!base.builtin) {
                synchronized (base) {
                    if (base.subclasses == null) {
                        base.subclasses = new ArrayList<>();
                    }
                    base.subclasses.removeIf(r -> r.get() == null);
                    base.subclasses.add(new java.lang.ref.WeakReference<>(cls));
                }
            }
        }
        return cls;
    }

    /** Makes a class whose class is {@code metaclass} (a subclass of {@code type}), as {@code type.__new__(metaclass, ...)} does. */
    public static PClass create(String name, String qualname, String module, PClass[] bases, PClass metaclass) {
        PClass cls = create(name, qualname, module, bases);
        cls.metaclass = metaclass == BuiltinClasses.TYPE ? null : metaclass;
        return cls;
    }

    /** The live classes that name this one among their bases, in the order they were made ({@code cls.__subclasses__()}). */
    public synchronized List<PClass> subclasses() {
        List<PClass> result = new ArrayList<>();
        if (subclasses != null) {
            for (java.lang.ref.WeakReference<PClass> r : subclasses) {
                PClass c = r.get();
                if (c != null) {
                    result.add(c);
                }
            }
        }
        return result;
    }

    /** {@code cls.__name__ = name}: a class made by a class statement or by type() may be renamed. */
    public void setName(String name) {
        this.name = name;
    }

    public void setQualname(String qualname) {
        this.qualname = qualname;
    }

    /**
     * Sets, replaces or (with a null value) removes the attribute {@code attr} of the class's namespace: the one
     * way the namespace of a class changes after it is made, so that a cache of look-ups has one place to be
     * invalidated.
     */
    public void setAttribute(String attr, Object value) {
        if (value == null) {
            dict.remove(attr);
        } else {
            dict.put(attr, value);
        }
    }

    /**
     * Lets classes made by {@code class} statements derive from this builtin type; its constructor must then
     * make instances of the subclass it is given. Called once, when the type is defined.
     */
    public PClass allowSubclasses() {
        subclassable = true;
        return this;
    }

    /** Lets sequence patterns ({@code case [a, b]}) match instances of this builtin type. Called once, when the type is defined. */
    public PClass matchedBySequencePatterns() {
        sequencePatterns = true;
        return this;
    }

    /** Whether sequence patterns match instances of this class: it or a class on its MRO is so marked. */
    public boolean isMatchedBySequencePatterns() {
        for (PClass c : mro) {
            if (c.sequencePatterns) {
                return true;
            }
        }
        return false;
    }

    /**
     * Makes {@code repr(cls)} say {@code kind} and the bare name, as enum classes show ({@code <enum 'AddressFamily'>}),
     * instead of {@code <class 'module.name'>}. Called once, when the type is defined.
     */
    public PClass showAs(String kind) {
        this.kind = kind;
        return this;
    }

    /**
     * The type whose Java objects hold this class's instances, for the lay-out check of multiple bases:
     * BaseException for exceptions, the nearest builtin class on the MRO for subclasses of builtin types, and
     * {@code object} for plain classes.
     */
    public PClass solidBase() {
        if (layout == Layout.EXCEPTION) {
            return BuiltinClasses.BASE_EXCEPTION;
        }
        if (layout == Layout.BUILTIN) {
            for (PClass c : mro) {
                if (c.builtin && c != BuiltinClasses.OBJECT) {
                    return c;
                }
            }
        }
        return BuiltinClasses.OBJECT;
    }

    private static PClass[] computeMro(PClass cls, PClass[] bases) {
        List<PClass> result = new ArrayList<>();
        result.add(cls);
        List<List<PClass>> seqs = new ArrayList<>();
        for (PClass base : bases) {
            seqs.add(new ArrayList<>(List.of(base.mro)));
        }
        seqs.add(new ArrayList<>(List.of(bases)));
        while (true) {
            seqs.removeIf(List::isEmpty);
            if (seqs.isEmpty()) {
                return result.toArray(new PClass[0]);
            }
            PClass candidate = null;
            for (List<PClass> seq : seqs) {
                PClass head = seq.get(0);
                boolean inTail = false;
                for (List<PClass> other : seqs) {
                    if (other.indexOf(head) > 0) {
                        inTail = true;
                        break;
                    }
                }
                if (!inTail) {
                    candidate = head;
                    break;
                }
            }
            if (candidate == null) {
                StringBuilder names = new StringBuilder();
                for (PClass base : bases) {
                    names.append(names.isEmpty() ? "" : ", ").append(base.name);
                }
                throw Errors.typeError("Cannot create a consistent method resolution\norder (MRO) for bases %s", names);
            }
            result.add(candidate);
            for (List<PClass> seq : seqs) {
                if (seq.get(0) == candidate) {
                    seq.remove(0);
                }
            }
        }
    }

    /** The MRO's namespace assumptions when {@link #getattributeHook} and {@link #getattrHook} were found; null before. */
    private volatile Assumption[] hooksFoundWith;
    private Object getattributeHook;
    private Object getattrHook;

    /**
     * The {@code __getattribute__} this class or a base that is not a core type defines (for example in a class
     * statement), which attribute reads must call instead of the generic look-up; null when there is none.
     */
    public Object getattributeHook() {
        refreshHooks();
        return getattributeHook;
    }

    /** The {@code __getattr__} this class or a base that is not a core type defines, called when the look-up fails; or null. */
    public Object getattrHook() {
        refreshHooks();
        return getattrHook;
    }

    /** Whether attribute reads of instances must go through {@link #getattributeHook} or {@link #getattrHook}: one check on the common path. */
    public boolean hasAttributeHooks() {
        refreshHooks();
        return getattributeHook != null || getattrHook != null;
    }

    private void refreshHooks() {
        Assumption[] foundWith = hooksFoundWith;
        if (foundWith != null) {
            boolean valid = true;
            for (Assumption a : foundWith) {
                valid &= a.isValid();
            }
            if (valid) {
                return;
            }
        }
        findHooks();
    }

    @TruffleBoundary
    private void findHooks() {
        Assumption[] foundWith = mroUnchanged();
        getattributeHook = overriding("__getattribute__");
        getattrHook = overriding("__getattr__");
        hooksFoundWith = foundWith;
    }

    /** The first definition of {@code attr} along the MRO unless it belongs to a core type; else null. */
    private Object overriding(String attr) {
        for (PClass c : mro) {
            Object v = c.dict.get(attr);
            if (v != null) {
                return c.core ? null : v;
            }
        }
        return null;
    }

    /** Finds {@code name} along the MRO, or returns null. */
    @TruffleBoundary
    public Object lookup(String attr) {
        for (PClass c : mro) {
            Object v = c.dict.get(attr);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    public boolean isSubclassOf(PClass other) {
        for (PClass c : mro) {
            if (c == other) {
                return true;
            }
        }
        return false;
    }

    public String name() {
        return name;
    }

    public String qualname() {
        return qualname;
    }

    public String module() {
        return module;
    }

    public void setModule(String module) {
        this.module = module;
    }

    public PClass[] bases() {
        return bases;
    }

    public PClass[] mro() {
        return mro;
    }

    public Map<String, Object> dict() {
        return dict;
    }

    /**
     * The attribute names instances may hold when every class of the MRO below {@code object} declares
     * {@code __slots__} without {@code __dict__}; null when instances have a {@code __dict__}. (mp keeps slot values
     * in the instance dictionary: what {@code __slots__} changes for a program is which attributes exist. One
     * difference remains: where instances also have a {@code __dict__}, it shows the slot values too.)
     */
    public java.util.Set<String> instanceSlots() {
        if (slots == null) {
            slots = computeSlots();
        }
        return slots.isEmpty() && !slotted ? null : slots;
    }

    private java.util.Set<String> slots;
    private boolean slotted;

    private java.util.Set<String> computeSlots() {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (PClass c : mro) {
            if (c == BuiltinClasses.OBJECT) {
                continue;
            }
            Object declared = c.isBuiltin() ? null : c.dict.get("__slots__");
            if (declared == null) {
                return java.util.Set.of();
            }
            for (Object slot : declared instanceof String one ? java.util.List.of(one) : dev.mp.runtime.ops.Iteration.toList(declared)) {
                if ("__dict__".equals(slot)) {
                    return java.util.Set.of();
                }
                if (slot instanceof String name) {
                    names.add(name);
                }
            }
        }
        slotted = true;
        return names;
    }

    public boolean isBuiltin() {
        return builtin;
    }

    /**
     * Whether this is a type of the builtins module (int, list, dict, object, the exceptions, ...). The
     * operations implement the core types' behaviour directly; for other types (classes made by
     * {@code class} statements, and library types implemented in Java) they look special methods up on the
     * type (see {@code Types.override}).
     */
    public boolean isCore() {
        return core;
    }

    public Layout layout() {
        return layout;
    }

    @Override
    public PClass getPythonClass() {
        return metaclass == null ? BuiltinClasses.TYPE : metaclass;
    }

    @Override
    public String toString() {
        if (!kind.equals("class")) {
            return "<" + kind + " '" + name + "'>";
        }
        return module == null || module.equals("builtins") ? "<class '" + qualname + "'>" : "<class '" + module + "." + qualname + "'>";
    }

    @ExportMessage
    boolean isMetaObject() {
        return true;
    }

    /** {@code module.qualname}, or just the qualname for builtins, as {@code repr(cls)} shows it. */
    @ExportMessage
    @TruffleBoundary
    Object getMetaQualifiedName() {
        return module == null || module.equals("builtins") ? qualname : module + "." + qualname;
    }

    @ExportMessage
    Object getMetaSimpleName() {
        return name;
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMetaInstance(Object instance) {
        return Types.isInstance(HostValues.toMp(instance), this);
    }

    @ExportMessage
    boolean hasMetaParents() {
        return bases.length > 0;
    }

    @ExportMessage
    Object getMetaParents() {
        return new PTuple(bases.clone());
    }

    @ExportMessage
    boolean isInstantiable() {
        return true;
    }

    @ExportMessage
    Object instantiate(Object... arguments) {
        return Interop.call(this, arguments);
    }
}
