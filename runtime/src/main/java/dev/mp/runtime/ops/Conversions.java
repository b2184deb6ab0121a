package dev.mp.runtime.ops;

import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.MpException;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.PBoxed;
import dev.mp.runtime.objects.PBuiltinFunction;
import dev.mp.runtime.objects.PByteArray;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PClassMethod;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PFunction;
import dev.mp.runtime.objects.PInstance;
import dev.mp.runtime.objects.PIterator;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PMethod;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PObject;
import dev.mp.runtime.objects.PProperty;
import dev.mp.runtime.objects.PRange;
import dev.mp.runtime.objects.PSet;
import dev.mp.runtime.objects.PSingleton;
import dev.mp.runtime.objects.PSlice;
import dev.mp.runtime.objects.PStaticMethod;
import dev.mp.runtime.objects.PTuple;

/** repr, str, truth value, hash and numeric coercions, with Python's rules and messages. */
public final class Conversions {
    private Conversions() {
    }

    /** Containers being printed on this thread, to print a recursive reference as {@code [...]}. */
    private static final ThreadLocal<Map<Object, Boolean>> REPR_IN_PROGRESS = ThreadLocal.withInitial(IdentityHashMap::new);

    @TruffleBoundary
    public static String repr(Object o) {
        if (o instanceof String s) {
            return StringRepr.repr(s);
        }
        if (o instanceof Long) {
            return o.toString();
        }
        if (o instanceof BigInteger b) {
            return IntDigits.toDecimal(b);
        }
        if (o instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (o instanceof Double d) {
            return FloatFormat.repr(d);
        }
        // As CPython's PyObject_Repr, a nested repr counts against the recursion limit: a deeply nested list is
        // a RecursionError at once, not a Java stack overflow after quadratic string building.
        dev.mp.runtime.MpContext ctx = dev.mp.runtime.MpContext.current();
        if (ctx != null && ++ctx.depth >= ctx.recursionLimit) {
            ctx.depth--;
            throw Errors.make("RecursionError", "maximum recursion depth exceeded while getting the repr of an object");
        }
        try {
            Object method = Types.override(o, "__repr__");
            if (method != null) {
                return checkStr(Calls.callDescriptor(method, o), "__repr__");
            }
            if (HostInterop.isForeign(o)) {
                return HostObjects.displayString(o);
            }
            return builtinRepr(o);
        } finally {
            if (ctx != null) {
                ctx.depth--;
            }
        }
    }

    private static String checkStr(Object result, String method) {
        if (Types.baseValue(result) instanceof String s) {
            return s;
        }
        throw Errors.typeError("%s returned non-string (type %s)", method, Types.typeName(result));
    }

    static String qualifiedName(PClass cls) {
        String module = cls.module();
        return module == null || module.equals("builtins") ? cls.qualname() : module + "." + cls.qualname();
    }

    private static String exceptionRepr(PBaseException e) {
        PTuple args = e.args();
        String name = e.getPythonClass().name();
        if (args.size() == 1) {
            return name + "(" + repr(args.get(0)) + ")";
        }
        return name + repr(args);
    }

    /**
     * The repr that the builtin types give, whatever the type of {@code o} overrides: {@code object.__repr__}
     * for instances of classes, {@code list.__repr__} for lists and instances of list subclasses, and so on.
     */
    public static String builtinRepr(Object o) {
        if (o instanceof PBoxed b) {
            return repr(b.value());
        }
        if (!(o instanceof PObject)) {
            return o instanceof String || o instanceof Long || o instanceof BigInteger || o instanceof Boolean || o instanceof Double
                    ? repr(o) : String.valueOf(o);
        }
        if (o instanceof PBaseException e) {
            return exceptionRepr(e);
        }
        if (o instanceof PInstance inst) {
            return "<" + qualifiedName(inst.getPythonClass()) + " object at " + Identity.hexId(o) + ">";
        }
        if (o instanceof PList || o instanceof PTuple || o instanceof PDict || o instanceof PSet) {
            Map<Object, Boolean> active = REPR_IN_PROGRESS.get();
            if (active.containsKey(o)) {
                return o instanceof PList ? "[...]" : o instanceof PDict ? "{...}" : "(...)";
            }
            active.put(o, Boolean.TRUE);
            try {
                return containerRepr(o);
            } finally {
                active.remove(o);
            }
        }
        if (o == PNone.NONE || o instanceof PSingleton) {
            return o.toString();
        }
        if (o instanceof PBytes b) {
            return BytesRepr.repr(b.bytes(), b.bytes().length);
        }
        if (o instanceof dev.mp.runtime.objects.PComplex c) {
            return ComplexNumbers.repr(c);
        }
        if (o instanceof PByteArray b) {
            return "bytearray(" + BytesRepr.repr(b.toBytes(), b.length()) + ")";
        }
        if (o instanceof PRange r) {
            return r.step == 1 ? "range(" + r.start + ", " + r.stop + ")" : "range(" + r.start + ", " + r.stop + ", " + r.step + ")";
        }
        if (o instanceof PSlice s) {
            return "slice(" + repr(s.start) + ", " + repr(s.stop) + ", " + repr(s.step) + ")";
        }
        if (o instanceof PClass c) {
            return c.toString();
        }
        if (o instanceof PFunction f) {
            return "<function " + f.qualname() + " at " + Identity.hexId(o) + ">";
        }
        if (o instanceof PBuiltinFunction f) {
            return f.isMethod() ? "<method '" + f.name() + "' of '" + f.ownerType() + "' objects>" : "<built-in function " + f.name() + ">";
        }
        if (o instanceof PMethod m) {
            if (m.function instanceof PBuiltinFunction f) {
                return "<built-in method " + f.name() + " of " + Types.typeName(m.self) + " object at " + Identity.hexId(m.self) + ">";
            }
            String qn = m.function instanceof PFunction f ? f.qualname() : "?";
            return "<bound method " + qn + " of " + repr(m.self) + ">";
        }
        if (o instanceof PModule m) {
            Object file = m.dict().get("__file__");
            return file instanceof String f ? "<module '" + m.name() + "' from '" + f + "'>" : "<module '" + m.name() + "' (built-in)>";
        }
        if (o instanceof PProperty || o instanceof PStaticMethod || o instanceof PClassMethod || o instanceof PIterator) {
            return "<" + Types.typeName(o) + " object at " + Identity.hexId(o) + ">";
        }
        PClass cls = Types.typeOf(o);
        Object method = cls.lookup("__repr__");
        if ((method instanceof PBuiltinFunction || method instanceof PFunction) && method != BuiltinClasses.OBJECT.dict().get("__repr__")) {
            Object r = Calls.call(method, o);
            if (r instanceof String s) {
                return s;
            }
        }
        return "<" + cls.name() + " object at " + Identity.hexId(o) + ">";
    }

    private static String containerRepr(Object o) {
        StringBuilder sb = new StringBuilder();
        if (o instanceof PList l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(repr(l.get(i)));
            }
            return sb.append(']').toString();
        }
        if (o instanceof PTuple t) {
            sb.append('(');
            for (int i = 0; i < t.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(repr(t.get(i)));
            }
            if (t.size() == 1) {
                sb.append(',');
            }
            return sb.append(')').toString();
        }
        if (o instanceof PDict d) {
            sb.append('{');
            boolean first = true;
            for (PDict.Entry e : d.entries()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                sb.append(repr(e.key)).append(": ").append(repr(e.value));
            }
            return sb.append('}').toString();
        }
        PSet s = (PSet) o;
        // A set shows as {1}, a frozenset as frozenset({1}), an instance of a subclass of either as Name({1}).
        String name = s.isSubclassInstance() || s.isFrozen() ? Types.typeOf(s).name() : null;
        if (s.size() == 0) {
            return (name == null ? "set" : name) + "()";
        }
        sb.append(name == null ? "{" : name + "({");
        boolean first = true;
        for (Object v : s.values()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(repr(v));
        }
        return sb.append(name == null ? "}" : "})").toString();
    }

    @TruffleBoundary
    public static String str(Object o) {
        if (o instanceof String s) {
            return s;
        }
        Object method = Types.override(o, "__str__");
        if (method != null) {
            return checkStr(Calls.callDescriptor(method, o), "__str__");
        }
        if (o instanceof PBaseException e) {
            return Exceptions.str(e);
        }
        // int and float take str() from object, which calls the subclass's __repr__; str's own __str__ does not.
        if (o instanceof PBoxed b && b.value() instanceof String s) {
            return s;
        }
        return repr(o);
    }

    /** "TypeError: message" (or just the class name when the message is empty), as a traceback ends. */
    public static String formatExceptionLine(PBaseException e) {
        PClass cls = e.getPythonClass();
        String name = cls.module() == null || cls.module().equals("builtins") || cls.module().equals("__main__")
                ? cls.qualname() : cls.module() + "." + cls.qualname();
        String msg;
        try {
            msg = str(e);
        } catch (MpException inner) {
            msg = "<exception str() failed>";
        }
        return msg.isEmpty() ? name : name + ": " + msg;
    }

    public static boolean isTrue(Object o) {
        if (o instanceof Boolean b) {
            return b;
        }
        if (o == PNone.NONE) {
            return false;
        }
        if (o instanceof Long l) {
            return l != 0;
        }
        if (o instanceof String s) {
            return !s.isEmpty();
        }
        if (o instanceof Double d) {
            return d != 0.0;
        }
        return isTrueGeneric(o);
    }

    /** The truth value of any other object: special methods, containers, big ints, host values. */
    @TruffleBoundary
    private static boolean isTrueGeneric(Object o) {
        if (Types.hasOverrides(o)) {
            Object bool = Types.override(o, "__bool__");
            if (bool != null) {
                Object r = Calls.callDescriptor(bool, o);
                if (r instanceof Boolean b) {
                    return b;
                }
                throw Errors.typeError("__bool__ should return bool, returned %s", Types.typeName(r));
            }
            if (Types.override(o, "__len__") != null) {
                return Sequences.len(o) != 0;
            }
            if (o instanceof PBoxed b) {
                return isTrue(b.value());
            }
        }
        if (o instanceof PList l) {
            return l.size() != 0;
        }
        if (o instanceof PTuple t) {
            return t.size() != 0;
        }
        if (o instanceof PDict d) {
            return d.size() != 0;
        }
        if (o instanceof PSet s) {
            return s.size() != 0;
        }
        if (o instanceof BigInteger) {
            return true;
        }
        if (o instanceof PBytes b) {
            return b.bytes().length != 0;
        }
        if (o instanceof dev.mp.runtime.objects.PComplex c) {
            return c.real != 0.0 || c.imag != 0.0;
        }
        if (o instanceof PByteArray b) {
            return b.length() != 0;
        }
        if (o instanceof PRange r) {
            return r.length() != 0;
        }
        if (HostInterop.isForeign(o)) {
            return HostObjects.isTrue(o);
        }
        if (o instanceof dev.mp.runtime.objects.PObject p && p.getPythonClass().lookup("__len__") instanceof PBuiltinFunction) {
            return Sequences.len(o) != 0; // the other builtin containers: dict views, ...
        }
        return true;
    }

    /** Python's hash(); -1 is never a result, as in CPython. */
    public static long hash(Object o) {
        if (o instanceof Long l) {
            return hashLong(l);
        }
        if (Types.hasOverrides(o)) {
            Object method = Types.override(o, "__hash__");
            if (method == PNone.NONE) {
                throw Errors.typeError("unhashable type: '%s'", Types.typeName(o));
            }
            if (method != null) {
                Object r = Calls.callDescriptor(method, o);
                if (!Types.isInt(Types.baseValue(r))) {
                    throw Errors.typeError("__hash__ method should return an integer");
                }
                return hash(r);
            }
            if (o instanceof PBoxed b) {
                return hash(b.value());
            }
        }
        if (o instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (o instanceof String s) {
            long h = s.hashCode();
            return h == -1 ? -2 : h;
        }
        if (o instanceof Double d) {
            double v = d;
            if (v == Math.rint(v) && !Double.isInfinite(v)) {
                return v >= Long.MIN_VALUE && v <= Long.MAX_VALUE ? hashLong((long) v)
                        : hash(new java.math.BigDecimal(v).toBigInteger());
            }
            return hashFraction(v);
        }
        if (o instanceof BigInteger b) {
            long h = b.mod(BigInteger.valueOf(MODULUS)).longValue();
            if (b.signum() < 0 && h != 0) {
                h = -(MODULUS - h);
            }
            return h == -1 ? -2 : h;
        }
        if (o instanceof PTuple t) {
            long acc = 0x27D4EB2F165667C5L;
            for (Object item : t.items()) {
                acc += hash(item) * 0xC2B2AE3D27D4EB4FL;
                acc = Long.rotateLeft(acc, 31) * 0x9E3779B185EBCA87L;
            }
            acc += t.size() ^ 0x27D4EB2F165667C5L ^ 3527539L;
            return acc == -1 ? 1546275796 : acc;
        }
        if (o instanceof PSet s) {
            if (!s.isFrozen()) {
                throw Errors.typeError("unhashable type: 'set'");
            }
            long acc = 0;
            for (Object item : s.values()) {
                long h = hash(item);
                acc ^= (h ^ (h << 16) ^ 89869747L) * 3644798167L;
            }
            return acc == -1 ? 590923713 : acc;
        }
        if (o instanceof PList || o instanceof PDict || o instanceof PByteArray || o instanceof dev.mp.runtime.objects.PSlice) {
            throw Errors.typeError("unhashable type: '%s'", Types.typeName(o));
        }
        if (o instanceof PBytes b) {
            return b.hashCode();
        }
        if (o instanceof dev.mp.runtime.objects.PComplex c) {
            return ComplexNumbers.hash(c);
        }
        if (o instanceof dev.mp.runtime.objects.PMethod m) {
            return m.hashCode();
        }
        if (Types.typeOf(o) == BuiltinClasses.DICT_KEYS || Types.typeOf(o) == BuiltinClasses.DICT_ITEMS) {
            throw Errors.typeError("unhashable type: '%s'", Types.typeName(o));
        }
        if (o instanceof PRange r) {
            long n = r.length();
            return hash(PTuple.of(n, n == 0 ? PNone.NONE : (Object) r.start, n <= 1 ? PNone.NONE : (Object) r.step));
        }
        if (HostInterop.isForeign(o)) {
            return HostInterop.identityHash(o);
        }
        return Identity.id(o) >> 4;
    }

    private static final long MODULUS = (1L << 61) - 1;

    /**
     * CPython's hash of a float that is not an integer: infinities hash to +-314159, NaN by identity, and a
     * finite {@code v = M * 2^E} (M an integer) to {@code sign * (|M| * 2^E mod P)} with P = 2^61 - 1, where
     * 2^E mod P is 2^(E mod 61) since 2^61 = 1 (mod P). Equal numbers of any type thus hash alike.
     */
    private static long hashFraction(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? 314159 : -314159;
        }
        if (Double.isNaN(v)) {
            return Identity.id(v) >> 4;
        }
        int exponent = Math.getExponent(v) - 52;
        long mantissa = (Double.doubleToRawLongBits(v) & 0xFFFFFFFFFFFFFL) | (Math.getExponent(v) == Double.MIN_EXPONENT - 1 ? 0 : 1L << 52);
        if (Math.getExponent(v) == Double.MIN_EXPONENT - 1) {
            exponent = Double.MIN_EXPONENT - 52;
        }
        long h = BigInteger.valueOf(mantissa).shiftLeft(Math.floorMod(exponent, 61)).mod(BigInteger.valueOf(MODULUS)).longValue();
        h = v < 0 ? -h : h;
        return h == -1 ? -2 : h;
    }

    private static long hashLong(long l) {
        long h = l >= 0 ? l % MODULUS : -((-(l + 1)) % MODULUS + 1) % MODULUS;
        return h == -1 ? -2 : h;
    }

    /** An integer value as a Java long, via {@code __index__}; raises for non-integers and overflow. */
    public static long asLong(Object o) {
        if (o instanceof Long l) {
            return l;
        }
        if (o instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (o instanceof BigInteger) {
            throw Errors.overflowError("Python int too large to convert to C ssize_t");
        }
        Object index = index(o);
        return asLong(index);
    }

    /** {@code operator.index(o)}: an int (Long or BigInteger) or TypeError. */
    public static Object index(Object o) {
        if (o instanceof Long || o instanceof BigInteger) {
            return o;
        }
        if (o instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        Object method = Types.override(o, "__index__");
        if (method != null) {
            Object r = Calls.callDescriptor(method, o);
            if (!Types.isInt(Types.baseValue(r))) {
                throw Errors.typeError("__index__ returned non-int (type %s)", Types.typeName(r));
            }
            return r instanceof Boolean b ? (Object) (b ? 1L : 0L) : Types.baseValue(r);
        }
        if (o instanceof PBoxed b && Types.isInt(b.value())) {
            return b.value();
        }
        throw Errors.typeError("'%s' object cannot be interpreted as an integer", Types.typeName(o));
    }

    /** A number as a Java double, for float arithmetic; raises TypeError for other types. */
    public static double asDouble(Object o) {
        if (o instanceof Double d) {
            return d;
        }
        if (o instanceof Long l) {
            return l;
        }
        if (o instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (o instanceof BigInteger b) {
            double d = b.doubleValue();
            if (Double.isInfinite(d)) {
                throw Errors.overflowError("int too large to convert to float");
            }
            return d;
        }
        Object method = Types.override(o, "__float__");
        if (method != null) {
            Object r = Calls.callDescriptor(method, o);
            if (!(r instanceof Double d)) {
                throw Errors.typeError("%s.__float__ returned non-float (type %s)", Types.typeName(o), Types.typeName(r));
            }
            return d;
        }
        if (o instanceof PBoxed b && Types.isNumber(b.value())) {
            return asDouble(b.value());
        }
        // As PyFloat_AsDouble: an object without __float__ converts through its __index__.
        if (Types.override(o, "__index__") != null) {
            return asDouble(index(o));
        }
        throw Errors.typeError("must be real number, not %s", Types.typeName(o));
    }

    /** Normalizes an int result: a BigInteger in the long range becomes a Long. */
    public static Object normalize(BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    public static BigInteger asBig(Object o) {
        if (Types.baseValue(o) instanceof BigInteger b) {
            return b;
        }
        if (o instanceof Boolean b) {
            return b ? BigInteger.ONE : BigInteger.ZERO;
        }
        return BigInteger.valueOf((Long) Types.baseValue(o));
    }
}
