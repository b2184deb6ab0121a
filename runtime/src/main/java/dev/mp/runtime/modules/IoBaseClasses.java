package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.method;

import java.io.ByteArrayOutputStream;

import dev.mp.runtime.builtins.BuiltinBuilder;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PByteArray;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PSlice;
import dev.mp.runtime.objects.PSubclassable;
import dev.mp.runtime.ops.Attributes;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Iteration;
import dev.mp.runtime.ops.Sequences;
import dev.mp.runtime.ops.Types;

/**
 * The abstract classes of the {@code io} hierarchy. Every stream type implemented in Java (files, the standard
 * streams, socket files) derives from one of them, so {@code isinstance(f, io.TextIOBase)} holds for all text
 * streams whichever class implements them; {@code io.StringIO} and {@code io.BytesIO} (in mp) derive from them too.
 * The bases carry CPython's default methods ({@code readline} over {@code read}, {@code read} over
 * {@code readinto}, {@code closed} and {@code close}, iteration, the with form), so a user's subclass of
 * {@code io.RawIOBase} or {@code io.BufferedIOBase} that defines a few methods is a complete stream.
 */
public final class IoBaseClasses {
    private IoBaseClasses() {
    }

    static final PClass IO_BASE = abstractType("_IOBase", BuiltinClasses.OBJECT);
    public static final PClass RAW_IO_BASE = abstractType("_RawIOBase", IO_BASE);
    public static final PClass BUFFERED_IO_BASE = abstractType("_BufferedIOBase", IO_BASE);
    static final PClass TEXT_IO_BASE = abstractType("_TextIOBase", IO_BASE);

    /** An instance of a class written in mp that derives from one of the bases (StringIO, a user's stream). */
    static final class PStream extends PSubclassable {
        PStream(PClass cls) {
            super(cls);
        }
    }

    /** Where {@code IOBase.close()} records that the stream is closed, as CPython's instance attribute. */
    private static final String CLOSED_FLAG = "__IOBase_closed";

    static {
        BuiltinBuilder.constructor(IO_BASE, "cls, *args, **kwargs", a -> new PStream((PClass) a[0]));
        ioBaseMethods();
        rawIoBaseMethods();
        bufferedIoBaseMethods();
        for (String name : new String[] {"read", "readline", "write", "detach"}) {
            method(TEXT_IO_BASE, name, "self, *args", a -> {
                throw unsupported(name);
            });
        }
        for (String name : new String[] {"encoding", "newlines", "errors"}) {
            BuiltinBuilder.attribute(TEXT_IO_BASE, name, o -> PNone.NONE);
        }
    }

    public static RuntimeException unsupported(String message) {
        return Errors.raise(FileObjects.UNSUPPORTED_OPERATION, message);
    }

    /** Whether the stream is closed, as its {@code closed} attribute says. */
    private static boolean isClosed(Object self) {
        return Conversions.isTrue(Attributes.get(self, "closed"));
    }

    private static void checkOpen(Object self) {
        if (isClosed(self)) {
            throw Errors.valueError("I/O operation on closed file.");
        }
    }

    /** A size argument: an integer, or None for -1. */
    static long sizeArgument(Object size) {
        if (size == PNone.NONE) {
            return -1;
        }
        try {
            return Conversions.asLong(Conversions.index(size));
        } catch (dev.mp.runtime.MpException e) {
            if (dev.mp.runtime.ops.Exceptions.matches(e, "TypeError")) {
                throw Errors.typeError("argument should be integer or None, not '%s'", Types.typeName(size));
            }
            throw e;
        }
    }

    private static byte[] readResult(Object data, String what) {
        if (data instanceof PBytes || data instanceof PByteArray) {
            return Sequences.bytesOf(data);
        }
        throw Errors.make("OSError", "%s() should have returned a bytes object, not '%s'", what, Types.typeName(data));
    }

    private static void ioBaseMethods() {
        PClass c = IO_BASE;
        for (String name : new String[] {"seek", "truncate", "fileno"}) {
            method(c, name, "self, *args", a -> {
                throw unsupported(name);
            });
        }
        method(c, "tell", "self", a -> Calls.callMethod(a[0], "seek", 0L, 1L));
        BuiltinBuilder.attribute(c, "closed", o -> {
            Object flag = Attributes.lookup(o, CLOSED_FLAG);
            return flag != null && Conversions.isTrue(flag);
        });
        method(c, "close", "self", a -> {
            if (!isClosed(a[0])) {
                try {
                    Calls.callMethod(a[0], "flush");
                } finally {
                    Attributes.set(a[0], CLOSED_FLAG, true);
                }
            }
            return PNone.NONE;
        });
        method(c, "flush", "self", a -> {
            checkOpen(a[0]);
            return PNone.NONE;
        });
        for (String name : new String[] {"seekable", "readable", "writable"}) {
            method(c, name, "self", a -> false);
        }
        method(c, "isatty", "self", a -> {
            checkOpen(a[0]);
            return false;
        });
        method(c, "__enter__", "self", a -> {
            checkOpen(a[0]);
            return a[0];
        });
        method(c, "__exit__", "self, *args", a -> Calls.callMethod(a[0], "close"));
        method(c, "__iter__", "self", a -> {
            checkOpen(a[0]);
            return a[0];
        });
        method(c, "__next__", "self", a -> {
            Object line = Calls.callMethod(a[0], "readline");
            if (Sequences.len(line) == 0) {
                throw Errors.raise(BuiltinClasses.exception("StopIteration"));
            }
            return line;
        });
        method(c, "readline", "self, size=-1, /", a -> readline(a[0], sizeArgument(a[1])));
        method(c, "readlines", "self, hint=-1, /", a -> readlines(a[0], sizeArgument(a[1])));
        method(c, "writelines", "self, lines, /", a -> {
            checkOpen(a[0]);
            for (Object line : Iteration.toList(a[1])) {
                Calls.callMethod(a[0], "write", line);
            }
            return PNone.NONE;
        });
    }

    /** {@code IOBase.readline}: reads what {@code peek} shows up to a line end, else a byte at a time. */
    private static PBytes readline(Object self, long limit) {
        boolean peeks = Attributes.lookup(self, "peek") != null;
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (limit < 0 || line.size() < limit) {
            long ahead = 1;
            if (peeks) {
                Object peeked = Calls.callMethod(self, "peek", 1L);
                byte[] seen = readResult(peeked, "peek");
                if (seen.length == 0) {
                    break;
                }
                int n = 0;
                while (n < seen.length && seen[n] != '\n') {
                    n++;
                }
                ahead = n < seen.length ? n + 1 : seen.length;
                if (limit >= 0) {
                    ahead = Math.min(ahead, limit - line.size());
                }
            }
            byte[] got = readResult(Calls.callMethod(self, "read", ahead), "read");
            if (got.length == 0) {
                break;
            }
            line.writeBytes(got);
            if (got[got.length - 1] == '\n') {
                break;
            }
        }
        return new PBytes(line.toByteArray());
    }

    /** {@code IOBase.readlines}: lines until their total length passes the hint (all of them for hint <= 0). */
    static PList readlines(Object self, long hint) {
        PList lines = new PList();
        Object it = Iteration.iter(self);
        long total = 0;
        for (Object line = Iteration.next(it); line != null; line = Iteration.next(it)) {
            lines.add(line);
            long length = Sequences.len(line);
            if (hint > 0 && length > hint - total) {
                break;
            }
            total += length;
        }
        return lines;
    }

    private static void rawIoBaseMethods() {
        PClass c = RAW_IO_BASE;
        method(c, "read", "self, size=-1, /", a -> {
            long size = sizeArgument(a[1]);
            if (size < 0) {
                return Calls.callMethod(a[0], "readall");
            }
            PByteArray into = new PByteArray(new byte[(int) size]);
            Object n = Calls.callMethod(a[0], "readinto", into);
            if (n == PNone.NONE) {
                return PNone.NONE;
            }
            long got = Conversions.asLong(n);
            if (got < 0 || got > size) {
                throw Errors.valueError("readinto returned %d outside buffer size %d", got, size);
            }
            return new PBytes(java.util.Arrays.copyOf(into.toBytes(), (int) got));
        });
        method(c, "readall", "self", a -> {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            while (true) {
                Object data = Calls.callMethod(a[0], "read", (long) FileObjects.DEFAULT_BUFFER_SIZE);
                if (data == PNone.NONE) {
                    if (all.size() == 0) {
                        return PNone.NONE;
                    }
                    break;
                }
                byte[] bytes = readResult(data, "read");
                if (bytes.length == 0) {
                    break;
                }
                all.writeBytes(bytes);
            }
            return new PBytes(all.toByteArray());
        });
        for (String name : new String[] {"readinto", "write"}) {
            method(c, name, "self, *args", a -> {
                throw Errors.raise(BuiltinClasses.exception("NotImplementedError"));
            });
        }
    }

    private static void bufferedIoBaseMethods() {
        PClass c = BUFFERED_IO_BASE;
        for (String name : new String[] {"read", "read1", "write", "detach"}) {
            method(c, name, "self, *args", a -> {
                throw unsupported(name);
            });
        }
        for (String name : new String[] {"readinto", "readinto1"}) {
            String reader = name.equals("readinto") ? "read" : "read1";
            method(c, name, "self, buffer, /", a -> {
                long size = Sequences.len(a[1]);
                byte[] data = readResult(Calls.callMethod(a[0], reader, size), reader);
                if (a[1] instanceof PByteArray into) {
                    for (int i = 0; i < data.length; i++) {
                        into.set(i, data[i]);
                    }
                } else {
                    Calls.callMethod(a[1], "__setitem__", new PSlice(0L, (long) data.length, PNone.NONE), new PBytes(data));
                }
                return (long) data.length;
            });
        }
    }

    private static PClass abstractType(String name, PClass base) {
        return new PClass(name, "_io", new PClass[] {base}, true, PClass.Layout.BUILTIN).allowSubclasses();
    }

    /** A concrete stream type of {@code module} deriving from {@code base}. */
    public static PClass streamType(String name, String module, PClass base) {
        return new PClass(name, module, new PClass[] {base}, true, PClass.Layout.BUILTIN);
    }
}
