package dev.mp.runtime.socket;

import static dev.mp.runtime.builtins.BuiltinBuilder.attribute;
import static dev.mp.runtime.builtins.BuiltinBuilder.method;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import dev.mp.runtime.MpException;
import dev.mp.runtime.modules.BinaryStream;
import dev.mp.runtime.modules.IoBaseClasses;
import dev.mp.runtime.modules.TextIOWrapper;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PObject;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Exceptions;
import dev.mp.runtime.ops.Identity;
import dev.mp.runtime.ops.Iteration;
import dev.mp.runtime.ops.Sequences;
import dev.mp.runtime.ops.StringRepr;

/**
 * A binary file made by {@code socket.makefile()}: CPython's {@code BufferedReader} / {@code BufferedWriter} /
 * {@code BufferedRWPair} over a {@code SocketIO}, or the bare {@code SocketIO} for {@code buffering=0}; a text
 * file is a {@link TextIOWrapper} over one of these.
 *
 * <p>Reads take up to the buffer size per recv and keep what they did not return; writes are buffered until
 * {@code flush()}, {@code close()} or a full buffer, then sent with sendall (the unbuffered file sends
 * each write with one send).
 * Closing the file does not close the socket, but releases it if {@code close()} was called on it meanwhile.
 */
public final class SocketFile extends PObject implements BinaryStream {
    static final PClass READER = IoBaseClasses.streamType("BufferedReader", "_io", IoBaseClasses.BUFFERED_IO_BASE);
    static final PClass WRITER = IoBaseClasses.streamType("BufferedWriter", "_io", IoBaseClasses.BUFFERED_IO_BASE);
    public static final PClass READ_WRITE_PAIR = IoBaseClasses.streamType("BufferedRWPair", "_io", IoBaseClasses.BUFFERED_IO_BASE);
    static final PClass SOCKET_IO = IoBaseClasses.streamType("SocketIO", "socket", IoBaseClasses.RAW_IO_BASE);

    /** io.DEFAULT_BUFFER_SIZE. */
    private static final int DEFAULT_BUFFER_SIZE = 8192;

    private final PSocket socket;
    private final String mode;
    private final boolean reading;
    private final boolean writing;
    /** 0 for the unbuffered SocketIO. */
    private final int bufferSize;

    /** Received bytes not yet returned: {@code readBuffer[readStart, readEnd)}. */
    private byte[] readBuffer = new byte[0];
    private int readStart;
    private int readEnd;
    private boolean eof;
    /** As SocketIO: after a timeout the stream state is unknown, so further reads fail. */
    private boolean timedOut;
    private final ByteArrayOutputStream writeBuffer = new ByteArrayOutputStream();
    private boolean closed;

    private SocketFile(PSocket socket, String mode, boolean reading, boolean writing, int bufferSize) {
        this.socket = socket;
        this.mode = mode;
        this.reading = reading;
        this.writing = writing;
        this.bufferSize = bufferSize;
    }

    @Override
    public PClass getPythonClass() {
        if (bufferSize == 0) {
            return SOCKET_IO;
        }
        return reading && writing ? READ_WRITE_PAIR : reading ? READER : WRITER;
    }

    /** {@code sock.makefile(mode, buffering, *, encoding, errors, newline)}. */
    static Object open(PSocket socket, String mode, Object buffering, Object encoding, Object errors, Object newline) {
        for (char c : mode.toCharArray()) {
            if ("rwb".indexOf(c) < 0) {
                throw Errors.valueError("invalid mode %s (only r, w, b allowed)", StringRepr.repr(mode));
            }
        }
        boolean writing = mode.contains("w");
        boolean reading = mode.contains("r") || !writing;
        boolean binary = mode.contains("b");
        long size = buffering == PNone.NONE ? -1 : Conversions.asLong(buffering);
        if (size < 0) {
            size = DEFAULT_BUFFER_SIZE;
        }
        if (size == 0 && !binary) {
            throw Errors.valueError("unbuffered streams must be binary");
        }
        String rawMode = (reading ? "r" : "") + (writing ? "w" : "");
        SocketFile f = new SocketFile(socket, rawMode + "b", reading, writing, (int) Math.min(size, 1 << 20));
        socket.addIoRef();
        if (binary) {
            return f;
        }
        TextIOWrapper text = TextIOWrapper.wrap(f, encoding, errors, newline, false);
        text.setMode(mode);
        return text;
    }

    // =====================================================================================================
    // Reading
    // =====================================================================================================

    private void checkOpen() {
        if (closed) {
            throw Errors.valueError("I/O operation on closed file.");
        }
    }

    private void checkReadable() {
        checkOpen();
        if (!reading) {
            throw Errors.make("OSError", "not readable");
        }
    }

    private void checkWritable() {
        checkOpen();
        if (!writing) {
            throw Errors.make("OSError", "not writable");
        }
    }

    private int buffered() {
        return readEnd - readStart;
    }

    /** Receives once into the read buffer; false at end of stream. */
    private boolean fill() {
        if (eof) {
            return false;
        }
        if (timedOut) {
            throw Errors.make("OSError", "cannot read from timed out object");
        }
        byte[] data;
        try {
            data = SocketCalls.call(() -> socket.sock.recv(Math.max(bufferSize, 1)));
        } catch (MpException e) {
            if (Exceptions.matches(e, "TimeoutError")) {
                timedOut = true;
            }
            throw e;
        }
        if (data.length == 0) {
            eof = true;
            return false;
        }
        if (readEnd + data.length > readBuffer.length) {
            byte[] grown = new byte[Math.max(buffered() + data.length, 2 * buffered())];
            System.arraycopy(readBuffer, readStart, grown, 0, buffered());
            readEnd = buffered();
            readStart = 0;
            readBuffer = grown;
        }
        System.arraycopy(data, 0, readBuffer, readEnd, data.length);
        readEnd += data.length;
        return true;
    }

    private byte[] takeBytes(int n) {
        byte[] out = Arrays.copyOfRange(readBuffer, readStart, readStart + n);
        readStart += n;
        return out;
    }

    /** Binary read(size): until size bytes or end of stream; all of the stream when size is negative. */
    private byte[] readBytes(long size) {
        while ((size < 0 || buffered() < size) && fill()) {
            // keep receiving
        }
        return takeBytes((int) (size < 0 ? buffered() : Math.min(size, buffered())));
    }

    /** Binary readline(size): through the next b'\n', at most size bytes when size is not negative. */
    private byte[] readLineBytes(long size) {
        int scanned = 0;
        while (true) {
            int limit = (int) (size < 0 ? buffered() : Math.min(size, buffered()));
            for (; scanned < limit; scanned++) {
                if (readBuffer[readStart + scanned] == '\n') {
                    return takeBytes(scanned + 1);
                }
            }
            if (scanned == size || !fill()) {
                return takeBytes(scanned);
            }
        }
    }

    private Object read(long size) {
        checkReadable();
        return new PBytes(readBytes(size));
    }

    private Object readline(long size) {
        checkReadable();
        return new PBytes(readLineBytes(size));
    }

    // =====================================================================================================
    // Writing
    // =====================================================================================================

    private long write(Object data) {
        checkWritable();
        byte[] bytes = Sequences.bytesOf(data);
        long written = bytes.length;
        if (bufferSize == 0) {
            return SocketCalls.call(() -> socket.sock.send(bytes));
        }
        writeBuffer.writeBytes(bytes);
        if (writeBuffer.size() >= bufferSize) {
            flush();
        }
        return written;
    }

    @Override
    public void flush() {
        checkOpen();
        if (writeBuffer.size() > 0) {
            byte[] pending = writeBuffer.toByteArray();
            writeBuffer.reset();
            SocketCalls.run(() -> socket.sock.sendall(pending));
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            if (writing) {
                flush();
            }
        } finally {
            closed = true;
            socket.releaseIoRef();
        }
    }

    // =====================================================================================================
    // BinaryStream: what a TextIOWrapper over this file calls
    // =====================================================================================================

    @Override
    public byte[] read1(int n) {
        checkReadable();
        // What one recv brings when nothing is buffered: a line-by-line peer is answered line by line.
        if (buffered() == 0) {
            fill();
        }
        return takeBytes(Math.min(n, buffered()));
    }

    @Override
    public byte[] readAll() {
        checkReadable();
        return readBytes(-1);
    }

    @Override
    public void write(byte[] data) {
        write(new PBytes(data));
    }

    @Override
    public long tell() {
        throw IoBaseClasses.unsupported("seek");
    }

    @Override
    public long seek(long offset, int whence) {
        throw IoBaseClasses.unsupported("seek");
    }

    @Override
    public boolean readable() {
        checkOpen();
        return reading;
    }

    @Override
    public boolean writable() {
        checkOpen();
        return writing;
    }

    @Override
    public boolean seekable() {
        checkOpen();
        return false;
    }

    @Override
    public boolean closed() {
        return closed;
    }

    // =====================================================================================================
    // Methods
    // =====================================================================================================

    private static SocketFile self(Object o) {
        return (SocketFile) o;
    }

    private static long sizeArg(Object size) {
        return size == PNone.NONE ? -1 : Conversions.asLong(size);
    }

    static {
        for (PClass c : new PClass[] {READER, WRITER, READ_WRITE_PAIR, SOCKET_IO}) {
            method(c, "read", "self, size=-1, /", a -> self(a[0]).read(sizeArg(a[1])));
            method(c, "readline", "self, size=-1, /", a -> self(a[0]).readline(sizeArg(a[1])));
            method(c, "write", "self, data, /", a -> self(a[0]).write(a[1]));
            method(c, "writelines", "self, lines, /", a -> {
                for (Object line : Iteration.toList(a[1])) {
                    Calls.callMethod(a[0], "write", line);
                }
                return PNone.NONE;
            });
            method(c, "flush", "self, /", a -> {
                self(a[0]).flush();
                return PNone.NONE;
            });
            method(c, "close", "self, /", a -> {
                self(a[0]).close();
                return PNone.NONE;
            });
            method(c, "fileno", "self, /", a -> {
                self(a[0]).checkOpen();
                return (long) self(a[0]).socket.sock.fileno();
            });
            method(c, "readable", "self, /", a -> {
                self(a[0]).checkOpen();
                return self(a[0]).reading;
            });
            method(c, "writable", "self, /", a -> {
                self(a[0]).checkOpen();
                return self(a[0]).writing;
            });
            method(c, "__enter__", "self, /", a -> {
                self(a[0]).checkOpen();
                return a[0];
            });
            method(c, "__exit__", "self, *args", a -> {
                self(a[0]).close();
                return PNone.NONE;
            });
            method(c, "__iter__", "self, /", a -> {
                self(a[0]).checkOpen();
                return a[0];
            });
            method(c, "__next__", "self, /", a -> {
                Object line = self(a[0]).readline(-1);
                if (Sequences.len(line) == 0) {
                    throw Errors.raise(BuiltinClasses.exception("StopIteration"));
                }
                return line;
            });
            method(c, "__repr__", "self, /", a -> repr(self(a[0])));
            attribute(c, "closed", o -> self(o).closed);
            attribute(c, "mode", o -> self(o).mode);
            attribute(c, "name", o -> (long) self(o).socket.sock.fileno());
        }
    }

    private static String repr(SocketFile f) {
        String name = "name=" + f.socket.sock.fileno();
        PClass cls = f.getPythonClass();
        if (cls == READER || cls == WRITER) {
            return "<_io." + cls.name() + " " + name + ">";
        }
        return "<" + cls.module() + "." + cls.name() + " object at " + Identity.hexId(f) + ">";
    }
}
