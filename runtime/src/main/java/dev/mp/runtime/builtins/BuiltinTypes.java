package dev.mp.runtime.builtins;

import static dev.mp.runtime.builtins.BuiltinBuilder.attribute;
import static dev.mp.runtime.builtins.BuiltinBuilder.constructor;
import static dev.mp.runtime.builtins.BuiltinBuilder.method;

import java.math.BigInteger;

import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PClassMethod;
import dev.mp.runtime.objects.PExceptionGroup;
import dev.mp.runtime.objects.PFunction;
import dev.mp.runtime.objects.PGenerator;
import dev.mp.runtime.objects.PInstance;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PProperty;
import dev.mp.runtime.objects.PSingleton;
import dev.mp.runtime.objects.PStaticMethod;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Comparisons;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.ExceptionGroups;
import dev.mp.runtime.ops.Exceptions;
import dev.mp.runtime.ops.Generators;
import dev.mp.runtime.ops.Identity;
import dev.mp.runtime.ops.Types;

/**
 * Fills in the methods of the builtin types. The container and text types have classes of their own
 * ({@link StrType}, {@link ListType}, ...); object, type, the exceptions and the descriptors are here.
 */
public final class BuiltinTypes {
    private BuiltinTypes() {
    }

    private static boolean installed;

    public static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        objectType();
        exceptionTypes();
        descriptorTypes();
        generatorType();
        CoroutineTypes.install();
        NumberTypes.install();
        MemoryViewType.install();
        StrType.install();
        ContainerTypes.install();
        CoreOperators.install();
        CodeType.install();
        TracebackType.install();
        GenericAlias.install();
        UnionType.install();
    }

    private static void objectType() {
        PClass o = BuiltinClasses.OBJECT;
        constructor(o, "cls, /, *args, **kwargs", a -> {
            PClass cls = (PClass) a[0];
            if (cls.layout() == PClass.Layout.EXCEPTION) {
                return Exceptions.create(cls, (PTuple) a[1]);
            }
            if (cls == o && (((PTuple) a[1]).size() > 0 || ((dev.mp.runtime.objects.PDict) a[2]).size() > 0)) {
                throw Errors.typeError("object() takes no arguments");
            }
            if (cls.solidBase() != o) {
                // CPython names the nearest class along the first bases that does not define __new__ in Python.
                PClass named = cls;
                while (named.dict().get("__new__") instanceof PStaticMethod && named.bases().length > 0) {
                    named = named.bases()[0];
                }
                throw Errors.typeError("object.__new__(%s) is not safe, use %s.__new__()", cls.name(), named.name());
            }
            Object abstracts = cls.lookup("__abstractmethods__");
            if (abstracts != null && !(abstracts instanceof dev.mp.runtime.objects.PGetSet) && Conversions.isTrue(abstracts)) {
                java.util.List<String> names = new java.util.ArrayList<>();
                for (Object n : dev.mp.runtime.ops.Iteration.toList(abstracts)) {
                    names.add(Conversions.str(n));
                }
                java.util.Collections.sort(names);
                throw Errors.typeError("Can't instantiate abstract class %s with abstract method%s %s", cls.name(), names.size() == 1 ? "" : "s",
                        String.join(", ", names));
            }
            return new PInstance(cls);
        });
        method(o, "__init__", "self, /, *args, **kwargs", a -> PNone.NONE);
        method(o, "__repr__", "self", a -> Conversions.builtinRepr(a[0]));
        method(o, "__str__", "self", a -> Conversions.repr(a[0]));
        method(o, "__eq__", "self, other", a -> a[0] == a[1] ? Boolean.TRUE : PSingleton.NOT_IMPLEMENTED);
        method(o, "__ne__", "self, other", a -> a[0] == a[1] ? Boolean.FALSE : PSingleton.NOT_IMPLEMENTED);
        method(o, "__hash__", "self", a -> Identity.id(a[0]) >> 4);
        method(o, "__setattr__", "self, name, value", a -> {
            dev.mp.runtime.ops.Attributes.setIgnoringOverride(a[0], Errors.attributeName(a[1]), a[2]);
            return PNone.NONE;
        });
        method(o, "__delattr__", "self, name", a -> {
            dev.mp.runtime.ops.Attributes.deleteIgnoringOverride(a[0], Errors.attributeName(a[1]));
            return PNone.NONE;
        });
        method(o, "__getattribute__", "self, name", a -> dev.mp.runtime.ops.Attributes.getGeneric(a[0], Errors.attributeName(a[1])));
        method(o, "__format__", "self, spec", a -> {
            if (!Errors.requireStr(a[1], "__format__() argument").isEmpty()) {
                throw Errors.typeError("unsupported format string passed to %s.__format__", Types.typeName(a[0]));
            }
            return Conversions.str(a[0]);
        });
        method(o, "__dir__", "self", a -> Dir.names(a[0]));
        // The default reductions live in the bundled copyreg module, as CPython's object.__reduce_ex__ calls it.
        method(o, "__reduce_ex__", "self, protocol, /", a -> callCopyreg("_object_reduce_ex", a[0], a[1]));
        method(o, "__reduce__", "self, /", a -> callCopyreg("_common_reduce", a[0], 0L));
        method(o, "__getstate__", "self, /", a -> callCopyreg("_object_getstate", a[0]));
        BuiltinBuilder.classMethod(o, "__subclasshook__", "cls, subclass, /", a -> PSingleton.NOT_IMPLEMENTED);
        BuiltinBuilder.classMethod(o, "__init_subclass__", "cls, **kwargs", a -> {
            if (((dev.mp.runtime.objects.PDict) a[1]).size() > 0) {
                throw Errors.typeError("%s.__init_subclass__() takes no keyword arguments", ((PClass) a[0]).name());
            }
            return PNone.NONE;
        });

        PClass t = BuiltinClasses.TYPE;
        constructor(t, "cls, *args, **kwargs", a -> {
            Object[] args = ((PTuple) a[1]).items();
            dev.mp.runtime.objects.PDict kwargs = (dev.mp.runtime.objects.PDict) a[2];
            if (a[0] == t && args.length == 1 && kwargs.size() == 0) {
                return Types.typeOf(args[0]);
            }
            if (args.length != 3) {
                throw Errors.typeError(a[0] == t ? "type() takes 1 or 3 arguments" : "type.__new__() takes exactly 3 arguments (%d given)", args.length);
            }
            if (!(a[0] instanceof PClass metaclass)) {
                throw Errors.typeError("type.__new__(X): X is not a type object (%s)", Types.typeName(a[0]));
            }
            return dev.mp.runtime.ops.Classes.typeNew(metaclass, args[0], args[1], args[2], kwargs);
        });
        method(t, "__init__", "self, *args, **kwargs", a -> {
            int n = ((PTuple) a[1]).size();
            if (n == 1 && ((dev.mp.runtime.objects.PDict) a[2]).size() > 0) {
                throw Errors.typeError("type.__init__() takes no keyword arguments");
            }
            if (n != 1 && n != 3) {
                throw Errors.typeError("type.__init__() takes 1 or 3 arguments");
            }
            return PNone.NONE;
        });
        method(t, "__call__", "self, *args, **kwargs", a -> {
            dev.mp.runtime.ops.Classes.Arguments args = dev.mp.runtime.ops.Classes.Arguments.of(((PTuple) a[1]).items(),
                    (dev.mp.runtime.objects.PDict) a[2]);
            return dev.mp.runtime.ops.Classes.construct((PClass) a[0], args.values(), args.names());
        });
        method(t, "mro", "self", a -> new PList(((PClass) a[0]).mro()));
        method(t, "__subclasses__", "self", a -> new PList(((PClass) a[0]).subclasses()));
        method(t, "__instancecheck__", "self, instance", a -> Types.isInstance(a[1], (PClass) a[0]));
        method(t, "__subclasscheck__", "self, subclass", a -> {
            if (!(a[1] instanceof PClass sub)) {
                throw Errors.typeError("issubclass() arg 1 must be a class");
            }
            return sub.isSubclassOf((PClass) a[0]);
        });
        BuiltinBuilder.classMethod(t, "__prepare__", "mcls, *args, **kwargs", a -> new dev.mp.runtime.objects.PDict());
    }

    private static void exceptionTypes() {
        PClass b = BuiltinClasses.BASE_EXCEPTION;
        constructor(b, "cls, /, *args, **kwargs", a -> {
            PClass cls = (PClass) a[0];
            PBaseException e = Exceptions.create(cls, (PTuple) a[1]);
            if (cls.isCore()) {
                // A builtin exception class is made by __new__ alone: its __init__'s keyword arguments are taken here.
                initKeywords(e, (dev.mp.runtime.objects.PDict) a[2]);
            }
            return e;
        });
        method(b, "__init__", "self, /, *args, **kwargs", a -> {
            initKeywords((PBaseException) a[0], (dev.mp.runtime.objects.PDict) a[2]);
            if (a[0] instanceof dev.mp.runtime.objects.POSError os) {
                os.initialize((PTuple) a[1]);
            } else {
                ((PBaseException) a[0]).setArgs((PTuple) a[1]);
            }
            return PNone.NONE;
        });
        method(b, "__str__", "self", a -> Exceptions.str((PBaseException) a[0]));
        method(b, "__repr__", "self", a -> Conversions.builtinRepr(a[0]));
        method(b, "with_traceback", "self, tb, /", a -> {
            TracebackType.set((PBaseException) a[0], a[1]);
            return a[0];
        });
        attribute(b, "args", o -> ((PBaseException) o).args(), (o, v) -> ((PBaseException) o).setArgs(new PTuple(dev.mp.runtime.ops.Iteration.toArray(v))));
        attribute(b, "__cause__", o -> ((PBaseException) o).cause(), (o, v) -> ((PBaseException) o).setCause(v));
        attribute(b, "__context__", o -> ((PBaseException) o).context(), (o, v) -> ((PBaseException) o).setContext(v));
        attribute(b, "__suppress_context__", o -> ((PBaseException) o).suppressContext(),
                (o, v) -> ((PBaseException) o).setSuppressContext(Conversions.isTrue(v)));
        attribute(b, "__traceback__", o -> TracebackType.of((PBaseException) o), (o, v) -> TracebackType.set((PBaseException) o, v));
        PClass stop = BuiltinClasses.exception("StopIteration");
        attribute(stop, "value", o -> {
            Object v = ((PBaseException) o).firstArg();
            return v == null ? PNone.NONE : v;
        });
        attribute(BuiltinClasses.exception("SystemExit"), "code", o -> {
            PTuple args = ((PBaseException) o).args();
            return args.size() == 0 ? PNone.NONE : args.size() == 1 ? args.get(0) : args;
        });
        PClass os = BuiltinClasses.exception("OSError");
        attribute(os, "errno", o -> osErrorArg(o, 0));
        attribute(os, "strerror", o -> osErrorArg(o, 1));
        attribute(os, "filename", o -> ((dev.mp.runtime.objects.POSError) o).filename());
        attribute(os, "filename2", o -> ((dev.mp.runtime.objects.POSError) o).filename2());
        exceptionGroupType();
        PClass key = BuiltinClasses.exception("KeyError");
        method(key, "__str__", "self", a -> Exceptions.str((PBaseException) a[0]));
        for (String unicodeError : new String[] {"UnicodeEncodeError", "UnicodeDecodeError", "UnicodeTranslateError"}) {
            method(BuiltinClasses.exception(unicodeError), "__init__", "self, /, *args", a -> {
                Exceptions.initUnicodeError((PBaseException) a[0], (PTuple) a[1]);
                return PNone.NONE;
            });
        }
        PClass name = BuiltinClasses.exception("NameError");
        attribute(name, "name", o -> PNone.NONE);
        PClass imp = BuiltinClasses.exception("ImportError");
        method(imp, "__init__", "self, *args, name=None, path=None", a -> {
            dev.mp.runtime.objects.PImportError e = (dev.mp.runtime.objects.PImportError) a[0];
            e.setArgs((PTuple) a[1]);
            e.setNameAndPath(a[2], a[3]);
            return PNone.NONE;
        });
        attribute(imp, "name", o -> ((dev.mp.runtime.objects.PImportError) o).name());
        attribute(imp, "path", o -> ((dev.mp.runtime.objects.PImportError) o).path());
        attribute(imp, "msg", o -> {
            Object first = ((PBaseException) o).firstArg();
            return first == null ? PNone.NONE : first;
        });
    }

    private static void exceptionGroupType() {
        PClass g = BuiltinClasses.exception("BaseExceptionGroup");
        attribute(g, "message", o -> ((PExceptionGroup) o).message());
        attribute(g, "exceptions", o -> ((PExceptionGroup) o).exceptions());
        method(g, "derive", "self, excs, /", a -> ExceptionGroups.derive((PExceptionGroup) a[0], a[1]));
        method(g, "split", "self, condition, /", a -> {
            PBaseException[] pair = ExceptionGroups.split((PExceptionGroup) a[0], ExceptionGroups.matcher(a[1]), true);
            return PTuple.of(pair[0] == null ? PNone.NONE : pair[0], pair[1] == null ? PNone.NONE : pair[1]);
        });
        method(g, "subgroup", "self, condition, /", a -> {
            PBaseException match = ExceptionGroups.split((PExceptionGroup) a[0], ExceptionGroups.matcher(a[1]), false)[0];
            return match == null ? PNone.NONE : match;
        });
        method(g, "__str__", "self", a -> Exceptions.str((PBaseException) a[0]));
        BuiltinBuilder.classMethod(g, "__class_getitem__", "cls, item, /", a -> new GenericAlias(a[0], a[1]));
        method(BuiltinClasses.BASE_EXCEPTION, "add_note", "self, note, /", a -> {
            if (!(Types.baseValue(a[1]) instanceof String)) {
                throw Errors.typeError("note must be a str, not '%s'", Types.typeName(a[1]));
            }
            PBaseException e = (PBaseException) a[0];
            Object notes = e.dict().get("__notes__");
            if (notes == null) {
                notes = new dev.mp.runtime.objects.PList();
                e.dict().put("__notes__", notes);
            } else if (!(notes instanceof dev.mp.runtime.objects.PList)) {
                throw Errors.typeError("Cannot add note: __notes__ is not a list");
            }
            ((dev.mp.runtime.objects.PList) notes).add(a[1]);
            return PNone.NONE;
        });
    }

    /** The keyword arguments of an exception's __init__: only ImportError takes any (name and path). */
    private static void initKeywords(PBaseException e, dev.mp.runtime.objects.PDict kwargs) {
        if (kwargs.size() == 0) {
            return;
        }
        if (!(e instanceof dev.mp.runtime.objects.PImportError imp)) {
            throw Errors.typeError("%s() takes no keyword arguments", e.getPythonClass().name());
        }
        Object name = PNone.NONE;
        Object path = PNone.NONE;
        for (dev.mp.runtime.objects.PDict.Entry entry : kwargs.entries()) {
            if ("name".equals(entry.key)) {
                name = entry.value;
            } else if ("path".equals(entry.key)) {
                path = entry.value;
            } else {
                throw Errors.typeError("'%s' is an invalid keyword argument for %s()", entry.key, e.getPythonClass().name());
            }
        }
        imp.setNameAndPath(name, path);
    }

    /** errno or strerror: set when OSError was made from 2 to 5 arguments (then args is (errno, strerror)). */
    private static Object osErrorArg(Object exc, int index) {
        PTuple args = ((PBaseException) exc).args();
        return args.size() == 2 ? args.get(index) : PNone.NONE;
    }

    private static void descriptorTypes() {
        PClass p = BuiltinClasses.PROPERTY;
        constructor(p, "cls, fget=None, fset=None, fdel=None, doc=None", a -> new PProperty(a[1], a[2], a[3], a[4]));
        method(p, "getter", "self, f", a -> new PProperty(a[1], ((PProperty) a[0]).fset, ((PProperty) a[0]).fdel, ((PProperty) a[0]).doc));
        method(p, "setter", "self, f", a -> new PProperty(((PProperty) a[0]).fget, a[1], ((PProperty) a[0]).fdel, ((PProperty) a[0]).doc));
        method(p, "deleter", "self, f", a -> new PProperty(((PProperty) a[0]).fget, ((PProperty) a[0]).fset, a[1], ((PProperty) a[0]).doc));
        attribute(p, "fget", o -> ((PProperty) o).fget);
        attribute(p, "__doc__", o -> {
            PProperty prop = (PProperty) o;
            return prop.doc != PNone.NONE ? prop.doc : prop.fget instanceof PFunction f ? f.doc() : PNone.NONE;
        });
        constructor(BuiltinClasses.STATICMETHOD, "cls, f, /", a -> new PStaticMethod(a[1]));
        constructor(BuiltinClasses.CLASSMETHOD, "cls, f, /", a -> new PClassMethod(a[1]));
        attribute(BuiltinClasses.STATICMETHOD, "__func__", o -> ((PStaticMethod) o).function);
        attribute(BuiltinClasses.CLASSMETHOD, "__func__", o -> ((PClassMethod) o).function);
        attribute(BuiltinClasses.STATICMETHOD, "__wrapped__", o -> ((PStaticMethod) o).function);
        attribute(BuiltinClasses.CLASSMETHOD, "__wrapped__", o -> ((PClassMethod) o).function);
        method(BuiltinClasses.STATICMETHOD, "__get__", "self, obj, type=None", a -> ((PStaticMethod) a[0]).function);
        method(BuiltinClasses.CLASSMETHOD, "__get__", "self, obj, type=None",
                a -> new dev.mp.runtime.objects.PMethod(a[2] == PNone.NONE ? Types.typeOf(a[1]) : a[2], ((PClassMethod) a[0]).function));
        attribute(p, "__isabstractmethod__", o -> isAbstract(((PProperty) o).fget) || isAbstract(((PProperty) o).fset)
                || isAbstract(((PProperty) o).fdel));
        attribute(BuiltinClasses.STATICMETHOD, "__isabstractmethod__", o -> isAbstract(((PStaticMethod) o).function));
        attribute(BuiltinClasses.CLASSMETHOD, "__isabstractmethod__", o -> isAbstract(((PClassMethod) o).function));
        attribute(p, "fset", o -> ((PProperty) o).fset);
        attribute(p, "fdel", o -> ((PProperty) o).fdel);
        method(p, "__get__", "self, obj, type=None", a -> {
            PProperty prop = (PProperty) a[0];
            if (a[1] == PNone.NONE) {
                return prop;
            }
            if (prop.fget == PNone.NONE) {
                throw Errors.attributeError("unreadable attribute");
            }
            return Calls.call(prop.fget, a[1]);
        });
        method(p, "__set__", "self, obj, value", a -> {
            PProperty prop = (PProperty) a[0];
            if (prop.fset == PNone.NONE) {
                throw Errors.attributeError("can't set attribute");
            }
            return Calls.call(prop.fset, a[1], a[2]);
        });
        constructor(BuiltinClasses.SUPER, "cls, type, obj", a -> {
            if (!(a[1] instanceof PClass type)) {
                throw Errors.typeError("super() argument 1 must be a type, not %s", Types.typeName(a[1]));
            }
            if (!Types.isInstance(a[2], type) && !(a[2] instanceof PClass c && c.isSubclassOf(type))) {
                throw Errors.typeError("super(type, obj): obj must be an instance or subtype of type");
            }
            return new dev.mp.runtime.objects.PSuper(type, a[2]);
        });
        method(BuiltinClasses.SUPER, "__repr__", "self", a -> {
            dev.mp.runtime.objects.PSuper s = (dev.mp.runtime.objects.PSuper) a[0];
            PClass objType = s.self instanceof PClass c && c.isSubclassOf(s.startAfter) ? c : Types.typeOf(s.self);
            return "<super: <class '" + s.startAfter.name() + "'>, <" + objType.name() + " object>>";
        });
        PClass f = BuiltinClasses.FUNCTION;
        attribute(f, "__name__", o -> ((PFunction) o).name());
        attribute(f, "__qualname__", o -> ((PFunction) o).qualname(), (o, v) -> ((PFunction) o).setQualname((String) v));
        attribute(f, "__module__", o -> ((PFunction) o).moduleName());
        attribute(f, "__doc__", o -> ((PFunction) o).doc(), (o, v) -> ((PFunction) o).setDoc(v));
        attribute(f, "__defaults__", o -> {
            Object[] d = ((PFunction) o).defaults();
            return d.length == 0 ? PNone.NONE : new PTuple(d.clone());
        });
        attribute(f, "__code__", o -> CodeType.of((PFunction) o));
        attribute(f, "__globals__", o -> ((PFunction) o).module().dict());
        attribute(f, "__kwdefaults__", o -> CodeType.kwDefaults((PFunction) o));
        attribute(f, "__closure__", o -> CodeType.closure((PFunction) o));
        attribute(f, "__builtins__", o -> dev.mp.runtime.MpContext.get(null).builtins().dict());
        attribute(f, "__annotations__", o -> {
            PFunction fn = (PFunction) o;
            Object ann = fn.attributes().get("__annotations__");
            if (ann == null) {
                ann = new dev.mp.runtime.objects.PDict();
                fn.attributes().put("__annotations__", ann);
            }
            return ann;
        }, (o, v) -> ((PFunction) o).attributes().put("__annotations__", v));
        method(f, "__get__", "self, obj, type=None", a -> a[1] == PNone.NONE ? a[0] : new dev.mp.runtime.objects.PMethod(a[1], a[0]));
        PClass bf = BuiltinClasses.BUILTIN_FUNCTION;
        attribute(bf, "__name__", o -> o instanceof dev.mp.runtime.objects.PBuiltinFunction b ? b.name()
                : ((dev.mp.runtime.objects.PBuiltinFunction) ((dev.mp.runtime.objects.PMethod) o).function).name());
        attribute(bf, "__module__", o -> o instanceof dev.mp.runtime.objects.PBuiltinFunction b && b.module() != null ? b.module() : PNone.NONE);
        attribute(bf, "__doc__", o -> {
            String doc = o instanceof dev.mp.runtime.objects.PBuiltinFunction b && !b.isMethod() ? Docs.function(b.name()) : null;
            return doc == null ? PNone.NONE : doc;
        });
        attribute(BuiltinClasses.METHOD, "__doc__", o -> dev.mp.runtime.ops.Attributes.get(((dev.mp.runtime.objects.PMethod) o).function, "__doc__"));
        PClass m = BuiltinClasses.METHOD;
        attribute(m, "__self__", o -> ((dev.mp.runtime.objects.PMethod) o).self);
        attribute(m, "__func__", o -> ((dev.mp.runtime.objects.PMethod) o).function);
        attribute(m, "__name__", o -> dev.mp.runtime.ops.Attributes.get(((dev.mp.runtime.objects.PMethod) o).function, "__name__"));
        attribute(m, "__qualname__", o -> dev.mp.runtime.ops.Attributes.get(((dev.mp.runtime.objects.PMethod) o).function, "__qualname__"));
        attribute(BuiltinClasses.MODULE, "__name__", o -> ((dev.mp.runtime.objects.PModule) o).name());
        // Builtin functions are callable objects: __call__ is there for callable ABCs and explicit calls.
        // Functions and methods too, as in CPython (hasattr(f, '__call__') holds for every callable).
        for (PClass callable : new PClass[] {BuiltinClasses.BUILTIN_FUNCTION, BuiltinClasses.FUNCTION, BuiltinClasses.METHOD}) {
            method(callable, "__call__", "self, /, *args, **kwargs", a -> {
                dev.mp.runtime.ops.Classes.Arguments args = dev.mp.runtime.ops.Classes.Arguments.of(((PTuple) a[1]).items(), (dev.mp.runtime.objects.PDict) a[2]);
                return dev.mp.runtime.ops.Calls.call(a[0], args.values(), args.names());
            });
        }
        // types.ModuleType(name, doc=None): a module made by a program, not imported.
        BuiltinBuilder.constructor(BuiltinClasses.MODULE, "cls, name, doc=None", a -> {
            if (!(a[1] instanceof String name)) {
                throw dev.mp.runtime.ops.Errors.typeError("module() argument 'name' must be str, not %s", dev.mp.runtime.ops.Types.typeName(a[1]));
            }
            dev.mp.runtime.objects.PModule module = new dev.mp.runtime.objects.PModule(name);
            module.dict().put("__doc__", a[2]);
            module.dict().put("__package__", PNone.NONE);
            module.dict().put("__loader__", PNone.NONE);
            module.dict().put("__spec__", PNone.NONE);
            return module;
        });
    }

    /** Whether {@code f} is marked {@code __isabstractmethod__} (by abc.abstractmethod). */
    private static boolean isAbstract(Object f) {
        if (f == PNone.NONE) {
            return false;
        }
        Object v = dev.mp.runtime.ops.Attributes.lookup(f, "__isabstractmethod__");
        return v != null && Conversions.isTrue(v);
    }

    private static void generatorType() {
        PClass g = BuiltinClasses.GENERATOR;
        method(g, "__iter__", "self", a -> a[0]);
        method(g, "__next__", "self", a -> next((PGenerator) a[0], null, null));
        method(g, "send", "self, value", a -> next((PGenerator) a[0], a[1], null));
        method(g, "throw", "self, typ, val=None, tb=None", a -> next((PGenerator) a[0], null, dev.mp.runtime.ops.Coroutines.thrown(a[1], a[2])));
        method(g, "close", "self", a -> {
            Generators.close((PGenerator) a[0]);
            return PNone.NONE;
        });
        attribute(g, "__name__", o -> ((PGenerator) o).name);
        attribute(g, "__qualname__", o -> ((PGenerator) o).qualname);
    }

    private static Object next(PGenerator g, Object sent, Object thrown) {
        Object v = Generators.resume(g, sent, thrown);
        if (v == null) {
            throw Generators.stopIteration(g);
        }
        return v;
    }

    static boolean eq(Object a, Object b) {
        return Comparisons.eq(a, b);
    }

    static BigInteger big(Object o) {
        return Conversions.asBig(o);
    }

    @com.oracle.truffle.api.CompilerDirectives.TruffleBoundary
    private static Object callCopyreg(String function, Object... args) {
        Object copyreg = dev.mp.runtime.MpContext.get(null).modules().importModule("copyreg", new dev.mp.runtime.objects.PDict(), true, 0);
        return Calls.call(dev.mp.runtime.ops.Attributes.get(copyreg, function), args);
    }
}
