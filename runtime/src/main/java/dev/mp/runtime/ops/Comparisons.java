package dev.mp.runtime.ops;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.objects.PBoxed;
import dev.mp.runtime.objects.PByteArray;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PRange;
import dev.mp.runtime.objects.PSet;
import dev.mp.runtime.objects.PSingleton;
import dev.mp.runtime.objects.PTuple;

/** Rich comparison, equality and membership, with Python's reflection rules and messages. */
public final class Comparisons {
    private Comparisons() {
    }

    /** The six comparison operators, with their symbols and special-method names. */
    public enum Op {
        LT("<", "__lt__", "__gt__"), LE("<=", "__le__", "__ge__"), EQ("==", "__eq__", "__eq__"),
        NE("!=", "__ne__", "__ne__"), GT(">", "__gt__", "__lt__"), GE(">=", "__ge__", "__le__");

        public final String symbol;
        final String method;
        final String reflected;

        Op(String symbol, String method, String reflected) {
            this.symbol = symbol;
            this.method = method;
            this.reflected = reflected;
        }

        boolean test(int cmp) {
            return switch (this) {
                case LT -> cmp < 0;
                case LE -> cmp <= 0;
                case EQ -> cmp == 0;
                case NE -> cmp != 0;
                case GT -> cmp > 0;
                case GE -> cmp >= 0;
            };
        }
    }

    public static boolean eq(Object a, Object b) {
        if (a == b && !(a instanceof Double)) {
            return true;
        }
        if (a instanceof String s && b instanceof String t) {
            return s.equals(t);
        }
        if (a instanceof Long x && b instanceof Long y) {
            return x.longValue() == y.longValue();
        }
        return Conversions.isTrue(compare(a, b, Op.EQ));
    }

    /**
     * An int against a float (not NaN) by their exact values, as CPython compares them: converting the int to a
     * float would round it ({@code 2**53 + 1 == 2.0**53} is false).
     */
    private static int compareExactly(long l, double d) {
        if (d >= 0x1p63) {
            return -1;
        }
        if (d < -0x1p63) {
            return 1;
        }
        long whole = (long) d; // truncated, exact: |d| < 2^63
        if (l != whole) {
            return l < whole ? -1 : 1;
        }
        double fraction = d - whole; // exact
        return fraction > 0 ? -1 : fraction < 0 ? 1 : 0;
    }

    /** Evaluates {@code a op b}; the result is usually a bool but user methods may return anything. */
    @TruffleBoundary
    public static Object compare(Object a, Object b, Op op) {
        if (a instanceof Long x && b instanceof Long y) {
            return op.test(Long.compare(x, y));
        }
        if (Types.isNumber(a) && Types.isNumber(b) && !(a instanceof PBoxed) && !(b instanceof PBoxed)) {
            if (a instanceof Double || b instanceof Double) {
                double x = Conversions.asDouble(a);
                double y = Conversions.asDouble(b);
                if (Double.isNaN(x) || Double.isNaN(y)) {
                    return op == Op.NE;
                }
                if (a instanceof BigInteger || b instanceof BigInteger) {
                    return op.test(numericBig(a).compareTo(numericBig(b)));
                }
                if (a instanceof Long l && b instanceof Double) {
                    return op.test(compareExactly(l, y));
                }
                if (b instanceof Long l && a instanceof Double) {
                    return op.test(-compareExactly(l, x));
                }
                return op.test(x < y ? -1 : x > y ? 1 : 0); // not Double.compare, for which -0.0 < 0.0
            }
            return op.test(Conversions.asBig(a).compareTo(Conversions.asBig(b)));
        }
        if (a instanceof String s && b instanceof String t) {
            return op.test(compareCodePoints(s, t));
        }
        boolean reflectedFirst = Types.hasOverrides(b) && Types.typeOf(b) != Types.typeOf(a) && Types.typeOf(b).isSubclassOf(Types.typeOf(a));
        if (reflectedFirst) {
            Object r = tryUser(b, op.reflected, a);
            if (r != PSingleton.NOT_IMPLEMENTED) {
                return r;
            }
        }
        Object r = tryUser(a, op.method, b);
        if (r != PSingleton.NOT_IMPLEMENTED) {
            return r;
        }
        if (!reflectedFirst) {
            r = tryUser(b, op.reflected, a);
            if (r != PSingleton.NOT_IMPLEMENTED) {
                return r;
            }
        }
        Object x = Types.baseValue(a);
        Object y = Types.baseValue(b);
        if ((x != a || y != b) && ((Types.isNumber(x) && Types.isNumber(y)) || (x instanceof String && y instanceof String))) {
            return compare(x, y, op);
        }
        r = builtinCompare(a, b, op);
        if (r != PSingleton.NOT_IMPLEMENTED) {
            return r;
        }
        if (op == Op.EQ || op == Op.NE) {
            boolean same = a == b || (HostInterop.isForeign(a) && HostInterop.isForeign(b) && HostInterop.isIdentical(a, b));
            return op == Op.EQ ? same : !same;
        }
        throw Errors.typeError("'%s' not supported between instances of '%s' and '%s'", op.symbol, Types.typeName(a), Types.typeName(b));
    }

    private static BigDecimal numericBig(Object o) {
        return o instanceof Double d ? new BigDecimal(d) : new BigDecimal(Conversions.asBig(o));
    }

    private static Object tryUser(Object self, String method, Object other) {
        if (!Types.hasOverrides(self)) {
            return PSingleton.NOT_IMPLEMENTED;
        }
        Object m = Types.override(self, method);
        if (m != null) {
            return Calls.callDescriptor(m, self, other);
        }
        if (method.equals("__ne__")) {
            Object eqm = Types.override(self, "__eq__");
            if (eqm != null) {
                Object r = Calls.callDescriptor(eqm, self, other);
                return r == PSingleton.NOT_IMPLEMENTED ? r : !Conversions.isTrue(r);
            }
        }
        return PSingleton.NOT_IMPLEMENTED;
    }

    /**
     * {@code a op b} as the core types compare, without special methods: NotImplemented for operands they do
     * not compare (what {@code int.__lt__} and the like return).
     */
    public static Object nativeCompare(Object a, Object b, Op op) {
        a = Types.baseValue(a);
        b = Types.baseValue(b);
        if ((Types.isNumber(a) && Types.isNumber(b)) || (a instanceof String && b instanceof String)) {
            return compare(a, b, op);
        }
        return builtinCompare(a, b, op);
    }

    private static Object builtinCompare(Object a, Object b, Op op) {
        if ((a instanceof dev.mp.runtime.objects.PComplex || b instanceof dev.mp.runtime.objects.PComplex) && ComplexNumbers.isOperand(a)
                && ComplexNumbers.isOperand(b)) {
            return ComplexNumbers.compare(a, b, op);
        }
        if ((a instanceof PList && b instanceof PList) || (a instanceof PTuple && b instanceof PTuple) || (a instanceof PDict && b instanceof PDict)) {
            return containerCompare(a, b, op);
        }
        if (a instanceof dev.mp.runtime.objects.PSlice x && b instanceof dev.mp.runtime.objects.PSlice y) {
            // Slices order as the tuples (start, stop, step).
            return containerCompare(new PTuple(new Object[] {x.start, x.stop, x.step}), new PTuple(new Object[] {y.start, y.stop, y.step}), op);
        }
        if (a instanceof PBytes x && b instanceof PBytes y) {
            return op.test(Arrays.compareUnsigned(x.bytes(), y.bytes()));
        }
        if ((a instanceof PBytes || a instanceof PByteArray) && (b instanceof PBytes || b instanceof PByteArray)) {
            return op.test(Arrays.compareUnsigned(Sequences.bytesOf(a), Sequences.bytesOf(b)));
        }
        if (a instanceof PSet x && b instanceof PSet y) {
            return switch (op) {
                case EQ -> x.equals(y);
                case NE -> !x.equals(y);
                case LE -> subset(x, y);
                case LT -> x.size() < y.size() && subset(x, y);
                case GE -> subset(y, x);
                case GT -> x.size() > y.size() && subset(y, x);
            };
        }
        if (a instanceof dev.mp.runtime.objects.PMethod x && b instanceof dev.mp.runtime.objects.PMethod y && (op == Op.EQ || op == Op.NE)) {
            return x.equals(y) == (op == Op.EQ);
        }
        if (a instanceof PRange x && b instanceof PRange y && (op == Op.EQ || op == Op.NE)) {
            return x.equals(y) == (op == Op.EQ);
        }
        if (a == PNone.NONE || b == PNone.NONE) {
            return PSingleton.NOT_IMPLEMENTED;
        }
        return PSingleton.NOT_IMPLEMENTED;
    }

    /**
     * Compares two lists, tuples or dicts, whose items compare in turn. As CPython's PyObject_RichCompare, each
     * nested comparison counts against the recursion limit: comparing lists nested 100,000 deep is a
     * RecursionError at once, not a Java stack overflow.
     */
    @TruffleBoundary
    private static Object containerCompare(Object a, Object b, Op op) {
        dev.mp.runtime.MpContext ctx = dev.mp.runtime.MpContext.current();
        if (ctx != null && ++ctx.depth >= ctx.recursionLimit) {
            ctx.depth--;
            throw Errors.make("RecursionError", "maximum recursion depth exceeded in comparison");
        }
        try {
            return switch (a) {
                case PList x -> sequenceCompare(x.toArray(), ((PList) b).toArray(), op);
                case PTuple x -> sequenceCompare(x.items(), ((PTuple) b).items(), op);
                default -> op == Op.EQ || op == Op.NE ? dictEquals((PDict) a, (PDict) b) == (op == Op.EQ) : PSingleton.NOT_IMPLEMENTED;
            };
        } finally {
            if (ctx != null) {
                ctx.depth--;
            }
        }
    }

    private static boolean subset(PSet x, PSet y) {
        for (Object o : x.values()) {
            if (!y.contains(o)) {
                return false;
            }
        }
        return true;
    }

    private static boolean dictEquals(PDict x, PDict y) {
        if (x.size() != y.size()) {
            return false;
        }
        for (PDict.Entry e : x.entries()) {
            Object v = y.get(e.key);
            if (v == null || !eq(e.value, v)) {
                return false;
            }
        }
        return true;
    }

    private static Object sequenceCompare(Object[] x, Object[] y, Op op) {
        int n = Math.min(x.length, y.length);
        for (int i = 0; i < n; i++) {
            if (!eq(x[i], y[i])) {
                if (op == Op.EQ) {
                    return false;
                }
                if (op == Op.NE) {
                    return true;
                }
                return compare(x[i], y[i], op);
            }
        }
        return op.test(Integer.compare(x.length, y.length));
    }

    /** Compares by code point, as Python orders str (Java's compareTo orders UTF-16 units). */
    public static int compareCodePoints(String s, String t) {
        int n = Math.min(s.length(), t.length());
        for (int i = 0; i < n; i++) {
            char a = s.charAt(i);
            char b = t.charAt(i);
            if (a != b) {
                if (Character.isSurrogate(a) || Character.isSurrogate(b)) {
                    return Integer.compare(s.codePointAt(i), t.codePointAt(i));
                }
                return a - b;
            }
        }
        return s.length() - t.length();
    }

    /** {@code item in container}. */
    @TruffleBoundary
    public static boolean contains(Object container, Object item) {
        Object m = Types.override(container, "__contains__");
        if (m != null) {
            return Conversions.isTrue(Calls.callDescriptor(m, container, item));
        }
        return builtinContains(container, item);
    }

    /** {@code item in container} as the builtin types implement it, ignoring a {@code __contains__} override. */
    public static boolean builtinContains(Object container, Object item) {
        if (Types.baseValue(container) instanceof String s) {
            if (!(Types.baseValue(item) instanceof String t)) {
                throw Errors.typeError("'in <string>' requires string as left operand, not %s", Types.typeName(item));
            }
            return s.contains(t);
        }
        if (container instanceof PDict d) {
            return d.containsKey(item);
        }
        if (container instanceof PSet s) {
            return s.contains(item);
        }
        if (container instanceof PList l) {
            for (int i = 0; i < l.size(); i++) {
                if (eq(l.get(i), item)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof PTuple t) {
            for (Object o : t.items()) {
                if (eq(o, item)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof PRange r && item instanceof Long v) {
            long x = v;
            if (r.step > 0 ? (x < r.start || x >= r.stop) : (x > r.start || x <= r.stop)) {
                return false;
            }
            return (x - r.start) % r.step == 0;
        }
        if (container instanceof PBytes || container instanceof PByteArray) {
            return Sequences.bytesContains(Sequences.bytesOf(container), item);
        }
        if (HostInterop.isForeign(container)) {
            Boolean present = HostObjects.hashContains(container, item);
            if (present != null) {
                return present;
            }
        }
        Object it = Iteration.iter(container, true);
        if (it == null) {
            throw Errors.typeError("argument of type '%s' is not iterable", Types.typeName(container));
        }
        for (Object o = Iteration.next(it); o != null; o = Iteration.next(it)) {
            if (eq(o, item)) {
                return true;
            }
        }
        return false;
    }
}
