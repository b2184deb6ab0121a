package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.attribute;
import static dev.mp.runtime.builtins.BuiltinBuilder.method;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.builtins.BuiltinBuilder;
import dev.mp.runtime.builtins.Codecs;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PSubclassable;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Attributes;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Exceptions;
import dev.mp.runtime.ops.StringRepr;
import dev.mp.runtime.ops.Types;
import dev.mp.runtime.MpException;

/**
 * {@code io.TextIOWrapper}: text over any binary stream, as CPython's. It is what {@code open()} returns in text
 * mode, what {@code socket.makefile('r')} and {@code gzip.open(..., 'rt')} return, and what a script wraps
 * around a BytesIO or its own stream.
 *
 * <p>Reading decodes the buffer in chunks ({@code read1} of 8192 bytes), holding back the bytes of a character
 * cut at a chunk's end and, for universal newlines, a final {@code '\r'} until the next chunk says whether a
 * {@code '\n'} follows. The decoded text of the current chunks is kept translated ({@code "\r\n"} and
 * {@code '\r'} read as {@code '\n'} when {@code newline} is None); where a {@code "\r\n"} became one character
 * is recorded, so {@code tell()} can give the byte position of the next character (CPython's cookie without
 * decoder state: the two agree whenever the decoder holds no partial character). Writing encodes and collects
 * bytes, passed to the buffer beyond 8192 of them, on {@code flush()}, at a line end under
 * {@code line_buffering}, and at once under {@code write_through}.
 */
public final class TextIOWrapper extends PSubclassable implements PendingWrites {
    static final PClass TYPE = new PClass("TextIOWrapper", "_io", new PClass[] {IoBaseClasses.TEXT_IO_BASE}, true, PClass.Layout.BUILTIN)
            .allowSubclasses();

    /** CPython's {@code _CHUNK_SIZE}: bytes read from the buffer at a time and pending writes passed on beyond it. */
    private static final int CHUNK_SIZE = 8192;
    /** What text streams use when no encoding is given: the locale's, UTF-8 here as in CPython under a UTF-8 locale. */
    static final String DEFAULT_ENCODING = "UTF-8";

    private static final int SEEN_LF = 1;
    private static final int SEEN_CR = 2;
    private static final int SEEN_CRLF = 4;

    /** The buffer object; null once detached. */
    private Object buffer;
    private BinaryStream stream;
    private String encoding;
    private String errors;
    /** null (universal newlines), "", "\n", "\r" or "\r\n". */
    private String newline;
    private boolean lineBuffering;
    private boolean writeThrough;
    private boolean seekable;
    private boolean readable;
    private boolean writable;
    /** False while iterating with next(), when CPython refuses tell(). */
    private boolean telling;

    /** Decoded text of the chunks read, translated as the newline mode says; what is before decodedPos was returned. */
    private String decoded = "";
    private int decodedPos;
    /** Positions in {@link #decoded} of the '\n's that stand for a "\r\n", ascending. */
    private int[] collapsed = new int[0];
    private int collapsedCount;
    /** Bytes read that do not yet form a whole character. */
    private byte[] carry = new byte[0];
    /**
     * The encoding that decodes the stream after its first bytes, once read (the byte order a utf-16 or utf-32
     * mark said; utf-8 after utf-8-sig's mark), else null: later chunks have no mark of their own.
     */
    private String continuation;
    /** A '\r' read last and not yet in {@link #decoded}: whether it starts a "\r\n" depends on the next chunk. */
    private boolean pendingCarriageReturn;
    /** The kinds of line end seen (SEEN_*), for {@code newlines}. */
    private int seenNewlines;

    /** Encoded text not yet given to the buffer. */
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    /** Whether a byte-order mark was written (or need not be, the stream not being at its start). */
    private boolean encoderStarted;

    private TextIOWrapper(PClass cls) {
        super(cls);
    }

    /** A text stream over {@code buffer}, as {@code TextIOWrapper(buffer, encoding, errors, newline, line_buffering)}. */
    @TruffleBoundary
    public static TextIOWrapper wrap(Object buffer, Object encoding, Object errors, Object newline, boolean lineBuffering) {
        TextIOWrapper t = new TextIOWrapper(TYPE);
        t.init(buffer, encoding, errors, newline, lineBuffering, false);
        return t;
    }

    /** Sets the {@code mode} attribute, as open() and makefile() do. */
    public void setMode(String mode) {
        attributes().put("mode", mode);
    }

    private void init(Object buffer, Object encoding, Object errors, Object newline, boolean lineBuffering, boolean writeThrough) {
        this.encoding = encodingArgument(encoding, "TextIOWrapper()");
        this.errors = optionalStr(errors, "TextIOWrapper()", "errors", "strict");
        this.newline = newlineArgument(newline, "TextIOWrapper()");
        // The codec is looked up now, so an unknown encoding fails here, as in CPython.
        Codecs.encode("", this.encoding, "strict");
        this.lineBuffering = lineBuffering;
        this.writeThrough = writeThrough;
        this.buffer = buffer;
        this.stream = BinaryStream.of(buffer);
        this.readable = stream.readable();
        this.writable = stream.writable();
        this.seekable = stream.seekable();
        this.telling = seekable;
        resetDecoder();
        pending.reset();
        // As CPython: no byte-order mark is written in the middle of a file.
        this.encoderStarted = seekable && writable && stream.tell() != 0;
    }

    private static String encodingArgument(Object encoding, String function) {
        String name = optionalStr(encoding, function, "encoding", DEFAULT_ENCODING);
        return name.equals("locale") ? DEFAULT_ENCODING : name;
    }

    private static String optionalStr(Object value, String function, String what, String otherwise) {
        if (value == PNone.NONE) {
            return otherwise;
        }
        if (!(Types.baseValue(value) instanceof String s)) {
            throw Errors.typeError("%s argument '%s' must be str or None, not %s", function, what, Types.typeName(value));
        }
        return s;
    }

    private static String newlineArgument(Object newline, String function) {
        String nl = optionalStr(newline, function, "newline", null);
        if (nl != null && !nl.isEmpty() && !nl.equals("\n") && !nl.equals("\r") && !nl.equals("\r\n")) {
            throw Errors.valueError("illegal newline value: %s", nl);
        }
        return nl;
    }

    // =====================================================================================================
    // State checks
    // =====================================================================================================

    private void checkAttached() {
        if (buffer == null) {
            throw Errors.valueError("underlying buffer has been detached");
        }
    }

    private void checkOpen() {
        checkAttached();
        if (stream.closed()) {
            throw Errors.valueError("I/O operation on closed file.");
        }
    }

    private void checkReadable() {
        checkOpen();
        if (!readable) {
            throw IoBaseClasses.unsupported("not readable");
        }
    }

    private void checkSeekable() {
        if (!seekable) {
            throw IoBaseClasses.unsupported("underlying stream is not seekable");
        }
    }

    // =====================================================================================================
    // Decoding
    // =====================================================================================================

    private void resetDecoder() {
        decoded = "";
        decodedPos = 0;
        collapsedCount = 0;
        carry = new byte[0];
        pendingCarriageReturn = false;
    }

    private boolean universalReading() {
        return newline == null || newline.isEmpty();
    }

    /**
     * Decodes {@code input} after the held bytes into {@link #decoded}, dropping the text already returned;
     * {@code last} when the stream has ended, so that nothing is held back any more.
     */
    private void decodeChunk(byte[] input, boolean last) {
        byte[] data = input;
        if (carry.length > 0) {
            data = Arrays.copyOf(carry, carry.length + input.length);
            System.arraycopy(input, 0, data, carry.length, input.length);
        }
        String using = continuation != null ? continuation : encoding;
        int complete = last ? data.length : Codecs.completeLength(data, using);
        carry = Arrays.copyOfRange(data, complete, data.length);
        String text = Codecs.decode(complete == data.length ? data : Arrays.copyOf(data, complete), using, errors);
        if (continuation == null && complete >= 4) {
            continuation = Codecs.continuation(data, encoding);
        }
        if (pendingCarriageReturn) {
            text = "\r" + text;
            pendingCarriageReturn = false;
        }
        if (universalReading() && !last && text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
            pendingCarriageReturn = true;
        }
        // Drop what was returned, keeping the positions of the collapsed line ends that remain.
        int kept = 0;
        for (int i = 0; i < collapsedCount; i++) {
            if (collapsed[i] >= decodedPos) {
                collapsed[kept++] = collapsed[i] - decodedPos;
            }
        }
        collapsedCount = kept;
        String rest = decoded.substring(decodedPos);
        decodedPos = 0;
        if (!universalReading() || text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            decoded = rest + text;
            return;
        }
        StringBuilder out = new StringBuilder(rest.length() + text.length()).append(rest);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                boolean pair = i + 1 < text.length() && text.charAt(i + 1) == '\n';
                seenNewlines |= pair ? SEEN_CRLF : SEEN_CR;
                if (newline == null) {
                    if (pair) {
                        recordCollapsed(out.length());
                        i++;
                    }
                    out.append('\n');
                    continue;
                }
            } else if (c == '\n') {
                seenNewlines |= SEEN_LF;
            }
            out.append(c);
        }
        decoded = out.toString();
    }

    private void recordCollapsed(int at) {
        if (collapsedCount == collapsed.length) {
            collapsed = Arrays.copyOf(collapsed, Math.max(8, 2 * collapsedCount));
        }
        collapsed[collapsedCount++] = at;
    }

    /** Reads and decodes one chunk of at least {@code hint} bytes; false when there was no more text. */
    private boolean readChunk(long hint) {
        byte[] input = stream.read1((int) Math.max(CHUNK_SIZE, Math.min(hint, Integer.MAX_VALUE - 8)));
        boolean last = input.length == 0;
        if (last && carry.length == 0 && !pendingCarriageReturn) {
            return false;
        }
        decodeChunk(input, last);
        return true;
    }

    private int available() {
        return decoded.length() - decodedPos;
    }

    private String take(int n) {
        String out = decoded.substring(decodedPos, decodedPos + n);
        decodedPos += n;
        return out;
    }

    private String read(long size) {
        checkReadable();
        writeFlush();
        if (size < 0) {
            decodeChunk(stream.readAll(), true);
            String out = take(available());
            resetDecoder();
            return out;
        }
        // Sizes count code points; a char count is checked first, as a character outside the BMP is rare.
        while ((available() < size || endAfterCodePoints(size) == decoded.length() && codePointsAvailable() < size)
                && readChunk(size - available())) {
            // keep decoding
        }
        return take(endAfterCodePoints(size) - decodedPos);
    }

    /** The index in {@link #decoded} after {@code n} more code points (its end if there are fewer). */
    private int endAfterCodePoints(long n) {
        if (n >= available()) {
            return decoded.length();
        }
        int end = decodedPos + (int) n;
        // Each surrogate pair before the end moves it one char further.
        for (int i = decodedPos; i < end && end < decoded.length(); i++) {
            if (Character.isHighSurrogate(decoded.charAt(i)) && i + 1 < decoded.length() && Character.isLowSurrogate(decoded.charAt(i + 1))) {
                i++;
                end++;
            }
        }
        return Math.min(end, decoded.length());
    }

    private long codePointsAvailable() {
        return decoded.codePointCount(decodedPos, decoded.length());
    }

    private String readline(long limit) {
        checkReadable();
        writeFlush();
        int from = decodedPos;
        while (true) {
            int end = lineEnd(from);
            if (end >= 0 || limit >= 0 && available() >= limit && codePointsAvailable() >= limit) {
                int n = end < 0 ? endAfterCodePoints(limit) : limit >= 0 ? Math.min(end, endAfterCodePoints(limit)) : end;
                return take(n - decodedPos);
            }
            int scanned = available();
            if (!readChunk(0)) {
                return take((limit < 0 ? decoded.length() : endAfterCodePoints(limit)) - decodedPos);
            }
            // Decoding dropped the returned text; scanning resumes at the last char seen, which may start a "\r\n".
            from = Math.max(0, scanned - 1);
        }
    }

    /** The index in {@link #decoded} just after the first line end at or after {@code from}; -1 if none is there yet. */
    private int lineEnd(int from) {
        if (newline == null || newline.equals("\n")) {
            int i = decoded.indexOf('\n', from);
            return i < 0 ? -1 : i + 1;
        }
        if (newline.isEmpty()) {
            for (int i = from; i < decoded.length(); i++) {
                char c = decoded.charAt(i);
                if (c == '\n') {
                    return i + 1;
                }
                if (c == '\r') {
                    // A '\r' at the end of the decoded text is the stream's last char (a held one is not in it).
                    return i + 1 < decoded.length() && decoded.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                }
            }
            return -1;
        }
        int i = decoded.indexOf(newline, from);
        return i < 0 ? -1 : i + newline.length();
    }

    // =====================================================================================================
    // Writing, positions
    // =====================================================================================================

    private long write(Object s) {
        if (!(Types.baseValue(s) instanceof String text)) {
            throw Errors.typeError("write() argument must be str, not %s", Types.typeName(s));
        }
        checkOpen();
        if (!writable) {
            throw IoBaseClasses.unsupported("not writable");
        }
        boolean hasLineFeed = text.indexOf('\n') >= 0;
        boolean needFlush = lineBuffering && (hasLineFeed || text.indexOf('\r') >= 0);
        String out = hasLineFeed && newline != null && !newline.isEmpty() && !newline.equals("\n") ? text.replace("\n", newline) : text;
        byte[] bytes = Codecs.encode(out, encoding, errors);
        if (encoderStarted) {
            bytes = withoutByteOrderMark(bytes);
        }
        encoderStarted = true;
        if (pending.size() == 0 && bytes.length > 0) {
            dev.mp.runtime.MpContext.get(null).notePendingWrites(this);
        }
        pending.writeBytes(bytes);
        if (pending.size() > CHUNK_SIZE || needFlush || writeThrough) {
            writeFlush();
        }
        if (needFlush) {
            stream.flush();
        }
        resetDecoder();
        return text.codePointCount(0, text.length());
    }

    private byte[] withoutByteOrderMark(byte[] bytes) {
        int mark = byteOrderMarkLength();
        return mark == 0 ? bytes : Arrays.copyOfRange(bytes, Math.min(mark, bytes.length), bytes.length);
    }

    /** The bytes of the encoding's byte-order mark (utf-16's, utf-32's), 0 for most: what encoding adds once. */
    private int byteOrderMarkLength() {
        return 2 * lineEndLength() - Codecs.encode("\r\r", encoding, "strict").length;
    }

    /** The bytes of a '\r' (or '\n') in the encoding, with a byte-order mark if it has one. */
    private int lineEndLength() {
        return Codecs.encode("\r", encoding, "strict").length;
    }

    /** Gives the encoded text written so far to the buffer (without flushing the buffer). */
    private void writeFlush() {
        if (pending.size() > 0) {
            byte[] data = pending.toByteArray();
            pending.reset();
            dev.mp.runtime.MpContext.get(null).donePendingWrites(this);
            stream.write(data);
        }
    }

    @Override
    public void writePending() {
        if (!stream.closed()) {
            writeFlush();
            stream.flush();
        } else {
            dev.mp.runtime.MpContext.get(null).donePendingWrites(this);
        }
    }

    private void flush() {
        checkOpen();
        telling = seekable;
        writeFlush();
        stream.flush();
    }

    /** How many bytes of the stream the text not yet returned came from. */
    private long bytesAhead() {
        long n = carry.length;
        String rest = decoded.substring(decodedPos);
        int lineEndBytes = lineEndLength() - byteOrderMarkLength();
        if (!rest.isEmpty()) {
            n += withoutByteOrderMark(Codecs.encode(rest, encoding, errors.equals("surrogateescape") ? errors : "replace")).length;
            for (int i = 0; i < collapsedCount; i++) {
                if (collapsed[i] >= decodedPos) {
                    n += lineEndBytes;
                }
            }
        }
        return pendingCarriageReturn ? n + lineEndBytes : n;
    }

    private long tell() {
        checkOpen();
        checkSeekable();
        if (!telling) {
            throw Errors.make("OSError", "telling position disabled by next() call");
        }
        flush();
        return stream.tell() - bytesAhead();
    }

    private long seek(Object cookieArgument, long whence) {
        checkOpen();
        long cookie = Conversions.asLong(cookieArgument);
        checkSeekable();
        switch ((int) whence) {
            case 1 -> {
                if (cookie != 0) {
                    throw IoBaseClasses.unsupported("can't do nonzero cur-relative seeks");
                }
                cookie = tell();
            }
            case 2 -> {
                if (cookie != 0) {
                    throw IoBaseClasses.unsupported("can't do nonzero end-relative seeks");
                }
                flush();
                resetDecoder();
                long end = stream.seek(0, 2);
                encoderStarted = end != 0;
                return end;
            }
            case 0 -> {
            }
            default -> throw Errors.valueError("invalid whence (%d, should be 0, 1 or 2)", whence);
        }
        if (cookie < 0) {
            throw Errors.valueError("negative seek position %d", cookie);
        }
        flush();
        stream.seek(cookie, 0);
        resetDecoder();
        if (cookie == 0) {
            continuation = null;
        }
        encoderStarted = cookie != 0;
        return cookie;
    }

    private void close() {
        checkAttached();
        if (stream.closed()) {
            return;
        }
        try {
            flush();
        } finally {
            stream.close();
        }
    }

    private Object newlines() {
        return switch (seenNewlines) {
            case 0 -> PNone.NONE;
            case SEEN_LF -> "\n";
            case SEEN_CR -> "\r";
            case SEEN_CRLF -> "\r\n";
            case SEEN_CR | SEEN_LF -> new PTuple(new Object[] {"\r", "\n"});
            case SEEN_CR | SEEN_CRLF -> new PTuple(new Object[] {"\r", "\r\n"});
            case SEEN_LF | SEEN_CRLF -> new PTuple(new Object[] {"\n", "\r\n"});
            default -> new PTuple(new Object[] {"\r", "\n", "\r\n"});
        };
    }

    private Object reconfigure(Object encodingArg, Object errorsArg, Object newlineArg, Object lineBufferingArg, Object writeThroughArg) {
        checkAttached();
        if (!decoded.isEmpty() && (encodingArg != PNone.NONE || errorsArg != PNone.NONE || newlineArg != null)) {
            throw IoBaseClasses.unsupported("It is not possible to set the encoding or newline of stream after the first read");
        }
        String newEncoding = encodingArg == PNone.NONE ? encoding : encodingArgument(encodingArg, "reconfigure()");
        String newErrors = optionalStr(errorsArg, "reconfigure()", "errors", encodingArg == PNone.NONE ? errors : "strict");
        String newNewline = newlineArg == null ? newline : newlineArgument(newlineArg, "reconfigure()");
        Codecs.encode("", newEncoding, "strict");
        flush();
        encoding = newEncoding;
        continuation = null;
        errors = newErrors;
        newline = newNewline;
        if (lineBufferingArg != PNone.NONE) {
            lineBuffering = Conversions.isTrue(lineBufferingArg);
        }
        if (writeThroughArg != PNone.NONE) {
            writeThrough = Conversions.isTrue(writeThroughArg);
        }
        return PNone.NONE;
    }

    private String repr() {
        StringBuilder s = new StringBuilder("<");
        PClass type = getPythonClass();
        s.append(type == TYPE ? "_io.TextIOWrapper" : type.name());
        appendIfPresent(s, "name", () -> Attributes.get(this, "name"));
        appendIfPresent(s, "mode", () -> {
            PDict dict = attributes();
            Object mode = dict == null ? null : dict.get("mode");
            if (mode == null) {
                throw Errors.attributeError("mode");
            }
            return mode;
        });
        return s.append(" encoding=").append(StringRepr.repr(encoding)).append('>').toString();
    }

    /** Appends " key=repr(value)" unless getting the value raises AttributeError or ValueError, as CPython's repr. */
    private static void appendIfPresent(StringBuilder s, String key, java.util.function.Supplier<Object> value) {
        try {
            s.append(' ').append(key).append('=').append(Conversions.repr(value.get()));
        } catch (MpException e) {
            if (!Exceptions.matches(e, "AttributeError") && !Exceptions.matches(e, "ValueError")) {
                throw e;
            }
            s.setLength(s.lastIndexOf(" "));
        }
    }

    // =====================================================================================================
    // The methods
    // =====================================================================================================

    private static TextIOWrapper self(Object o) {
        return (TextIOWrapper) o;
    }

    static {
        PClass c = TYPE;
        BuiltinBuilder.constructor(c, "cls, *args, **kwargs", a -> new TextIOWrapper((PClass) a[0]));
        method(c, "__init__", "self, buffer, encoding=None, errors=None, newline=None, line_buffering=False, write_through=False", a -> {
            self(a[0]).init(a[1], a[2], a[3], a[4], Conversions.isTrue(a[5]), Conversions.isTrue(a[6]));
            return PNone.NONE;
        });
        method(c, "read", "self, size=-1, /", a -> self(a[0]).read(IoBaseClasses.sizeArgument(a[1])));
        method(c, "readline", "self, size=-1, /", a -> self(a[0]).readline(IoBaseClasses.sizeArgument(a[1])));
        method(c, "write", "self, text, /", a -> self(a[0]).write(a[1]));
        method(c, "flush", "self", a -> {
            self(a[0]).flush();
            return PNone.NONE;
        });
        method(c, "close", "self", a -> {
            self(a[0]).close();
            return PNone.NONE;
        });
        method(c, "tell", "self", a -> self(a[0]).tell());
        method(c, "seek", "self, cookie, whence=0, /", a -> self(a[0]).seek(a[1], Conversions.asLong(a[2])));
        method(c, "truncate", "self, pos=None, /", a -> {
            TextIOWrapper t = self(a[0]);
            t.flush();
            return Calls.callMethod(t.buffer, "truncate", a[1] == PNone.NONE ? t.tell() : a[1]);
        });
        method(c, "detach", "self", a -> {
            TextIOWrapper t = self(a[0]);
            t.checkAttached();
            t.flush();
            Object b = t.buffer;
            t.buffer = null;
            return b;
        });
        method(c, "reconfigure", "self, *, encoding=None, errors=None, newline=?, line_buffering=None, write_through=None",
                a -> self(a[0]).reconfigure(a[1], a[2], a[3], a[4], a[5]));
        method(c, "readable", "self", a -> {
            self(a[0]).checkAttached();
            return Calls.callMethod(self(a[0]).buffer, "readable");
        });
        method(c, "writable", "self", a -> {
            self(a[0]).checkAttached();
            return Calls.callMethod(self(a[0]).buffer, "writable");
        });
        method(c, "seekable", "self", a -> {
            self(a[0]).checkOpen();
            return self(a[0]).seekable;
        });
        method(c, "fileno", "self", a -> {
            self(a[0]).checkAttached();
            return Calls.callMethod(self(a[0]).buffer, "fileno");
        });
        method(c, "isatty", "self", a -> {
            self(a[0]).checkAttached();
            return Calls.callMethod(self(a[0]).buffer, "isatty");
        });
        method(c, "__next__", "self", a -> {
            TextIOWrapper t = self(a[0]);
            t.telling = false;
            String line = t.readline(-1);
            if (line.isEmpty()) {
                t.telling = t.seekable;
                throw Errors.raise(BuiltinClasses.exception("StopIteration"));
            }
            return line;
        });
        method(c, "__repr__", "self", a -> self(a[0]).repr());
        attribute(c, "buffer", o -> self(o).buffer == null ? PNone.NONE : self(o).buffer);
        attribute(c, "closed", o -> {
            self(o).checkAttached();
            return self(o).stream.closed();
        });
        attribute(c, "name", o -> {
            self(o).checkAttached();
            return Attributes.get(self(o).buffer, "name");
        });
        attribute(c, "encoding", o -> self(o).encoding);
        attribute(c, "errors", o -> self(o).errors);
        attribute(c, "line_buffering", o -> self(o).lineBuffering);
        attribute(c, "write_through", o -> self(o).writeThrough);
        attribute(c, "newlines", o -> self(o).universalReading() ? self(o).newlines() : PNone.NONE);
        attribute(c, "_CHUNK_SIZE", o -> (long) CHUNK_SIZE);
    }
}
