package dev.mp.runtime.ops;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.nodes.function.FunctionRootNode;

import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBuiltinFunction;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PClassMethod;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PFunction;
import dev.mp.runtime.objects.PMethod;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PProperty;
import dev.mp.runtime.objects.PStaticMethod;
import dev.mp.runtime.objects.PTuple;

/**
 * Making classes (the {@code class} statement, {@code type(name, bases, dict)} and metaclasses) and making
 * instances by calling a class.
 */
public final class Classes {
    private Classes() {
    }

    /**
     * Calls a class: the {@code __call__} of its metaclass when the metaclass defines one, else
     * {@code type.__call__} ({@link #construct}).
     */
    @TruffleBoundary
    public static Object instantiate(PClass cls, Object[] args, String[] kwnames) {
        if (cls.isCore()) {
            return instantiateUnchecked(cls, args, kwnames);
        }
        dev.mp.runtime.MpContext ctx = Calls.enterCheckedCall();
        try {
            return instantiateUnchecked(cls, args, kwnames);
        } finally {
            if (ctx != null) {
                ctx.depth--;
            }
        }
    }

    private static Object instantiateUnchecked(PClass cls, Object[] args, String[] kwnames) {
        PClass meta = cls.getPythonClass();
        if (meta != BuiltinClasses.TYPE) {
            Object call = meta.lookup("__call__");
            if (call != null && call != BuiltinClasses.TYPE.dict().get("__call__")) {
                return call instanceof PFunction ? Calls.call(call, Calls.prepend(cls, args), kwnames)
                        : Calls.call(Attributes.bind(call, cls, meta), args, kwnames);
            }
        }
        return construct(cls, args, kwnames);
    }

    /** {@code type.__call__(cls, *args, **kwargs)}: {@code __new__}, then {@code __init__} when the result is an instance of {@code cls}. */
    public static Object construct(PClass cls, Object[] args, String[] kwnames) {
        if (cls == BuiltinClasses.TYPE && args.length == 1 && (kwnames == null || kwnames.length == 0)) {
            return Types.typeOf(args[0]);
        }
        if (cls == BuiltinClasses.STR && args.length == 1 && (kwnames == null || kwnames.length == 0)) {
            return Conversions.str(args[0]); // str(x), the commonest call of a class, without binding str.__new__'s four parameters
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
        } else if (init != null && init != PNone.NONE) {
            Calls.call(Attributes.bind(init, obj, cls), args, kwnames);
        }
        return obj;
    }

    /** Positional and keyword arguments as the call operations take them: values, then the keyword names. */
    public record Arguments(Object[] values, String[] names) {
        /** {@code *args, **kwargs} of a builtin method. */
        @TruffleBoundary
        public static Arguments of(Object[] positional, PDict keywords) {
            Object[] values = new Object[positional.length + keywords.size()];
            String[] names = new String[keywords.size()];
            System.arraycopy(positional, 0, values, 0, positional.length);
            int i = 0;
            for (PDict.Entry e : keywords.entries()) {
                names[i] = (String) e.key;
                values[positional.length + i++] = e.value;
            }
            return new Arguments(values, names);
        }
    }

    /**
     * Runs a {@code class} statement: resolves {@code __mro_entries__} of the bases, picks the metaclass (the
     * {@code metaclass} keyword or the most derived class of the bases' classes), makes the namespace
     * ({@code __prepare__}), runs the body into it and calls the metaclass with the class keywords.
     *
     * @param body the class body, a function called with the namespace
     */
    @TruffleBoundary
    public static Object buildClass(PFunction body, String name, String qualname, String module, Object[] originalBases, String[] kwnames,
                                    Object[] kwvalues) {
        Object[] bases = resolveMroEntries(originalBases);
        Object meta = null;
        List<String> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < kwnames.length; i++) {
            if (kwnames[i].equals("metaclass")) {
                meta = kwvalues[i];
            } else {
                names.add(kwnames[i]);
                values.add(kwvalues[i]);
            }
        }
        if (meta == null) {
            meta = bases.length == 0 ? BuiltinClasses.TYPE : Types.typeOf(bases[0]);
        }
        if (meta instanceof PClass m) {
            meta = winner(m, bases);
        }
        String[] keywordNames = names.toArray(new String[0]);
        Object[] keywordValues = values.toArray();
        PTuple baseTuple = new PTuple(bases);
        // Any mapping: a dict subclass's or another mapping's __setitem__/__getitem__ serve the body (Namespaces).
        Object namespace;
        Object prepare = Attributes.lookup(meta, "__prepare__");
        if (prepare != null) {
            Object[] args = new Object[2 + keywordValues.length];
            args[0] = name;
            args[1] = baseTuple;
            System.arraycopy(keywordValues, 0, args, 2, keywordValues.length);
            namespace = Calls.call(prepare, args, keywordNames);
            if (!(namespace instanceof PDict) && Attributes.lookup(Types.typeOf(namespace), "__getitem__") == null) {
                throw Errors.typeError("%s.__prepare__() must return a mapping, not %s",
                        meta instanceof PClass m ? m.name() : "<metaclass>", Types.typeName(namespace));
            }
        } else {
            namespace = new PDict();
        }
        if (module != null) {
            Namespaces.put(namespace, "__module__", module);
        }
        if (qualname != null) {
            Namespaces.put(namespace, "__qualname__", qualname);
        }
        if (isClassBody(body)) {
            body.callTarget().call(body, namespace);
        } else {
            // builtins.__build_class__ given an ordinary function: its code runs, its locals are its own (as in CPython).
            Calls.call(body, new Object[0]);
        }
        if (bases != originalBases) {
            Namespaces.put(namespace, "__orig_bases__", new PTuple(originalBases));
        }
        Object[] args = new Object[3 + keywordValues.length];
        args[0] = name;
        args[1] = baseTuple;
        args[2] = namespace;
        System.arraycopy(keywordValues, 0, args, 3, keywordValues.length);
        return Calls.call(meta, args, keywordNames);
    }

    /**
     * A {@code class} statement: calls {@code builtins.__build_class__} as the program has it (it may have replaced it,
     * say to watch classes being made) with the body function, the name, the bases and the keywords; the builtin one
     * goes straight to {@link #buildClass}.
     */
    @TruffleBoundary
    public static Object classStatement(MpContext context, PFunction body, String name, String qualname, String module, Object[] bases,
                                        String[] kwnames, Object[] kwvalues) {
        Object hook = context.builtins().dict().get("__build_class__");
        if (hook instanceof PBuiltinFunction b && b.name().equals("__build_class__")) {
            return buildClass(body, name, qualname, module, bases, kwnames, kwvalues);
        }
        if (hook == null) {
            throw Errors.raise(BuiltinClasses.exception("NameError"), "__build_class__ not found");
        }
        Object[] args = new Object[2 + bases.length + kwvalues.length];
        args[0] = body;
        args[1] = name;
        System.arraycopy(bases, 0, args, 2, bases.length);
        System.arraycopy(kwvalues, 0, args, 2 + bases.length, kwvalues.length);
        return Calls.call(hook, args, kwnames);
    }

    /**
     * {@code builtins.__build_class__(func, name, *bases, metaclass=..., **kwds)}: makes a class as a class statement
     * does. {@code func} is a class body (as a replaced {@code __build_class__} receives it) or any function, whose
     * code then runs with its own locals, leaving the namespace empty, as in CPython.
     */
    @TruffleBoundary
    public static Object buildClassBuiltin(PTuple arguments, PDict keywords) {
        Object[] a = arguments.items();
        if (a.length < 2) {
            throw Errors.typeError("__build_class__: not enough arguments");
        }
        if (!(a[0] instanceof PFunction func)) {
            throw Errors.typeError("__build_class__: func must be a function");
        }
        if (!(a[1] instanceof String name)) {
            throw Errors.typeError("__build_class__: name is not a string");
        }
        Arguments k = Arguments.of(new Object[0], keywords);
        boolean body = isClassBody(func);
        Object moduleName = func.module().dict().get("__name__");
        return buildClass(func, name, body ? func.qualname() : null, body && moduleName instanceof String s ? s : null,
                java.util.Arrays.copyOfRange(a, 2, a.length), k.names(), k.values());
    }

    /** Whether {@code f} is the body of a class statement (called with the namespace instead of arguments). */
    private static boolean isClassBody(PFunction f) {
        return f.callTarget().getRootNode() instanceof FunctionRootNode r && r.isClassBody();
    }

    /** The bases a class statement names, with any object that is not a class replaced by what its {@code __mro_entries__} returns. */
    private static Object[] resolveMroEntries(Object[] bases) {
        List<Object> resolved = null;
        for (int i = 0; i < bases.length; i++) {
            Object base = bases[i];
            Object entries = base instanceof PClass ? null : Attributes.lookup(base, "__mro_entries__");
            if (entries == null) {
                if (resolved != null) {
                    resolved.add(base);
                }
                continue;
            }
            if (resolved == null) {
                resolved = new ArrayList<>(List.of(bases).subList(0, i));
            }
            Object r = Calls.call(entries, new PTuple(bases));
            if (!(r instanceof PTuple t)) {
                throw Errors.typeError("__mro_entries__ must return a tuple");
            }
            resolved.addAll(List.of(t.items()));
        }
        return resolved == null ? bases : resolved.toArray();
    }

    /** The most derived of {@code meta} and the classes of {@code bases}; TypeError when they are not in one line. */
    private static PClass winner(PClass meta, Object[] bases) {
        PClass winner = meta;
        for (Object base : bases) {
            PClass baseMeta = Types.typeOf(base);
            if (winner.isSubclassOf(baseMeta)) {
                continue;
            }
            if (baseMeta.isSubclassOf(winner)) {
                winner = baseMeta;
                continue;
            }
            throw Errors.typeError("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases");
        }
        return winner;
    }

    /**
     * {@code type.__new__(metaclass, name, bases, namespace, **kwargs)}: makes the class, calls {@code __set_name__} of
     * its attributes and the {@code __init_subclass__} of its parent with the keywords.
     */
    @TruffleBoundary
    public static Object typeNew(PClass metaclass, Object name, Object bases, Object namespace, PDict keywords) {
        if (!metaclass.isSubclassOf(BuiltinClasses.TYPE)) {
            throw Errors.typeError("type.__new__(%s): %s is not a subtype of type", metaclass.name(), metaclass.name());
        }
        if (!(name instanceof String className)) {
            throw Errors.typeError("type.__new__() argument 1 must be str, not %s", Types.typeName(name));
        }
        if (!(bases instanceof PTuple baseTuple)) {
            throw Errors.typeError("type.__new__() argument 2 must be tuple, not %s", Types.typeName(bases));
        }
        if (!(namespace instanceof PDict ns)) {
            throw Errors.typeError("type.__new__() argument 3 must be dict, not %s", Types.typeName(namespace));
        }
        PClass winner = winner(metaclass, baseTuple.items());
        if (winner != metaclass) {
            Object winnerNew = winner.lookup("__new__");
            if (winnerNew != BuiltinClasses.TYPE.dict().get("__new__")) {
                Arguments a = Arguments.of(new Object[] {winner, name, bases, namespace}, keywords);
                return Calls.call(winnerNew instanceof PStaticMethod s ? s.function : winnerNew, a.values(), a.names());
            }
        }
        Object module = ns.get("__module__");
        Object qualname = ns.get("__qualname__");
        if (qualname != null && !(qualname instanceof String)) {
            throw Errors.typeError("type __qualname__ must be a str, not %s", Types.typeName(qualname));
        }
        PClass cls = create(className, qualname instanceof String q ? q : className, module instanceof String s ? s : "__main__",
                baseTuple.items(), ns, winner);
        setNames(cls);
        initSubclass(cls, keywords);
        return cls;
    }

    /** Makes the class of a {@code class} statement from its executed body (with {@code type} as its metaclass). */
    @TruffleBoundary
    public static PClass create(String name, String qualname, String module, Object[] bases, PDict namespace) {
        PClass cls = create(name, qualname, module, bases, namespace, BuiltinClasses.TYPE);
        setNames(cls);
        initSubclass(cls, new PDict());
        return cls;
    }

    private static PClass create(String name, String qualname, String module, Object[] bases, PDict namespace, PClass metaclass) {
        PClass[] baseClasses = new PClass[bases.length];
        for (int i = 0; i < bases.length; i++) {
            if (!(bases[i] instanceof PClass c)) {
                throw Errors.typeError("bases must be types");
            }
            baseClasses[i] = c;
        }
        PClass cls = PClass.create(name, qualname, module, baseClasses, metaclass);
        boolean hasEq = false;
        boolean hasHash = false;
        for (PDict.Entry e : namespace.entries()) {
            if (e.key instanceof String key) {
                Object value = e.value;
                if (key.equals("__qualname__")) {
                    continue; // kept as the class's qualname, not in its namespace
                }
                if (key.equals("__new__") && value instanceof PFunction) {
                    value = new PStaticMethod(value);
                }
                if ((key.equals("__init_subclass__") || key.equals("__class_getitem__")) && value instanceof PFunction) {
                    value = new PClassMethod(value);
                }
                hasEq |= key.equals("__eq__");
                hasHash |= key.equals("__hash__");
                cls.setAttribute(key, value);
                setDefiningClass(value, cls);
            }
        }
        cls.setAttribute("__module__", module);
        if (hasEq && !hasHash) {
            cls.setAttribute("__hash__", PNone.NONE);
        }
        if (!cls.dict().containsKey("__doc__")) {
            cls.setAttribute("__doc__", PNone.NONE);
        }
        return cls;
    }

    /** Lets zero-argument {@code super()} in the functions of a class body find the class. */
    private static void setDefiningClass(Object v, PClass cls) {
        PFunction f = v instanceof PFunction fn ? fn
                : v instanceof PStaticMethod s && s.function instanceof PFunction fn ? fn
                : v instanceof PClassMethod c && c.function instanceof PFunction fn ? fn : null;
        if (f != null) {
            f.setDefiningClass(cls);
        } else if (v instanceof PProperty p) {
            for (Object acc : new Object[] {p.fget, p.fset, p.fdel}) {
                if (acc instanceof PFunction fn) {
                    fn.setDefiningClass(cls);
                }
            }
        }
    }

    /** Calls {@code value.__set_name__(cls, name)} for each attribute of the new class whose type defines it. */
    private static void setNames(PClass cls) {
        // A snapshot of names and values (the map's entries are live): a hook replacing or deleting another
        // attribute does not keep that one's __set_name__ from being called, as in CPython.
        List<java.util.Map.Entry<String, Object>> attributes = new ArrayList<>();
        for (java.util.Map.Entry<String, Object> e : cls.dict().entrySet()) {
            attributes.add(java.util.Map.entry(e.getKey(), e.getValue()));
        }
        for (java.util.Map.Entry<String, Object> e : attributes) {
            Object hook = Types.override(e.getValue(), "__set_name__");
            if (hook != null && hook != PNone.NONE) {
                Calls.callDescriptor(hook, e.getValue(), cls, e.getKey());
            }
        }
    }

    /** {@code super(cls, cls).__init_subclass__(**keywords)}. */
    private static void initSubclass(PClass cls, PDict keywords) {
        PClass[] mro = cls.mro();
        for (int i = 1; i < mro.length; i++) {
            Object hook = mro[i].dict().get("__init_subclass__");
            if (hook != null) {
                Object bound = hook instanceof PClassMethod cm ? new PMethod(cls, cm.function) : Attributes.bind(hook, cls, cls.getPythonClass());
                Arguments a = Arguments.of(new Object[0], keywords);
                Calls.call(bound, a.values(), a.names());
                return;
            }
        }
    }

    /** {@code isinstance(obj, cls)}: the {@code __instancecheck__} of the class's metaclass decides when it defines one. */
    public static boolean isInstance(Object obj, PClass cls) {
        if (Types.typeOf(obj) == cls) {
            return true;
        }
        Object hook = cls.getPythonClass() == BuiltinClasses.TYPE ? null : cls.getPythonClass().lookup("__instancecheck__");
        if (hook != null) {
            return Conversions.isTrue(Calls.callDescriptor(hook, cls, obj));
        }
        if (Types.isInstance(obj, cls)) {
            return true;
        }
        // As CPython: an object whose class defines __class__ (a proxy, a mock with a spec) is an instance of the class it names.
        if (obj instanceof dev.mp.runtime.objects.PInstance && Types.typeOf(obj).lookup("__class__") != null
                && Attributes.lookup(obj, "__class__") instanceof PClass claimed && claimed != Types.typeOf(obj)) {
            return claimed.isSubclassOf(cls);
        }
        return false;
    }

    /** {@code issubclass(sub, cls)}: the {@code __subclasscheck__} of the class's metaclass decides when it defines one. */
    public static boolean isSubclass(Object sub, PClass cls) {
        Object hook = cls.getPythonClass() == BuiltinClasses.TYPE ? null : cls.getPythonClass().lookup("__subclasscheck__");
        if (hook != null) {
            return Conversions.isTrue(Calls.callDescriptor(hook, cls, sub));
        }
        if (!(sub instanceof PClass c)) {
            throw Errors.typeError("issubclass() arg 1 must be a class");
        }
        return c.isSubclassOf(cls);
    }

    public static PTuple mroTuple(PClass cls) {
        return new PTuple(cls.mro().clone());
    }
}
