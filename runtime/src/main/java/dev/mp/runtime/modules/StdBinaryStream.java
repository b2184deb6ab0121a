package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.method;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PObject;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Sequences;

/**
 * {@code sys.stdin.buffer}, {@code sys.stdout.buffer} and {@code sys.stderr.buffer}: the standard streams as bytes.
 * Writes go straight to the context's stream (flushed, as the text streams are); reads take bytes from the context's
 * input, so bytes the text stream {@code sys.stdin} has already buffered are not seen again here.
 */
final class StdBinaryStream extends PObject {
    /** mp's output is unbuffered, so the writers are raw files, as python3 -u has them. */
    private static final PClass WRITER = IoBaseClasses.streamType("FileIO", "_io", IoBaseClasses.RAW_IO_BASE);
    private static final PClass READER = IoBaseClasses.streamType("BufferedReader", "_io", IoBaseClasses.BUFFERED_IO_BASE);

    private final MpContext context;
    private final int fd;

    StdBinaryStream(MpContext context, int fd) {
        this.context = context;
        this.fd = fd;
    }

    @Override
    public PClass getPythonClass() {
        return fd == 0 ? READER : WRITER;
    }

    static {
        for (PClass c : new PClass[] {WRITER, READER}) {
            method(c, "fileno", "self", a -> (long) ((StdBinaryStream) a[0]).fd);
            method(c, "isatty", "self", a -> Boolean.FALSE);
            method(c, "flush", "self", a -> PNone.NONE);
            method(c, "readable", "self", a -> ((StdBinaryStream) a[0]).fd == 0);
            method(c, "writable", "self", a -> ((StdBinaryStream) a[0]).fd != 0);
            dev.mp.runtime.builtins.BuiltinBuilder.attribute(c, "name", o -> (long) ((StdBinaryStream) o).fd);
            method(c, "__repr__", "self", a -> {
                StdBinaryStream s = (StdBinaryStream) a[0];
                String name = new String[] {"<stdin>", "<stdout>", "<stderr>"}[s.fd];
                return s.fd == 0 ? "<_io.BufferedReader name='" + name + "'>" : "<_io.FileIO name='" + name + "' mode='wb' closefd=False>";
            });
        }
        method(WRITER, "write", "self, b, /", a -> ((StdBinaryStream) a[0]).write(Sequences.bytesOf(a[1])));
        method(READER, "read", "self, size=-1, /", a -> ((StdBinaryStream) a[0]).read(a[1] == PNone.NONE ? -1 : Conversions.asLong(a[1])));
        method(READER, "readline", "self, size=-1, /", a -> ((StdBinaryStream) a[0]).readline(a[1] == PNone.NONE ? -1 : Conversions.asLong(a[1])));
    }

    @TruffleBoundary
    private long write(byte[] bytes) {
        java.io.PrintStream out = fd == 2 ? context.err() : context.out();
        out.write(bytes, 0, bytes.length);
        out.flush();
        return bytes.length;
    }

    /** Up to {@code size} bytes (all until end of input when negative). */
    @TruffleBoundary
    private PBytes read(long size) {
        InputStream in = context.env().in();
        try {
            byte[] bytes = context.gil().releaseWhile(() -> {
                try {
                    return size < 0 ? in.readAllBytes() : in.readNBytes((int) Math.min(size, Integer.MAX_VALUE));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return new PBytes(bytes);
        } catch (UncheckedIOException e) {
            throw Errors.osError(5, "Input/output error", null);
        }
    }

    /** One line with its newline (at most {@code size} bytes when not negative); empty at end of input. */
    @TruffleBoundary
    private PBytes readline(long size) {
        InputStream in = context.env().in();
        try {
            byte[] bytes = context.gil().releaseWhile(() -> {
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                try {
                    int b;
                    while ((size < 0 || line.size() < size) && (b = in.read()) >= 0) {
                        line.write(b);
                        if (b == '\n') {
                            break;
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return line.toByteArray();
            });
            return new PBytes(bytes);
        } catch (UncheckedIOException e) {
            throw Errors.osError(5, "Input/output error", null);
        }
    }
}
