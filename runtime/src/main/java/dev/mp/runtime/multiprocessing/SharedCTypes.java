package dev.mp.runtime.multiprocessing;

import static dev.mp.runtime.builtins.BuiltinBuilder.attribute;
import static dev.mp.runtime.builtins.BuiltinBuilder.method;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigInteger;

import dev.mp.runtime.multiprocessing.shm.SharedRegion;
import dev.mp.runtime.multiprocessing.shm.ShmRLock;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PObject;
import dev.mp.runtime.objects.PSlice;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Identity;
import dev.mp.runtime.ops.Iteration;
import dev.mp.runtime.ops.Types;

/**
 * {@code Value} and {@code Array} (CPython's {@code sharedctypes}): C-typed numbers in shared memory, with the
 * lock that guards them by default (an RLock, as in CPython) or one given by the caller, or none.
 */
final class SharedCTypes {
    private SharedCTypes() {
    }

    static final PClass SYNCHRONIZED = type("Synchronized");
    static final PClass SYNCHRONIZED_ARRAY = type("SynchronizedArray");

    private static PClass type(String name) {
        return new PClass(name, "multiprocessing.sharedctypes", new PClass[] {BuiltinClasses.OBJECT}, true, PClass.Layout.BUILTIN);
    }

    /** A ctypes type code: its C name and size, and how Python values are stored in it. */
    enum CType {
        BYTE('b', "c_byte", 1, true), UBYTE('B', "c_ubyte", 1, false), SHORT('h', "c_short", 2, true),
        USHORT('H', "c_ushort", 2, false), INT('i', "c_int", 4, true), UINT('I', "c_uint", 4, false),
        LONG('l', "c_long", 8, true), ULONG('L', "c_ulong", 8, false), LONGLONG('q', "c_longlong", 8, true),
        ULONGLONG('Q', "c_ulonglong", 8, false), FLOAT('f', "c_float", 4, true), DOUBLE('d', "c_double", 8, true),
        CHAR('c', "c_char", 1, false);

        final char code;
        final String cName;
        final int size;
        final boolean signed;

        CType(char code, String cName, int size, boolean signed) {
            this.code = code;
            this.cName = cName;
            this.size = size;
            this.signed = signed;
        }

        boolean isFloat() {
            return this == FLOAT || this == DOUBLE;
        }

        static CType of(Object typecode) {
            if (typecode instanceof String s && s.length() == 1) {
                for (CType t : values()) {
                    if (t.code == s.charAt(0)) {
                        return t;
                    }
                }
            }
            // CPython looks the code up and asks ctypes for the size of what it is given otherwise.
            throw Errors.typeError("this type has no size");
        }

        Object read(MemorySegment seg, long off) {
            switch (this) {
                case FLOAT:
                    return (double) seg.get(ValueLayout.JAVA_FLOAT_UNALIGNED, off);
                case DOUBLE:
                    return seg.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, off);
                case CHAR:
                    return new PBytes(new byte[] {seg.get(ValueLayout.JAVA_BYTE, off)});
                default:
                    long raw = switch (size) {
                        case 1 -> seg.get(ValueLayout.JAVA_BYTE, off);
                        case 2 -> seg.get(ValueLayout.JAVA_SHORT_UNALIGNED, off);
                        case 4 -> seg.get(ValueLayout.JAVA_INT_UNALIGNED, off);
                        default -> seg.get(ValueLayout.JAVA_LONG_UNALIGNED, off);
                    };
                    if (signed) {
                        return raw;
                    }
                    if (size == 8 && raw < 0) {
                        return new BigInteger(Long.toUnsignedString(raw));
                    }
                    return raw & (size == 8 ? -1L : (1L << (8 * size)) - 1);
            }
        }

        void write(MemorySegment seg, long off, Object value) {
            switch (this) {
                case FLOAT -> seg.set(ValueLayout.JAVA_FLOAT_UNALIGNED, off, (float) floatValue(value));
                case DOUBLE -> seg.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, off, floatValue(value));
                case CHAR -> seg.set(ValueLayout.JAVA_BYTE, off, charValue(value));
                default -> {
                    long v = intValue(value);
                    switch (size) {
                        case 1 -> seg.set(ValueLayout.JAVA_BYTE, off, (byte) v);
                        case 2 -> seg.set(ValueLayout.JAVA_SHORT_UNALIGNED, off, (short) v);
                        case 4 -> seg.set(ValueLayout.JAVA_INT_UNALIGNED, off, (int) v);
                        default -> seg.set(ValueLayout.JAVA_LONG_UNALIGNED, off, v);
                    }
                }
            }
        }

        /** C's wrap-around of an int stored in a narrower type, as ctypes does. */
        private static long intValue(Object value) {
            if (value instanceof Long l) {
                return l;
            }
            if (value instanceof Boolean b) {
                return b ? 1 : 0;
            }
            if (value instanceof BigInteger big) {
                return big.longValue();
            }
            throw Errors.typeError("'%s' object cannot be interpreted as an integer", Types.typeName(value));
        }

        private static double floatValue(Object value) {
            if (value instanceof Double || value instanceof Long || value instanceof Boolean || value instanceof BigInteger) {
                return Conversions.asDouble(value);
            }
            throw Errors.typeError("must be real number, not %s", Types.typeName(value));
        }

        private static byte charValue(Object value) {
            if (value instanceof PBytes b && b.bytes().length == 1) {
                return b.bytes()[0];
            }
            if (value instanceof Long l && l >= 0 && l < 256) {
                return (byte) (long) l;
            }
            throw Errors.typeError("one character bytes, bytearray or integer expected");
        }

        String repr(Object value) {
            return cName + "(" + Conversions.repr(value) + ")";
        }
    }

    /** Shared C data: a Value (length -1) or an Array, in its own region after the RLock made for it. */
    static final class SharedData extends PObject implements SharedResource {
        private static final long DATA = ShmRLock.SIZE;

        final SharedRegion region;
        final CType type;
        /** -1 for a Value. */
        final int length;
        /** The Lock or RLock object that guards the data, or None for a raw value. */
        final Object lock;

        SharedData(SharedRegion region, CType type, int length, Object lock) {
            this.region = region;
            this.type = type;
            this.length = length;
            this.lock = lock;
        }

        static SharedData create(CType type, int length, Object lockArg) {
            int count = Math.max(length, 1);
            SharedRegion region = SharedRegion.create(DATA + (long) count * type.size);
            Object lock;
            if (lockArg == Boolean.TRUE) {
                lock = new Synchronize.RLock(ShmRLock.create(region, 0));
            } else if (lockArg == Boolean.FALSE) {
                lock = PNone.NONE;
            } else if (lockArg instanceof Synchronize.Lock || lockArg instanceof Synchronize.RLock) {
                lock = lockArg;
            } else {
                throw Errors.attributeError("'%s' object has no attribute 'acquire'", Types.typeName(lockArg));
            }
            return new SharedData(region, type, length, lock);
        }

        @Override
        public PClass getPythonClass() {
            return length < 0 ? SYNCHRONIZED : SYNCHRONIZED_ARRAY;
        }

        @Override
        public String resourceKind() {
            return "ctypes";
        }

        @Override
        public String shareHandle() {
            return type.code + ":" + length + ":" + region.name();
        }

        @Override
        public Object sharedState() {
            return lock;
        }

        Object get(int i) {
            return type.read(region.segment(), DATA + (long) i * type.size);
        }

        void set(int i, Object v) {
            if (length >= 0 && !type.isFloat() && type != CType.CHAR && !(v instanceof Long || v instanceof Boolean
                    || v instanceof BigInteger)) {
                // An array element is stored through __index__, unlike a Value.
                v = Conversions.index(v);
            }
            type.write(region.segment(), DATA + (long) i * type.size, v);
        }

        int index(Object key) {
            if (!Types.isInt(Types.baseValue(key)) && dev.mp.runtime.ops.Types.override(key, "__index__") == null) {
                throw Errors.typeError("indices must be integers");
            }
            long i = Conversions.asLong(Conversions.index(key));
            if (i < 0) {
                i += length;
            }
            if (i < 0 || i >= length) {
                throw Errors.indexError("invalid index");
            }
            return (int) i;
        }
    }

    static void register() {
        ResourceKinds.register("ctypes", (handle, state) -> {
            String[] parts = handle.split(":", 3);
            return new SharedData(SharedRegion.open(parts[2]), CType.of(parts[0]), Integer.parseInt(parts[1]), state);
        });
    }

    private static SharedData self(Object o) {
        return (SharedData) o;
    }

    static void populate(PModule m) {
        dev.mp.runtime.builtins.BuiltinBuilder.moduleFunction(m, "Value", "typecode_or_type, *args, lock=True, ctx=None", a -> {
            CType type = CType.of(a[0]);
            Object[] args = ((PTuple) a[1]).items();
            SharedData data = SharedData.create(type, -1, a[2]);
            if (args.length > 1) {
                throw Errors.typeError("%s() takes at most 1 argument (%d given)", type.cName, args.length);
            }
            if (args.length == 1) {
                data.set(0, args[0]);
            }
            return data;
        });
        dev.mp.runtime.builtins.BuiltinBuilder.moduleFunction(m, "Array", "typecode_or_type, size_or_initializer, *, lock=True, ctx=None", a -> {
            CType type = CType.of(a[0]);
            Object init = a[1];
            if (init instanceof Long n) {
                if (n < 0) {
                    throw Errors.valueError("Array length must be >= 0, not %d", n);
                }
                return SharedData.create(type, (int) (long) n, a[2]);
            }
            if (!Types.isInt(Types.baseValue(init))) {
                // The length of an initializer, as CPython's len(size_or_initializer).
                Calls.call(dev.mp.runtime.MpContext.get(null).builtins().dict().get("len"), init);
            }
            PList items = new PList();
            Object it = Iteration.iter(init);
            for (Object x = Iteration.next(it); x != null; x = Iteration.next(it)) {
                items.add(type == CType.CHAR && x instanceof Long l ? new PBytes(new byte[] {(byte) (long) l}) : x);
            }
            SharedData data = SharedData.create(type, items.size(), a[2]);
            for (int i = 0; i < items.size(); i++) {
                data.set(i, items.get(i));
            }
            return data;
        });
        for (PClass cls : new PClass[] {SYNCHRONIZED, SYNCHRONIZED_ARRAY}) {
            method(cls, "get_lock", "self", a -> self(a[0]).lock);
            method(cls, "get_obj", "self", a -> a[0]);
            method(cls, "acquire", "self, block=True, timeout=None", a -> Calls.callMethod(self(a[0]).lock, "acquire", a[1], a[2]));
            method(cls, "release", "self", a -> Calls.callMethod(self(a[0]).lock, "release"));
            method(cls, "__enter__", "self", a -> Calls.callMethod(self(a[0]).lock, "__enter__"));
            method(cls, "__exit__", "self, *args", a -> Calls.callMethod(self(a[0]).lock, "release"));
        }
        attribute(SYNCHRONIZED, "value", self -> self(self).get(0), (self, v) -> self(self).set(0, v));
        method(SYNCHRONIZED, "__repr__", "self", a -> "<Synchronized wrapper for " + self(a[0]).type.repr(self(a[0]).get(0)) + ">");

        method(SYNCHRONIZED_ARRAY, "__len__", "self", a -> (long) self(a[0]).length);
        method(SYNCHRONIZED_ARRAY, "__getitem__", "self, key", a -> {
            SharedData d = self(a[0]);
            if (a[1] instanceof PSlice s) {
                PList out = new PList();
                for (long i : positions(s, d.length)) {
                    out.add(d.get((int) i));
                }
                return d.type == CType.CHAR ? joinChars(out) : out;
            }
            return d.get(d.index(a[1]));
        });
        method(SYNCHRONIZED_ARRAY, "__setitem__", "self, key, value", a -> {
            SharedData d = self(a[0]);
            if (a[1] instanceof PSlice s) {
                long[] indices = positions(s, d.length);
                Object[] values = valuesOf(d, a[2]);
                if (values.length != indices.length) {
                    throw Errors.valueError("Can only assign sequence of same size");
                }
                for (int i = 0; i < indices.length; i++) {
                    d.set((int) indices[i], values[i]);
                }
            } else {
                d.set(d.index(a[1]), a[2]);
            }
            return PNone.NONE;
        });
        method(SYNCHRONIZED_ARRAY, "__iter__", "self", a -> {
            SharedData d = self(a[0]);
            PList snapshot = new PList();
            for (int i = 0; i < d.length; i++) {
                snapshot.add(d.get(i));
            }
            return Iteration.iter(snapshot);
        });
        attribute(SYNCHRONIZED_ARRAY, "value", self -> {
            SharedData d = self(self);
            if (d.type != CType.CHAR) {
                throw Errors.attributeError("'%s_Array_%d' object has no attribute 'value'", d.type.cName, d.length);
            }
            byte[] raw = d.region.segment().asSlice(SharedData.DATA, d.length).toArray(ValueLayout.JAVA_BYTE);
            int end = 0;
            while (end < raw.length && raw[end] != 0) {
                end++;
            }
            return new PBytes(java.util.Arrays.copyOf(raw, end));
        }, (self, v) -> {
            SharedData d = self(self);
            byte[] b = v instanceof PBytes pb ? pb.bytes() : null;
            if (d.type != CType.CHAR || b == null) {
                throw Errors.typeError("bytes expected instead of %s instance", Types.typeName(v));
            }
            if (b.length > d.length) {
                throw Errors.valueError("byte string too long");
            }
            MemorySegment seg = d.region.segment();
            MemorySegment.copy(MemorySegment.ofArray(b), 0, seg, SharedData.DATA, b.length);
            if (b.length < d.length) {
                seg.set(ValueLayout.JAVA_BYTE, SharedData.DATA + b.length, (byte) 0);
            }
        });
        method(SYNCHRONIZED_ARRAY, "__repr__", "self", a -> "<SynchronizedArray wrapper for <multiprocessing.sharedctypes."
                + self(a[0]).type.cName + "_Array_" + self(a[0]).length + " object at " + Identity.hexId(a[0]) + ">>");
    }

    /** The positions a slice selects in a sequence of {@code length} items. */
    private static long[] positions(PSlice s, int length) {
        long[] r = dev.mp.runtime.ops.Sequences.sliceIndices(s, length);
        long[] out = new long[(int) r[3]];
        for (int i = 0; i < out.length; i++) {
            out[i] = r[0] + i * r[2];
        }
        return out;
    }

    private static Object joinChars(PList chars) {
        byte[] b = new byte[chars.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = ((PBytes) chars.get(i)).bytes()[0];
        }
        return new PBytes(b);
    }

    private static Object[] valuesOf(SharedData d, Object v) {
        if (d.type == CType.CHAR && v instanceof PBytes b) {
            Object[] out = new Object[b.bytes().length];
            for (int i = 0; i < out.length; i++) {
                out[i] = new PBytes(new byte[] {b.bytes()[i]});
            }
            return out;
        }
        PList items = new PList();
        Object it = Iteration.iter(v);
        for (Object x = Iteration.next(it); x != null; x = Iteration.next(it)) {
            items.add(x);
        }
        return items.toArray();
    }
}
