package dev.mp.runtime.builtins;

import static dev.mp.runtime.builtins.BuiltinBuilder.attribute;
import static dev.mp.runtime.builtins.BuiltinBuilder.constructor;
import static dev.mp.runtime.builtins.BuiltinBuilder.method;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.objects.BufferExporter;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PMemoryView;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PSingleton;
import dev.mp.runtime.objects.PSlice;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.BufferFormats;
import dev.mp.runtime.ops.Comparisons;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Identity;
import dev.mp.runtime.ops.Iteration;
import dev.mp.runtime.ops.Sequences;
import dev.mp.runtime.ops.Types;

/** The memoryview type: its constructor and methods (the operations call them, see BuiltinClasses.MEMORYVIEW). */
final class MemoryViewType {
    private MemoryViewType() {
    }

    /**
     * A view of the whole of {@code o}'s memory: a new view of a memoryview's window, or of an exporter's memory;
     * TypeError for an object that exports none.
     */
    @TruffleBoundary
    static PMemoryView of(Object o) {
        if (o instanceof PMemoryView mv) {
            mv.memory();
            return new PMemoryView(mv.obj, mv.exporter, mv.offset, mv.length, mv.stride, mv.format, mv.itemSize, mv.readonly);
        }
        if (o instanceof BufferExporter exporter) {
            String format = exporter.exportedFormat();
            int itemSize = BufferFormats.itemSize(format);
            long bytes = exporter.exportedMemory().byteSize();
            return new PMemoryView(o, exporter, 0, (int) (bytes / itemSize), itemSize, format, itemSize, exporter.exportsReadonly());
        }
        throw Errors.typeError("memoryview: a bytes-like object is required, not '%s'", Types.typeName(o));
    }

    private static PMemoryView view(Object o) {
        return (PMemoryView) o;
    }

    /** The view, checked not released. */
    private static PMemoryView live(Object o) {
        PMemoryView mv = view(o);
        mv.memory();
        return mv;
    }

    static void install() {
        PClass c = BuiltinClasses.MEMORYVIEW;
        constructor(c, "cls, object", a -> of(a[1]));
        method(c, "__len__", "self, /", a -> (long) live(a[0]).length);
        method(c, "__getitem__", "self, key, /", a -> getItem(view(a[0]), a[1]));
        method(c, "__setitem__", "self, key, value, /", a -> {
            setItem(view(a[0]), a[1], a[2]);
            return PNone.NONE;
        });
        method(c, "__delitem__", "self, key, /", a -> {
            live(a[0]);
            throw Errors.typeError("cannot delete memory");
        });
        method(c, "__iter__", "self, /", a -> Iteration.iter(toList(live(a[0]))));
        method(c, "tolist", "self, /", a -> toList(live(a[0])));
        method(c, "tobytes", "self, /, order='C'", a -> new PBytes(view(a[0]).toBytes()));
        method(c, "hex", "self, sep=?, bytes_per_sep=1", a -> BytesTypes.hex(view(a[0]).toBytes(), a[1], Conversions.asLong(a[2])));
        method(c, "toreadonly", "self, /", a -> {
            PMemoryView mv = live(a[0]);
            return new PMemoryView(mv.obj, mv.exporter, mv.offset, mv.length, mv.stride, mv.format, mv.itemSize, true);
        });
        method(c, "release", "self, /", a -> {
            view(a[0]).release();
            return PNone.NONE;
        });
        method(c, "__enter__", "self, /", a -> live(a[0]));
        method(c, "__exit__", "self, /, *args", a -> {
            view(a[0]).release();
            return PNone.NONE;
        });
        method(c, "cast", "self, /, format, shape=?", a -> cast(live(a[0]), a[1], a[2]));
        method(c, "__eq__", "self, value, /", a -> equal(view(a[0]), a[1]));
        method(c, "__ne__", "self, value, /", a -> {
            Object eq = equal(view(a[0]), a[1]);
            return eq == PSingleton.NOT_IMPLEMENTED ? eq : !(Boolean) eq;
        });
        method(c, "__hash__", "self, /", a -> {
            PMemoryView mv = live(a[0]);
            if (!mv.readonly) {
                throw Errors.valueError("cannot hash writable memoryview object");
            }
            if (!BufferFormats.isByteFormat(mv.format)) {
                throw Errors.valueError("memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
            }
            return Conversions.hash(new PBytes(mv.toBytes()));
        });
        method(c, "__repr__", "self, /", a -> (view(a[0]).isReleased() ? "<released memory at " : "<memory at ") + Identity.hexId(a[0]) + ">");
        attribute(c, "obj", o -> live(o).obj);
        attribute(c, "nbytes", o -> (long) live(o).length * view(o).itemSize);
        attribute(c, "readonly", o -> live(o).readonly);
        attribute(c, "itemsize", o -> (long) live(o).itemSize);
        attribute(c, "format", o -> live(o).format);
        attribute(c, "ndim", o -> {
            live(o);
            return 1L;
        });
        attribute(c, "shape", o -> PTuple.of((long) live(o).length));
        attribute(c, "strides", o -> PTuple.of(live(o).stride));
        attribute(c, "suboffsets", o -> {
            live(o);
            return new PTuple(new Object[0]);
        });
        attribute(c, "c_contiguous", o -> live(o).isContiguous());
        attribute(c, "f_contiguous", o -> live(o).isContiguous());
        attribute(c, "contiguous", o -> live(o).isContiguous());
    }

    @TruffleBoundary
    private static PList toList(PMemoryView mv) {
        MemorySegment memory = mv.memory();
        List<Object> items = new ArrayList<>(mv.length);
        for (int i = 0; i < mv.length; i++) {
            items.add(BufferFormats.read(memory, mv.offset + i * mv.stride, mv.format));
        }
        return new PList(items);
    }

    private static int index(PMemoryView mv, Object key) {
        long i = Conversions.asLong(Conversions.index(key));
        if (i < 0) {
            i += mv.length;
        }
        if (i < 0 || i >= mv.length) {
            throw Errors.indexError("index out of bounds on dimension 1");
        }
        return (int) i;
    }

    private static boolean isIndex(Object key) {
        return Types.isInt(key) || Types.override(key, "__index__") != null;
    }

    @TruffleBoundary
    private static Object getItem(PMemoryView mv, Object key) {
        MemorySegment memory = mv.memory();
        if (key instanceof PSlice s) {
            long[] r = Sequences.sliceIndices(s, mv.length);
            return new PMemoryView(mv.obj, mv.exporter, mv.offset + r[0] * mv.stride, (int) r[3], mv.stride * r[2], mv.format, mv.itemSize,
                    mv.readonly);
        }
        if (!isIndex(key)) {
            throw Errors.typeError("memoryview: invalid slice key");
        }
        return BufferFormats.read(memory, mv.offset + index(mv, key) * mv.stride, mv.format);
    }

    @TruffleBoundary
    private static void setItem(PMemoryView mv, Object key, Object value) {
        MemorySegment memory = mv.memory();
        if (mv.readonly) {
            throw Errors.typeError("cannot modify read-only memory");
        }
        if (key instanceof PSlice s) {
            long[] r = Sequences.sliceIndices(s, mv.length);
            if (!(value instanceof BufferExporter) && !(value instanceof PMemoryView)) {
                throw Errors.typeError("a bytes-like object is required, not '%s'", Types.typeName(value));
            }
            PMemoryView source = of(value);
            if (source.length != r[3] || !BufferFormats.plain(source.format).equals(BufferFormats.plain(mv.format))) {
                throw Errors.valueError("memoryview assignment: lvalue and rvalue have different structures");
            }
            byte[] bytes = source.toBytes(); // copied first, as source and target may overlap
            for (int i = 0; i < r[3]; i++) {
                MemorySegment.copy(bytes, i * mv.itemSize, memory, java.lang.foreign.ValueLayout.JAVA_BYTE,
                        mv.offset + (r[0] + i * r[2]) * mv.stride, mv.itemSize);
            }
            return;
        }
        if (!isIndex(key)) {
            throw Errors.typeError("memoryview: invalid slice key");
        }
        BufferFormats.write(memory, mv.offset + index(mv, key) * mv.stride, mv.format, value);
    }

    @TruffleBoundary
    private static PMemoryView cast(PMemoryView mv, Object formatArg, Object shape) {
        String format = Errors.requireStr(formatArg);
        if (!mv.isContiguous()) {
            throw Errors.typeError("memoryview: casts are restricted to C-contiguous views");
        }
        int itemSize = BufferFormats.itemSize(format);
        if (itemSize < 0) {
            throw Errors.valueError("memoryview: destination format must be a native single character format prefixed with an optional '@'");
        }
        if (!BufferFormats.isByteFormat(format) && !BufferFormats.isByteFormat(mv.format)) {
            throw Errors.typeError("memoryview: cannot cast between two non-byte formats");
        }
        long bytes = (long) mv.length * mv.itemSize;
        if (bytes % itemSize != 0) {
            throw Errors.typeError("memoryview: length is not a multiple of itemsize");
        }
        int length = (int) (bytes / itemSize);
        if (shape != null) {
            if (!(shape instanceof PList || shape instanceof PTuple)) {
                throw Errors.typeError("shape must be a list or a tuple");
            }
            Object[] dims = Iteration.toArray(shape);
            if (dims.length != 1) {
                throw Errors.make("NotImplementedError", "memoryview: mp has only one-dimensional views");
            }
            if (Conversions.asLong(dims[0]) * itemSize != bytes) {
                throw Errors.typeError("memoryview: product(shape) * itemsize != buffer size");
            }
        }
        return new PMemoryView(mv.obj, mv.exporter, mv.offset, length, itemSize, BufferFormats.plain(format), itemSize, mv.readonly);
    }

    /** {@code ==} with another view or a bytes-like object: same length and equal items; a released view equals only itself. */
    @TruffleBoundary
    private static Object equal(PMemoryView mv, Object other) {
        if (mv == other) {
            return true;
        }
        if (!(other instanceof PMemoryView) && !(other instanceof BufferExporter)) {
            return PSingleton.NOT_IMPLEMENTED;
        }
        if (mv.isReleased() || (other instanceof PMemoryView o && o.isReleased())) {
            return false;
        }
        PMemoryView that = of(other);
        if (mv.length != that.length) {
            return false;
        }
        String f = BufferFormats.plain(mv.format);
        if (f.equals(BufferFormats.plain(that.format)) && !f.equals("f") && !f.equals("d") && !f.equals("e")) {
            return java.util.Arrays.equals(mv.toBytes(), that.toBytes());
        }
        List<Object> mine = toList(mv).items();
        List<Object> theirs = toList(that).items();
        for (int i = 0; i < mine.size(); i++) {
            if (!Comparisons.eq(mine.get(i), theirs.get(i))) {
                return false;
            }
        }
        return true;
    }
}
