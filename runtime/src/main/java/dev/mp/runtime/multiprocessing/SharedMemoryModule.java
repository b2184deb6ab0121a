package dev.mp.runtime.multiprocessing;

import static dev.mp.runtime.builtins.BuiltinBuilder.attribute;
import static dev.mp.runtime.builtins.BuiltinBuilder.method;
import static dev.mp.runtime.builtins.BuiltinBuilder.moduleFunction;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.multiprocessing.shm.NamedSharedMemory;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PByteArray;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PObject;
import dev.mp.runtime.objects.PSlice;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Identity;
import dev.mp.runtime.ops.Iteration;
import dev.mp.runtime.ops.Sequences;
import dev.mp.runtime.ops.Types;

/**
 * {@code _shared_memory}: the Java half of {@code multiprocessing.shared_memory}. {@code open} creates or
 * attaches a named shared memory object ({@link NamedSharedMemory}); its {@code buf} is a {@code SharedBuffer},
 * mp's stand-in for the memoryview CPython gives: bytes by index and slice (a slice is a view of the same
 * memory), slice assignment from bytes-like objects, len, iteration, {@code bytes(buf)}, {@code tobytes()},
 * {@code release()}; plus 8-byte number accessors for {@code ShareableList}.
 */
public final class SharedMemoryModule {
    private SharedMemoryModule() {
    }

    static final PClass MAPPING = type("SharedMemoryMapping");
    static final PClass BUFFER = type("SharedBuffer");

    private static PClass type(String name) {
        return new PClass(name, "multiprocessing.shared_memory", new PClass[] {BuiltinClasses.OBJECT}, true, PClass.Layout.BUILTIN);
    }

    /** A mapped shared memory object. */
    static final class Mapping extends PObject {
        final NamedSharedMemory memory;

        Mapping(NamedSharedMemory memory) {
            this.memory = memory;
        }

        @Override
        public PClass getPythonClass() {
            return MAPPING;
        }
    }

    /** A window [offset, offset + length) on a mapping, released on its own or with the mapping. */
    static final class Buffer extends PObject implements dev.mp.runtime.objects.BufferExporter {
        final NamedSharedMemory memory;
        final long offset;
        final int length;
        boolean released;

        Buffer(NamedSharedMemory memory, long offset, int length) {
            this.memory = memory;
            this.offset = offset;
            this.length = length;
        }

        @Override
        public PClass getPythonClass() {
            return BUFFER;
        }

        MemorySegment segment() {
            if (released || !memory.isOpen()) {
                throw Errors.valueError("operation forbidden on released memoryview object");
            }
            return memory.segment();
        }

        @Override
        public MemorySegment exportedMemory() {
            return segment().asSlice(offset, length);
        }

        @Override
        public boolean exportsReadonly() {
            return false;
        }

        int index(Object key) {
            long i = Conversions.asLong(Conversions.index(key));
            if (i < 0) {
                i += length;
            }
            if (i < 0 || i >= length) {
                throw Errors.indexError("index out of bounds on dimension 1");
            }
            return (int) i;
        }

        @TruffleBoundary
        byte[] bytes() {
            return segment().asSlice(offset, length).toArray(ValueLayout.JAVA_BYTE);
        }

        long numberOffset(Object off) {
            long o = Conversions.asLong(off);
            if (o < 0 || o + 8 > length) {
                throw Errors.indexError("offset %d out of range for %d-byte buffer", o, length);
            }
            return offset + o;
        }
    }

    private static Buffer buffer(Object o) {
        return (Buffer) o;
    }

    @TruffleBoundary
    private static Mapping open(Object nameArg, boolean create, long size) {
        if (!MpContext.get(null).env().isNativeAccessAllowed()) {
            throw Errors.make("PermissionError",
                    "shared memory is not allowed by the embedder's policy (Context.Builder.allowNativeAccess)");
        }
        String name = nameArg == PNone.NONE ? NamedSharedMemory.freshName() : Errors.requireStr(nameArg);
        if (!NamedSharedMemory.validName(name)) {
            throw Errors.osError(22, "Invalid argument", "/" + name);
        }
        try {
            return new Mapping(create ? NamedSharedMemory.create(name, size) : NamedSharedMemory.open(name));
        } catch (IOException e) {
            throw Errors.osError(e, "/" + name, null);
        }
    }

    @TruffleBoundary
    private static byte[] sourceBytes(Object v) {
        if (v instanceof PBytes || v instanceof PByteArray || v instanceof dev.mp.runtime.objects.PMemoryView) {
            return Sequences.bytesOf(v);
        }
        if (v instanceof Buffer b) {
            return b.bytes();
        }
        throw Errors.typeError("a bytes-like object is required, not '%s'", Types.typeName(v));
    }

    public static void populate(PModule m) {
        m.dict().put("SharedMemoryMapping", MAPPING);
        m.dict().put("SharedBuffer", BUFFER);
        moduleFunction(m, "open", "name, create, size", a -> open(a[0], Conversions.isTrue(a[1]), Conversions.asLong(a[2])));
        moduleFunction(m, "unlink", "name", a -> {
            String name = Errors.requireStr(a[0]);
            try {
                NamedSharedMemory.unlink(name);
            } catch (IOException e) {
                throw Errors.osError(e, "/" + name, null);
            }
            return PNone.NONE;
        });

        attribute(MAPPING, "name", self -> ((Mapping) self).memory.name());
        attribute(MAPPING, "size", self -> ((Mapping) self).memory.size());
        method(MAPPING, "buffer", "self", a -> {
            NamedSharedMemory mem = ((Mapping) a[0]).memory;
            return new Buffer(mem, 0, (int) Math.min(mem.size(), Integer.MAX_VALUE));
        });
        method(MAPPING, "close", "self", a -> {
            ((Mapping) a[0]).memory.close();
            return PNone.NONE;
        });

        method(BUFFER, "__len__", "self", a -> {
            buffer(a[0]).segment();
            return (long) buffer(a[0]).length;
        });
        attribute(BUFFER, "nbytes", self -> (long) buffer(self).length);
        attribute(BUFFER, "readonly", self -> false);
        attribute(BUFFER, "format", self -> "B");
        attribute(BUFFER, "itemsize", self -> 1L);
        method(BUFFER, "__getitem__", "self, key", a -> {
            Buffer b = buffer(a[0]);
            MemorySegment seg = b.segment();
            if (a[1] instanceof PSlice s) {
                long[] r = Sequences.sliceIndices(s, b.length);
                if (r[2] == 1 || r[3] == 0) {
                    return new Buffer(b.memory, b.offset + (r[3] == 0 ? 0 : r[0]), (int) r[3]);
                }
                // A strided slice is a copy here (CPython gives a strided view).
                byte[] out = new byte[(int) r[3]];
                for (int i = 0; i < out.length; i++) {
                    out[i] = seg.get(ValueLayout.JAVA_BYTE, b.offset + r[0] + i * r[2]);
                }
                return new PBytes(out);
            }
            return (long) (seg.get(ValueLayout.JAVA_BYTE, b.offset + b.index(a[1])) & 0xFF);
        });
        method(BUFFER, "__setitem__", "self, key, value", a -> {
            Buffer b = buffer(a[0]);
            MemorySegment seg = b.segment();
            if (a[1] instanceof PSlice s) {
                long[] r = Sequences.sliceIndices(s, b.length);
                byte[] src = sourceBytes(a[2]);
                if (src.length != r[3]) {
                    throw Errors.valueError("memoryview assignment: lvalue and rvalue have different structures");
                }
                for (int i = 0; i < src.length; i++) {
                    seg.set(ValueLayout.JAVA_BYTE, b.offset + r[0] + i * r[2], src[i]);
                }
                return PNone.NONE;
            }
            int i = b.index(a[1]);
            if (!Types.isInt(a[2])) {
                throw Errors.typeError("memoryview: invalid type for format 'B'");
            }
            long v = Conversions.asLong(a[2]);
            if (v < 0 || v > 255) {
                throw Errors.valueError("memoryview: invalid value for format 'B'");
            }
            seg.set(ValueLayout.JAVA_BYTE, b.offset + i, (byte) v);
            return PNone.NONE;
        });
        method(BUFFER, "__iter__", "self", a -> Iteration.iter(tolist(buffer(a[0]))));
        method(BUFFER, "tolist", "self", a -> tolist(buffer(a[0])));
        method(BUFFER, "tobytes", "self", a -> new PBytes(buffer(a[0]).bytes()));
        method(BUFFER, "__bytes__", "self", a -> new PBytes(buffer(a[0]).bytes()));
        method(BUFFER, "hex", "self", a -> java.util.HexFormat.of().formatHex(buffer(a[0]).bytes()));
        method(BUFFER, "__eq__", "self, other", a -> {
            if (a[1] instanceof PBytes || a[1] instanceof PByteArray || a[1] instanceof Buffer) {
                return java.util.Arrays.equals(buffer(a[0]).bytes(), sourceBytes(a[1]));
            }
            return dev.mp.runtime.objects.PSingleton.NOT_IMPLEMENTED;
        });
        method(BUFFER, "release", "self", a -> {
            buffer(a[0]).released = true;
            return PNone.NONE;
        });
        method(BUFFER, "__enter__", "self", a -> {
            buffer(a[0]).segment();
            return a[0];
        });
        method(BUFFER, "__exit__", "self, *args", a -> {
            buffer(a[0]).released = true;
            return PNone.NONE;
        });
        method(BUFFER, "__repr__", "self", a -> (buffer(a[0]).released ? "<released memory at " : "<memory at ")
                + Identity.hexId(a[0]) + ">");
        method(BUFFER, "_read_int", "self, offset", a -> {
            Buffer b = buffer(a[0]);
            return b.segment().get(ValueLayout.JAVA_LONG_UNALIGNED, b.numberOffset(a[1]));
        });
        method(BUFFER, "_write_int", "self, offset, value", a -> {
            Buffer b = buffer(a[0]);
            b.segment().set(ValueLayout.JAVA_LONG_UNALIGNED, b.numberOffset(a[1]), Conversions.asLong(a[2]));
            return PNone.NONE;
        });
        method(BUFFER, "_read_float", "self, offset", a -> {
            Buffer b = buffer(a[0]);
            return b.segment().get(ValueLayout.JAVA_DOUBLE_UNALIGNED, b.numberOffset(a[1]));
        });
        method(BUFFER, "_write_float", "self, offset, value", a -> {
            Buffer b = buffer(a[0]);
            b.segment().set(ValueLayout.JAVA_DOUBLE_UNALIGNED, b.numberOffset(a[1]), Conversions.asDouble(a[2]));
            return PNone.NONE;
        });
    }

    @TruffleBoundary
    private static PList tolist(Buffer b) {
        PList out = new PList();
        for (byte x : b.bytes()) {
            out.add((long) (x & 0xFF));
        }
        return out;
    }
}
