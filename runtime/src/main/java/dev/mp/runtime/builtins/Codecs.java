package dev.mp.runtime.builtins;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import dev.mp.runtime.MpException;
import dev.mp.runtime.builtins.CodecErrors.Resolution;
import dev.mp.runtime.builtins.CodecRegistry.Codec;
import dev.mp.runtime.builtins.CodecRegistry.Kind;
import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Exceptions;
import dev.mp.runtime.ops.Sequences;
import dev.mp.runtime.ops.Types;

/**
 * str.encode and bytes.decode, as CPython's codecs: the Unicode codecs (UTF-8, UTF-16, UTF-32, ASCII, Latin-1)
 * coded here, the single-byte ones by table, the multibyte ones through JDK charsets; each with CPython's error
 * handling (see {@link CodecErrors}), its error messages and its positions, which count code points in a str and
 * bytes in bytes.
 */
public final class Codecs {
    private Codecs() {
    }

    private static final Codec UTF_8 = CodecRegistry.lookup("utf_8");
    private static final Codec ASCII = CodecRegistry.lookup("ascii");
    private static final Codec LATIN_1 = CodecRegistry.lookup("latin_1");
    private static final byte[] UTF_8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** The codec an encoding name names; the usual spellings of the commonest ones without normalizing the name. */
    private static Codec codec(String encoding) {
        return switch (encoding) {
            case "utf-8", "utf8", "UTF-8", "utf_8" -> UTF_8;
            case "ascii" -> ASCII;
            case "latin-1", "latin1", "iso-8859-1" -> LATIN_1;
            default -> CodecRegistry.lookup(encoding);
        };
    }

    /** codecs.lookup(encoding).name: the codec's own name. */
    public static String canonicalName(String encoding) {
        return codec(encoding).name();
    }

    /** The name a codec's errors give it: CPython's coder functions' names, not the CodecInfo name. */
    private static String errorName(Codec codec, boolean decoding, boolean bigEndian) {
        return switch (codec.kind()) {
            case UTF_8, UTF_8_SIG -> "utf-8";
            case ASCII -> "ascii";
            case LATIN_1 -> "latin-1";
            case UTF_16 -> decoding ? (bigEndian ? "utf-16-be" : "utf-16-le") : "utf-16";
            case UTF_32 -> decoding ? (bigEndian ? "utf-32-be" : "utf-32-le") : "utf-32";
            case UTF_16_LE, UTF_16_BE, UTF_32_LE, UTF_32_BE, MULTIBYTE -> codec.name();
            case CHARMAP -> "charmap";
        };
    }

    private static boolean isBigEndian(Kind kind) {
        return kind == Kind.UTF_16_BE || kind == Kind.UTF_32_BE;
    }

    private static int unitWidth(Kind kind) {
        return switch (kind) {
            case UTF_16, UTF_16_LE, UTF_16_BE -> 2;
            case UTF_32, UTF_32_LE, UTF_32_BE -> 4;
            default -> 1;
        };
    }

    // =====================================================================================================
    // Encoding
    // =====================================================================================================

    /**
     * Whether CPython codes this encoding name in str.encode and bytes.decode themselves rather than through the
     * codec registry, whose codecs' errors other than Unicode errors it rewraps (see {@link #wrapped}).
     */
    private static boolean codedDirectly(String encoding) {
        return switch (CodecRegistry.normalize(encoding)) {
            case "utf8", "utf_8", "utf16", "utf_16", "utf32", "utf_32", "ascii", "us_ascii", "latin1", "latin_1", "iso_8859_1", "iso8859_1" -> true;
            default -> false;
        };
    }

    /**
     * An error raised by an error handler of a codec CPython runs through its registry, as CPython's
     * _PyErr_TrySetFromCause rewrites it: the same type with "encoding with 'x' codec failed (T: message)" and the
     * original as cause, when the original is a plain exception (builtin class without attributes of its own, at
     * most one str argument); otherwise unchanged.
     */
    private static MpException wrapped(MpException e, String operation, String encoding, boolean viaRegistry) {
        PBaseException original = e.pythonException();
        PClass cls = original.getPythonClass();
        PTuple args = original.args();
        boolean plain = cls.isCore() && Exceptions.matches(original, "Exception") && original.dict().size() == 0
                && (args.size() == 0 || args.size() == 1 && args.get(0) instanceof String);
        for (String special : new String[] {"UnicodeEncodeError", "UnicodeDecodeError", "UnicodeTranslateError", "OSError", "ImportError", "SyntaxError",
            "StopIteration", "SystemExit", "AttributeError", "NameError", "BaseExceptionGroup"}) {
            plain &= !Exceptions.matches(original, special);
        }
        if (!plain || !viaRegistry && codedDirectly(encoding)) {
            return e;
        }
        String message = String.format("%s with '%s' codec failed (%s: %s)", operation, encoding, cls.name(), Exceptions.str(original));
        PBaseException replacement = Exceptions.create(cls, PTuple.of(message));
        replacement.setCause(original);
        return replacement.javaException();
    }

    /** {@code s.encode(encoding, errors)}. */
    public static byte[] encode(String s, String encoding, String errors) {
        Codec codec = codec(encoding);
        try {
            return encode(s, codec, errors);
        } catch (MpException e) {
            throw wrapped(e, "encoding", encoding, false);
        }
    }

    /** codecs.encode(obj, encoding, errors): through the registry, so any plain error is rewrapped. */
    public static byte[] encodeObject(Object obj, String encoding, String errors) {
        Codec codec = codec(encoding);
        try {
            if (!(Types.baseValue(obj) instanceof String s)) {
                String coder = switch (codec.kind()) {
                    case UTF_8_SIG -> "utf_8";
                    case CHARMAP -> "charmap";
                    case MULTIBYTE -> codec.module();
                    default -> codec.module();
                };
                throw Errors.typeError("%s_encode() argument 1 must be str, not %s", coder, Types.typeName(obj));
            }
            return encode(s, codec, errors);
        } catch (MpException e) {
            throw wrapped(e, "encoding", encoding, true);
        }
    }

    /** codecs.decode(obj, encoding, errors) of a bytes-like object: through the registry, as {@link #encodeObject}. */
    public static String decodeObject(Object obj, String encoding, String errors) {
        Codec codec = codec(encoding);
        try {
            return decode(Sequences.bytesOf(obj), codec, errors);
        } catch (MpException e) {
            throw wrapped(e, "decoding", encoding, true);
        }
    }

    private static byte[] encode(String s, Codec codec, String errors) {
        byte[] whole = encodeWhole(s, codec);
        if (whole != null) {
            return whole;
        }
        return codec.kind() == Kind.MULTIBYTE ? new MultibyteEncoder(codec, s, errors).encode() : new Encoder(codec, s, errors).encode();
    }

    /**
     * {@code s} coded by the JDK in one go when it codes the codec exactly and every character is encodable, else
     * null: the code-point loops, for errors, cost a hundred times more per character, which a megabyte string
     * made visible.
     */
    private static byte[] encodeWhole(String s, Codec codec) {
        Kind kind = codec.kind();
        return switch (kind) {
            case ASCII, LATIN_1 -> {
                char limit = kind == Kind.ASCII ? (char) 0x80 : (char) 0x100;
                for (int i = 0; i < s.length(); i++) {
                    if (s.charAt(i) >= limit) {
                        yield null;
                    }
                }
                yield s.getBytes(kind == Kind.ASCII ? StandardCharsets.US_ASCII : StandardCharsets.ISO_8859_1);
            }
            // the JDK's Unicode coders replace a lone surrogate, which CPython's refuse
            case UTF_8, UTF_8_SIG, UTF_16, UTF_16_LE, UTF_16_BE, UTF_32, UTF_32_LE, UTF_32_BE -> {
                if (hasLoneSurrogate(s)) {
                    yield null;
                }
                byte[] bytes = s.getBytes(unicodeCharset(kind, false));
                byte[] mark = switch (kind) {
                    case UTF_8_SIG -> UTF_8_BOM;
                    case UTF_16 -> new byte[] {(byte) 0xFF, (byte) 0xFE};
                    case UTF_32 -> new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0};
                    default -> null;
                };
                if (mark == null) {
                    yield bytes;
                }
                byte[] marked = Arrays.copyOf(mark, mark.length + bytes.length);
                System.arraycopy(bytes, 0, marked, mark.length, bytes.length);
                yield marked;
            }
            case CHARMAP, MULTIBYTE -> {
                if (kind == Kind.CHARMAP && CodecRegistry.tableCorrections(codec.module()).length > 0) {
                    yield null;
                }
                try {
                    ByteBuffer b = Charset.forName(codec.charset()).newEncoder().encode(CharBuffer.wrap(s));
                    yield Arrays.copyOf(b.array(), b.limit());
                } catch (java.nio.charset.CharacterCodingException e) {
                    yield null;
                }
            }
        };
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE) {
                continue;
            }
            if (c > Character.MAX_HIGH_SURROGATE || i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                return true;
            }
            i++;
        }
        return false;
    }

    /** The JDK charset of a Unicode codec without byte order mark, in the byte order given for UTF-16 and UTF-32. */
    private static Charset unicodeCharset(Kind kind, boolean bigEndian) {
        return switch (kind) {
            case UTF_16 -> bigEndian ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
            case UTF_16_LE -> StandardCharsets.UTF_16LE;
            case UTF_16_BE -> StandardCharsets.UTF_16BE;
            case UTF_32 -> Charset.forName(bigEndian ? "UTF-32BE" : "UTF-32LE");
            case UTF_32_LE -> Charset.forName("UTF-32LE");
            case UTF_32_BE -> Charset.forName("UTF-32BE");
            default -> StandardCharsets.UTF_8;
        };
    }

    /** An encoding of a str by one of the codecs mp codes itself or by table, code point by code point. */
    private static final class Encoder {
        private final Kind kind;
        private final String text;
        private final int[] cps;
        private final String errors;
        private final String name;
        private final String reason;
        private final boolean bigEndian;
        private final Charmap charmap;
        private final ByteArrayOutputStream out;

        Encoder(Codec codec, String text, String errors) {
            this.kind = codec.kind();
            this.text = text;
            this.cps = Sequences.codePoints(text);
            this.errors = errors;
            this.name = errorName(codec, false, false);
            this.reason = switch (kind) {
                case ASCII -> "ordinal not in range(128)";
                case LATIN_1 -> "ordinal not in range(256)";
                case CHARMAP -> "character maps to <undefined>";
                default -> "surrogates not allowed";
            };
            this.bigEndian = isBigEndian(kind);
            this.charmap = kind == Kind.CHARMAP ? Charmap.of(codec) : null;
            this.out = new ByteArrayOutputStream(cps.length * unitWidth(kind) + 4);
        }

        byte[] encode() {
            switch (kind) {
                case UTF_8_SIG -> out.writeBytes(UTF_8_BOM);
                case UTF_16, UTF_32 -> write(0xFEFF);
                default -> {
                }
            }
            // the codecs whose errors span each run of unencodable characters, not one character
            boolean runs = unitWidth(kind) == 1;
            int i = 0;
            while (i < cps.length) {
                int cp = cps[i];
                if (encodable(cp)) {
                    write(cp);
                    i++;
                    continue;
                }
                int end = i + 1;
                while (runs && end < cps.length && !encodable(cps[end])) {
                    end++;
                }
                i = onError(i, end);
            }
            return out.toByteArray();
        }

        private boolean encodable(int cp) {
            return switch (kind) {
                case ASCII -> cp < 0x80;
                case LATIN_1 -> cp < 0x100;
                case CHARMAP -> charmap.byteOf(cp) >= 0;
                default -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE;
            };
        }

        private void write(int cp) {
            switch (kind) {
                case ASCII, LATIN_1 -> out.write(cp);
                case CHARMAP -> out.write(charmap.byteOf(cp));
                case UTF_8, UTF_8_SIG -> {
                    if (cp < 0x80) {
                        out.write(cp);
                    } else {
                        out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                    }
                }
                case UTF_16, UTF_16_LE, UTF_16_BE -> {
                    if (cp >= 0x10000) {
                        writeUnit(Character.highSurrogate(cp), 2);
                        writeUnit(Character.lowSurrogate(cp), 2);
                    } else {
                        writeUnit(cp, 2);
                    }
                }
                default -> writeUnit(cp, 4);
            }
        }

        private void writeUnit(int unit, int width) {
            for (int k = 0; k < width; k++) {
                out.write(unit >> (bigEndian ? (width - 1 - k) * 8 : k * 8));
            }
        }

        private RuntimeException error(int start, int end) {
            return CodecErrors.encodeException(name, text, start, end, reason).javaException();
        }

        /** Handles the unencodable code points [start, end) as {@code errors} says; returns where to go on. */
        private int onError(int start, int end) {
            boolean unicode = kind != Kind.CHARMAP && kind != Kind.ASCII && kind != Kind.LATIN_1;
            // CPython's coders handle these themselves, with results the handler functions do not give
            if (errors.equals("surrogateescape") && unitWidth(kind) == 1 && kind != Kind.CHARMAP) {
                int k = start;
                while (k < end && cps[k] >= 0xDC80 && cps[k] <= 0xDCFF) {
                    out.write(cps[k] - 0xDC00);
                    k++;
                }
                if (k < end) {
                    throw error(k, end);
                }
                return end;
            }
            Resolution r = CodecErrors.onEncodeError(errors, name, cps, start, end, () -> CodecErrors.encodeException(name, text, start, end, reason));
            if (r.replacement() instanceof byte[] bytes) {
                if (bytes.length % unitWidth(kind) != 0) {
                    throw error(start, start + 1);
                }
                out.writeBytes(bytes);
            } else {
                String replacement = (String) r.replacement();
                for (int k = 0; k < replacement.length(); k++) {
                    char c = replacement.charAt(k);
                    if (unicode ? c >= 0x80 : !encodable(c)) {
                        throw error(start, end);
                    }
                }
                for (int k = 0; k < replacement.length(); k++) {
                    write(replacement.charAt(k));
                }
            }
            return r.resume();
        }
    }

    /** An encoding by a JDK charset (CPython's CJK codecs), run by run, the coder reporting what it cannot encode. */
    private static final class MultibyteEncoder {
        private final String text;
        private final int[] cps;
        private final String errors;
        private final String name;
        private final CharsetEncoder coder;
        private ByteBuffer out;

        MultibyteEncoder(Codec codec, String text, String errors) {
            this.text = text;
            this.cps = Sequences.codePoints(text);
            this.errors = errors;
            this.name = codec.name();
            this.coder = Charset.forName(codec.charset()).newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            this.out = ByteBuffer.allocate(text.length() * 2 + 16);
        }

        byte[] encode() {
            CharBuffer in = CharBuffer.wrap(text);
            // all input is at hand: a lone surrogate at the end is an error, not the start of a pair to come
            while (true) {
                CoderResult r = coder.encode(in, out, true);
                if (r.isOverflow()) {
                    grow();
                } else if (r.isUnderflow()) {
                    break;
                } else {
                    int start = codePointIndex(in.position());
                    int resume = onError(start, start + 1);
                    in.position(charIndex(resume));
                }
            }
            while (coder.flush(out).isOverflow()) {
                grow();
            }
            return Arrays.copyOf(out.array(), out.position());
        }

        /** A char index and its code point index, from which the next error's positions are counted. */
        private int knownChar;
        private int knownCodePoint;

        /** The code point index of a char index, counted from the last one known (errors come in order). */
        private int codePointIndex(int charIndex) {
            if (charIndex < knownChar) {
                knownChar = 0;
                knownCodePoint = 0;
            }
            knownCodePoint += text.codePointCount(knownChar, charIndex);
            knownChar = charIndex;
            return knownCodePoint;
        }

        private int charIndex(int codePointIndex) {
            if (codePointIndex < knownCodePoint) {
                knownChar = 0;
                knownCodePoint = 0;
            }
            knownChar = text.offsetByCodePoints(knownChar, codePointIndex - knownCodePoint);
            knownCodePoint = codePointIndex;
            return knownChar;
        }

        private void grow() {
            ByteBuffer bigger = ByteBuffer.allocate(out.capacity() * 2 + 16);
            out.flip();
            bigger.put(out);
            out = bigger;
        }

        private int onError(int start, int end) {
            Resolution r = CodecErrors.onEncodeError(errors, name, cps, start, end,
                    () -> CodecErrors.encodeException(name, text, start, end, "illegal multibyte sequence"));
            if (r.replacement() instanceof byte[] bytes) {
                while (out.remaining() < bytes.length) {
                    grow();
                }
                out.put(bytes);
            } else {
                // encoded strictly, as CPython does, so an error names the replacement and a position in it
                String replacement = (String) r.replacement();
                CharBuffer chars = CharBuffer.wrap(replacement);
                while (true) {
                    CoderResult result = coder.encode(chars, out, true);
                    if (result.isOverflow()) {
                        grow();
                    } else if (result.isUnderflow()) {
                        break;
                    } else {
                        int at = replacement.codePointCount(0, chars.position());
                        throw CodecErrors.encodeException(name, replacement, at, at + 1, "illegal multibyte sequence").javaException();
                    }
                }
            }
            return r.resume();
        }
    }

    // =====================================================================================================
    // Decoding
    // =====================================================================================================

    /** {@code bytes.decode(encoding, errors)}. */
    public static String decode(byte[] b, String encoding, String errors) {
        Codec codec = codec(encoding);
        try {
            return decode(b, codec, errors);
        } catch (MpException e) {
            throw wrapped(e, "decoding", encoding, false);
        }
    }

    private static String decode(byte[] b, Codec codec, String errors) {
        Kind kind = codec.kind();
        if (kind == Kind.LATIN_1) {
            return new String(b, StandardCharsets.ISO_8859_1);
        }
        if (kind == Kind.UTF_8_SIG && b.length >= 3 && b[0] == UTF_8_BOM[0] && b[1] == UTF_8_BOM[1] && b[2] == UTF_8_BOM[2]) {
            // as CPython's utf_8_sig, which decodes what follows the mark: positions count from there
            b = Arrays.copyOfRange(b, 3, b.length);
        }
        String whole = decodeWhole(b, codec);
        return whole != null ? whole : new Decoder(codec, b, errors).decode();
    }

    /** {@code b} decoded by the JDK in one go when it codes the codec exactly and finds no error, else null. */
    private static String decodeWhole(byte[] b, Codec codec) {
        Kind kind = codec.kind();
        int start = 0;
        Charset charset;
        switch (kind) {
            case ASCII -> {
                for (byte x : b) {
                    if (x < 0) {
                        return null;
                    }
                }
                return new String(b, StandardCharsets.ISO_8859_1);
            }
            case UTF_8, UTF_8_SIG -> charset = StandardCharsets.UTF_8;
            case UTF_16, UTF_16_LE, UTF_16_BE -> {
                boolean bigEndian = kind == Kind.UTF_16_BE;
                if (kind == Kind.UTF_16 && b.length >= 2 && (b[0] & 0xff) + (b[1] & 0xff) == 0xFF + 0xFE) {
                    start = 2;
                    bigEndian = b[0] == (byte) 0xFE;
                }
                charset = unicodeCharset(kind, bigEndian);
            }
            case CHARMAP, MULTIBYTE -> {
                if (kind == Kind.CHARMAP && CodecRegistry.tableCorrections(codec.module()).length > 0) {
                    return null;
                }
                charset = Charset.forName(codec.charset());
            }
            // UTF-32: the JDK's decoder lets surrogates through
            default -> {
                return null;
            }
        }
        try {
            return charset.newDecoder().decode(ByteBuffer.wrap(b, start, b.length - start)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    private static final class Decoder {
        private final Codec codec;
        private final Kind kind;
        private final byte[] in;
        private final String errors;
        private String name;
        private final StringBuilder out;

        Decoder(Codec codec, byte[] in, String errors) {
            this.codec = codec;
            this.kind = codec.kind();
            this.in = in;
            this.errors = errors;
            this.name = errorName(codec, true, false);
            this.out = new StringBuilder(in.length);
        }

        String decode() {
            switch (kind) {
                case UTF_16, UTF_16_LE, UTF_16_BE, UTF_32, UTF_32_LE, UTF_32_BE -> decodeUtf16Or32();
                case CHARMAP -> decodeCharmap();
                case MULTIBYTE -> decodeMultibyte();
                default -> decodeUtf8AsciiLatin1();
            }
            return out.toString();
        }

        /** Handles the undecodable bytes [start, end) as {@code errors} says; returns where to go on. */
        private int onError(int start, int end, String reason) {
            switch (errors) {
                case "strict" -> throw CodecErrors.decodeException(name, in, start, end, reason).javaException();
                case "ignore" -> {
                    return end;
                }
                case "replace" -> {
                    out.append('\uFFFD');
                    return end;
                }
                default -> {
                    Resolution r = CodecErrors.onDecodeError(errors, name, in, start, end, () -> CodecErrors.decodeException(name, in, start, end, reason));
                    out.append((String) r.replacement());
                    return r.resume();
                }
            }
        }

        private void decodeUtf8AsciiLatin1() {
            int i = 0;
            while (i < in.length) {
                int x = in[i] & 0xff;
                if (x < 0x80 || kind == Kind.LATIN_1) {
                    out.append((char) x);
                    i++;
                    continue;
                }
                if (kind == Kind.ASCII) {
                    i = onError(i, i + 1, "ordinal not in range(128)");
                    continue;
                }
                int[] result = utf8Sequence(in, i, out);
                if (result == null) {
                    i += sequenceLength(x);
                    continue;
                }
                i = onError(i, result[0], result[1] == 0 ? "invalid start byte" : result[1] == 1 ? "invalid continuation byte" : "unexpected end of data");
            }
        }

        private void decodeUtf16Or32() {
            int width = unitWidth(kind);
            boolean bigEndian = isBigEndian(kind);
            int i = 0;
            if (kind == Kind.UTF_16 || kind == Kind.UTF_32) {
                // a byte order mark says the order and is dropped; without one, little-endian, as CPython here
                if (in.length >= width && unit(0, width, false) == 0xFEFF) {
                    i = width;
                } else if (in.length >= width && unit(0, width, true) == 0xFEFF) {
                    i = width;
                    bigEndian = true;
                }
                name = errorName(codec, true, bigEndian);
            }
            while (i < in.length) {
                if (in.length - i < width) {
                    i = onError(i, in.length, "truncated data");
                    continue;
                }
                int u = unit(i, width, bigEndian);
                if (width == 4) {
                    if (u >= Character.MIN_SURROGATE && u <= Character.MAX_SURROGATE) {
                        i = onError(i, i + 4, "code point in surrogate code point range(0xd800, 0xe000)");
                    } else if (u < 0 || u > Character.MAX_CODE_POINT) {
                        i = onError(i, i + 4, "code point not in range(0x110000)");
                    } else {
                        out.appendCodePoint(u);
                        i += 4;
                    }
                    continue;
                }
                if (u < Character.MIN_SURROGATE || u > Character.MAX_SURROGATE) {
                    out.append((char) u);
                    i += 2;
                } else if (u >= Character.MIN_LOW_SURROGATE) {
                    i = onError(i, i + 2, "illegal encoding");
                } else if (in.length - i < 4) {
                    i = onError(i, in.length, "unexpected end of data");
                } else {
                    int low = unit(i + 2, 2, bigEndian);
                    if (low >= Character.MIN_LOW_SURROGATE && low <= Character.MAX_LOW_SURROGATE) {
                        out.append((char) u).append((char) low);
                        i += 4;
                    } else {
                        i = onError(i, i + 2, "illegal UTF-16 surrogate");
                    }
                }
            }
        }

        private int unit(int at, int width, boolean bigEndian) {
            int u = 0;
            for (int k = 0; k < width; k++) {
                u |= (in[at + k] & 0xff) << (bigEndian ? (width - 1 - k) * 8 : k * 8);
            }
            return u;
        }

        private void decodeCharmap() {
            char[] table = Charmap.of(codec).decoding;
            int i = 0;
            while (i < in.length) {
                char c = table[in[i] & 0xff];
                if (c != Charmap.UNDEFINED) {
                    out.append(c);
                    i++;
                } else {
                    i = onError(i, i + 1, "character maps to <undefined>");
                }
            }
        }

        private void decodeMultibyte() {
            CharsetDecoder coder = Charset.forName(codec.charset()).newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer bytes = ByteBuffer.wrap(in);
            CharBuffer chars = CharBuffer.allocate(in.length + 16);
            while (true) {
                CoderResult r = coder.decode(bytes, chars, false);
                chars.flip();
                out.append(chars);
                chars.clear();
                if (r.isOverflow()) {
                    continue;
                }
                int start = bytes.position();
                if (r.isUnderflow()) {
                    if (!bytes.hasRemaining()) {
                        break;
                    }
                    // a character cut short at the end, unless a Shift JIS byte that cannot start one
                    int lead = in[start] & 0xff;
                    boolean shiftJis = codec.module().equals("shift_jis") || codec.module().equals("cp932");
                    if (shiftJis && start + 1 == in.length && !(lead >= 0x81 && lead <= 0x9F || lead >= 0xE0 && lead <= 0xFC)) {
                        bytes.position(onError(start, start + 1, "illegal multibyte sequence"));
                    } else {
                        bytes.position(onError(start, in.length, "incomplete multibyte sequence"));
                    }
                    if (!bytes.hasRemaining()) {
                        break;
                    }
                    continue;
                }
                bytes.position(onError(start, start + r.length(), "illegal multibyte sequence"));
            }
            coder.decode(bytes, chars, true);
            coder.flush(chars);
            chars.flip();
            out.append(chars);
        }
    }

    /**
     * How many leading bytes of {@code b} an incremental decoder decodes now: all but a character cut short at
     * the end, whose bytes wait for the rest. An invalid sequence counts as complete, for decode to report it.
     */
    public static int completeLength(byte[] b, String encoding) {
        Codec codec = codec(encoding);
        switch (codec.kind()) {
            case UTF_8, UTF_8_SIG -> {
                for (int back = 1; back <= Math.min(3, b.length); back++) {
                    int x = b[b.length - back] & 0xff;
                    if (x < 0x80) {
                        return b.length;
                    }
                    if (x >= 0xC0) {
                        // a lead byte: complete if its sequence fits in what follows it
                        return x >= 0xC2 && x <= 0xF4 && sequenceLength(x) > back ? b.length - back : b.length;
                    }
                }
                return b.length;
            }
            case UTF_16, UTF_16_LE, UTF_16_BE -> {
                int n = b.length & ~1;
                boolean bigEndian = codec.kind() == Kind.UTF_16_BE || codec.kind() == Kind.UTF_16 && b.length >= 2 && (b[0] & 0xff) == 0xFE
                        && (b[1] & 0xff) == 0xFF;
                if (n >= 2) {
                    int high = b[n - (bigEndian ? 2 : 1)] & 0xff;
                    if (high >= 0xD8 && high <= 0xDB) {
                        return n - 2;
                    }
                }
                return n;
            }
            case UTF_32, UTF_32_LE, UTF_32_BE -> {
                return b.length & ~3;
            }
            case MULTIBYTE -> {
                var decoder = Charset.forName(codec.charset()).newDecoder();
                ByteBuffer in = ByteBuffer.wrap(b);
                CharBuffer out = CharBuffer.allocate(b.length + 1);
                return decoder.decode(in, out, false).isError() ? b.length : in.position();
            }
            default -> {
                return b.length;
            }
        }
    }

    /**
     * The encoding that decodes a stream after {@code start}, its first bytes: for utf-16 and utf-32 the byte order
     * their mark said (or little-endian), utf-8 after utf-8-sig, else {@code encoding} itself, as CPython's
     * incremental decoders go on after the first call.
     */
    public static String continuation(byte[] start, String encoding) {
        Kind kind = codec(encoding).kind();
        byte[] bigEndianMark = kind == Kind.UTF_32 ? new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF} : new byte[] {(byte) 0xFE, (byte) 0xFF};
        boolean bigEndian = start.length >= bigEndianMark.length && Arrays.equals(start, 0, bigEndianMark.length, bigEndianMark, 0, bigEndianMark.length);
        return switch (kind) {
            case UTF_16 -> bigEndian ? "utf-16-be" : "utf-16-le";
            case UTF_32 -> bigEndian ? "utf-32-be" : "utf-32-le";
            case UTF_8_SIG -> "utf-8";
            default -> encoding;
        };
    }

    private static int sequenceLength(int lead) {
        return lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    }

    /**
     * Decodes the UTF-8 sequence starting at {@code start} into {@code out}; returns null when it is valid, else
     * {end of the bad bytes, kind (0 invalid start, 1 invalid continuation, 2 unexpected end)}, the bad bytes
     * being the lead and the valid continuation bytes before the first invalid one, as CPython reports them.
     */
    private static int[] utf8Sequence(byte[] b, int start, StringBuilder out) {
        int lead = b[start] & 0xff;
        if (lead < 0xC2 || lead > 0xF4) {
            return new int[] {start + 1, 0};
        }
        int needed = sequenceLength(lead) - 1;
        int low = 0x80;
        int high = 0xBF;
        switch (lead) {
            case 0xE0 -> low = 0xA0;
            case 0xED -> high = 0x9F;
            case 0xF0 -> low = 0x90;
            case 0xF4 -> high = 0x8F;
            default -> {
            }
        }
        int cp = lead & (0x3F >> needed);
        for (int k = 1; k <= needed; k++) {
            if (start + k >= b.length) {
                return new int[] {b.length, 2};
            }
            int c = b[start + k] & 0xff;
            if (c < (k == 1 ? low : 0x80) || c > (k == 1 ? high : 0xBF)) {
                return new int[] {start + k, 1};
            }
            cp = (cp << 6) | (c & 0x3F);
        }
        out.appendCodePoint(cp);
        return null;
    }

    /**
     * A single-byte codec's table both ways: the character of each byte ({@link #UNDEFINED} for none), from the
     * JDK's charset corrected to CPython's table, and the byte of each character, its inverse (a later byte wins,
     * as in CPython's charmap_build).
     */
    private static final class Charmap {
        static final char UNDEFINED = '\uFFFE';
        final char[] decoding;
        /** Open addressing: (code point << 8 | byte) + 1 in the slot its code point hashes to, or 0. */
        private final int[] encoding = new int[1024];

        private Charmap(char[] decoding) {
            this.decoding = decoding;
            for (int b = 0; b < 256; b++) {
                if (decoding[b] != UNDEFINED) {
                    int slot = slot(decoding[b]);
                    encoding[slot] = (decoding[b] << 8 | b) + 1;
                }
            }
        }

        static Charmap of(Codec codec) {
            byte[] all = new byte[256];
            for (int b = 0; b < 256; b++) {
                all[b] = (byte) b;
            }
            CharsetDecoder coder = Charset.forName(codec.charset()).newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(String.valueOf(UNDEFINED));
            char[] decoding = new char[256];
            CharBuffer chars = CharBuffer.wrap(decoding);
            coder.decode(ByteBuffer.wrap(all), chars, true);
            int[] corrections = CodecRegistry.tableCorrections(codec.module());
            for (int k = 0; k < corrections.length; k += 2) {
                decoding[corrections[k]] = corrections[k + 1] < 0 ? UNDEFINED : (char) corrections[k + 1];
            }
            return new Charmap(decoding);
        }

        /** The slot of a character: where it is, else the empty slot where it would go. */
        private int slot(int cp) {
            int h = (cp * 0x9E3779B1) >>> 22;
            while (encoding[h] != 0 && (encoding[h] - 1) >>> 8 != cp) {
                h = (h + 1) & 1023;
            }
            return h;
        }

        int byteOf(int cp) {
            if (cp > 0xFFFF) {
                return -1;
            }
            int e = encoding[slot(cp)];
            return e == 0 ? -1 : (e - 1) & 0xff;
        }
    }
}
