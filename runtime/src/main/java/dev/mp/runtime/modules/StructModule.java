package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.attribute;
import static dev.mp.runtime.builtins.BuiltinBuilder.method;
import static dev.mp.runtime.builtins.BuiltinBuilder.moduleFunction;

import java.util.Arrays;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.builtins.BuiltinBuilder;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PByteArray;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PIterator;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PSubclassable;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Sequences;
import dev.mp.runtime.ops.Types;

/**
 * The {@code _struct} module under the bundled {@code struct}: conversion between Python values and C structs
 * packed in bytes ({@code pack}, {@code unpack}, {@code calcsize}, {@code pack_into}, {@code unpack_from},
 * {@code iter_unpack} and the {@code Struct} class), with CPython 3.11's formats and messages (see
 * {@link StructFormat}).
 */
final class StructModule {
    private StructModule() {
    }

    static final PClass STRUCT = new PClass("Struct", "_struct", new PClass[] {BuiltinClasses.OBJECT}, true, PClass.Layout.BUILTIN)
            .allowSubclasses();
    static final PClass UNPACK_ITERATOR = new PClass("unpack_iterator", "_struct", new PClass[] {BuiltinClasses.OBJECT}, true,
            PClass.Layout.BUILTIN);

    /** A compiled format; made by {@code __new__}, given its format by {@code __init__} (as CPython's, so subclasses can call it). */
    static final class PStruct extends PSubclassable {
        StructFormat format;
        String text;

        PStruct(PClass cls) {
            super(cls);
        }

        StructFormat format() {
            if (format == null) {
                throw Errors.make("RuntimeError", "Struct() was not initialized");
            }
            return format;
        }
    }

    /** iter_unpack's iterator: one tuple per {@code size} bytes of a snapshot of the buffer. */
    static final class UnpackIterator extends PIterator {
        private final StructFormat format;
        private final byte[] data;
        private int offset;

        UnpackIterator(StructFormat format, byte[] data) {
            super(UNPACK_ITERATOR);
            this.format = format;
            this.data = data;
        }

        @Override
        public Object next() {
            if (offset + format.size > data.length) {
                return null;
            }
            Object[] values = format.unpack(data, offset);
            offset += format.size;
            return new PTuple(values);
        }

        long remaining() {
            return (data.length - offset) / format.size;
        }
    }

    static {
        BuiltinBuilder.constructor(STRUCT, "cls, /, *args, **kwargs", a -> new PStruct((PClass) a[0]));
        method(STRUCT, "__init__", "self, format", a -> {
            PStruct s = (PStruct) a[0];
            s.text = StructFormat.text(a[1]);
            s.format = StructFormat.parse(s.text);
            return PNone.NONE;
        });
        method(STRUCT, "__repr__", "self", a -> "<" + ((PStruct) a[0]).getPythonClass().module() + "."
                + ((PStruct) a[0]).getPythonClass().qualname() + " object at "
                + dev.mp.runtime.ops.Identity.hexId(a[0]) + ">");
        attribute(STRUCT, "format", o -> ((PStruct) o).text);
        attribute(STRUCT, "size", o -> (long) ((PStruct) o).format().size);
        method(STRUCT, "pack", "self, *values", a -> pack(((PStruct) a[0]).format(), ((PTuple) a[1]).items(), 0));
        method(STRUCT, "unpack", "self, buffer, /", a -> unpack(((PStruct) a[0]).format(), a[1]));
        method(STRUCT, "unpack_from", "self, buffer, offset=0", a -> unpackFrom(((PStruct) a[0]).format(), a[1], a[2]));
        method(STRUCT, "pack_into", "self, *args", a -> packInto(((PStruct) a[0]).format(), ((PTuple) a[1]).items(), 0));
        method(STRUCT, "iter_unpack", "self, buffer, /", a -> iterUnpack(((PStruct) a[0]).format(), a[1]));

        method(UNPACK_ITERATOR, "__iter__", "self", a -> a[0]);
        method(UNPACK_ITERATOR, "__next__", "self", a -> {
            Object v = ((PIterator) a[0]).next();
            if (v == null) {
                throw Errors.raise(BuiltinClasses.exception("StopIteration"));
            }
            return v;
        });
        method(UNPACK_ITERATOR, "__length_hint__", "self", a -> ((UnpackIterator) a[0]).remaining());
    }

    static void populate(PModule m) {
        m.dict().put("Struct", STRUCT);
        m.dict().put("error", StructFormat.ERROR);
        moduleFunction(m, "calcsize", "format, /", a -> (long) format(a[0]).size);
        moduleFunction(m, "pack", "*args", a -> {
            Object[] args = ((PTuple) a[0]).items();
            if (args.length == 0) {
                throw Errors.typeError("missing format argument");
            }
            return pack(format(args[0]), args, 1);
        });
        moduleFunction(m, "pack_into", "*args", a -> {
            Object[] args = ((PTuple) a[0]).items();
            if (args.length == 0) {
                throw Errors.typeError("missing format argument");
            }
            return packInto(format(args[0]), args, 1);
        });
        moduleFunction(m, "unpack", "format, buffer, /", a -> unpack(format(a[0]), a[1]));
        moduleFunction(m, "unpack_from", "format, /, buffer, offset=0", a -> unpackFrom(format(a[0]), a[1], a[2]));
        moduleFunction(m, "iter_unpack", "format, buffer, /", a -> iterUnpack(format(a[0]), a[1]));
    }

    private static StructFormat format(Object format) {
        if (format instanceof PStruct s) {
            return s.format();
        }
        return StructFormat.parse(StructFormat.text(format));
    }

    @TruffleBoundary
    private static Object pack(StructFormat format, Object[] args, int first) {
        int given = args.length - first;
        if (given != format.valueCount) {
            throw StructFormat.structError("pack expected %d items for packing (got %d)", format.valueCount, given);
        }
        byte[] out = new byte[format.size];
        format.pack(args, first, out, 0);
        return new dev.mp.runtime.objects.PBytes(out);
    }

    @TruffleBoundary
    private static Object packInto(StructFormat format, Object[] args, int first) {
        int given = args.length - first;
        if (given != format.valueCount + 2) {
            if (given == 0) {
                throw StructFormat.structError("pack_into expected buffer argument");
            }
            if (given == 1) {
                throw StructFormat.structError("pack_into expected offset argument");
            }
            throw StructFormat.structError("pack_into expected %d items for packing (got %d)", format.valueCount, given - 2);
        }
        if (!(args[first] instanceof PByteArray buffer)) {
            throw Errors.typeError("argument must be read-write bytes-like object, not %s", Types.typeName(args[first]));
        }
        long offset = Conversions.asLong(args[first + 1]);
        int length = buffer.length();
        if (offset < 0) {
            if (offset + format.size > 0) {
                throw StructFormat.structError("no space to pack %d bytes at offset %d", format.size, offset);
            }
            if (offset + length < 0) {
                throw StructFormat.structError("offset %d out of range for %d-byte buffer", offset, length);
            }
            offset += length;
        }
        if (length - offset < format.size) {
            throw StructFormat.structError("pack_into requires a buffer of at least %d bytes for packing %d bytes at offset %d "
                    + "(actual buffer size is %d)", format.size + offset, format.size, offset, length);
        }
        byte[] packed = new byte[format.size];
        format.pack(args, first + 2, packed, 0);
        for (int i = 0; i < packed.length; i++) {
            buffer.set((int) offset + i, packed[i]);
        }
        return PNone.NONE;
    }

    @TruffleBoundary
    private static Object unpack(StructFormat format, Object buffer) {
        byte[] data = Sequences.bytesOf(buffer);
        if (data.length != format.size) {
            throw StructFormat.structError("unpack requires a buffer of %d bytes", format.size);
        }
        return new PTuple(format.unpack(data, 0));
    }

    @TruffleBoundary
    private static Object unpackFrom(StructFormat format, Object buffer, Object offsetArg) {
        byte[] data = Sequences.bytesOf(buffer);
        long offset = Conversions.asLong(offsetArg);
        if (offset < 0) {
            if (offset + format.size > 0) {
                throw StructFormat.structError("not enough data to unpack %d bytes at offset %d", format.size, offset);
            }
            if (offset + data.length < 0) {
                throw StructFormat.structError("offset %d out of range for %d-byte buffer", offset, data.length);
            }
            offset += data.length;
        }
        if (data.length - offset < format.size) {
            throw StructFormat.structError("unpack_from requires a buffer of at least %d bytes for unpacking %d bytes at offset %d "
                    + "(actual buffer size is %d)", format.size + offset, format.size, offset, data.length);
        }
        return new PTuple(format.unpack(data, (int) offset));
    }

    @TruffleBoundary
    private static Object iterUnpack(StructFormat format, Object buffer) {
        byte[] data = Sequences.bytesOf(buffer);
        if (format.size == 0) {
            throw StructFormat.structError("cannot iteratively unpack with a struct of length 0");
        }
        if (data.length % format.size != 0) {
            throw StructFormat.structError("iterative unpacking requires a buffer of a multiple of %d bytes", format.size);
        }
        return new UnpackIterator(format, Arrays.copyOf(data, data.length));
    }
}
