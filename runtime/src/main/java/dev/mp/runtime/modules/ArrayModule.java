package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.method;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.Arrays;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.builtins.BuiltinBuilder;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PByteArray;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PIterator;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PSingleton;
import dev.mp.runtime.objects.PSlice;
import dev.mp.runtime.objects.PSubclassable;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Comparisons;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Iteration;
import dev.mp.runtime.ops.Sequences;
import dev.mp.runtime.ops.Types;

/**
 * The {@code array} module: {@code array.array}, a compact sequence of machine numbers of one type code
 * ({@code b B u h H i I l L q Q f d}), stored as raw little-endian bytes as CPython stores them on x86-64, with
 * CPython 3.11's methods, range checks, messages and pickled form ({@code _array_reconstructor}).
 */
final class ArrayModule {
    private ArrayModule() {
    }

    static final String TYPECODES = "bBuhHiIlLqQfd";

    static final PClass ARRAY = new PClass("array", "array", new PClass[] {BuiltinClasses.OBJECT}, true, PClass.Layout.BUILTIN)
            .allowSubclasses();
    private static final PClass ITERATOR = new PClass("arrayiterator", "array", new PClass[] {BuiltinClasses.OBJECT}, true,
            PClass.Layout.BUILTIN);

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

    /** An array: its type code, and {@code length} items of {@code itemsize} bytes at the start of {@code data}. */
    static final class PArray extends PSubclassable implements dev.mp.runtime.objects.BufferExporter {
        final char typecode;
        final int itemsize;
        byte[] data = new byte[0];
        int length;

        PArray(PClass cls, char typecode) {
            super(cls);
            this.typecode = typecode;
            this.itemsize = itemSize(typecode);
        }

        byte[] bytes() {
            return Arrays.copyOf(data, length * itemsize);
        }

        @Override
        public java.lang.foreign.MemorySegment exportedMemory() {
            return java.lang.foreign.MemorySegment.ofArray(data).asSlice(0, (long) length * itemsize);
        }

        @Override
        public boolean exportsReadonly() {
            return false;
        }

        @Override
        public String exportedFormat() {
            // 'u' items are UCS-4 code points, which struct calls 'w' in memoryview's formats; the others match.
            return typecode == 'u' ? "w" : String.valueOf(typecode);
        }

        void ensureCapacity(long items) {
            long needed = items * itemsize;
            if (needed > Integer.MAX_VALUE - 8) {
                throw Errors.make("MemoryError", "");
            }
            if (needed > data.length) {
                data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, data.length * 2L + 16)));
            }
        }

        Object get(int i) {
            int at = i * itemsize;
            return switch (typecode) {
                case 'b' -> (long) data[at];
                case 'B' -> (long) (data[at] & 0xff);
                case 'h' -> (long) (short) SHORT.get(data, at);
                case 'H' -> (long) ((short) SHORT.get(data, at) & 0xffff);
                case 'i' -> (long) (int) INT.get(data, at);
                case 'I' -> Integer.toUnsignedLong((int) INT.get(data, at));
                case 'u' -> Character.toString((int) INT.get(data, at));
                case 'l', 'q' -> (long) LONG.get(data, at);
                case 'L', 'Q' -> unsigned((long) LONG.get(data, at));
                case 'f' -> (double) (float) FLOAT.get(data, at);
                default -> (double) DOUBLE.get(data, at);
            };
        }

        /** Stores v at item i after CPython's checks; nothing is stored when they fail. */
        void set(int i, Object v) {
            int at = i * itemsize;
            switch (typecode) {
                case 'b' -> data[at] = (byte) checkedRange(checkedRange(v, Short.MIN_VALUE, Short.MAX_VALUE, "signed short integer"), -128, 127,
                        "signed char");
                case 'B' -> data[at] = (byte) checkedRange(v, 0, 255, "unsigned byte integer");
                case 'h' -> SHORT.set(data, at, (short) checkedRange(v, Short.MIN_VALUE, Short.MAX_VALUE, "signed short integer"));
                case 'H' -> SHORT.set(data, at, (short) checkedRange(checkedRange(v, Integer.MIN_VALUE, Integer.MAX_VALUE, "signed integer"), 0,
                        0xffff, "unsigned short"));
                case 'i' -> INT.set(data, at, (int) checkedRange(v, Integer.MIN_VALUE, Integer.MAX_VALUE, "signed integer"));
                case 'I' -> INT.set(data, at, (int) checkedUnsigned(v, 0xffffffffL, "unsigned int"));
                case 'l' -> LONG.set(data, at, checkedLong(v, "Python int too large to convert to C long"));
                case 'q' -> LONG.set(data, at, checkedLong(v, "int too big to convert"));
                case 'L' -> LONG.set(data, at, checkedUnsigned64(v, "can't convert negative value to unsigned int",
                        "Python int too large to convert to C unsigned long"));
                case 'Q' -> LONG.set(data, at, checkedUnsigned64(v, "can't convert negative int to unsigned", "int too big to convert"));
                case 'u' -> INT.set(data, at, codePoint(v));
                case 'f' -> FLOAT.set(data, at, (float) real(v));
                default -> DOUBLE.set(data, at, real(v));
            }
        }

        void append(Object v) {
            ensureCapacity(length + 1L);
            set(length, v);
            length++;
        }

        /** Replaces items [from, to) by the bytes of {@code items} (whole items of this array's size). */
        void splice(int from, int to, byte[] items) {
            int newLength = length - (to - from) + items.length / itemsize;
            byte[] out = new byte[Math.max(newLength * itemsize, 16)];
            System.arraycopy(data, 0, out, 0, from * itemsize);
            System.arraycopy(items, 0, out, from * itemsize, items.length);
            System.arraycopy(data, to * itemsize, out, from * itemsize + items.length, (length - to) * itemsize);
            data = out;
            length = newLength;
        }
    }

    static final class ArrayIterator extends PIterator {
        private final PArray array;
        private int next;

        ArrayIterator(PArray array) {
            super(ITERATOR);
            this.array = array;
        }

        @Override
        public Object next() {
            if (array == null || next >= array.length) {
                return null;
            }
            return array.get(next++);
        }
    }

    static int itemSize(char typecode) {
        return switch (typecode) {
            case 'b', 'B' -> 1;
            case 'h', 'H' -> 2;
            case 'i', 'I', 'u', 'f' -> 4;
            default -> 8;
        };
    }

    private static Object unsigned(long v) {
        return v >= 0 ? (Object) v : BigInteger.valueOf(v).add(BigInteger.ONE.shiftLeft(64));
    }

    private static long checkedRange(Object v, long min, long max, String what) {
        Object index = Conversions.index(v);
        if (index instanceof BigInteger) {
            throw Errors.overflowError("Python int too large to convert to C long");
        }
        long n = (Long) index;
        if (n < min) {
            throw Errors.overflowError("%s is less than minimum", what);
        }
        if (n > max) {
            throw Errors.overflowError("%s is greater than maximum", what);
        }
        return n;
    }

    private static long checkedUnsigned(Object v, long max, String what) {
        Object index = Conversions.index(v);
        if (index instanceof BigInteger b) {
            throw Errors.overflowError(b.signum() < 0 ? "can't convert negative value to unsigned int"
                    : "Python int too large to convert to C unsigned long");
        }
        long n = (Long) index;
        if (n < 0) {
            throw Errors.overflowError("can't convert negative value to unsigned int");
        }
        if (n > max) {
            throw Errors.overflowError("%s is greater than maximum", what);
        }
        return n;
    }

    private static long checkedLong(Object v, String tooBig) {
        Object index = Conversions.index(v);
        if (index instanceof BigInteger) {
            throw Errors.overflowError(tooBig);
        }
        return (Long) index;
    }

    private static long checkedUnsigned64(Object v, String negative, String tooBig) {
        Object index = Conversions.index(v);
        BigInteger b = index instanceof BigInteger big ? big : BigInteger.valueOf((Long) index);
        if (b.signum() < 0) {
            throw Errors.overflowError(negative);
        }
        if (b.bitLength() > 64) {
            throw Errors.overflowError(tooBig);
        }
        return b.longValue();
    }

    private static int codePoint(Object v) {
        if (Types.baseValue(v) instanceof String s && s.codePointCount(0, s.length()) == 1) {
            return s.codePointAt(0);
        }
        throw Errors.typeError("array item must be unicode character");
    }

    private static double real(Object v) {
        if (v instanceof String || v instanceof PBytes) {
            throw Errors.typeError("must be real number, not %s", Types.typeName(v));
        }
        return Conversions.asDouble(v);
    }

    static PArray array(Object o) {
        if (o instanceof PArray a) {
            return a;
        }
        throw Errors.typeError("descriptor requires a 'array.array' object but received a '%s'", Types.typeName(o));
    }

    static char typecodeOf(Object o) {
        if (!(Types.baseValue(o) instanceof String s) || s.length() != 1) {
            throw Errors.typeError("array() argument 1 must be a unicode character, not %s", Types.typeName(o));
        }
        char c = s.charAt(0);
        if (TYPECODES.indexOf(c) < 0) {
            throw Errors.valueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
        }
        return c;
    }

    @TruffleBoundary
    static PArray create(PClass cls, char typecode, Object initializer) {
        PArray a = new PArray(cls, typecode);
        if (initializer == null) {
            return a;
        }
        if (initializer instanceof PArray other) {
            if (other.typecode == 'u' && typecode != 'u') {
                throw Errors.typeError("cannot use a unicode array to initialize an array with typecode '%s'", typecode);
            }
            if (other.typecode == typecode) {
                fromBytes(a, other.bytes());
            } else {
                extendFrom(a, toList(other));
            }
            return a;
        }
        if (Types.baseValue(initializer) instanceof String s) {
            if (typecode != 'u') {
                throw Errors.typeError("cannot use a str to initialize an array with typecode '%s'", typecode);
            }
            fromUnicode(a, s);
            return a;
        }
        if (initializer instanceof PBytes || initializer instanceof PByteArray) {
            fromBytes(a, Sequences.bytesOf(initializer));
            return a;
        }
        extendFrom(a, initializer);
        return a;
    }

    private static void fromUnicode(PArray a, String s) {
        s.codePoints().forEach(cp -> a.append(Character.toString(cp)));
    }

    private static void fromBytes(PArray a, byte[] bytes) {
        if (bytes.length % a.itemsize != 0) {
            throw Errors.valueError("bytes length not a multiple of item size");
        }
        a.ensureCapacity(a.length + (long) bytes.length / a.itemsize);
        System.arraycopy(bytes, 0, a.data, a.length * a.itemsize, bytes.length);
        a.length += bytes.length / a.itemsize;
    }

    @TruffleBoundary
    private static void extendFrom(PArray a, Object iterable) {
        if (iterable instanceof PArray other) {
            if (other.typecode != a.typecode) {
                throw Errors.typeError("can only extend with array of same kind");
            }
            fromBytes(a, other.bytes());
            return;
        }
        // All items are checked before any is added, as CPython's list initializer does item by item: a failure
        // leaves the array as it was.
        int before = a.length;
        try {
            for (Object v : Iteration.toArray(iterable)) {
                a.append(v);
            }
        } catch (RuntimeException e) {
            a.length = before;
            throw e;
        }
    }

    private static int position(PArray a, Object index, String message) {
        long i = Conversions.asLong(index);
        if (i < 0) {
            i += a.length;
        }
        if (i < 0 || i >= a.length) {
            throw Errors.indexError(message);
        }
        return (int) i;
    }

    @TruffleBoundary
    static String repr(PArray a) {
        String name = a.getPythonClass() == ARRAY ? "array" : a.getPythonClass().name();
        if (a.length == 0) {
            return name + "('" + a.typecode + "')";
        }
        if (a.typecode == 'u') {
            return name + "('u', " + Conversions.repr(toUnicode(a)) + ")";
        }
        return name + "('" + a.typecode + "', " + Conversions.repr(toList(a)) + ")";
    }

    static PList toList(PArray a) {
        Object[] items = new Object[a.length];
        for (int i = 0; i < a.length; i++) {
            items[i] = a.get(i);
        }
        return new PList(items);
    }

    static String toUnicode(PArray a) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.length; i++) {
            sb.append((String) a.get(i));
        }
        return sb.toString();
    }

    private static PArray slice(PArray a, PSlice s) {
        long[] idx = Sequences.sliceIndices(s, a.length);
        PArray out = new PArray(ARRAY, a.typecode);
        out.ensureCapacity(idx[3]);
        for (long k = 0, i = idx[0]; k < idx[3]; k++, i += idx[2]) {
            System.arraycopy(a.data, (int) i * a.itemsize, out.data, (int) k * a.itemsize, a.itemsize);
        }
        out.length = (int) idx[3];
        return out;
    }

    @TruffleBoundary
    private static void setSlice(PArray a, PSlice s, Object value) {
        if (!(value instanceof PArray v)) {
            throw Errors.typeError("can only assign array (not \"%s\") to array slice", Types.typeName(value));
        }
        if (v.typecode != a.typecode) {
            throw Errors.typeError("bad argument type for built-in operation");
        }
        byte[] items = v.bytes();
        long[] idx = Sequences.sliceIndices(s, a.length);
        if (idx[2] == 1) {
            int start = (int) idx[0];
            int stop = (int) Math.max(idx[0], idx[1]);
            a.splice(start, stop, items);
            return;
        }
        if (v.length != idx[3]) {
            throw Errors.valueError("attempt to assign array of size %d to extended slice of size %d", v.length, idx[3]);
        }
        for (long k = 0, i = idx[0]; k < idx[3]; k++, i += idx[2]) {
            System.arraycopy(items, (int) k * a.itemsize, a.data, (int) i * a.itemsize, a.itemsize);
        }
    }

    @TruffleBoundary
    private static void deleteSlice(PArray a, PSlice s) {
        long[] idx = Sequences.sliceIndices(s, a.length);
        if (idx[3] == 0) {
            return;
        }
        boolean[] dropped = new boolean[a.length];
        for (long k = 0, i = idx[0]; k < idx[3]; k++, i += idx[2]) {
            dropped[(int) i] = true;
        }
        byte[] out = new byte[Math.max((a.length - (int) idx[3]) * a.itemsize, 16)];
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (!dropped[i]) {
                System.arraycopy(a.data, i * a.itemsize, out, n * a.itemsize, a.itemsize);
                n++;
            }
        }
        a.data = out;
        a.length = n;
    }

    /** Rich comparison as CPython's: item by item, then by length; arrays of any type codes compare. */
    @TruffleBoundary
    private static Object compare(Object x, Object y, Comparisons.Op op) {
        if (!(x instanceof PArray a) || !(y instanceof PArray b)) {
            return PSingleton.NOT_IMPLEMENTED;
        }
        if ((op == Comparisons.Op.EQ || op == Comparisons.Op.NE) && a.length != b.length) {
            return op == Comparisons.Op.NE;
        }
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            Object u = a.get(i);
            Object v = b.get(i);
            if (!Comparisons.eq(u, v)) {
                if (op == Comparisons.Op.EQ) {
                    return false;
                }
                if (op == Comparisons.Op.NE) {
                    return true;
                }
                return Comparisons.compare(u, v, op);
            }
        }
        int c = Integer.compare(a.length, b.length);
        return switch (op) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            default -> c >= 0;
        };
    }

    private static PArray copyOf(PArray arr) {
        PArray out = new PArray(arr.getPythonClass(), arr.typecode);
        fromBytes(out, arr.bytes());
        return out;
    }

    private static PArray repeat(PArray a, Object times) {
        long n = Math.max(0, Conversions.asLong(times));
        PArray out = new PArray(ARRAY, a.typecode);
        byte[] items = a.bytes();
        out.ensureCapacity(a.length * n);
        for (long k = 0; k < n; k++) {
            System.arraycopy(items, 0, out.data, (int) (k * items.length), items.length);
        }
        out.length = (int) (a.length * n);
        return out;
    }

    /** The machine format codes of CPython's {@code _array_reconstructor}, for little-endian items. */
    private static int machineFormat(char typecode) {
        return switch (typecode) {
            case 'b' -> 1;
            case 'B' -> 0;
            case 'h' -> 4;
            case 'H' -> 2;
            case 'i' -> 8;
            case 'I' -> 6;
            case 'l', 'q' -> 12;
            case 'L', 'Q' -> 10;
            case 'f' -> 14;
            case 'd' -> 16;
            default -> 20;
        };
    }

    static void populate(PModule m) {
        m.dict().put("array", ARRAY);
        m.dict().put("ArrayType", ARRAY);
        m.dict().put("typecodes", TYPECODES);
        BuiltinBuilder.moduleFunction(m, "_array_reconstructor", "arraytype, typecode, mformat_code, items, /", a -> {
            if (!(a[0] instanceof PClass cls) || !cls.isSubclassOf(ARRAY)) {
                throw Errors.typeError("first argument must be a type object, not %s", Types.typeName(a[0]));
            }
            char typecode = typecodeOf(a[1]);
            long format = Conversions.asLong(a[2]);
            if (format != machineFormat(typecode)) {
                throw Errors.valueError("third argument must be a valid machine format code.");
            }
            PArray out = new PArray(cls, typecode);
            fromBytes(out, Sequences.bytesOf(a[3]));
            return out;
        });
    }

    static {
        method(ITERATOR, "__iter__", "self", a -> a[0]);
        method(ITERATOR, "__next__", "self", a -> {
            Object v = ((PIterator) a[0]).next();
            if (v == null) {
                throw Errors.raise(BuiltinClasses.exception("StopIteration"));
            }
            return v;
        });
        PClass c = ARRAY;
        BuiltinBuilder.classMethod(c, "__class_getitem__", "cls, item, /", a -> new dev.mp.runtime.builtins.GenericAlias(a[0], a[1]));
        BuiltinBuilder.constructor(c, "cls, typecode, initializer=?, /", a -> create((PClass) a[0], typecodeOf(a[1]), a[2]));
        BuiltinBuilder.attribute(c, "typecode", o -> String.valueOf(array(o).typecode));
        BuiltinBuilder.attribute(c, "itemsize", o -> (long) array(o).itemsize);
        c.dict().put("__hash__", PNone.NONE);
        method(c, "append", "self, v, /", a -> {
            array(a[0]).append(a[1]);
            return PNone.NONE;
        });
        method(c, "extend", "self, bb, /", a -> {
            extendFrom(array(a[0]), a[1]);
            return PNone.NONE;
        });
        method(c, "fromlist", "self, list, /", a -> {
            if (!(a[1] instanceof PList)) {
                throw Errors.typeError("arg must be list");
            }
            extendFrom(array(a[0]), a[1]);
            return PNone.NONE;
        });
        method(c, "frombytes", "self, buffer, /", a -> {
            fromBytes(array(a[0]), Sequences.bytesOf(a[1]));
            return PNone.NONE;
        });
        method(c, "fromunicode", "self, ustr, /", a -> {
            PArray arr = array(a[0]);
            if (!(Types.baseValue(a[1]) instanceof String s)) {
                throw Errors.typeError("fromunicode() argument must be str, not %s", Types.typeName(a[1]));
            }
            if (arr.typecode != 'u') {
                throw Errors.valueError("fromunicode() may only be called on unicode type arrays");
            }
            fromUnicode(arr, s);
            return PNone.NONE;
        });
        method(c, "fromfile", "self, f, n, /", a -> {
            PArray arr = array(a[0]);
            long n = Conversions.asLong(a[2]);
            if (n < 0) {
                throw Errors.valueError("negative count");
            }
            long wanted = n * arr.itemsize;
            byte[] got = Sequences.bytesOf(Calls.callMethod(a[1], "read", wanted));
            int whole = got.length - got.length % arr.itemsize;
            fromBytes(arr, Arrays.copyOf(got, whole));
            if (got.length < wanted) {
                throw Errors.make("EOFError", "read() didn't return enough bytes");
            }
            return PNone.NONE;
        });
        method(c, "tofile", "self, f, /", a -> {
            Calls.callMethod(a[1], "write", new PBytes(array(a[0]).bytes()));
            return PNone.NONE;
        });
        method(c, "tobytes", "self", a -> new PBytes(array(a[0]).bytes()));
        method(c, "tolist", "self", a -> toList(array(a[0])));
        method(c, "tounicode", "self", a -> {
            PArray arr = array(a[0]);
            if (arr.typecode != 'u') {
                throw Errors.valueError("tounicode() may only be called on unicode type arrays");
            }
            return toUnicode(arr);
        });
        method(c, "buffer_info", "self", a -> new PTuple(new Object[] {(long) System.identityHashCode(array(a[0]).data), (long) array(a[0]).length}));
        method(c, "byteswap", "self", a -> {
            PArray arr = array(a[0]);
            for (int i = 0; i < arr.length; i++) {
                for (int lo = i * arr.itemsize, hi = lo + arr.itemsize - 1; lo < hi; lo++, hi--) {
                    byte t = arr.data[lo];
                    arr.data[lo] = arr.data[hi];
                    arr.data[hi] = t;
                }
            }
            return PNone.NONE;
        });
        method(c, "count", "self, v, /", a -> {
            PArray arr = array(a[0]);
            long n = 0;
            for (int i = 0; i < arr.length; i++) {
                if (Comparisons.eq(arr.get(i), a[1])) {
                    n++;
                }
            }
            return n;
        });
        method(c, "index", "self, v, start=0, stop=9223372036854775807, /", a -> {
            PArray arr = array(a[0]);
            long start = Conversions.asLong(a[2]);
            long stop = Conversions.asLong(a[3]);
            start = start < 0 ? Math.max(0, start + arr.length) : start;
            stop = stop < 0 ? Math.max(0, stop + arr.length) : Math.min(stop, arr.length);
            for (long i = start; i < stop; i++) {
                if (Comparisons.eq(arr.get((int) i), a[1])) {
                    return i;
                }
            }
            throw Errors.valueError("array.index(x): x not in array");
        });
        method(c, "remove", "self, v, /", a -> {
            PArray arr = array(a[0]);
            for (int i = 0; i < arr.length; i++) {
                if (Comparisons.eq(arr.get(i), a[1])) {
                    arr.splice(i, i + 1, new byte[0]);
                    return PNone.NONE;
                }
            }
            throw Errors.valueError("array.remove(x): x not in array");
        });
        method(c, "insert", "self, i, v, /", a -> {
            PArray arr = array(a[0]);
            long i = Conversions.asLong(a[1]);
            i = i < 0 ? Math.max(0, i + arr.length) : Math.min(i, arr.length);
            PArray one = new PArray(ARRAY, arr.typecode);
            one.append(a[2]);
            arr.splice((int) i, (int) i, one.bytes());
            return PNone.NONE;
        });
        method(c, "pop", "self, i=-1, /", a -> {
            PArray arr = array(a[0]);
            if (arr.length == 0) {
                throw Errors.indexError("pop from empty array");
            }
            int i = position(arr, a[1], "pop index out of range");
            Object v = arr.get(i);
            arr.splice(i, i + 1, new byte[0]);
            return v;
        });
        method(c, "reverse", "self", a -> {
            PArray arr = array(a[0]);
            byte[] items = arr.bytes();
            for (int i = 0; i < arr.length; i++) {
                System.arraycopy(items, (arr.length - 1 - i) * arr.itemsize, arr.data, i * arr.itemsize, arr.itemsize);
            }
            return PNone.NONE;
        });
        method(c, "__len__", "self", a -> (long) array(a[0]).length);
        method(c, "__iter__", "self", a -> new ArrayIterator(array(a[0])));
        method(c, "__contains__", "self, v, /", a -> {
            PArray arr = array(a[0]);
            for (int i = 0; i < arr.length; i++) {
                if (Comparisons.eq(arr.get(i), a[1])) {
                    return true;
                }
            }
            return false;
        });
        method(c, "__getitem__", "self, index, /", a -> {
            PArray arr = array(a[0]);
            if (a[1] instanceof PSlice s) {
                return slice(arr, s);
            }
            return arr.get(position(arr, a[1], "array index out of range"));
        });
        method(c, "__setitem__", "self, index, value, /", a -> {
            PArray arr = array(a[0]);
            if (a[1] instanceof PSlice s) {
                setSlice(arr, s, a[2]);
            } else {
                arr.set(position(arr, a[1], "array assignment index out of range"), a[2]);
            }
            return PNone.NONE;
        });
        method(c, "__delitem__", "self, index, /", a -> {
            PArray arr = array(a[0]);
            if (a[1] instanceof PSlice s) {
                deleteSlice(arr, s);
            } else {
                int i = position(arr, a[1], "array assignment index out of range");
                arr.splice(i, i + 1, new byte[0]);
            }
            return PNone.NONE;
        });
        method(c, "__add__", "self, other, /", a -> {
            PArray arr = array(a[0]);
            if (!(a[1] instanceof PArray other)) {
                throw Errors.typeError("can only append array (not \"%s\") to array", Types.typeName(a[1]));
            }
            if (other.typecode != arr.typecode) {
                throw Errors.typeError("bad argument type for built-in operation");
            }
            PArray out = new PArray(ARRAY, arr.typecode);
            fromBytes(out, arr.bytes());
            fromBytes(out, other.bytes());
            return out;
        });
        method(c, "__iadd__", "self, other, /", a -> {
            PArray arr = array(a[0]);
            if (!(a[1] instanceof PArray other)) {
                throw Errors.typeError("can only extend array with array (not \"%s\")", Types.typeName(a[1]));
            }
            if (other.typecode != arr.typecode) {
                throw Errors.typeError("can only extend with array of same kind");
            }
            fromBytes(arr, other.bytes());
            return arr;
        });
        method(c, "__mul__", "self, n, /", a -> repeat(array(a[0]), a[1]));
        method(c, "__rmul__", "self, n, /", a -> repeat(array(a[0]), a[1]));
        method(c, "__imul__", "self, n, /", a -> {
            PArray arr = array(a[0]);
            PArray r = repeat(arr, a[1]);
            arr.data = r.data;
            arr.length = r.length;
            return arr;
        });
        method(c, "__eq__", "self, other, /", a -> compare(a[0], a[1], Comparisons.Op.EQ));
        method(c, "__ne__", "self, other, /", a -> compare(a[0], a[1], Comparisons.Op.NE));
        method(c, "__lt__", "self, other, /", a -> compare(a[0], a[1], Comparisons.Op.LT));
        method(c, "__le__", "self, other, /", a -> compare(a[0], a[1], Comparisons.Op.LE));
        method(c, "__gt__", "self, other, /", a -> compare(a[0], a[1], Comparisons.Op.GT));
        method(c, "__ge__", "self, other, /", a -> compare(a[0], a[1], Comparisons.Op.GE));
        method(c, "__repr__", "self", a -> repr(array(a[0])));
        // Items are numbers: a deep copy is a shallow one.
        method(c, "__copy__", "self", a -> copyOf(array(a[0])));
        method(c, "__deepcopy__", "self, memo, /", a -> copyOf(array(a[0])));
        method(c, "__reduce_ex__", "self, protocol, /", a -> {
            PArray arr = array(a[0]);
            dev.mp.runtime.objects.PDict attributes = arr.attributes();
            Object state = attributes == null || attributes.size() == 0 ? PNone.NONE : attributes;
            Object reconstructor = dev.mp.runtime.ops.Attributes.get(
                    dev.mp.runtime.MpContext.get(null).modules().importModule("array", new dev.mp.runtime.objects.PDict(), true, 0),
                    "_array_reconstructor");
            if (Conversions.asLong(a[1]) < 3) {
                PList items = toList(arr);
                return new PTuple(new Object[] {arr.getPythonClass(), new PTuple(new Object[] {String.valueOf(arr.typecode), items}), state});
            }
            return new PTuple(new Object[] {reconstructor, new PTuple(new Object[] {arr.getPythonClass(), String.valueOf(arr.typecode),
                    (long) machineFormat(arr.typecode), new PBytes(arr.bytes())}), state});
        });
    }
}
