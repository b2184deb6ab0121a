package dev.mp.runtime.builtins;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.StringRepr;

/**
 * str.encode and bytes.decode. UTF-8, ASCII and Latin-1 are coded here, with CPython's error handlers
 * (strict, ignore, replace, backslashreplace, and xmlcharrefreplace for encoding) and its error messages and
 * positions; other encodings go through Java's charsets.
 */
public final class Codecs {
    private Codecs() {
    }

    private enum Codec { UTF_8, ASCII, LATIN_1 }

    /** The codec for an encoding name, normalized as CPython's codec lookup does; null for one Java must code. */
    /**
     * {@code s} coded by the JDK in one go when every character is encodable (no surrogate for UTF-8, whose JDK
     * coder would replace a lone one), else null: the code-point loop below costs a hundred times more per
     * character, which a megabyte string made visible.
     */
    private static byte[] encodeWhole(String s, Codec codec) {
        char limit = switch (codec) {
            case UTF_8 -> Character.MIN_SURROGATE;
            case ASCII -> 0x80;
            case LATIN_1 -> 0x100;
        };
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= limit && (codec != Codec.UTF_8 || c <= Character.MAX_SURROGATE)) {
                return null;
            }
        }
        return s.getBytes(switch (codec) {
            case UTF_8 -> StandardCharsets.UTF_8;
            case ASCII -> StandardCharsets.US_ASCII;
            case LATIN_1 -> StandardCharsets.ISO_8859_1;
        });
    }

    private static Codec codec(String encoding) {
        String name = encoding.toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return switch (name) {
            case "utf_8", "utf8", "u8", "utf", "cp65001" -> Codec.UTF_8;
            case "ascii", "us_ascii", "646" -> Codec.ASCII;
            case "latin_1", "latin1", "latin", "l1", "iso_8859_1", "iso8859_1", "8859", "cp819" -> Codec.LATIN_1;
            default -> null;
        };
    }

    /** The name CPython's messages give the codec. */
    private static String codecName(Codec c) {
        return switch (c) {
            case UTF_8 -> "utf-8";
            case ASCII -> "ascii";
            case LATIN_1 -> "latin-1";
        };
    }

    private static Charset javaCharset(String encoding) {
        // Python's names where Java's differ; Python's utf-16 and utf-32 are little-endian with a BOM on this platform.
        String java = switch (encoding.toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "utf-16", "utf16", "u16" -> "x-UTF-16LE-BOM";
            case "utf-16-le", "utf-16le" -> "UTF-16LE";
            case "utf-16-be", "utf-16be" -> "UTF-16BE";
            case "utf-32", "utf32", "u32" -> "X-UTF-32LE-BOM";
            case "utf-32-le", "utf-32le" -> "UTF-32LE";
            case "utf-32-be", "utf-32be" -> "UTF-32BE";
            default -> encoding;
        };
        try {
            return Charset.forName(java);
        } catch (RuntimeException e) {
            throw Errors.make("LookupError", "unknown encoding: %s", encoding);
        }
    }

    private static void checkHandler(String errors, boolean encoding) {
        switch (errors) {
            case "strict", "ignore", "replace", "backslashreplace", "surrogateescape" -> {
            }
            case "xmlcharrefreplace" -> {
                if (!encoding) {
                    throw Errors.typeError("don't know how to handle UnicodeDecodeError in error callback");
                }
            }
            default -> throw Errors.make("LookupError", "unknown error handler name '%s'", errors);
        }
    }

    // =====================================================================================================
    // Encoding
    // =====================================================================================================

    /** {@code s.encode(encoding, errors)}. */
    public static byte[] encode(String s, String encoding, String errors) {
        Codec codec = codec(encoding);
        if (codec == null) {
            return javaEncode(s, javaCharset(encoding), errors);
        }
        byte[] whole = encodeWhole(s, codec);
        if (whole != null) {
            return whole;
        }
        int[] cps = dev.mp.runtime.ops.Sequences.codePoints(s);
        ByteArrayOutputStream out = new ByteArrayOutputStream(cps.length);
        int i = 0;
        while (i < cps.length) {
            if (encodable(codec, cps[i])) {
                writeCodePoint(out, codec, cps[i]);
                i++;
                continue;
            }
            int end = i + 1;
            while (end < cps.length && !encodable(codec, cps[end])) {
                end++;
            }
            checkHandler(errors, true);
            switch (errors) {
                case "strict" -> throw encodeError(codec, cps, i, end);
                case "ignore" -> {
                }
                case "replace" -> {
                    for (int k = i; k < end; k++) {
                        out.write('?');
                    }
                }
                case "backslashreplace" -> {
                    for (int k = i; k < end; k++) {
                        out.writeBytes(backslashed(cps[k]).getBytes(StandardCharsets.US_ASCII));
                    }
                }
                case "xmlcharrefreplace" -> {
                    for (int k = i; k < end; k++) {
                        out.writeBytes(("&#" + cps[k] + ";").getBytes(StandardCharsets.US_ASCII));
                    }
                }
                default -> {
                    // surrogateescape: the lone surrogates U+DC80..U+DCFF stand for the bytes 0x80..0xFF.
                    for (int k = i; k < end; k++) {
                        if (cps[k] < 0xDC80 || cps[k] > 0xDCFF) {
                            throw encodeError(codec, cps, k, k + 1);
                        }
                        out.write(cps[k] - 0xDC00);
                    }
                }
            }
            i = end;
        }
        return out.toByteArray();
    }

    private static boolean encodable(Codec codec, int cp) {
        return switch (codec) {
            case UTF_8 -> cp < 0xD800 || cp > 0xDFFF;
            case ASCII -> cp < 128;
            case LATIN_1 -> cp < 256;
        };
    }

    private static void writeCodePoint(ByteArrayOutputStream out, Codec codec, int cp) {
        if (codec != Codec.UTF_8 || cp < 0x80) {
            out.write(cp);
        } else {
            out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String backslashed(int cp) {
        if (cp < 0x100) {
            return String.format("\\x%02x", cp);
        }
        return cp < 0x10000 ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp);
    }

    private static RuntimeException encodeError(Codec codec, int[] cps, int start, int end) {
        String reason = codec == Codec.UTF_8 ? "surrogates not allowed" : codec == Codec.ASCII ? "ordinal not in range(128)" : "ordinal not in range(256)";
        if (end - start == 1) {
            String ch = StringRepr.repr(new String(Character.toChars(cps[start])));
            return Errors.make("UnicodeEncodeError", "'%s' codec can't encode character %s in position %d: %s", codecName(codec),
                    AsciiRepr.ascii(ch), start, reason);
        }
        return Errors.make("UnicodeEncodeError", "'%s' codec can't encode characters in position %d-%d: %s", codecName(codec), start, end - 1,
                reason);
    }

    private static byte[] javaEncode(String s, Charset charset, String errors) {
        checkHandler(errors, true);
        var encoder = charset.newEncoder();
        CodingErrorAction action = errors.equals("strict") ? CodingErrorAction.REPORT
                : errors.equals("ignore") ? CodingErrorAction.IGNORE : CodingErrorAction.REPLACE;
        encoder.onMalformedInput(action).onUnmappableCharacter(action);
        try {
            ByteBuffer b = encoder.encode(CharBuffer.wrap(s));
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw Errors.make("UnicodeEncodeError", "'%s' codec can't encode the string", charset.name().toLowerCase(Locale.ROOT));
        }
    }

    // =====================================================================================================
    // Decoding
    // =====================================================================================================

    /** {@code bytes.decode(encoding, errors)}. */
    public static String decode(byte[] b, String encoding, String errors) {
        Codec codec = codec(encoding);
        if (codec == null) {
            return javaDecode(b, javaCharset(encoding), errors);
        }
        StringBuilder out = new StringBuilder(b.length);
        int i = 0;
        while (i < b.length) {
            int x = b[i] & 0xff;
            if (x < 0x80 || codec == Codec.LATIN_1) {
                out.append((char) x);
                i++;
                continue;
            }
            int end;
            String reason;
            if (codec == Codec.ASCII) {
                end = i + 1;
                reason = "ordinal not in range(128)";
            } else {
                int[] result = utf8Sequence(b, i, out);
                if (result == null) {
                    i += sequenceLength(x);
                    continue;
                }
                end = result[0];
                reason = result[1] == 0 ? "invalid start byte" : result[1] == 1 ? "invalid continuation byte" : "unexpected end of data";
            }
            checkHandler(errors, false);
            switch (errors) {
                case "strict" -> throw decodeError(codec, b, i, end, reason);
                case "ignore" -> {
                }
                case "replace" -> out.append('\uFFFD');
                case "backslashreplace" -> {
                    for (int k = i; k < end; k++) {
                        out.append(String.format("\\x%02x", b[k] & 0xff));
                    }
                }
                default -> {
                    for (int k = i; k < end; k++) {
                        out.append((char) (0xDC00 + (b[k] & 0xff)));
                    }
                }
            }
            i = end;
        }
        return out.toString();
    }

    /**
     * How many leading bytes of {@code b} an incremental decoder decodes now: all but a character cut short at
     * the end, whose bytes wait for the rest. An invalid sequence counts as complete, for decode to report it.
     */
    public static int completeLength(byte[] b, String encoding) {
        Codec codec = codec(encoding);
        if (codec == Codec.UTF_8) {
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
        if (codec != null) {
            return b.length;
        }
        var decoder = javaCharset(encoding).newDecoder();
        ByteBuffer in = ByteBuffer.wrap(b);
        CharBuffer out = CharBuffer.allocate(b.length + 1);
        return decoder.decode(in, out, false).isError() ? b.length : in.position();
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

    private static RuntimeException decodeError(Codec codec, byte[] b, int start, int end, String reason) {
        if (end - start == 1) {
            return Errors.make("UnicodeDecodeError", "'%s' codec can't decode byte 0x%02x in position %d: %s", codecName(codec), b[start] & 0xff,
                    start, reason);
        }
        return Errors.make("UnicodeDecodeError", "'%s' codec can't decode bytes in position %d-%d: %s", codecName(codec), start, end - 1, reason);
    }

    private static String javaDecode(byte[] b, Charset charset, String errors) {
        checkHandler(errors, false);
        var decoder = charset.newDecoder();
        CodingErrorAction action = errors.equals("strict") ? CodingErrorAction.REPORT
                : errors.equals("ignore") ? CodingErrorAction.IGNORE : CodingErrorAction.REPLACE;
        decoder.onMalformedInput(action).onUnmappableCharacter(action);
        try {
            return decoder.decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw Errors.make("UnicodeDecodeError", "'%s' codec can't decode the bytes", charset.name().toLowerCase(Locale.ROOT));
        }
    }
}
