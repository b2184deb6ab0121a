package dev.mp.runtime.multiprocessing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.PBoxed;
import dev.mp.runtime.objects.PBuiltinFunction;
import dev.mp.runtime.objects.PByteArray;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PFunction;
import dev.mp.runtime.objects.PInstance;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PRange;
import dev.mp.runtime.objects.PSet;
import dev.mp.runtime.objects.PSlice;
import dev.mp.runtime.objects.PStaticMethod;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.objects.PClass.Layout;
import dev.mp.runtime.ops.Attributes;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Exceptions;
import dev.mp.runtime.ops.Types;

/**
 * Pickling: turns a Python object into bytes that another mp process turns back into an equal object. This
 * is how process arguments, queue items and pipe messages travel.
 *
 * <p>Values (None, bool, int, float, str, bytes, containers, exceptions, instances of user classes as their
 * class plus their state) are copied; functions and classes travel as module plus qualified name and are
 * looked up again on the other side, as with CPython's pickle; {@link SharedResource}s travel as handles. Shared
 * references and cycles among mutable objects are kept. The format is mp's own and not CPython's pickle
 * protocol: it is only read by mp.
 *
 * <p>What cannot be pickled raises CPython's exception in the caller: {@code _pickle.PicklingError} for a
 * function that is not reachable by its name, {@code AttributeError: Can't pickle local object ...} and
 * {@code TypeError: cannot pickle 'generator' object}.
 */
public final class Reduction {
    private Reduction() {
    }

    public static final PClass PICKLE_ERROR = errorClass("PickleError", BuiltinClasses.exception("Exception"));
    public static final PClass PICKLING_ERROR = errorClass("PicklingError", PICKLE_ERROR);
    public static final PClass UNPICKLING_ERROR = errorClass("UnpicklingError", PICKLE_ERROR);

    private static PClass errorClass(String name, PClass base) {
        return new PClass(name, "_pickle", new PClass[] {base}, true, Layout.EXCEPTION);
    }

    private static final byte NONE = 0;
    private static final byte TRUE = 1;
    private static final byte FALSE = 2;
    private static final byte INT = 3;
    private static final byte BIG_INT = 4;
    private static final byte FLOAT = 5;
    private static final byte STR = 6;
    private static final byte BYTES = 7;
    private static final byte BYTEARRAY = 8;
    private static final byte TUPLE = 9;
    private static final byte LIST = 10;
    private static final byte DICT = 11;
    private static final byte SET = 12;
    private static final byte FROZENSET = 13;
    private static final byte GLOBAL = 14;
    private static final byte INSTANCE = 15;
    private static final byte EXCEPTION = 16;
    private static final byte RESOURCE = 17;
    private static final byte MEMO_REF = 18;
    private static final byte REDUCE = 19;
    private static final byte RANGE = 20;
    private static final byte ELLIPSIS = 21;
    private static final byte SOURCE_DEFINITION = 22;
    /** An instance of a subclass of int, float or str: its class, value and attribute dict (made by {@code cls.__new__(cls, value)}). */
    private static final byte BOXED = 23;
    /** A slice: its start, stop and step (a manager proxy's {@code l[1:3]} sends one). */
    private static final byte SLICE = 24;
    /** A complex number (not of a subclass): its two parts' bits. */
    private static final byte COMPLEX = 25;

    /** Pickles {@code value}; raises the Python exception CPython raises for what cannot be pickled. */
    public static byte[] dumps(Object value) {
        return dumps(value, UNKNOWN_RECEIVER);
    }

    /** Pickles {@code value} for the process {@code receiverPid}, whose handles are granted to it. */
    public static byte[] dumps(Object value, long receiverPid) {
        Writer w = new Writer(receiverPid);
        w.write(value);
        return w.toByteArray();
    }

    /** Pickles {@code value} as {@link #dumps} does, without joining a large payload's bytes into one array. */
    public static Pickled pickle(Object value) {
        Writer w = new Writer(UNKNOWN_RECEIVER);
        w.write(value);
        return w.pickled();
    }

    /**
     * Raises what {@link #dumps} would raise, without sharing any handle: checks a Process's arguments before its
     * child exists.
     */
    public static void check(Object value) {
        new Writer(CHECK_ONLY).write(value);
    }

    private static final long UNKNOWN_RECEIVER = -1;
    private static final long CHECK_ONLY = -2;

    /**
     * Unpickles what {@code channel} holds from its position (a spilled queue item): a large payload is read from it
     * straight into its own array, not through one of the whole pickle.
     */
    public static Object loads(MpContext context, java.nio.channels.ReadableByteChannel channel) {
        return new Reader(context, new Input(new byte[0], channel)).read();
    }

    /** Unpickles bytes made by {@link #dumps}, importing the modules that functions and classes live in. */
    public static Object loads(MpContext context, byte[] data) {
        return new Reader(context, new Input(data, null)).read();
    }

    /**
     * The source of every definition made by code in no file that is still bound in {@code __main__}, when
     * {@code value} is one of them (see {@link MpContext#sourcesWithoutFile()}); null for anything else.
     */
    private static String sourceWithoutFile(Object value) {
        return MpContext.get(null).sourcesWithoutFile().sourceOf(value, defined -> lookupGlobal("__main__", nameOf(defined)) == defined);
    }

    private static String nameOf(Object definition) {
        return definition instanceof PFunction f ? f.qualname() : definition instanceof PClass c ? c.qualname() : "";
    }

    private static final class Writer {
        private final Pickled out = new Pickled();
        private final Map<Object, Integer> memo = new IdentityHashMap<>();
        private final long receiverPid;

        Writer(long receiverPid) {
            this.receiverPid = receiverPid;
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }

        Pickled pickled() {
            return out;
        }

        void write(Object v) {
            if (v == PNone.NONE) {
                out.write(NONE);
            } else if (v instanceof Boolean b) {
                out.write(b ? TRUE : FALSE);
            } else if (v instanceof Long l) {
                out.write(INT);
                writeLong(l);
            } else if (v instanceof Integer i) {
                out.write(INT);
                writeLong(i);
            } else if (v instanceof BigInteger big) {
                out.write(BIG_INT);
                writeBytes(big.toByteArray());
            } else if (v instanceof Double d) {
                out.write(FLOAT);
                writeLong(Double.doubleToRawLongBits(d));
            } else if (v instanceof String s) {
                out.write(STR);
                writeString(s);
            } else if (v instanceof PBytes b) {
                // Memoized as CPython's pickle does: a payload referenced twice is sent (and held) once.
                if (!writeMemoRef(v)) {
                    out.write(BYTES);
                    remember(v);
                    writeBytes(b.bytes());
                }
            } else if (v instanceof PTuple t) {
                out.write(TUPLE);
                writeInt(t.size());
                for (Object item : t.items()) {
                    write(item);
                }
            } else if (v instanceof PRange r) {
                out.write(RANGE);
                writeLong(r.start);
                writeLong(r.stop);
                writeLong(r.step);
            } else if (v instanceof dev.mp.runtime.objects.PComplex c && !c.isSubclassInstance()) {
                out.write(COMPLEX);
                writeLong(Double.doubleToRawLongBits(c.real));
                writeLong(Double.doubleToRawLongBits(c.imag));
            } else if (v instanceof PSlice s) {
                out.write(SLICE);
                write(s.start);
                write(s.stop);
                write(s.step);
            } else if (v == dev.mp.runtime.objects.PSingleton.ELLIPSIS) {
                out.write(ELLIPSIS);
            } else if (v instanceof SharedResource r) {
                out.write(RESOURCE);
                writeString(r.resourceKind());
                writeString(receiverPid == CHECK_ONLY ? "" : receiverPid >= 0 ? r.shareHandle(receiverPid) : r.shareHandle());
                write(r.sharedState());
            } else if (!writeMemoRef(v)) {
                writeMemoizable(v);
            }
        }

        /** Writes a back-reference when {@code v} was written before; else records it and returns false. */
        private boolean writeMemoRef(Object v) {
            Integer index = memo.get(v);
            if (index != null) {
                out.write(MEMO_REF);
                writeInt(index);
                return true;
            }
            return false;
        }

        private void remember(Object v) {
            memo.put(v, memo.size());
        }

        private void writeMemoizable(Object v) {
            if (v instanceof PList l) {
                out.write(LIST);
                remember(v);
                writeInt(l.size());
                for (Object item : l.toArray()) {
                    write(item);
                }
            } else if (v instanceof PDict d) {
                out.write(DICT);
                remember(v);
                writeInt(d.size());
                for (PDict.Entry e : new ArrayList<>(d.entries())) {
                    write(e.key);
                    write(e.value);
                }
            } else if (v instanceof PSet s) {
                out.write(s.isFrozen() ? FROZENSET : SET);
                remember(v);
                writeInt(s.size());
                for (Object item : new ArrayList<>(s.values())) {
                    write(item);
                }
            } else if (v instanceof PByteArray b) {
                out.write(BYTEARRAY);
                remember(v);
                writeBytes(b.toBytes());
            } else if (v instanceof PFunction f) {
                writeFunction(f);
            } else if (v instanceof PClass c) {
                writeGlobal(c, c.module(), c.qualname());
            } else if (v instanceof PBuiltinFunction b && moduleOfBuiltin(b) instanceof String module) {
                writeGlobal(b, module, b.name());
            } else if (v instanceof PBaseException e && e.getPythonClass().layout() == Layout.EXCEPTION) {
                out.write(EXCEPTION);
                write(e.getPythonClass());
                write(e.args());
                write(e.dict());
            } else if (v instanceof PInstance inst && !inst.getPythonClass().isBuiltin()) {
                writeInstance(inst);
            } else if (v instanceof PBoxed boxed) {
                out.write(BOXED);
                remember(v);
                write(boxed.getPythonClass());
                write(boxed.value());
                write(boxed.attributes());
            } else {
                PClass cls = Types.typeOf(v);
                String name = cls.module().equals("builtins") ? cls.name() : cls.module() + "." + cls.name();
                throw Errors.typeError("cannot pickle '%s' object", name);
            }
        }

        private void writeFunction(PFunction f) {
            String module = f.module() == null ? "__main__" : f.module().name();
            writeGlobal(f, module, f.qualname());
        }

        /** A function or class by module and qualified name, checked to lead back to the same object. */
        private void writeGlobal(Object obj, String module, String qualname) {
            if (qualname.contains("<locals>")) {
                throw Errors.make("AttributeError", "Can't pickle local object '%s'", qualname);
            }
            Object found = lookupGlobal(module, qualname);
            if (found == null) {
                String attr = qualname.contains(".") ? qualname.substring(qualname.lastIndexOf('.') + 1) : qualname;
                throw Errors.raise(PICKLING_ERROR, String.format("Can't pickle %s: attribute lookup %s on %s failed",
                        Conversions.repr(obj), attr, module));
            }
            if (found != obj) {
                throw Errors.raise(PICKLING_ERROR, String.format("Can't pickle %s: it's not the same object as %s.%s",
                        Conversions.repr(obj), module, qualname));
            }
            String source = module.equals("__main__") ? sourceWithoutFile(obj) : null;
            out.write(source != null ? SOURCE_DEFINITION : GLOBAL);
            remember(obj);
            writeString(module);
            writeString(qualname);
            if (source != null) {
                writeString(source);
            }
        }

        private void writeInstance(PInstance inst) {
            PClass cls = inst.getPythonClass();
            Object reduce = userDefined(cls, "__reduce__");
            if (reduce != null) {
                Object r = Calls.callMethod(inst, "__reduce__");
                if (!(r instanceof PTuple t) || t.size() < 2 || t.size() > 3) {
                    throw Errors.raise(PICKLING_ERROR, "__reduce__ must return a tuple of 2 to 3 items");
                }
                out.write(REDUCE);
                remember(inst);
                write(t.get(0));
                write(t.get(1));
                write(t.size() > 2 ? t.get(2) : PNone.NONE);
                return;
            }
            out.write(INSTANCE);
            remember(inst);
            write(cls);
            Object state = userDefined(cls, "__getstate__") != null ? Calls.callMethod(inst, "__getstate__") : inst.dict();
            write(state);
        }

        private void writeLong(long v) {
            for (int i = 0; i < 8; i++) {
                out.write((int) (v >>> (8 * i)));
            }
        }

        private void writeInt(int v) {
            for (int i = 0; i < 4; i++) {
                out.write(v >>> (8 * i));
            }
        }

        private void writeBytes(byte[] b) {
            writeInt(b.length);
            out.writeBytes(b);
        }

        private void writeString(String s) {
            writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A special method defined by a user class (not inherited from a builtin type), or null. */
    private static Object userDefined(PClass cls, String name) {
        for (PClass c : cls.mro()) {
            if (c.isBuiltin()) {
                return null;
            }
            Object v = c.dict().get(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** The object named {@code module.qualname} in this process, without importing; null when absent. */
    /**
     * The name of a loaded module that has the builtin function {@code f} under its own name ({@code builtins}
     * first, then {@code time} for {@code time.sleep}...), or null: pickle finds such a function by module and name.
     */
    private static String moduleOfBuiltin(PBuiltinFunction f) {
        if (f.isMethod()) {
            return null;
        }
        if (lookupGlobal("builtins", f.name()) == f) {
            return "builtins";
        }
        for (PDict.Entry e : MpContext.get(null).modules().sysModules().entries()) {
            if (e.key instanceof String name && e.value instanceof PModule m && m.dict().get(f.name()) == f) {
                return name;
            }
        }
        return null;
    }

    private static Object lookupGlobal(String module, String qualname) {
        Object m = MpContext.get(null).modules().sysModules().get(module);
        if (!(m instanceof PModule)) {
            return null;
        }
        Object current = m;
        for (String part : qualname.split("\\.")) {
            current = Attributes.lookup(current, part);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** The bytes a {@link Reader} reads: an array, then (when there is one) a channel it is refilled from. */
    private static final class Input {
        private static final int REFILL = 64 * 1024;
        private byte[] data;
        private int pos;
        private final java.nio.channels.ReadableByteChannel channel;

        Input(byte[] data, java.nio.channels.ReadableByteChannel channel) {
            this.data = data;
            this.channel = channel;
        }

        /** Makes {@code n} bytes available at {@code pos}; false when the input ends before. */
        boolean ensure(int n) {
            if (n >= 0 && data.length - pos >= n) {
                return true;
            }
            if (channel == null || n < 0) {
                return false;
            }
            byte[] more = new byte[Math.max(n, REFILL)];
            int have = data.length - pos;
            System.arraycopy(data, pos, more, 0, have);
            int end = fill(more, have);
            data = end == more.length ? more : java.util.Arrays.copyOf(more, end);
            pos = 0;
            return end >= n;
        }

        /** Reads from the channel into {@code b} from {@code at} until it is full or the channel ends. */
        private int fill(byte[] b, int at) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(b, at, b.length - at);
            try {
                while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                    // reads until full or the end
                }
            } catch (java.io.IOException e) {
                throw Errors.make("OSError", "cannot read a pickle: %s", e.getMessage());
            }
            return buffer.position();
        }

        /** {@code n} bytes as an array of their own; a large payload from a channel is read straight into it. */
        byte[] take(int n) {
            if (channel != null && n >= Pickled.BY_REFERENCE && data.length - pos < n) {
                byte[] b = new byte[n];
                int have = data.length - pos;
                System.arraycopy(data, pos, b, 0, have);
                pos = data.length;
                if (fill(b, have) < n) {
                    throw Errors.raise(UNPICKLING_ERROR, "pickle data was truncated");
                }
                return b;
            }
            need(n);
            byte[] b = java.util.Arrays.copyOfRange(data, pos, pos + n);
            pos += n;
            return b;
        }

        void need(int n) {
            if (!ensure(n)) {
                throw Errors.raise(UNPICKLING_ERROR, "pickle data was truncated");
            }
        }
    }

    private static final class Reader {
        private final MpContext context;
        private final Input in;
        private final List<Object> memo = new ArrayList<>();

        Reader(MpContext context, Input in) {
            this.context = context;
            this.in = in;
        }

        Object read() {
            in.need(1);
            byte tag = in.data[in.pos++];
            switch (tag) {
                case NONE:
                    return PNone.NONE;
                case TRUE:
                    return Boolean.TRUE;
                case FALSE:
                    return Boolean.FALSE;
                case INT:
                    return readLong();
                case BIG_INT:
                    return new BigInteger(readBytes());
                case FLOAT:
                    return Double.longBitsToDouble(readLong());
                case STR:
                    return readString();
                case BYTES: {
                    PBytes bytes = new PBytes(readBytes());
                    memo.add(bytes);
                    return bytes;
                }
                case TUPLE: {
                    Object[] items = new Object[readInt()];
                    for (int i = 0; i < items.length; i++) {
                        items[i] = read();
                    }
                    return new PTuple(items);
                }
                case RANGE:
                    return new PRange(readLong(), readLong(), readLong());
                case ELLIPSIS:
                    return dev.mp.runtime.objects.PSingleton.ELLIPSIS;
                case SLICE:
                    return new PSlice(read(), read(), read());
                case COMPLEX:
                    return new dev.mp.runtime.objects.PComplex(Double.longBitsToDouble(readLong()), Double.longBitsToDouble(readLong()));
                case LIST: {
                    PList list = new PList();
                    memo.add(list);
                    int n = readInt();
                    for (int i = 0; i < n; i++) {
                        list.add(read());
                    }
                    return list;
                }
                case DICT: {
                    PDict dict = new PDict();
                    memo.add(dict);
                    int n = readInt();
                    for (int i = 0; i < n; i++) {
                        Object key = read();
                        dict.put(key, read());
                    }
                    return dict;
                }
                case SET:
                case FROZENSET: {
                    PSet set = new PSet(tag == FROZENSET);
                    memo.add(set);
                    int n = readInt();
                    for (int i = 0; i < n; i++) {
                        set.add(read());
                    }
                    return set;
                }
                case BYTEARRAY: {
                    PByteArray b = new PByteArray(readBytes());
                    memo.add(b);
                    return b;
                }
                case GLOBAL: {
                    int slot = reserve();
                    Object found = findGlobal(readString(), readString());
                    memo.set(slot, found);
                    return found;
                }
                case SOURCE_DEFINITION: {
                    int slot = reserve();
                    Object found = defineFromSource(readString(), readString(), readString());
                    memo.set(slot, found);
                    return found;
                }
                case INSTANCE: {
                    int slot = reserve();
                    Object cls = read();
                    if (!(cls instanceof PClass c) || c.isBuiltin()) {
                        throw Errors.raise(UNPICKLING_ERROR, "instance of a non-class " + Conversions.repr(cls));
                    }
                    PInstance inst = new PInstance(c);
                    memo.set(slot, inst);
                    Object state = read();
                    if (userDefined(c, "__setstate__") != null) {
                        Calls.callMethod(inst, "__setstate__", state);
                    } else if (state instanceof PDict d) {
                        for (PDict.Entry e : d.entries()) {
                            inst.dict().put(e.key, e.value);
                        }
                    }
                    return inst;
                }
                case BOXED: {
                    int slot = reserve();
                    Object cls = read();
                    Object value = read();
                    if (!(cls instanceof PClass c)) {
                        throw Errors.raise(UNPICKLING_ERROR, "instance of a non-class " + Conversions.repr(cls));
                    }
                    // As pickle's NEWOBJ with int's, float's and str's __getnewargs__: cls.__new__(cls, value).
                    Object newFn = c.lookup("__new__");
                    Object result = Calls.call(newFn instanceof PStaticMethod sm ? sm.function : newFn, c, value);
                    memo.set(slot, result);
                    Object state = read();
                    if (userDefined(c, "__setstate__") != null) {
                        Calls.callMethod(result, "__setstate__", state);
                    } else if (result instanceof PBoxed boxed && state instanceof PDict d) {
                        for (PDict.Entry e : d.entries()) {
                            boxed.attributes().put(e.key, e.value);
                        }
                    }
                    return result;
                }
                case REDUCE: {
                    int slot = reserve();
                    Object callable = read();
                    Object args = read();
                    Object result = Calls.call(callable, ((PTuple) args).items());
                    memo.set(slot, result);
                    Object state = read();
                    if (state != PNone.NONE) {
                        if (result instanceof PInstance inst && userDefined(inst.getPythonClass(), "__setstate__") == null
                                && state instanceof PDict d) {
                            for (PDict.Entry e : d.entries()) {
                                inst.dict().put(e.key, e.value);
                            }
                        } else {
                            Calls.callMethod(result, "__setstate__", state);
                        }
                    }
                    return result;
                }
                case EXCEPTION: {
                    Object cls = read();
                    PTuple args = (PTuple) read();
                    PDict state = (PDict) read();
                    PBaseException e = Exceptions.create((PClass) cls, args);
                    for (PDict.Entry entry : state.entries()) {
                        e.dict().put(entry.key, entry.value);
                    }
                    return e;
                }
                case RESOURCE: {
                    String kind = readString();
                    String handle = readString();
                    return ResourceKinds.rebuild(kind, handle, read());
                }
                case MEMO_REF: {
                    int index = readInt();
                    if (index < 0 || index >= memo.size()) {
                        throw Errors.raise(UNPICKLING_ERROR, "invalid back-reference in pickle data");
                    }
                    return memo.get(index);
                }
                default:
                    throw Errors.raise(UNPICKLING_ERROR, String.format("invalid load key, '\\x%02x'.", tag & 0xff));
            }
        }

        private int reserve() {
            memo.add(null);
            return memo.size() - 1;
        }

        private Object findGlobal(String module, String qualname) {
            Object current = context.modules().importModule(module, new PDict(), true, 0);
            for (String part : qualname.split("\\.")) {
                Object next = Attributes.lookup(current, part);
                if (next == null) {
                    throw Errors.attributeError("Can't get attribute '%s' on %s", qualname, Conversions.repr(current));
                }
                current = next;
            }
            return current;
        }

        /** Runs prompt definitions in their module's namespace, unless that module already has the object. */
        private Object defineFromSource(String module, String qualname, String source) {
            PModule m = (PModule) context.modules().importModule(module, new PDict(), true, 0);
            Object existing = m.dict().get(qualname);
            if (existing != null) {
                return existing;
            }
            com.oracle.truffle.api.source.Source src = com.oracle.truffle.api.source.Source
                    .newBuilder(dev.mp.runtime.MpLanguage.ID, source, "<stdin>").build();
            dev.mp.runtime.parser.SourceCompiler.parseModule(context.language(), src).call(m);
            return findGlobal(module, qualname);
        }

        private long readLong() {
            in.need(8);
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v |= (in.data[in.pos++] & 0xffL) << (8 * i);
            }
            return v;
        }

        private int readInt() {
            in.need(4);
            int v = 0;
            for (int i = 0; i < 4; i++) {
                v |= (in.data[in.pos++] & 0xff) << (8 * i);
            }
            return v;
        }

        private byte[] readBytes() {
            return in.take(readInt());
        }

        private String readString() {
            int n = readInt();
            in.need(n);
            String s = new String(in.data, in.pos, n, StandardCharsets.UTF_8);
            in.pos += n;
            return s;
        }
    }
}
