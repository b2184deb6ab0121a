package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.constructor;
import static dev.mp.runtime.builtins.BuiltinBuilder.method;
import static dev.mp.runtime.builtins.BuiltinBuilder.moduleFunction;

import java.util.ArrayList;
import java.util.List;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.builtins.AsciiRepr;
import dev.mp.runtime.builtins.Dir;
import dev.mp.runtime.nodes.CallerFrames;
import dev.mp.runtime.nodes.Frames;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.BuiltinIntrinsic;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PInstance;
import dev.mp.runtime.objects.PIterator;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PSingleton;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Arithmetic;
import dev.mp.runtime.ops.Attributes;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Comparisons;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Identity;
import dev.mp.runtime.ops.Iteration;
import dev.mp.runtime.ops.Sequences;
import dev.mp.runtime.ops.StringFormatting;
import dev.mp.runtime.ops.Types;

/** The {@code builtins} module: the builtin functions, types, exceptions and constants. */
final class BuiltinsModule {
    private BuiltinsModule() {
    }

    static void populate(PModule m, MpContext context) {
        PDict d = m.dict();
        for (PClass c : new PClass[] {BuiltinClasses.OBJECT, BuiltinClasses.TYPE, BuiltinClasses.INT, BuiltinClasses.BOOL, BuiltinClasses.FLOAT, BuiltinClasses.COMPLEX, BuiltinClasses.MEMORYVIEW,
                BuiltinClasses.STR, BuiltinClasses.BYTES, BuiltinClasses.BYTEARRAY, BuiltinClasses.LIST, BuiltinClasses.TUPLE, BuiltinClasses.DICT,
                BuiltinClasses.SET, BuiltinClasses.FROZENSET, BuiltinClasses.RANGE, BuiltinClasses.SLICE, BuiltinClasses.PROPERTY,
                BuiltinClasses.STATICMETHOD, BuiltinClasses.CLASSMETHOD, BuiltinClasses.SUPER, BuiltinClasses.MAP, BuiltinClasses.FILTER,
                BuiltinClasses.ENUMERATE, BuiltinClasses.ZIP, BuiltinClasses.REVERSED}) {
            d.put(c.name(), c);
        }
        BuiltinClasses.exceptions().forEach(d::put);
        d.put("EnvironmentError", BuiltinClasses.exception("OSError"));
        d.put("IOError", BuiltinClasses.exception("OSError"));
        d.put("None", PNone.NONE);
        d.put("Ellipsis", PSingleton.ELLIPSIS);
        d.put("__debug__", Boolean.TRUE);
        d.put("NotImplemented", PSingleton.NOT_IMPLEMENTED);
        d.put("__name__", "builtins");

        moduleFunction(m, "print", "*args, sep=None, end=None, file=None, flush=False", a -> {
            String sep = a[1] == PNone.NONE ? " " : checkStrOrNone(a[1], "sep");
            String end = a[2] == PNone.NONE ? "\n" : checkStrOrNone(a[2], "end");
            Object[] items = ((PTuple) a[0]).items();
            Object file = a[3] == PNone.NONE ? replacedStdout(context) : a[3];
            if (file == PNone.NONE) {
                return PNone.NONE;
            }
            if (file == null || file instanceof StdStream) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < items.length; i++) {
                    if (i > 0) {
                        sb.append(sep);
                    }
                    sb.append(Conversions.str(items[i]));
                }
                sb.append(end);
                if (file == null) {
                    Streams.writeStdout(context, sb.toString());
                } else {
                    Calls.callMethod(file, "write", sb.toString());
                }
            } else {
                // A Python file object gets each piece by its own write(), as CPython's print does.
                for (int i = 0; i < items.length; i++) {
                    if (i > 0) {
                        Calls.callMethod(file, "write", sep);
                    }
                    Calls.callMethod(file, "write", Conversions.str(items[i]));
                }
                Calls.callMethod(file, "write", end);
            }
            if (file != null && Conversions.isTrue(a[4])) {
                Calls.callMethod(file, "flush");
            }
            return PNone.NONE;
        });
        moduleFunction(m, "breakpoint", "*args, **kws", a -> DebuggerModule.breakpoint(context, (PTuple) a[0], (PDict) a[1]));
        moduleFunction(m, "input", "prompt='', /", a -> Streams.input(context, Conversions.str(a[0])));
        moduleFunction(m, "len", "obj, /", a -> Sequences.len(a[0])).markIntrinsic(BuiltinIntrinsic.LEN);
        moduleFunction(m, "repr", "obj, /", a -> Conversions.repr(a[0]));
        moduleFunction(m, "ascii", "obj, /", a -> AsciiRepr.ascii(Conversions.repr(a[0])));
        moduleFunction(m, "format", "value, format_spec='', /", a -> StringFormatting.format(a[0], Errors.requireStr(a[1], "format() argument 2")));
        moduleFunction(m, "isinstance", "obj, class_or_tuple, /", a -> isInstance(a[0], a[1])).markIntrinsic(BuiltinIntrinsic.ISINSTANCE);
        moduleFunction(m, "issubclass", "cls, class_or_tuple, /", a -> subclass(a[0], a[1]));
        moduleFunction(m, "hasattr", "obj, name, /", a -> Attributes.lookup(a[0], attrName(a[1])) != null);
        moduleFunction(m, "getattr", "object, name, default=?, /", a -> {
            if (a[2] == null) {
                return Attributes.get(a[0], attrName(a[1]));
            }
            Object v = Attributes.lookup(a[0], attrName(a[1]));
            return v == null ? a[2] : v;
        });
        moduleFunction(m, "setattr", "obj, name, value, /", a -> {
            Attributes.set(a[0], attrName(a[1]), a[2]);
            return PNone.NONE;
        });
        moduleFunction(m, "delattr", "obj, name, /", a -> {
            Attributes.delete(a[0], attrName(a[1]));
            return PNone.NONE;
        });
        moduleFunction(m, "callable", "obj, /", a -> Calls.isCallable(a[0]));
        moduleFunction(m, "id", "obj, /", a -> Identity.id(a[0]));
        moduleFunction(m, "hash", "obj, /", a -> Conversions.hash(a[0]));
        moduleFunction(m, "iter", "object, sentinel=?, /", a -> {
            if (a[1] == null) {
                return Iteration.iter(a[0]);
            }
            Object fn = a[0];
            Object sentinel = a[1];
            return new PIterator(BuiltinClasses.CALLABLE_ITERATOR) {
                private boolean done;

                @Override
                public Object next() {
                    if (done) {
                        return null;
                    }
                    Object v = Calls.call(fn);
                    if (Comparisons.eq(v, sentinel)) {
                        done = true;
                        return null;
                    }
                    return v;
                }
            };
        });
        moduleFunction(m, "aiter", "async_iterable, /", a -> {
            Object method = Types.typeOf(a[0]).lookup("__aiter__");
            if (method == null || method == PNone.NONE) {
                throw Errors.typeError("'%s' object is not an async iterable", Types.typeName(a[0]));
            }
            Object it = Calls.callDescriptor(method, a[0]);
            if (Types.typeOf(it).lookup("__anext__") == null) {
                throw Errors.typeError("aiter() returned not an async iterator of type '%s'", Types.typeName(it));
            }
            return it;
        });
        moduleFunction(m, "anext", "aiterator, default=?, /", a -> {
            Object method = Types.typeOf(a[0]).lookup("__anext__");
            if (method == null || method == PNone.NONE) {
                throw Errors.typeError("'%s' object is not an async iterator", Types.typeName(a[0]));
            }
            Object awaitable = Calls.callDescriptor(method, a[0]);
            return a[1] == null ? awaitable : new dev.mp.runtime.ops.Coroutines.AnextAwaitable(awaitable, a[1]);
        });
        moduleFunction(m, "next", "iterator, default=?, /", a -> {
            if (!(a[0] instanceof PIterator) && !(a[0] instanceof dev.mp.runtime.objects.PGenerator g && g.isIterator())
                    && Types.typeOf(a[0]).lookup("__next__") == null) {
                throw Errors.typeError("'%s' object is not an iterator", Types.typeName(a[0]));
            }
            if (a[0] instanceof dev.mp.runtime.objects.PGenerator g && g.isIterator() && a[1] == null) {
                Object v = dev.mp.runtime.ops.Generators.resume(g, null, null);
                if (v == null) {
                    throw dev.mp.runtime.ops.Generators.stopIteration(g);
                }
                return v;
            }
            if (a[1] == null && !(a[0] instanceof PIterator)) {
                return Calls.callMethod(a[0], "__next__");
            }
            Object v = Iteration.next(a[0]);
            if (v == null) {
                if (a[1] == null) {
                    throw Errors.raise(BuiltinClasses.exception("StopIteration"));
                }
                return a[1];
            }
            return v;
        });
        moduleFunction(m, "abs", "x, /", a -> {
            Object x = a[0];
            if (x instanceof Double v) {
                return Math.abs(v);
            }
            if (x instanceof dev.mp.runtime.objects.PComplex c && Types.override(c, "__abs__") == null) {
                return dev.mp.runtime.ops.ComplexNumbers.abs(c);
            }
            if (Types.isInt(x)) {
                return Comparisons.compare(x, 0L, Comparisons.Op.LT) == Boolean.TRUE ? Arithmetic.negate(x) : Arithmetic.positive(x);
            }
            Object method = Types.override(x, "__abs__");
            if (method == null) {
                throw Errors.typeError("bad operand type for abs(): '%s'", Types.typeName(x));
            }
            return Calls.callDescriptor(method, x);
        }).markIntrinsic(BuiltinIntrinsic.ABS);
        moduleFunction(m, "divmod", "x, y, /", a -> divmod(a[0], a[1]));
        moduleFunction(m, "pow", "base, exp, mod=None", a -> {
            if (a[2] != PNone.NONE) {
                return modularPower(a[0], a[1], a[2]);
            }
            return Arithmetic.binary(Arithmetic.BinOp.POW, a[0], a[1]);
        });
        moduleFunction(m, "round", "number, ndigits=None", a -> Rounding.round(a[0], a[1]));
        moduleFunction(m, "sum", "iterable, /, start=0", a -> {
            Object acc = a[1];
            if (Types.baseValue(acc) instanceof String) {
                throw Errors.typeError("sum() can't sum strings [use ''.join(seq) instead]");
            }
            if (acc instanceof dev.mp.runtime.objects.PBytes || acc instanceof dev.mp.runtime.objects.PByteArray) {
                throw Errors.typeError("sum() can't sum %s [use b''.join(seq) instead]", acc instanceof dev.mp.runtime.objects.PBytes ? "bytes"
                        : "bytearray");
            }
            Object it = Iteration.iter(a[0]);
            for (Object o = Iteration.next(it); o != null; o = Iteration.next(it)) {
                acc = Arithmetic.binary(Arithmetic.BinOp.ADD, acc, o);
            }
            return acc;
        });
        moduleFunction(m, "min", "*args, key=None, default=?", a -> extreme(a, Comparisons.Op.LT, "min"));
        moduleFunction(m, "max", "*args, key=None, default=?", a -> extreme(a, Comparisons.Op.GT, "max"));
        moduleFunction(m, "any", "iterable, /", a -> {
            Object it = Iteration.iter(a[0]);
            for (Object o = Iteration.next(it); o != null; o = Iteration.next(it)) {
                if (Conversions.isTrue(o)) {
                    return true;
                }
            }
            return false;
        });
        moduleFunction(m, "all", "iterable, /", a -> {
            Object it = Iteration.iter(a[0]);
            for (Object o = Iteration.next(it); o != null; o = Iteration.next(it)) {
                if (!Conversions.isTrue(o)) {
                    return false;
                }
            }
            return true;
        });
        moduleFunction(m, "sorted", "iterable, /, *, key=None, reverse=False", a -> {
            PList l = new PList(Iteration.toList(a[0]));
            dev.mp.runtime.ops.Calls.call(Attributes.get(l, "sort"), new Object[] {a[1], a[2]}, new String[] {"key", "reverse"});
            return l;
        });
        constructor(BuiltinClasses.REVERSED, "cls, sequence, /", a -> {
            Object seq = a[1];
            Object method = Types.override(seq, "__reversed__");
            if (method != null && method != PNone.NONE) {
                return Calls.callDescriptor(method, seq);
            }
            if (!isReversible(seq)) {
                throw Errors.typeError("'%s' object is not reversible", Types.typeName(seq));
            }
            if (Types.typeOf(seq).isCore() || seq instanceof PDict || seq instanceof PList || seq instanceof PTuple) {
                List<Object> items = Iteration.toList(seq);
                java.util.Collections.reverse(items);
                return Iteration.arrayIterator((PClass) a[0], items.toArray());
            }
            return reversedSequence(seq);
        });
        constructor(BuiltinClasses.ENUMERATE, "cls, iterable, start=0", a -> {
            Object it = Iteration.iter(a[1]);
            Object[] counter = {dev.mp.runtime.ops.Conversions.index(a[2])};
            return new PIterator((PClass) a[0]) {
                @Override
                public Object next() {
                    Object v = Iteration.next(it);
                    if (v == null) {
                        return null;
                    }
                    Object i = counter[0];
                    counter[0] = i instanceof Long n && n < Long.MAX_VALUE ? (Object) (n + 1) : Arithmetic.binary(Arithmetic.BinOp.ADD, i, 1L);
                    return PTuple.of(i, v);
                }
            };
        });
        constructor(BuiltinClasses.ZIP, "cls, *iterables, strict=False", a -> {
            Object[] its = ((PTuple) a[1]).items().clone();
            for (int i = 0; i < its.length; i++) {
                its[i] = Iteration.iter(its[i]);
            }
            boolean strict = Conversions.isTrue(a[2]);
            return new PIterator((PClass) a[0]) {
                @Override
                public Object next() {
                    if (its.length == 0) {
                        return null;
                    }
                    Object[] row = new Object[its.length];
                    for (int i = 0; i < its.length; i++) {
                        row[i] = Iteration.next(its[i]);
                        if (row[i] == null) {
                            if (strict && i > 0) {
                                throw Errors.valueError("zip() argument %d is shorter than %s", i + 1, zipArguments(i));
                            }
                            for (int j = 1; strict && j < its.length; j++) {
                                if (Iteration.next(its[j]) != null) {
                                    throw Errors.valueError("zip() argument %d is longer than %s", j + 1, zipArguments(j));
                                }
                            }
                            return null;
                        }
                    }
                    return new PTuple(row);
                }
            };
        });
        // CPython's map takes *args and **kwargs and checks them itself, with messages of its own.
        constructor(BuiltinClasses.MAP, "cls, *args, **kwargs", a -> {
            if (((PDict) a[2]).size() > 0) {
                throw Errors.typeError("map() takes no keyword arguments");
            }
            Object[] given = ((PTuple) a[1]).items();
            if (given.length < 2) {
                throw Errors.typeError("map() must have at least two arguments.");
            }
            List<Object> its = new ArrayList<>();
            for (int i = 1; i < given.length; i++) {
                its.add(Iteration.iter(given[i]));
            }
            Object fn = given[0];
            return new PIterator((PClass) a[0]) {
                @Override
                public Object next() {
                    Object[] args = new Object[its.size()];
                    for (int i = 0; i < args.length; i++) {
                        args[i] = Iteration.next(its.get(i));
                        if (args[i] == null) {
                            return null;
                        }
                    }
                    return Calls.call(fn, args);
                }
            };
        });
        constructor(BuiltinClasses.FILTER, "cls, function, iterable, /", a -> {
            Object it = Iteration.iter(a[2]);
            Object fn = a[1];
            return new PIterator((PClass) a[0]) {
                @Override
                public Object next() {
                    for (Object v = Iteration.next(it); v != null; v = Iteration.next(it)) {
                        if (Conversions.isTrue(fn == PNone.NONE ? v : Calls.call(fn, v))) {
                            return v;
                        }
                    }
                    return null;
                }
            };
        });
        moduleFunction(m, "chr", "i, /", a -> {
            long i = Conversions.asLong(a[0]);
            if (i != (int) i) {
                throw Errors.overflowError("Python int too large to convert to C int");
            }
            if (i < 0 || i > 0x10ffff) {
                throw Errors.valueError("chr() arg not in range(0x110000)");
            }
            return new String(Character.toChars((int) i));
        });
        moduleFunction(m, "ord", "c, /", a -> {
            if (Types.baseValue(a[0]) instanceof String s && s.codePointCount(0, s.length()) == 1) {
                return (long) s.codePointAt(0);
            }
            if (Types.baseValue(a[0]) instanceof String s) {
                throw Errors.typeError("ord() expected a character, but string of length %d found", s.codePointCount(0, s.length()));
            }
            int length = a[0] instanceof dev.mp.runtime.objects.PBytes b ? b.bytes().length
                    : a[0] instanceof dev.mp.runtime.objects.PByteArray b ? b.length() : -1;
            if (length == 1) {
                return (long) ((a[0] instanceof dev.mp.runtime.objects.PBytes b ? b.bytes()[0] : ((dev.mp.runtime.objects.PByteArray) a[0]).get(0)) & 0xff);
            }
            if (length >= 0) {
                throw Errors.typeError("ord() expected a character, but string of length %d found", length);
            }
            throw Errors.typeError("ord() expected string of length 1, but %s found", Types.typeName(a[0]));
        }).markIntrinsic(BuiltinIntrinsic.ORD);
        moduleFunction(m, "hex", "number, /", a -> radix(a[0], 16, "0x"));
        moduleFunction(m, "oct", "number, /", a -> radix(a[0], 8, "0o"));
        moduleFunction(m, "bin", "number, /", a -> radix(a[0], 2, "0b"));
        moduleFunction(m, "dir", "obj=?, /", a -> {
            if (a[0] != null) {
                return Dir.of(a[0]);
            }
            PList names = new PList(Iteration.toList(callerLocals(context)));
            Calls.callMethod(names, "sort");
            return names;
        });
        moduleFunction(m, "vars", "obj=?, /", a -> {
            if (a[0] == null) {
                return callerLocals(context);
            }
            PDict dict = a[0] instanceof PModule mod ? mod.dict() : a[0] instanceof PClass ? (PDict) Attributes.get(a[0], "__dict__")
                    : Attributes.instanceDict(a[0]);
            if (dict == null) {
                throw Errors.typeError("vars() argument must have __dict__ attribute");
            }
            return dict;
        });
        moduleFunction(m, "globals", "", a -> {
            com.oracle.truffle.api.frame.Frame caller = CallerFrames.frame(0);
            return caller == null ? context.mainModule().dict() : Frames.globals(caller);
        });
        moduleFunction(m, "locals", "", a -> callerLocals(context));
        moduleFunction(m, "__build_class__", "*args, **kwds", a -> dev.mp.runtime.ops.Classes.buildClassBuiltin((PTuple) a[0], (PDict) a[1]));
        moduleFunction(m, "open", "file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True",
                a -> FileObjects.open(context, a));
        PClass quitter = PClass.create("Quitter", "Quitter", "_sitebuiltins", new PClass[] {BuiltinClasses.OBJECT});
        method(quitter, "__repr__", "self", a -> "Use " + ((PInstance) a[0]).dict().get("name") + "() or Ctrl-D (i.e. EOF) to exit");
        method(quitter, "__call__", "self, code=None", a -> {
            throw Errors.raise(BuiltinClasses.exception("SystemExit"), a[1]);
        });
        for (String name : new String[] {"exit", "quit"}) {
            PInstance instance = new PInstance(quitter);
            instance.dict().put("name", name);
            instance.dict().put("eof", "Ctrl-D (i.e. EOF)");
            d.put(name, instance);
        }
        moduleFunction(m, "help", "*args, **kwargs", a -> {
            Object[] args = ((PTuple) a[0]).items();
            if (args.length == 0) {
                Streams.writeStdout(context, "The interactive help utility is not available in mp; use help(object) for help about object.\n");
            } else {
                Streams.writeStdout(context, dev.mp.runtime.builtins.Help.page(args[0]));
            }
            return PNone.NONE;
        });
        moduleFunction(m, "compile", "source, filename, mode, flags=0, dont_inherit=False, optimize=-1, *, _feature_version=-1",
                a -> Evaluation.compile(context, a[0], a[1], a[2]));
        moduleFunction(m, "exec", "source, globals=None, locals=None, /, *, closure=None", a -> Evaluation.exec(context, a[0], a[1], a[2]));
        moduleFunction(m, "eval", "source, globals=None, locals=None, /", a -> Evaluation.eval(context, a[0], a[1], a[2]));
        moduleFunction(m, "__import__", "name, globals=None, locals=None, fromlist=(), level=0", a -> context.modules().importModule(
                moduleName(a[0]), a[1] instanceof PDict g ? g : context.mainModule().dict(), Conversions.isTrue(a[3]), (int) Conversions.asLong(a[4])));
    }

    /** {@code locals()} of the code calling the builtin; the main module's namespace when no mp code calls it. */
    private static Object callerLocals(MpContext context) {
        com.oracle.truffle.api.frame.Frame caller = CallerFrames.frame(0);
        return caller == null ? context.mainModule().dict() : CallerFrames.locals(caller);
    }

    /** "argument 1" or "arguments 1-n": the zip() arguments before argument n + 1. */
    private static String zipArguments(int n) {
        return n == 1 ? "argument 1" : "arguments 1-" + n;
    }

    /**
     * {@code reversed()} of a class with {@code __len__} and {@code __getitem__}, as CPython: {@code seq[len - 1]}
     * down to {@code seq[0]}, each read when it is needed (iterating forward would never end when
     * {@code __getitem__} accepts any index).
     */
    private static PIterator reversedSequence(Object seq) {
        long[] next = {Sequences.len(seq) - 1};
        return new PIterator(BuiltinClasses.REVERSED) {
            @Override
            public long lengthHint() {
                return next[0] + 1;
            }

            @Override
            public Object next() {
                if (next[0] < 0) {
                    return null;
                }
                try {
                    return Sequences.getItem(seq, next[0]--);
                } catch (dev.mp.runtime.MpException e) {
                    if (dev.mp.runtime.ops.Exceptions.matches(e, "IndexError") || dev.mp.runtime.ops.Exceptions.matches(e, "StopIteration")) {
                        next[0] = -1;
                        return null;
                    }
                    throw e;
                }
            }
        };
    }

    /** Whether reversed() takes o: a sequence (len and indexing) or a dict or dict view, not a set or an iterator. */
    private static boolean isReversible(Object o) {
        if (o instanceof PList || o instanceof PTuple || Types.baseValue(o) instanceof String || o instanceof dev.mp.runtime.objects.PRange
                || o instanceof dev.mp.runtime.objects.PBytes || o instanceof dev.mp.runtime.objects.PByteArray || o instanceof PDict) {
            return true;
        }
        PClass type = Types.typeOf(o);
        if (type == BuiltinClasses.DICT_KEYS || type == BuiltinClasses.DICT_VALUES || type == BuiltinClasses.DICT_ITEMS) {
            return true;
        }
        return Types.override(o, "__len__") != null && Types.override(o, "__getitem__") != null;
    }

    /** pow(base, exp, mod) of ints: the result has mod's sign; a negative exp takes the inverse of base. */
    private static Object modularPower(Object base, Object exp, Object mod) {
        if (base instanceof dev.mp.runtime.objects.PComplex || exp instanceof dev.mp.runtime.objects.PComplex
                || mod instanceof dev.mp.runtime.objects.PComplex) {
            throw Errors.valueError("complex modulo");
        }
        // A class's __pow__ takes the modulus as its second argument (Decimal's three-argument pow).
        Object power = Types.isInt(base) ? null : Types.override(base, "__pow__");
        if (power != null) {
            Object result = Calls.callDescriptor(power, base, exp, mod);
            if (result != dev.mp.runtime.objects.PSingleton.NOT_IMPLEMENTED) {
                return result;
            }
            throw Errors.typeError("unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'", Types.typeName(base),
                    Types.typeName(exp), Types.typeName(mod));
        }
        if (!Types.isInt(base) || !Types.isInt(exp) || !Types.isInt(mod)) {
            throw Errors.typeError("pow() 3rd argument not allowed unless all arguments are integers");
        }
        java.math.BigInteger m = Conversions.asBig(mod);
        if (m.signum() == 0) {
            throw Errors.valueError("pow() 3rd argument cannot be 0");
        }
        java.math.BigInteger r;
        try {
            r = Conversions.asBig(base).modPow(Conversions.asBig(exp), m.abs());
        } catch (ArithmeticException e) {
            throw Errors.valueError("base is not invertible for the given modulus");
        }
        if (m.signum() < 0 && r.signum() != 0) {
            r = r.add(m);
        }
        return Conversions.normalize(r);
    }

    private static String checkStrOrNone(Object o, String what) {
        if (Types.baseValue(o) instanceof String s) {
            return s;
        }
        throw Errors.typeError("%s must be None or a string, not %s", what, Types.typeName(o));
    }

    /** The name given to {@code __import__}: a str, else CPython's TypeError. */
    private static String moduleName(Object o) {
        if (Types.baseValue(o) instanceof String s) {
            return s;
        }
        throw Errors.typeError("module name must be a string");
    }

    private static String attrName(Object o) {
        return Errors.attributeName(o);
    }

    /**
     * {@code divmod(x, y)}: {@code x.__divmod__(y)}, else {@code y.__rdivmod__(x)} (first when y's type is a subclass
     * of x's), as a binary operator; the numbers' own quotient and remainder otherwise.
     */
    private static Object divmod(Object x, Object y) {
        Object left = Types.override(x, "__divmod__");
        Object right = Types.typeOf(y) == Types.typeOf(x) ? null : Types.override(y, "__rdivmod__");
        boolean rightFirst = right != null && Types.typeOf(y).isSubclassOf(Types.typeOf(x));
        if (rightFirst) {
            Object r = Calls.callDescriptor(right, y, x);
            if (r != dev.mp.runtime.objects.PSingleton.NOT_IMPLEMENTED) {
                return r;
            }
        }
        if (left != null) {
            Object r = Calls.callDescriptor(left, x, y);
            if (r != dev.mp.runtime.objects.PSingleton.NOT_IMPLEMENTED) {
                return r;
            }
        }
        if (right != null && !rightFirst) {
            Object r = Calls.callDescriptor(right, y, x);
            if (r != dev.mp.runtime.objects.PSingleton.NOT_IMPLEMENTED) {
                return r;
            }
        }
        Object a = Types.baseValue(x);
        Object b = Types.baseValue(y);
        if (!Types.isNumber(a) || !Types.isNumber(b)) {
            throw Errors.typeError("unsupported operand type(s) for divmod(): '%s' and '%s'", Types.typeName(x), Types.typeName(y));
        }
        if ((a instanceof Double || b instanceof Double) && Conversions.asDouble(b) == 0) {
            throw Errors.zeroDivision("float divmod()");
        }
        return PTuple.of(Arithmetic.binary(Arithmetic.BinOp.FLOORDIV, a, b), Arithmetic.binary(Arithmetic.BinOp.MOD, a, b));
    }

    static boolean isInstance(Object obj, Object spec) {
        if (spec instanceof PClass c) {
            return dev.mp.runtime.ops.Classes.isInstance(obj, c);
        }
        if (spec instanceof dev.mp.runtime.builtins.UnionType u) {
            return isInstance(obj, u.args());
        }
        if (spec instanceof dev.mp.runtime.builtins.GenericAlias) {
            throw Errors.typeError("isinstance() argument 2 cannot be a parameterized generic");
        }
        if (spec instanceof PTuple t) {
            for (Object o : t.items()) {
                if (isInstance(obj, o)) {
                    return true;
                }
            }
            return false;
        }
        throw Errors.typeError("isinstance() arg 2 must be a type, a tuple of types, or a union");
    }

    private static boolean subclass(Object c, Object spec) {
        if (spec instanceof PClass s) {
            return dev.mp.runtime.ops.Classes.isSubclass(c, s);
        }
        if (spec instanceof dev.mp.runtime.builtins.UnionType u) {
            return subclass(c, u.args());
        }
        if (spec instanceof dev.mp.runtime.builtins.GenericAlias) {
            throw Errors.typeError("issubclass() argument 2 cannot be a parameterized generic");
        }
        if (spec instanceof PTuple t) {
            for (Object o : t.items()) {
                if (subclass(c, o)) {
                    return true;
                }
            }
            return false;
        }
        throw Errors.typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
    }

    private static Object extreme(Object[] a, Comparisons.Op op, String name) {
        Object[] args = ((PTuple) a[0]).items();
        List<Object> items;
        if (args.length == 1) {
            items = Iteration.toList(args[0]);
        } else if (args.length == 0) {
            throw Errors.typeError("%s expected at least 1 argument, got 0", name);
        } else {
            if (a[2] != null) {
                throw Errors.typeError("Cannot specify a default for %s() with multiple positional arguments", name);
            }
            items = List.of(args);
        }
        if (items.isEmpty()) {
            if (a[2] != null) {
                return a[2];
            }
            throw Errors.valueError("%s() arg is an empty sequence", name);
        }
        Object best = items.get(0);
        Object bestKey = a[1] == PNone.NONE ? best : Calls.call(a[1], best);
        for (int i = 1; i < items.size(); i++) {
            Object v = items.get(i);
            Object k = a[1] == PNone.NONE ? v : Calls.call(a[1], v);
            if (Conversions.isTrue(Comparisons.compare(k, bestKey, op))) {
                best = v;
                bestKey = k;
            }
        }
        return best;
    }

    private static String radix(Object n, int radix, String prefix) {
        java.math.BigInteger v = Conversions.asBig(Conversions.index(n));
        return (v.signum() < 0 ? "-" : "") + prefix + v.abs().toString(radix);
    }

    /**
     * What print() writes to when given no file: null for the process's standard output, or the object a
     * program assigned to sys.stdout (contextlib.redirect_stdout), None included (print then writes nothing).
     */
    @com.oracle.truffle.api.CompilerDirectives.TruffleBoundary
    private static Object replacedStdout(MpContext context) {
        if (context.modules().sysModules().get("sys") instanceof dev.mp.runtime.objects.PModule sys) {
            Object stdout = sys.dict().get("stdout");
            if (stdout != null && !(stdout instanceof StdStream)) {
                return stdout;
            }
        }
        return null;
    }
}
