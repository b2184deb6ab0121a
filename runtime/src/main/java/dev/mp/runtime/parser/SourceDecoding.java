package dev.mp.runtime.parser;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.source.Source;

import dev.mp.runtime.MpException;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Exceptions;

/**
 * Source files as PEP 263 and PEP 3120 read them: UTF-8 unless a coding line ({@code # -*- coding: latin-1 -*-})
 * in the first two lines names another encoding, a UTF-8 byte order mark skipped, undecodable bytes a
 * SyntaxError worded as CPython's, and universal newlines (CR and CRLF read as LF).
 */
public final class SourceDecoding {
    private SourceDecoding() {
    }

    private static final Pattern CODING = Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)");
    private static final Pattern BLANK_OR_COMMENT = Pattern.compile("^[ \\t\\f]*(?:[#\\r\\n].*)?$");

    /** The encoding a coding line in the first two lines of {@code bytes} names, or null when there is none. */
    @TruffleBoundary
    public static String declaredEncoding(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\n", 3);
        for (int i = 0; i < Math.min(2, lines.length); i++) {
            Matcher m = CODING.matcher(lines[i]);
            if (m.find()) {
                return m.group(1);
            }
            if (!BLANK_OR_COMMENT.matcher(lines[i]).matches()) {
                return null;
            }
        }
        return null;
    }

    /** The Java charset of a Python codec name, or null for one mp does not know. */
    @TruffleBoundary
    public static Charset charset(String encoding) {
        String n = encoding.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        switch (n) {
            case "utf-8", "utf8", "utf-8-sig":
                return StandardCharsets.UTF_8;
            case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1", "8859", "cp819":
                return StandardCharsets.ISO_8859_1;
            case "ascii", "us-ascii":
                return StandardCharsets.US_ASCII;
            default:
                break;
        }
        try {
            return Charset.forName(n);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Decodes the bytes of the source file {@code file}; raises SyntaxError for an unknown declared encoding or
     * bytes the encoding cannot decode, with CPython's words.
     */
    @TruffleBoundary
    public static String decode(byte[] bytes, String file) {
        int start = 0;
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf;
        if (bom) {
            start = 3;
        }
        String declared = declaredEncoding(bytes);
        Charset charset = StandardCharsets.UTF_8;
        if (declared != null) {
            charset = charset(declared);
            if (charset == null) {
                throw syntaxError("encoding problem: " + declared);
            }
            if (bom && charset != StandardCharsets.UTF_8) {
                throw syntaxError("encoding problem: " + declared + " with BOM");
            }
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            if (declared != null) {
                throw syntaxError("(unicode error) '" + declared + "' codec can't decode the source");
            }
            int bad = firstInvalidUtf8(bytes, start);
            int line = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw syntaxError(String.format("Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no encoding declared; "
                    + "see https://peps.python.org/pep-0263/ for details", bytes[bad] & 0xff, file, line));
        }
    }

    /** The index of the first byte that does not start or continue a valid UTF-8 sequence. */
    private static int firstInvalidUtf8(byte[] bytes, int start) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        for (int i = start; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            int len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
            if (len == 0 || i + len > bytes.length) {
                return i;
            }
            try {
                decoder.decode(ByteBuffer.wrap(bytes, i, len));
            } catch (CharacterCodingException e) {
                return i;
            }
            i += len - 1;
        }
        return start;
    }

    /** {@code text} with a leading byte order mark removed and CR and CRLF line ends made LF. */
    @TruffleBoundary
    public static String normalize(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (t.indexOf('\r') >= 0) {
            t = t.replace("\r\n", "\n").replace('\r', '\n');
        }
        return t;
    }

    /** {@code source} itself, or a copy with {@link #normalize}d characters when that changes them. */
    @TruffleBoundary
    public static Source normalize(Source source) {
        if (!source.hasCharacters()) {
            return source;
        }
        String text = source.getCharacters().toString();
        String normalized = normalize(text);
        return normalized.equals(text) ? source : Source.newBuilder(source).content(normalized).build();
    }

    /** A SyntaxError with a message only, as CPython raises for a source file it cannot decode. */
    private static MpException syntaxError(String message) {
        return Exceptions.create(BuiltinClasses.exception("SyntaxError"), PTuple.of(message)).javaException();
    }
}
