package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.attribute;
import static dev.mp.runtime.builtins.BuiltinBuilder.method;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.util.Arrays;

import dev.mp.runtime.MpException;
import dev.mp.runtime.builtins.StrType;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PList;
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
import dev.mp.runtime.ops.Types;

/**
 * A file made by {@code socket.makefile()}: CPython's {@code TextIOWrapper} or {@code BufferedReader} /
 * {@code BufferedWriter} / {@code BufferedRWPair} over a {@code SocketIO}, or the bare {@code SocketIO} for
 * {@code buffering=0}.
 *
 * <p>Reads take up to the buffer size per recv and keep what they did not return; writes are buffered until
 * {@code flush()}, {@code close()} or a full buffer, then sent with sendall (the unbuffered file sends
 * each write with one send). Text files decode with the given encoding (which must encode {@code "\n"} as the
 * byte 10, as UTF-8, Latin-1 and ASCII do) and translate newlines as {@code TextIOWrapper} does.
 * Closing the file does not close the socket, but releases it if {@code close()} was called on it meanwhile.
 */
final class SocketFile extends PObject {
    static final PClass TEXT = IoBaseClasses.streamType("TextIOWrapper", "_io", IoBaseClasses.TEXT_IO_BASE);
    static final PClass READER = IoBaseClasses.streamType("BufferedReader", "_io", IoBaseClasses.BUFFERED_IO_BASE);
    static final PClass WRITER = IoBaseClasses.streamType("BufferedWriter", "_io", IoBaseClasses.BUFFERED_IO_BASE);
    static final PClass READ_WRITE_PAIR = IoBaseClasses.streamType("BufferedRWPair", "_io", IoBaseClasses.BUFFERED_IO_BASE);
    static final PClass SOCKET_IO = IoBaseClasses.streamType("SocketIO", "socket", IoBaseClasses.RAW_IO_BASE);

    /** io.DEFAULT_BUFFER_SIZE. */
    private static final int DEFAULT_BUFFER_SIZE = 8192;
    /** What text files report as their encoding when none is given (the locale's, UTF-8 here). */
    private static final String DEFAULT_ENCODING = "UTF-8";

    private final PSocket socket;
    private final String mode;
    private final boolean reading;
    private final boolean writing;
    private final boolean text;
    /** 0 for the unbuffered SocketIO. */
    private final int bufferSize;
    private final String encoding;
    private final String errors;
    /** null (universal newlines), "", "\n", "\r" or "\r\n", as TextIOWrapper's newline argument. */
    private final String newline;
    private final Charset charset;

    /** Received bytes not yet returned: {@code readBuffer[readStart, readEnd)}. */
    private byte[] readBuffer = new byte[0];
    private int readStart;
    private int readEnd;
    /** Text files: decoded characters not yet returned. */
    private final StringBuilder decoded = new StringBuilder();
    /** Text files with universal newlines: a '\r' that ended the decoded text, held until the next character. */
    private boolean pendingCarriageReturn;
    private boolean eof;
    /** As SocketIO: after a timeout the stream state is unknown, so further reads fail. */
    private boolean timedOut;
    private final ByteArrayOutputStream writeBuffer = new ByteArrayOutputStream();
    private boolean closed;

    private SocketFile(PSocket socket, String mode, boolean reading, boolean writing, boolean text, int bufferSize,
                       String encoding, String errors, String newline) {
        this.socket = socket;
        this.mode = mode;
        this.reading = reading;
        this.writing = writing;
        this.text = text;
        this.bufferSize = bufferSize;
        this.encoding = encoding;
        this.errors = errors;
        this.newline = newline;
        this.charset = text ? StrType.charset(encoding) : null;
    }

    @Override
    public PClass getPythonClass() {
        if (text) {
            return TEXT;
        }
        if (bufferSize == 0) {
            return SOCKET_IO;
        }
        return reading && writing ? READ_WRITE_PAIR : reading ? READER : WRITER;
    }

    /** {@code sock.makefile(mode, buffering, *, encoding, errors, newline)}. */
    static SocketFile open(PSocket socket, String mode, Object buffering, Object encoding, Object errors, Object newline) {
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
        String newlineValue = null;
        if (newline != PNone.NONE) {
            if (!(newline instanceof String s)) {
                throw Errors.typeError("TextIOWrapper() argument 'newline' must be str or None, not %s", Types.typeName(newline));
            }
            if (!(s.isEmpty() || s.equals("\n") || s.equals("\r") || s.equals("\r\n"))) {
                throw Errors.valueError("illegal newline value: %s", StringRepr.repr(s));
            }
            newlineValue = s;
        }
        String encodingName = encoding == PNone.NONE ? DEFAULT_ENCODING : (String) encoding;
        if (!binary && !Arrays.equals(StrType.encode("\n", encodingName), new byte[] {'\n'})) {
            throw Errors.make("LookupError", "makefile() supports encodings that write '\\n' as one byte, not %s", encodingName);
        }
        String rawMode = (reading ? "r" : "") + (writing ? "w" : "");
        SocketFile f = new SocketFile(socket, binary ? rawMode + "b" : mode, reading, writing, !binary, (int) Math.min(size, 1 << 20),
                encodingName, errors == PNone.NONE ? "strict" : (String) errors, newlineValue);
        socket.addIoRef();
        return f;
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
            data = SocketModule.call(() -> socket.sock.recv(Math.max(bufferSize, 1)));
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

    /**
     * Text files: decodes one more chunk into {@link #decoded}; false at end of stream. Only complete characters
     * are decoded; a partial one waits for its remaining bytes.
     */
    private boolean decodeMore() {
        boolean more = fill();
        int complete = more ? completeCharacterBytes() : buffered();
        String chunk = StrType.decode(takeBytes(complete), encoding, errors);
        if (pendingCarriageReturn) {
            chunk = "\r" + chunk;
            pendingCarriageReturn = false;
        }
        if (more && (newline == null || newline.isEmpty()) && chunk.endsWith("\r")) {
            // "\r" and "\r\n" are different line ends: the next character decides
            chunk = chunk.substring(0, chunk.length() - 1);
            pendingCarriageReturn = true;
        }
        decoded.append(newline == null ? chunk.replace("\r\n", "\n").replace('\r', '\n') : chunk);
        return more;
    }

    /** How many of the buffered bytes form whole characters; an invalid sequence counts as whole (decode reports it). */
    private int completeCharacterBytes() {
        CharsetDecoder decoder = charset.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(readBuffer, readStart, buffered());
        CharBuffer out = CharBuffer.allocate(buffered() + 1);
        CoderResult result = decoder.decode(in, out, false);
        return result.isError() ? buffered() : in.position() - readStart;
    }

    /** Text read(size): size characters, or all until end of stream when size is negative. */
    private String readText(long size) {
        while ((size < 0 || decoded.length() < size) && decodeMore()) {
            // keep decoding
        }
        int n = (int) (size < 0 ? decoded.length() : Math.min(size, decoded.length()));
        String out = decoded.substring(0, n);
        decoded.delete(0, n);
        return out;
    }

    /** Text readline(size): through the next line end (per the newline mode), at most size characters. */
    private String readLineText(long size) {
        while (true) {
            int end = lineEnd();
            if (end >= 0 || (size >= 0 && decoded.length() >= size)) {
                int n = end < 0 ? (int) size : size >= 0 ? (int) Math.min(end, size) : end;
                String line = decoded.substring(0, n);
                decoded.delete(0, n);
                return line;
            }
            if (!decodeMore()) {
                int n = (int) (size < 0 ? decoded.length() : Math.min(size, decoded.length()));
                String line = decoded.substring(0, n);
                decoded.delete(0, n);
                return line;
            }
        }
    }

    /** The length of the first line in {@link #decoded} including its end, or -1 if no line end is there yet. */
    private int lineEnd() {
        if (newline == null || newline.equals("\n")) {
            int i = decoded.indexOf("\n");
            return i < 0 ? -1 : i + 1;
        }
        if (newline.isEmpty()) {
            for (int i = 0; i < decoded.length(); i++) {
                char c = decoded.charAt(i);
                if (c == '\n') {
                    return i + 1;
                }
                if (c == '\r') {
                    // a held '\r' guarantees the next character is known unless the stream ended
                    return i + 1 < decoded.length() && decoded.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                }
            }
            return -1;
        }
        int i = decoded.indexOf(newline);
        return i < 0 ? -1 : i + newline.length();
    }

    private Object read(long size) {
        checkReadable();
        return text ? readText(size) : new PBytes(readBytes(size));
    }

    private Object readline(long size) {
        checkReadable();
        return text ? readLineText(size) : new PBytes(readLineBytes(size));
    }

    // =====================================================================================================
    // Writing
    // =====================================================================================================

    private long write(Object data) {
        checkWritable();
        byte[] bytes;
        long written;
        if (text) {
            if (!(Types.baseValue(data) instanceof String s)) {
                throw Errors.typeError("write() argument must be str, not %s", Types.typeName(data));
            }
            String translated = newline != null && !newline.isEmpty() && !newline.equals("\n") ? s.replace("\n", newline) : s;
            bytes = StrType.encode(translated, encoding);
            written = Sequences.len(s);
        } else {
            bytes = Sequences.bytesOf(data);
            written = bytes.length;
        }
        if (bufferSize == 0) {
            return SocketModule.call(() -> socket.sock.send(bytes));
        }
        writeBuffer.writeBytes(bytes);
        if (writeBuffer.size() >= bufferSize) {
            flush();
        }
        return written;
    }

    private void flush() {
        checkOpen();
        if (writeBuffer.size() > 0) {
            byte[] pending = writeBuffer.toByteArray();
            writeBuffer.reset();
            SocketModule.run(() -> socket.sock.sendall(pending));
        }
    }

    private void close() {
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
    // Methods
    // =====================================================================================================

    private static SocketFile self(Object o) {
        return (SocketFile) o;
    }

    private static long sizeArg(Object size) {
        return size == PNone.NONE ? -1 : Conversions.asLong(size);
    }

    static {
        for (PClass c : new PClass[] {TEXT, READER, WRITER, READ_WRITE_PAIR, SOCKET_IO}) {
            method(c, "read", "self, size=-1, /", a -> self(a[0]).read(sizeArg(a[1])));
            method(c, "readline", "self, size=-1, /", a -> self(a[0]).readline(sizeArg(a[1])));
            method(c, "readlines", "self, hint=-1, /", a -> {
                SocketFile f = self(a[0]);
                long hint = sizeArg(a[1]);
                PList lines = new PList();
                long total = 0;
                for (Object line = f.readline(-1); Sequences.len(line) > 0; line = f.readline(-1)) {
                    lines.add(line);
                    total += Sequences.len(line);
                    if (hint > 0 && total >= hint) {
                        break;
                    }
                }
                return lines;
            });
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
        attribute(TEXT, "encoding", o -> self(o).encoding);
        attribute(TEXT, "errors", o -> self(o).errors);
        attribute(TEXT, "newlines", o -> PNone.NONE);
    }

    private static String repr(SocketFile f) {
        String name = "name=" + f.socket.sock.fileno();
        if (f.text) {
            return "<_io.TextIOWrapper " + name + " mode=" + StringRepr.repr(f.mode) + " encoding=" + StringRepr.repr(f.encoding) + ">";
        }
        PClass cls = f.getPythonClass();
        if (cls == READER || cls == WRITER) {
            return "<_io." + cls.name() + " " + name + ">";
        }
        return "<" + cls.module() + "." + cls.name() + " object at " + Identity.hexId(f) + ">";
    }
}
