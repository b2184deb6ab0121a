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
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PObject;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Iteration;
import dev.mp.runtime.ops.Sequences;
import dev.mp.runtime.ops.StringRepr;
import dev.mp.runtime.ops.Types;

/**
 * {@code open()} and file objects, over a seekable channel from the context's Truffle environment (so the
 * embedder's IO policy applies). Binary files read and write bytes at their position; text files decode and
 * encode (Codecs), translate newlines as their {@code newline} argument says, and report byte positions from
 * {@code tell()}, as CPython's.
 */
final class FileObjects {
    private FileObjects() {
    }

    static final PClass TEXT = IoBaseClasses.streamType("TextIOWrapper", "_io", IoBaseClasses.TEXT_IO_BASE);
    static final PClass READER = IoBaseClasses.streamType("BufferedReader", "_io", IoBaseClasses.BUFFERED_IO_BASE);
    static final PClass WRITER = IoBaseClasses.streamType("BufferedWriter", "_io", IoBaseClasses.BUFFERED_IO_BASE);
    static final PClass RANDOM = IoBaseClasses.streamType("BufferedRandom", "_io", IoBaseClasses.BUFFERED_IO_BASE);
    /** {@code io.UnsupportedOperation}: an operation the file's mode does not allow. */
    static final PClass UNSUPPORTED_OPERATION = PClass.create("UnsupportedOperation", "UnsupportedOperation", "io",
            new PClass[] {BuiltinClasses.exception("OSError"), BuiltinClasses.exception("ValueError")});

    /** Writes are collected up to this many bytes before they reach the channel. */
    private static final int WRITE_BUFFER = 1 << 16;

    /** An open file. */
    static final class PFile extends PObject {
        final String name;
        final String mode;
        final boolean binary;
        final boolean readable;
        final boolean writable;
        final boolean append;
        final String encoding;
        final String errors;
        /** None (universal newlines), "", "\n", "\r" or "\r\n", as open()'s newline argument. */
        final Object newline;
        final PClass type;
        SeekableByteChannel channel;
        boolean closed;
        /** Where the next binary read or write happens (for text, where the channel's data continues). */
        long position;
        /** The end of the file as this object knows it, counting buffered writes. */
        long end;
        final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        long pendingAt;
        /** Text read ahead: the decoded rest of the file from byte decodedStart, and how much of it was read. */
        String decoded;
        long decodedStart;
        int decodedPos;

        PFile(String name, String mode, boolean binary, boolean readable, boolean writable, boolean append, String encoding, String errors,
              Object newline) {
            this.name = name;
            this.mode = mode;
            this.binary = binary;
            this.readable = readable;
            this.writable = writable;
            this.append = append;
            this.encoding = encoding;
            this.errors = errors;
            this.newline = newline;
            this.type = !binary ? TEXT : readable && writable ? RANDOM : readable ? READER : WRITER;
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

        void checkReadable() {
            checkOpen();
            if (!readable) {
                throw unsupported("not readable");
            }
        }

        void checkWritable() {
            checkOpen();
            if (!writable) {
                throw unsupported("not writable");
            }
        }

        RuntimeException ioError(IOException e) {
            return Errors.osError(e, name, null);
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
        }

        /** Writes bytes where the mode says: at the end when appending, else at {@code at}. */
        void writeBytes(byte[] data, long at) {
            long target = append ? end : at;
            if (pending.size() > 0 && pendingAt + pending.size() != target) {
                flushPending();
            }
            if (pending.size() == 0) {
                pendingAt = target;
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
                }
                position += out.size();
                end = Math.max(end, position);
                return out.toByteArray();
            } catch (IOException e) {
                throw ioError(e);
            }
        }

        /** Decodes the rest of the file for text reading, once per stretch of reads. */
        void readAhead() {
            if (decoded == null) {
                decodedStart = position;
                decoded = Codecs.decode(readBytes(-1), encoding, errors);
                decodedPos = 0;
            }
        }

        /** Ends a stretch of text reads: the next access starts from the channel again. */
        void dropReadAhead() {
            decoded = null;
        }

        long textTell() {
            flushPending();
            if (decoded == null) {
                return position;
            }
            return decodedStart + Codecs.encode(decoded.substring(0, decodedPos), encoding, errors).length;
        }
    }

    private static RuntimeException unsupported(String message) {
        return Errors.raise(UNSUPPORTED_OPERATION, message);
    }

    // =====================================================================================================
    // Text reading: newline translation and line ends
    // =====================================================================================================

    /**
     * The next char of text and how many decoded chars it took: with universal newlines "\r\n" and "\r" read
     * as "\n". Returns -1 at the end.
     */
    private static int nextChar(PFile f, int[] taken) {
        String s = f.decoded;
        int i = f.decodedPos;
        if (i >= s.length()) {
            return -1;
        }
        char c = s.charAt(i);
        taken[0] = 1;
        if (c == '\r' && f.newline == PNone.NONE) {
            if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                taken[0] = 2;
            }
            return '\n';
        }
        return c;
    }

    private static String readText(PFile f, long size) {
        f.checkReadable();
        f.readAhead();
        StringBuilder out = new StringBuilder();
        int[] taken = new int[1];
        while (size < 0 || out.length() < size) {
            int c = nextChar(f, taken);
            if (c < 0) {
                break;
            }
            out.append((char) c);
            f.decodedPos += taken[0];
            // A code point outside the BMP is two chars; keep the pair together.
            if (Character.isHighSurrogate((char) c) && f.decodedPos < f.decoded.length() && size >= 0 && out.length() == size) {
                out.append(f.decoded.charAt(f.decodedPos++));
            }
        }
        return out.toString();
    }

    /** Whether text ending so is at a line end, as the newline mode splits lines. */
    private static boolean endsLine(PFile f, StringBuilder line, int next) {
        int n = line.length();
        char last = line.charAt(n - 1);
        Object nl = f.newline;
        if (nl == PNone.NONE || "\n".equals(nl)) {
            return last == '\n';
        }
        if ("\r".equals(nl)) {
            return last == '\r';
        }
        if ("\r\n".equals(nl)) {
            return last == '\n' && n >= 2 && line.charAt(n - 2) == '\r';
        }
        // newline='': any of \n, \r\n, \r ends a line; a \r waits to see whether \n follows.
        return last == '\n' || (last == '\r' && next != '\n');
    }

    private static String readTextLine(PFile f, long limit) {
        f.checkReadable();
        f.readAhead();
        StringBuilder line = new StringBuilder();
        int[] taken = new int[1];
        while (limit < 0 || line.length() < limit) {
            int c = nextChar(f, taken);
            if (c < 0) {
                break;
            }
            line.append((char) c);
            f.decodedPos += taken[0];
            int next = f.decodedPos < f.decoded.length() ? f.decoded.charAt(f.decodedPos) : -1;
            if (endsLine(f, line, next)) {
                break;
            }
        }
        return line.toString();
    }

    private static byte[] readBinaryLine(PFile f, long limit) {
        f.checkReadable();
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

    private static Object readLine(PFile f, long limit) {
        return f.binary ? new PBytes(readBinaryLine(f, limit)) : readTextLine(f, limit);
    }

    // =====================================================================================================
    // The methods
    // =====================================================================================================

    static {
        for (PClass c : new PClass[] {TEXT, READER, WRITER, RANDOM}) {
            method(c, "read", "self, size=-1, /", a -> {
                PFile f = (PFile) a[0];
                long size = a[1] == PNone.NONE ? -1 : Conversions.asLong(a[1]);
                if (f.binary) {
                    f.checkReadable();
                    return new PBytes(f.readBytes(size));
                }
                return readText(f, size);
            });
            method(c, "readline", "self, size=-1, /", a -> readLine((PFile) a[0], a[1] == PNone.NONE ? -1 : Conversions.asLong(a[1])));
            method(c, "readlines", "self, hint=-1, /", a -> {
                PFile f = (PFile) a[0];
                long hint = a[1] == PNone.NONE ? -1 : Conversions.asLong(a[1]);
                PList lines = new PList();
                long total = 0;
                for (Object line = readLine(f, -1); Sequences.len(line) > 0; line = readLine(f, -1)) {
                    lines.add(line);
                    total += Sequences.len(line);
                    if (hint > 0 && total >= hint) {
                        break;
                    }
                }
                return lines;
            });
            method(c, "write", "self, s, /", a -> {
                PFile f = (PFile) a[0];
                f.checkWritable();
                if (f.binary) {
                    byte[] data = Sequences.bytesOf(a[1]);
                    f.writeBytes(data, f.position);
                    return (long) data.length;
                }
                if (!(Types.baseValue(a[1]) instanceof String s)) {
                    throw Errors.typeError("write() argument must be str, not %s", Types.typeName(a[1]));
                }
                String text = "\r\n".equals(f.newline) || "\r".equals(f.newline) ? s.replace("\n", (String) f.newline) : s;
                // After text reads, writing continues where the read-ahead left the channel (its end), as in CPython.
                f.dropReadAhead();
                f.writeBytes(Codecs.encode(text, f.encoding, f.errors), f.position);
                return Sequences.len(s);
            });
            method(c, "writelines", "self, lines, /", a -> {
                for (Object line : Iteration.toList(a[1])) {
                    Calls.callMethod(a[0], "write", line);
                }
                return PNone.NONE;
            });
            method(c, "flush", "self", a -> {
                PFile f = (PFile) a[0];
                f.checkOpen();
                f.flushPending();
                return PNone.NONE;
            });
            method(c, "close", "self", a -> {
                close((PFile) a[0]);
                return PNone.NONE;
            });
            method(c, "seek", "self, offset, whence=0, /", a -> seek((PFile) a[0], Conversions.asLong(a[1]), Conversions.asLong(a[2])));
            method(c, "tell", "self", a -> {
                PFile f = (PFile) a[0];
                f.checkOpen();
                return f.binary ? f.position : f.textTell();
            });
            method(c, "truncate", "self, size=None, /", a -> {
                PFile f = (PFile) a[0];
                f.checkOpen();
                if (!f.writable) {
                    throw unsupported("truncate");
                }
                long at = f.binary ? f.position : f.textTell();
                f.dropReadAhead();
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
            method(c, "readable", "self", a -> {
                ((PFile) a[0]).checkOpen();
                return ((PFile) a[0]).readable;
            });
            method(c, "writable", "self", a -> {
                ((PFile) a[0]).checkOpen();
                return ((PFile) a[0]).writable;
            });
            method(c, "seekable", "self", a -> {
                ((PFile) a[0]).checkOpen();
                return true;
            });
            method(c, "isatty", "self", a -> {
                ((PFile) a[0]).checkOpen();
                return false;
            });
            // Files here are channels of the Truffle file system, which has no descriptors to give.
            method(c, "fileno", "self", a -> {
                throw unsupported("fileno");
            });
            method(c, "__enter__", "self", a -> {
                ((PFile) a[0]).checkOpen();
                return a[0];
            });
            method(c, "__exit__", "self, *args", a -> {
                close((PFile) a[0]);
                return PNone.NONE;
            });
            method(c, "__iter__", "self", a -> {
                ((PFile) a[0]).checkOpen();
                return a[0];
            });
            method(c, "__next__", "self", a -> {
                PFile f = (PFile) a[0];
                f.checkOpen();
                Object line = readLine(f, -1);
                if (Sequences.len(line) == 0) {
                    throw Errors.raise(BuiltinClasses.exception("StopIteration"));
                }
                return line;
            });
            BuiltinBuilder.attribute(c, "name", o -> ((PFile) o).name);
            BuiltinBuilder.attribute(c, "mode", o -> ((PFile) o).mode);
            BuiltinBuilder.attribute(c, "closed", o -> ((PFile) o).closed);
            method(c, "__repr__", "self", a -> {
                PFile f = (PFile) a[0];
                String base = "<_io." + f.type.name() + " name=" + StringRepr.repr(f.name);
                return f.binary ? base + ">" : base + " mode=" + StringRepr.repr(f.mode) + " encoding=" + StringRepr.repr(f.encoding) + ">";
            });
        }
        BuiltinBuilder.attribute(TEXT, "encoding", o -> ((PFile) o).encoding);
        BuiltinBuilder.attribute(TEXT, "errors", o -> ((PFile) o).errors);
    }

    private static Object seek(PFile f, long offset, long whence) {
        f.checkOpen();
        if (whence < 0 || whence > 2) {
            throw Errors.valueError("invalid whence (%d, should be 0, 1 or 2)", whence);
        }
        if (!f.binary) {
            if (whence == 1 && offset != 0) {
                throw unsupported("can't do nonzero cur-relative seeks");
            }
            if (whence == 2 && offset != 0) {
                throw unsupported("can't do nonzero end-relative seeks");
            }
            if (whence == 0 && offset < 0) {
                throw Errors.valueError("negative seek position %d", offset);
            }
            long target = whence == 0 ? offset : whence == 1 ? f.textTell() : f.end;
            f.dropReadAhead();
            f.flushPending();
            f.position = target;
            return target;
        }
        f.flushPending();
        long target = whence == 0 ? offset : whence == 1 ? f.position + offset : f.end + offset;
        if (target < 0) {
            throw Errors.valueError("negative seek value %d", target);
        }
        f.position = target;
        return target;
    }

    private static void close(PFile f) {
        if (f.closed) {
            return;
        }
        try {
            f.flushPending();
        } finally {
            f.closed = true;
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
        PFile f = new PFile(path, mode, binary, kind == 'r' || plus, kind != 'r' || plus, kind == 'a', encoding, errors, newline);
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
        return f;
    }

    private static String strArgument(Object o, String what) {
        if (o instanceof String s) {
            return s;
        }
        throw Errors.typeError("open() argument '%s' must be str or None, not %s", what, Types.typeName(o));
    }
}
