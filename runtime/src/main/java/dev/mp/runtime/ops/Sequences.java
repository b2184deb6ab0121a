package dev.mp.runtime.ops;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.objects.PByteArray;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PInstance;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PRange;
import dev.mp.runtime.objects.PSet;
import dev.mp.runtime.objects.PSlice;
import dev.mp.runtime.objects.PTuple;

/** len, subscription, slicing and repetition of sequences and mappings. Strings index by code point. */
public final class Sequences {
    private Sequences() {
    }

    @TruffleBoundary
    public static long len(Object o) {
        if (o instanceof String s) {
            return s.codePointCount(0, s.length());
        }
        Object m = Types.override(o, "__len__");
        if (m != null) {
            Object r = Calls.callDescriptor(m, o);
            if (!Types.isInt(r)) {
                throw Errors.typeError("'%s' object cannot be interpreted as an integer", Types.typeName(r));
            }
            long n = Conversions.asLong(r);
            if (n < 0) {
                throw Errors.valueError("__len__() should return >= 0");
            }
            return n;
        }
        return builtinLen(o);
    }

    /** {@code len(o)} as the builtin types implement it, ignoring a {@code __len__} override. */
    public static long builtinLen(Object sized) {
        Object o = Types.baseValue(sized);
        if (o instanceof String s) {
            return s.codePointCount(0, s.length());
        }
        if (o instanceof PList l) {
            return l.size();
        }
        if (o instanceof PTuple t) {
            return t.size();
        }
        if (o instanceof PDict d) {
            return d.size();
        }
        if (o instanceof PSet s) {
            return s.size();
        }
        if (o instanceof PBytes b) {
            return b.bytes().length;
        }
        if (o instanceof PByteArray b) {
            return b.length();
        }
        if (o instanceof PRange r) {
            return r.length();
        }
        if (HostInterop.isForeign(o)) {
            long n = HostObjects.len(o);
            if (n >= 0) {
                return n;
            }
        }
        Object m = o instanceof PInstance ? null : Types.typeOf(o).lookup("__len__");
        if (m != null) {
            return Conversions.asLong(Calls.callDescriptor(m, o));
        }
        throw Errors.typeError("object of type '%s' has no len()", Types.typeName(sized));
    }

    private static boolean isBmpOnly(String s) {
        if (s.length() < LONG_STRING) {
            return scanBmpOnly(s);
        }
        // Programs index and slice one long string many times (a parser, StringIO's lines): remember the last.
        dev.mp.runtime.MpContext context = dev.mp.runtime.MpContext.current();
        if (context != null && context.lastBmpOnlyString == s) {
            return true;
        }
        boolean bmp = scanBmpOnly(s);
        if (bmp && context != null) {
            context.lastBmpOnlyString = s;
        }
        return bmp;
    }

    /** Strings at least this long have their check remembered (shorter ones are cheaper to scan than to look up). */
    private static final int LONG_STRING = 256;

    /**
     * Whether char and code-point indexing agree (no surrogate pair). The JDK answers in O(1) for a Latin-1 string
     * (counting its code points is taking its length) and with one pass over a UTF-16 one.
     */
    private static boolean scanBmpOnly(String s) {
        return s.codePointCount(0, s.length()) == s.length();
    }

    /**
     * The code points of {@code s} (a lone surrogate is one), by a loop: {@code String.codePoints()}'s stream costs
     * more to set up than copying a short string, which the formatting operations do on every call.
     */
    @TruffleBoundary
    public static int[] codePoints(String s) {
        int n = s.length();
        int[] out = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                out[k++] = Character.toCodePoint(c, s.charAt(++i));
            } else {
                out[k++] = c;
            }
        }
        return k == n ? out : java.util.Arrays.copyOf(out, k);
    }

    /** An index checked against a sequence's length, for deleting by index (IndexError when outside it). */
    private static long normalizeIndexFor(Object index, long length, String what) {
        long i = normalizeIndex(index, length, what);
        if (i < 0 || i >= length) {
            throw Errors.indexError("%s index out of range", what);
        }
        return i;
    }

    private static long normalizeIndex(Object index, long length, String what) {
        long i;
        if (index instanceof Long l) {
            i = l;
        } else if (Types.isInt(index) || index instanceof PInstance) {
            if (Types.baseValue(index) instanceof java.math.BigInteger) {
                throw Errors.indexError("cannot fit 'int' into an index-sized integer");
            }
            i = Conversions.asLong(index);
        } else {
            if (what.equals("string")) {
                throw Errors.typeError("string indices must be integers, not '%s'", Types.typeName(index)); // CPython 3.11's wording
            }
            throw Errors.typeError("%s indices must be integers or slices, not %s", what, Types.typeName(index));
        }
        if (i < 0) {
            i += length;
        }
        return i;
    }

    @TruffleBoundary
    public static Object getItem(Object container, Object index) {
        Object m = Types.override(container, "__getitem__");
        if (m != null) {
            return Calls.callDescriptor(m, container, index);
        }
        return builtinGetItem(container, index);
    }

    /** {@code container[index]} as the builtin types implement it, ignoring a {@code __getitem__} override. */
    public static Object builtinGetItem(Object subscripted, Object index) {
        Object container = Types.baseValue(subscripted);
        if (container instanceof PList l) {
            if (index instanceof PSlice s) {
                long[] r = sliceIndices(s, l.size());
                List<Object> out = new ArrayList<>();
                for (long i = r[0], n = 0; n < r[3]; i += r[2], n++) {
                    out.add(l.get((int) i));
                }
                return new PList(out);
            }
            long i = normalizeIndex(index, l.size(), "list");
            if (i < 0 || i >= l.size()) {
                throw Errors.indexError("list index out of range");
            }
            return l.get((int) i);
        }
        if (container instanceof PDict d) {
            Object v = d.get(index);
            if (v == null) {
                return missing(d, index);
            }
            return v;
        }
        if (container instanceof PTuple t) {
            if (index instanceof PSlice s) {
                long[] r = sliceIndices(s, t.size());
                Object[] out = new Object[(int) r[3]];
                for (int n = 0; n < out.length; n++) {
                    out[n] = t.get((int) (r[0] + n * r[2]));
                }
                return new PTuple(out);
            }
            long i = normalizeIndex(index, t.size(), "tuple");
            if (i < 0 || i >= t.size()) {
                throw Errors.indexError("tuple index out of range");
            }
            return t.get((int) i);
        }
        if (container instanceof String str) {
            boolean bmp = isBmpOnly(str);
            if (index instanceof PSlice s) {
                if (bmp) {
                    long[] r = sliceIndices(s, str.length());
                    if (r[2] == 1) {
                        return str.substring((int) r[0], (int) (r[0] + r[3]));
                    }
                    char[] out = new char[(int) r[3]];
                    for (int n = 0; n < out.length; n++) {
                        out[n] = str.charAt((int) (r[0] + n * r[2]));
                    }
                    return new String(out);
                }
                int[] cps = codePoints(str);
                long[] r = sliceIndices(s, cps.length);
                StringBuilder sb = new StringBuilder();
                for (int n = 0; n < r[3]; n++) {
                    sb.appendCodePoint(cps[(int) (r[0] + n * r[2])]);
                }
                return sb.toString();
            }
            if (bmp) {
                long i = normalizeIndex(index, str.length(), "string");
                if (i < 0 || i >= str.length()) {
                    throw Errors.indexError("string index out of range");
                }
                return String.valueOf(str.charAt((int) i));
            }
            int[] cps = codePoints(str);
            long i = normalizeIndex(index, cps.length, "string");
            if (i < 0 || i >= cps.length) {
                throw Errors.indexError("string index out of range");
            }
            return new String(cps, (int) i, 1);
        }
        if (container instanceof PBytes || container instanceof PByteArray) {
            byte[] b = bytesOf(container);
            if (index instanceof PSlice s) {
                long[] r = sliceIndices(s, b.length);
                byte[] out = new byte[(int) r[3]];
                for (int n = 0; n < out.length; n++) {
                    out[n] = b[(int) (r[0] + n * r[2])];
                }
                return container instanceof PBytes ? new PBytes(out) : new PByteArray(out);
            }
            long i = normalizeIndex(index, b.length, container instanceof PBytes ? "byte" : "bytearray");
            if (i < 0 || i >= b.length) {
                throw Errors.indexError(container instanceof PBytes ? "index out of range" : "bytearray index out of range");
            }
            return (long) (b[(int) i] & 0xff);
        }
        if (container instanceof PRange r) {
            if (index instanceof PSlice s) {
                long[] ix = sliceIndices(s, r.length());
                // As CPython: the slice's start and stop mapped through the range, not its length.
                return new PRange(r.start + ix[0] * r.step, r.start + ix[1] * r.step, r.step * ix[2]);
            }
            long i = normalizeIndex(index, r.length(), "range");
            if (i < 0 || i >= r.length()) {
                throw Errors.indexError("range object index out of range");
            }
            return r.start + i * r.step;
        }
        if (HostInterop.isForeign(container) && HostObjects.isSubscriptable(container)) {
            return HostObjects.getItem(container, index);
        }
        Object m = container instanceof PInstance ? null : Types.typeOf(container).lookup("__getitem__");
        if (m != null) {
            return Calls.callDescriptor(m, container, index);
        }
        if (container instanceof dev.mp.runtime.objects.PClass c && c.lookup("__class_getitem__") != null) {
            return Calls.call(Attributes.get(c, "__class_getitem__"), index);
        }
        if (subscripted instanceof dev.mp.runtime.objects.PClass c) {
            throw Errors.typeError("type '%s' is not subscriptable", c.name());
        }
        throw Errors.typeError("'%s' object is not subscriptable", Types.typeName(subscripted));
    }

    /** A key absent from a dict: the {@code __missing__} method of a dict subclass decides, else KeyError. */
    private static Object missing(PDict d, Object key) {
        Object m = Types.override(d, "__missing__");
        if (m != null) {
            return Calls.callDescriptor(m, d, key);
        }
        throw Errors.keyError(key);
    }

    @TruffleBoundary
    public static void setItem(Object container, Object index, Object value) {
        Object m = Types.override(container, "__setitem__");
        if (m != null) {
            Calls.callDescriptor(m, container, index, value);
            return;
        }
        builtinSetItem(container, index, value);
    }

    /** {@code container[index] = value} as the builtin types implement it, ignoring a {@code __setitem__} override. */
    public static void builtinSetItem(Object container, Object index, Object value) {
        if (container instanceof PList l) {
            if (index instanceof PSlice s) {
                setListSlice(l, s, value);
                return;
            }
            long i = normalizeIndex(index, l.size(), "list");
            if (i < 0 || i >= l.size()) {
                throw Errors.indexError("list assignment index out of range");
            }
            l.items().set((int) i, value);
            return;
        }
        if (container instanceof PDict d) {
            d.put(index, value);
            return;
        }
        if (container instanceof PByteArray b && index instanceof PSlice s) {
            List<Object> items = new ArrayList<>();
            for (byte x : b.toBytes()) {
                items.add((long) (x & 0xff));
            }
            PList asList = new PList(items);
            Object values = value instanceof PByteArray || value instanceof PBytes ? value : new PBytes(bytesFromInts(value));
            setListSlice(asList, s, values);
            b.setContents(bytesFromInts(asList));
            return;
        }
        if (container instanceof PByteArray b) {
            long i = normalizeIndex(index, b.length(), "bytearray");
            if (i < 0 || i >= b.length()) {
                throw Errors.indexError("bytearray index out of range");
            }
            long v = Conversions.asLong(value);
            if (v < 0 || v > 255) {
                throw Errors.valueError("byte must be in range(0, 256)");
            }
            b.set((int) i, (byte) v);
            return;
        }
        if (HostInterop.isForeign(container) && HostObjects.isSubscriptable(container)) {
            HostObjects.setItem(container, index, value);
            return;
        }
        Object m = container instanceof PInstance ? null : Types.typeOf(container).lookup("__setitem__");
        if (m != null) {
            Calls.callDescriptor(m, container, index, value);
            return;
        }
        throw Errors.typeError("'%s' object does not support item assignment", Types.typeName(container));
    }

    private static void setListSlice(PList l, PSlice s, Object value) {
        List<Object> items = Iteration.toList(value);
        long[] r = sliceIndices(s, l.size());
        if (r[2] == 1) {
            int start = (int) r[0];
            int stop = (int) Math.max(r[0], r[0] + r[3]);
            List<Object> target = l.items();
            target.subList(start, stop).clear();
            target.addAll(start, items);
            return;
        }
        if (items.size() != r[3]) {
            throw Errors.valueError("attempt to assign sequence of size %d to extended slice of size %d", items.size(), r[3]);
        }
        for (int n = 0; n < r[3]; n++) {
            l.items().set((int) (r[0] + n * r[2]), items.get(n));
        }
    }

    /** The bytes of an iterable of ints in range(256), as bytearray slice assignment takes them. */
    private static byte[] bytesFromInts(Object iterable) {
        List<Object> items = Iteration.toList(iterable);
        byte[] out = new byte[items.size()];
        for (int i = 0; i < out.length; i++) {
            long v = Conversions.asLong(items.get(i));
            if (v < 0 || v > 255) {
                throw Errors.valueError("byte must be in range(0, 256)");
            }
            out[i] = (byte) v;
        }
        return out;
    }

    @TruffleBoundary
    public static void delItem(Object container, Object index) {
        Object m = Types.override(container, "__delitem__");
        if (m != null) {
            Calls.callDescriptor(m, container, index);
            return;
        }
        builtinDelItem(container, index);
    }

    /** {@code del container[index]} as the builtin types implement it, ignoring a {@code __delitem__} override. */
    public static void builtinDelItem(Object container, Object index) {
        if (container instanceof PList l) {
            if (index instanceof PSlice s) {
                long[] r = sliceIndices(s, l.size());
                List<Integer> idx = new ArrayList<>();
                for (int n = 0; n < r[3]; n++) {
                    idx.add((int) (r[0] + n * r[2]));
                }
                idx.sort(java.util.Comparator.reverseOrder());
                for (int i : idx) {
                    l.items().remove(i);
                }
                return;
            }
            long i = normalizeIndex(index, l.size(), "list");
            if (i < 0 || i >= l.size()) {
                throw Errors.indexError("list assignment index out of range");
            }
            l.items().remove((int) i);
            return;
        }
        if (container instanceof PDict d) {
            if (d.remove(index) == null) {
                throw Errors.keyError(index);
            }
            return;
        }
        if (HostInterop.isForeign(container) && HostObjects.isSubscriptable(container)) {
            HostObjects.delItem(container, index);
            return;
        }
        if (container instanceof PByteArray b) {
            List<Object> items = new ArrayList<>();
            for (byte x : b.toBytes()) {
                items.add((long) (x & 0xff));
            }
            PList asList = new PList(items);
            builtinDelItem(asList, index instanceof PSlice ? index : (Object) normalizeIndexFor(index, items.size(), "bytearray"));
            b.setContents(bytesFromInts(asList));
            return;
        }
        Object m = container instanceof PInstance ? null : Types.typeOf(container).lookup("__delitem__");
        if (m != null) {
            Calls.callDescriptor(m, container, index);
            return;
        }
        throw Errors.typeError("'%s' object doesn't support item deletion", Types.typeName(container));
    }

    /** Python's slice.indices plus the length: {start, stop, step, count}. */
    public static long[] sliceIndices(PSlice s, long length) {
        long step = s.step == PNone.NONE ? 1 : sliceValue(s.step);
        if (step == 0) {
            throw Errors.valueError("slice step cannot be zero");
        }
        long lower = step < 0 ? -1 : 0;
        long upper = step < 0 ? length - 1 : length;
        long start;
        if (s.start == PNone.NONE) {
            start = step < 0 ? upper : lower;
        } else {
            start = sliceValue(s.start);
            if (start < 0) {
                start = Math.max(start + length, lower);
            } else {
                start = Math.min(start, upper);
            }
        }
        long stop;
        if (s.stop == PNone.NONE) {
            stop = step < 0 ? lower : upper;
        } else {
            stop = sliceValue(s.stop);
            if (stop < 0) {
                stop = Math.max(stop + length, lower);
            } else {
                stop = Math.min(stop, upper);
            }
        }
        long count;
        if (step > 0) {
            count = start < stop ? (stop - start - 1) / step + 1 : 0;
        } else {
            count = stop < start ? (start - stop - 1) / (-step) + 1 : 0;
        }
        return new long[] {start, stop, step, count};
    }

    /**
     * A slice index or a {@code start}/{@code end} argument of a sequence method, as CPython's
     * {@code _PyEval_SliceIndex}: an int past the range of a long is clamped, never an error.
     */
    public static long sliceValue(Object o) {
        return sliceValue(o, "slice indices must be integers or None or have an __index__ method");
    }

    /** A bound that may not be None, as list.index's and tuple.index's: the same but for CPython's message. */
    public static long sliceValueNotNone(Object o) {
        return sliceValue(o, "slice indices must be integers or have an __index__ method");
    }

    private static long sliceValue(Object o, String message) {
        if (Types.baseValue(o) instanceof java.math.BigInteger b) {
            return b.signum() < 0 ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2;
        }
        if (!Types.isInt(o) && !(o instanceof PInstance)) {
            throw Errors.typeError(message);
        }
        return Conversions.asLong(o);
    }

    /**
     * {@code seq * n} for str, list, tuple, bytes; null when {@code seq} is not a sequence. The result's size is
     * checked before it is made (see {@link Sizes#repeated}).
     */
    public static Object repeat(Object seq, Object count) {
        if (seq instanceof String s) {
            int size = Sizes.repeated(s.length(), Sizes.indexSized(count), "repeated string is too long");
            return size == 0 ? "" : s.repeat(size / s.length());
        }
        if (seq instanceof PList l) {
            List<Object> items = l.items();
            int size = Sizes.repeated(items.size(), Sizes.indexSized(count), null);
            List<Object> out = new ArrayList<>(size);
            // Item by item from one array: addAll would copy the list into a new array for every repetition.
            Object[] once = items.toArray();
            for (int i = 0; i < size; i += once.length) {
                for (Object item : once) {
                    out.add(item);
                }
            }
            return new PList(out);
        }
        if (seq instanceof PTuple t) {
            int size = Sizes.repeated(t.size(), Sizes.indexSized(count), null);
            Object[] out = new Object[size];
            for (int i = 0; i < size; i += t.size()) {
                System.arraycopy(t.items(), 0, out, i, t.size());
            }
            return new PTuple(out);
        }
        if (seq instanceof PBytes || seq instanceof PByteArray) {
            byte[] b = bytesOf(seq);
            int size = Sizes.repeated(b.length, Sizes.indexSized(count), seq instanceof PBytes ? "repeated bytes are too long" : null);
            byte[] out = new byte[size];
            for (int i = 0; i < size; i += b.length) {
                System.arraycopy(b, 0, out, i, b.length);
            }
            return seq instanceof PBytes ? new PBytes(out) : new PByteArray(out);
        }
        return null;
    }

    /** The contents of a bytes-like object; TypeError otherwise. */
    public static byte[] bytesOf(Object o) {
        if (o instanceof PBytes b) {
            return b.bytes();
        }
        if (o instanceof PByteArray b) {
            return b.toBytes();
        }
        if (o instanceof dev.mp.runtime.objects.PMemoryView view) {
            return view.toBytes();
        }
        if (o instanceof dev.mp.runtime.objects.BufferExporter exporter) {
            return exporter.exportedMemory().toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
        }
        throw Errors.typeError("a bytes-like object is required, not '%s'", Types.typeName(o));
    }

    static boolean bytesContains(byte[] hay, Object item) {
        if (Types.isInt(item)) {
            long v = Conversions.asLong(item);
            if (v < 0 || v > 255) {
                throw Errors.valueError("byte must be in range(0, 256)");
            }
            for (byte b : hay) {
                if ((b & 0xff) == v) {
                    return true;
                }
            }
            return false;
        }
        byte[] needle = bytesOf(item);
        return indexOf(hay, needle, 0, hay.length) >= 0;
    }

    public static int indexOf(byte[] hay, byte[] needle, int from, int to) {
        outer:
        for (int i = Math.max(0, from); i + needle.length <= to; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
