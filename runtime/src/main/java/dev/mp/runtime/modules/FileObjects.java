package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.method;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

import com.oracle.truffle.api.TruffleFile;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.builtins.BuiltinBuilder;
import dev.mp.runtime.builtins.Codecs;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PObject;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Sequences;
import dev.mp.runtime.ops.StringRepr;
import dev.mp.runtime.ops.Types;

/**
 * {@code open()} and binary file objects, over a seekable channel from the context's Truffle environment (so the
 * embedder's IO policy applies). Binary files read and write bytes at their position; a file opened in text mode
 * is a {@link TextIOWrapper} over the binary file, its {@code buffer}, as in CPython.
 */
final class FileObjects {
    private FileObjects() {
    }

    static final PClass READER = IoBaseClasses.streamType("BufferedReader", "_io", IoBaseClasses.BUFFERED_IO_BASE);
    static final PClass WRITER = IoBaseClasses.streamType("BufferedWriter", "_io", IoBaseClasses.BUFFERED_IO_BASE);
    static final PClass RANDOM = IoBaseClasses.streamType("BufferedRandom", "_io", IoBaseClasses.BUFFERED_IO_BASE);
    /** {@code io.UnsupportedOperation}: an operation the file's mode does not allow. */
    static final PClass UNSUPPORTED_OPERATION = PClass.create("UnsupportedOperation", "UnsupportedOperation", "io",
            new PClass[] {BuiltinClasses.exception("OSError"), BuiltinClasses.exception("ValueError")});

    /** io.DEFAULT_BUFFER_SIZE. */
    static final int DEFAULT_BUFFER_SIZE = 8192;
    /** Writes are collected up to this many bytes before they reach the channel. */
    private static final int WRITE_BUFFER = 1 << 16;

    /** An open binary file: a BufferedReader, BufferedWriter or BufferedRandom. */
    static final class PFile extends PObject implements BinaryStream, PendingWrites {
        final String name;
        /** The mode as CPython's FileIO reports it ("rb", "wb", "rb+", "ab", ...). */
        final String mode;
        final boolean readable;
        final boolean writable;
        final boolean append;
        final PClass type;
        SeekableByteChannel channel;
        boolean closed;
        /** Where the next binary read or write happens (for text, where the channel's data continues). */
        long position;
        /** The end of the file as this object knows it, counting buffered writes. */
        long end;
        final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        long pendingAt;

        PFile(String name, String mode, boolean readable, boolean writable, boolean append) {
            this.name = name;
            this.mode = mode;
            this.readable = readable;
            this.writable = writable;
            this.append = append;
            this.type = readable && writable ? RANDOM : readable ? READER : WRITER;
        }

        @Override
        public PClass getPythonClass() {
            return type;
        }

        void checkOpen() {
            if (closed) {
                throw Errors.valueError("I/O operation on closed file.");
            }
        }

        /** Raises UnsupportedOperation naming {@code operation} (as CPython's buffered files) unless readable. */
        void checkReadable(String operation) {
            checkOpen();
            if (!readable) {
                throw unsupported(operation);
            }
        }

        void checkWritable(String operation) {
            checkOpen();
            if (!writable) {
                throw unsupported(operation);
            }
        }

        RuntimeException ioError(IOException e) {
            return Errors.osError(e, name, null);
        }

        @Override
        public void writePending() {
            if (!closed) {
                flushPending();
            }
        }

        void flushPending() {
            if (pending.size() == 0) {
                return;
            }
            try {
                channel.position(pendingAt);
                ByteBuffer data = ByteBuffer.wrap(pending.toByteArray());
                while (data.hasRemaining()) {
                    channel.write(data);
                }
            } catch (IOException e) {
                throw ioError(e);
            }
            pending.reset();
            dev.mp.runtime.MpContext.get(null).donePendingWrites(this);
        }

        /** Writes bytes where the mode says: at the end when appending, else at {@code at}. */
        void writeBytes(byte[] data, long at) {
            long target = append ? end : at;
            if (pending.size() > 0 && pendingAt + pending.size() != target) {
                flushPending();
            }
            if (pending.size() == 0) {
                pendingAt = target;
                if (data.length > 0) {
                    dev.mp.runtime.MpContext.get(null).notePendingWrites(this);
                }
            }
            pending.writeBytes(data);
            position = pendingAt + pending.size();
            end = Math.max(end, position);
            if (pending.size() >= WRITE_BUFFER) {
                flushPending();
            }
        }

        /** One read of the channel; without the GIL, since a pipe or a terminal may make it wait. */
        private int readReleasingGil(ByteBuffer buffer) throws IOException {
            try {
                return dev.mp.runtime.MpContext.get(null).gil().releaseWhile(() -> {
                    try {
                        return channel.read(buffer);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
        }

        /** Up to n bytes from the position (all the rest for n < 0). */
        byte[] readBytes(long n) {
            return readBytes(n, false);
        }

        /** Up to n bytes from the position (all the rest for n < 0); {@code once}: from one successful read. */
        byte[] readBytes(long n, boolean once) {
            flushPending();
            try {
                // Read to the end of the data rather than to the reported size: files such as /proc/uptime
                // report a size of 0 and still have content.
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(n < 0 ? 65536 : n, 65536));
                channel.position(position);
                while (n < 0 || out.size() < n) {
                    buffer.clear();
                    if (n >= 0) {
                        buffer.limit((int) Math.min(buffer.capacity(), n - out.size()));
                    }
                    int got = readReleasingGil(buffer);
                    if (got <= 0) {
                        break;
                    }
                    out.write(buffer.array(), 0, got);
                    if (once) {
                        break;
                    }
                }
                position += out.size();
                end = Math.max(end, position);
                return out.toByteArray();
            } catch (IOException e) {
                throw ioError(e);
            }
        }

        // BinaryStream: what a TextIOWrapper over this file calls.

        @Override
        public byte[] read1(int n) {
            checkReadable("read1");
            return readBytes(n, true);
        }

        @Override
        public byte[] readAll() {
            checkReadable("read");
            return readBytes(-1);
        }

        @Override
        public void write(byte[] data) {
            checkWritable("write");
            writeBytes(data, position);
        }

        @Override
        public void flush() {
            checkOpen();
            flushPending();
        }

        @Override
        public long tell() {
            checkOpen();
            return position;
        }

        @Override
        public long seek(long offset, int whence) {
            return FileObjects.seek(this, offset, whence);
        }

        @Override
        public boolean readable() {
            checkOpen();
            return readable;
        }

        @Override
        public boolean writable() {
            checkOpen();
            return writable;
        }

        @Override
        public boolean seekable() {
            checkOpen();
            return true;
        }

        @Override
        public boolean closed() {
            return closed;
        }

        @Override
        public void close() {
            FileObjects.close(this);
        }
    }

    private static RuntimeException unsupported(String message) {
        return Errors.raise(UNSUPPORTED_OPERATION, message);
    }

    private static byte[] readBinaryLine(PFile f, long limit) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (limit < 0 || line.size() < limit) {
            byte[] chunk = f.readBytes(limit < 0 ? 8192 : Math.min(8192, limit - line.size()));
            if (chunk.length == 0) {
                break;
            }
            int n = 0;
            while (n < chunk.length && chunk[n] != '\n') {
                n++;
            }
            if (n < chunk.length) {
                line.write(chunk, 0, n + 1);
                f.position -= chunk.length - n - 1;
                break;
            }
            line.writeBytes(chunk);
        }
        return line.toByteArray();
    }

    // =====================================================================================================
    // The methods
    // =====================================================================================================

    static {
        for (PClass c : new PClass[] {READER, WRITER, RANDOM}) {
            method(c, "read", "self, size=-1, /", a -> {
                PFile f = (PFile) a[0];
                long size = IoBaseClasses.sizeArgument(a[1]);
                f.checkReadable("read");
                return new PBytes(f.readBytes(size));
            });
            method(c, "read1", "self, size=-1, /", a -> {
                PFile f = (PFile) a[0];
                long size = IoBaseClasses.sizeArgument(a[1]);
                f.checkReadable("read1");
                return new PBytes(f.readBytes(size < 0 ? DEFAULT_BUFFER_SIZE : size, true));
            });
            method(c, "readline", "self, size=-1, /", a -> {
                PFile f = (PFile) a[0];
                long size = IoBaseClasses.sizeArgument(a[1]);
                f.checkReadable("read");
                return new PBytes(readBinaryLine(f, size));
            });
            method(c, "write", "self, s, /", a -> {
                PFile f = (PFile) a[0];
                f.checkWritable("write");
                byte[] data = Sequences.bytesOf(a[1]);
                f.writeBytes(data, f.position);
                return (long) data.length;
            });
            method(c, "flush", "self", a -> {
                ((PFile) a[0]).flush();
                return PNone.NONE;
            });
            method(c, "close", "self", a -> {
                close((PFile) a[0]);
                return PNone.NONE;
            });
            method(c, "seek", "self, offset, whence=0, /", a -> seek((PFile) a[0], Conversions.asLong(a[1]), Conversions.asLong(a[2])));
            method(c, "tell", "self", a -> ((PFile) a[0]).tell());
            method(c, "truncate", "self, size=None, /", a -> {
                PFile f = (PFile) a[0];
                f.checkWritable("truncate");
                long at = f.position;
                f.flushPending();
                long size = a[1] == PNone.NONE ? at : Conversions.asLong(a[1]);
                try {
                    f.channel.truncate(size);
                    f.end = f.channel.size();
                } catch (IOException e) {
                    throw f.ioError(e);
                }
                f.position = at;
                return size;
            });
            method(c, "readable", "self", a -> ((PFile) a[0]).readable());
            method(c, "writable", "self", a -> ((PFile) a[0]).writable());
            method(c, "seekable", "self", a -> ((PFile) a[0]).seekable());
            method(c, "isatty", "self", a -> {
                ((PFile) a[0]).checkOpen();
                return false;
            });
            // Files here are channels of the Truffle file system, which has no descriptors to give.
            method(c, "fileno", "self", a -> {
                throw unsupported("fileno");
            });
            method(c, "__next__", "self", a -> {
                PFile f = (PFile) a[0];
                f.checkReadable("read");
                byte[] line = readBinaryLine(f, -1);
                if (line.length == 0) {
                    throw Errors.raise(BuiltinClasses.exception("StopIteration"));
                }
                return new PBytes(line);
            });
            BuiltinBuilder.attribute(c, "name", o -> ((PFile) o).name);
            BuiltinBuilder.attribute(c, "mode", o -> ((PFile) o).mode);
            BuiltinBuilder.attribute(c, "closed", o -> ((PFile) o).closed);
            method(c, "__repr__", "self", a -> {
                PFile f = (PFile) a[0];
                return "<_io." + f.type.name() + " name=" + StringRepr.repr(f.name) + ">";
            });
        }
        for (PClass c : new PClass[] {READER, RANDOM}) {
            method(c, "peek", "self, size=0, /", a -> {
                PFile f = (PFile) a[0];
                f.checkReadable("peek");
                long at = f.position;
                byte[] data = f.readBytes(DEFAULT_BUFFER_SIZE, true);
                f.position = at;
                return new PBytes(data);
            });
        }
    }

    private static long seek(PFile f, long offset, long whence) {
        f.checkOpen();
        if (whence < 0 || whence > 2) {
            throw Errors.valueError("invalid whence (%d, should be 0, 1 or 2)", whence);
        }
        f.flushPending();
        long target = whence == 0 ? offset : whence == 1 ? f.position + offset : f.end + offset;
        if (target < 0) {
            throw Errors.valueError("negative seek value %d", target);
        }
        f.position = target;
        return target;
    }

    static void close(PFile f) {
        if (f.closed) {
            return;
        }
        try {
            f.flushPending();
        } finally {
            f.closed = true;
            dev.mp.runtime.MpContext.get(null).donePendingWrites(f);
            try {
                f.channel.close();
            } catch (IOException e) {
                throw f.ioError(e);
            }
        }
    }

    // =====================================================================================================
    // open()
    // =====================================================================================================

    /** {@code open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True)}. */
    static Object open(MpContext context, Object[] a) {
        context.flushPendingWrites();
        if (!(a[0] instanceof String) && Types.override(a[0], "__fspath__") == null && !(a[0] instanceof PBytes)) {
            throw Errors.typeError("expected str, bytes or os.PathLike object, not %s", Types.typeName(a[0]));
        }
        String path = PosixModule.path(a[0], "open", false);
        if (!(a[1] instanceof String mode)) {
            throw Errors.typeError("open() argument 'mode' must be str, not %s", Types.typeName(a[1]));
        }
        Set<Character> seen = new HashSet<>();
        for (char ch : mode.toCharArray()) {
            if ("rwxab+t".indexOf(ch) < 0 || !seen.add(ch)) {
                throw Errors.valueError("invalid mode: '%s'", mode);
            }
        }
        int kinds = (seen.contains('r') ? 1 : 0) + (seen.contains('w') ? 1 : 0) + (seen.contains('x') ? 1 : 0) + (seen.contains('a') ? 1 : 0);
        if (seen.contains('t') && seen.contains('b')) {
            throw Errors.valueError("can't have text and binary mode at once");
        }
        if (kinds != 1) {
            throw Errors.valueError("must have exactly one of create/read/write/append mode");
        }
        boolean binary = seen.contains('b');
        boolean plus = seen.contains('+');
        if (binary && a[3] != PNone.NONE) {
            throw Errors.valueError("binary mode doesn't take an encoding argument");
        }
        if (binary && a[4] != PNone.NONE) {
            throw Errors.valueError("binary mode doesn't take an errors argument");
        }
        if (binary && a[5] != PNone.NONE) {
            throw Errors.valueError("binary mode doesn't take a newline argument");
        }
        Object newline = a[5];
        if (newline != PNone.NONE && !(newline instanceof String)) {
            throw Errors.typeError("open() argument 'newline' must be str or None, not %s", Types.typeName(newline));
        }
        if (newline instanceof String nl && !nl.isEmpty() && !nl.equals("\n") && !nl.equals("\r") && !nl.equals("\r\n")) {
            throw Errors.valueError("illegal newline value: %s", nl);
        }
        String encoding = a[3] == PNone.NONE ? "UTF-8" : strArgument(a[3], "encoding");
        String errors = a[4] == PNone.NONE ? "strict" : strArgument(a[4], "errors");
        if (!binary) {
            // An unknown encoding is reported by open(), as CPython looks the codec up there.
            Codecs.encode("", encoding, errors);
        }
        char kind = seen.contains('r') ? 'r' : seen.contains('w') ? 'w' : seen.contains('x') ? 'x' : 'a';
        long buffering = Conversions.asLong(a[2]);
        if (!binary && buffering == 0) {
            throw Errors.valueError("can't have unbuffered text I/O");
        }
        // The mode as CPython's FileIO spells it.
        String rawMode = kind == 'x' ? "xb" : kind == 'a' ? "ab" : kind == 'r' && !plus ? "rb" : kind == 'w' && !plus ? "wb" : "rb";
        PFile f = new PFile(path, plus ? rawMode + "+" : rawMode, kind == 'r' || plus, kind != 'r' || plus, kind == 'a');
        Set<OpenOption> options = new HashSet<>();
        if (f.readable) {
            options.add(StandardOpenOption.READ);
        }
        if (f.writable) {
            options.add(StandardOpenOption.WRITE);
        }
        switch (kind) {
            case 'w' -> {
                options.add(StandardOpenOption.CREATE);
                options.add(StandardOpenOption.TRUNCATE_EXISTING);
            }
            case 'a' -> {
                options.add(StandardOpenOption.CREATE);
                if (!plus) {
                    // O_APPEND, as CPython opens it: each write lands at the end as it is then, so processes
                    // appending to one file do not overwrite each other. (Java refuses APPEND with READ, for a+.)
                    options.add(StandardOpenOption.APPEND);
                }
            }
            case 'x' -> options.add(StandardOpenOption.CREATE_NEW);
            default -> {
            }
        }
        try {
            TruffleFile file = context.env().getPublicTruffleFile(path);
            if (file.isDirectory()) {
                throw Errors.osError(21, "Is a directory", path);
            }
            f.channel = file.newByteChannel(options);
            f.end = f.channel.size();
            f.position = kind == 'a' ? f.end : 0;
        } catch (SecurityException e) {
            // The embedder's IO policy (Context.Builder.allowIO) forbids this file.
            throw Errors.osError(1, "Operation not permitted", path);
        } catch (IOException e) {
            throw Errors.osError(e, path, null);
        }
        if (binary) {
            return f;
        }
        TextIOWrapper text = TextIOWrapper.wrap(f, encoding, errors, newline, buffering == 1);
        text.setMode(mode);
        return text;
    }

    private static String strArgument(Object o, String what) {
        if (o instanceof String s) {
            return s;
        }
        throw Errors.typeError("open() argument '%s' must be str or None, not %s", what, Types.typeName(o));
    }
}
