package dev.mp.runtime.builtins;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.function.Supplier;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Exceptions;
import dev.mp.runtime.ops.Sequences;
import dev.mp.runtime.ops.Types;

/**
 * The codecs' error handlers, as CPython's codec error registry: the built-in ones by name, and those
 * codecs.register_error registered, called with the UnicodeEncodeError or UnicodeDecodeError and resuming where
 * they say. A handler is looked up only when an error occurs, as in CPython.
 */
public final class CodecErrors {
    private CodecErrors() {
    }

    /** What a handler returned: the replacement (a String, or bytes from an encoding handler) and where to resume. */
    record Resolution(Object replacement, int resume) {
    }

    /** The handlers every codec knows, in the order codecs' documentation lists them. */
    static final String[] BUILT_IN = {"strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace",
        "surrogateescape", "surrogatepass"};

    static PBaseException encodeException(String encoding, String text, int start, int end, String reason) {
        return Exceptions.create(BuiltinClasses.exception("UnicodeEncodeError"), PTuple.of(encoding, text, (long) start, (long) end, reason));
    }

    static PBaseException decodeException(String encoding, byte[] input, int start, int end, String reason) {
        return Exceptions.create(BuiltinClasses.exception("UnicodeDecodeError"),
                PTuple.of(encoding, new PBytes(input), (long) start, (long) end, reason));
    }

    // =====================================================================================================
    // Encoding errors
    // =====================================================================================================

    /**
     * The handler {@code errors} applied to the code points [start, end) of {@code cps} that {@code encoding}
     * cannot encode; {@code exception} makes the UnicodeEncodeError a handler raises or is called with.
     */
    static Resolution onEncodeError(String errors, String encoding, int[] cps, int start, int end, Supplier<PBaseException> exception) {
        switch (errors) {
            case "strict" -> throw exception.get().javaException();
            case "ignore" -> {
                return new Resolution("", end);
            }
            case "replace" -> {
                return new Resolution("?".repeat(end - start), end);
            }
            case "backslashreplace", "xmlcharrefreplace", "namereplace" -> {
                return new Resolution(encodeReplacement(errors, cps, start, end), end);
            }
            case "surrogateescape" -> {
                // the lone surrogates U+DC80..U+DCFF stand for the bytes 0x80..0xFF they were decoded from
                byte[] out = new byte[end - start];
                for (int k = start; k < end; k++) {
                    if (cps[k] < 0xDC80 || cps[k] > 0xDCFF) {
                        throw exception.get().javaException();
                    }
                    out[k - start] = (byte) (cps[k] - 0xDC00);
                }
                return new Resolution(out, end);
            }
            case "surrogatepass" -> {
                Utf utf = Utf.of(encoding);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (int k = start; k < end; k++) {
                    if (utf == null || cps[k] < Character.MIN_SURROGATE || cps[k] > Character.MAX_SURROGATE) {
                        throw exception.get().javaException();
                    }
                    utf.write(out, cps[k]);
                }
                return new Resolution(out.toByteArray(), end);
            }
            default -> {
                return callRegistered(errors, exception.get(), true, cps.length);
            }
        }
    }

    /** What backslashreplace, xmlcharrefreplace or namereplace put for the code points [start, end). */
    static String encodeReplacement(String handler, int[] cps, int start, int end) {
        StringBuilder sb = new StringBuilder();
        for (int k = start; k < end; k++) {
            int cp = cps[k];
            switch (handler) {
                case "xmlcharrefreplace" -> sb.append("&#").append(cp).append(';');
                case "namereplace" -> {
                    String name = characterName(cp);
                    sb.append(name == null ? backslashed(cp) : "\\N{" + name + "}");
                }
                default -> sb.append(backslashed(cp));
            }
        }
        return sb.toString();
    }

    static String backslashed(int cp) {
        if (cp < 0x100) {
            return String.format("\\x%02x", cp);
        }
        return cp < 0x10000 ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp);
    }

    // =====================================================================================================
    // Decoding errors
    // =====================================================================================================

    /** The handler {@code errors} applied to the bytes [start, end) of {@code input} that {@code encoding} cannot decode. */
    static Resolution onDecodeError(String errors, String encoding, byte[] input, int start, int end, Supplier<PBaseException> exception) {
        switch (errors) {
            case "strict" -> throw exception.get().javaException();
            case "ignore" -> {
                return new Resolution("", end);
            }
            case "replace" -> {
                return new Resolution("\uFFFD", end);
            }
            case "backslashreplace" -> {
                StringBuilder sb = new StringBuilder();
                for (int k = start; k < end; k++) {
                    sb.append(String.format("\\x%02x", input[k] & 0xff));
                }
                return new Resolution(sb.toString(), end);
            }
            case "surrogateescape" -> {
                // at most 4 bytes at a time, as CPython; an ASCII byte is never escaped
                StringBuilder sb = new StringBuilder();
                int k = start;
                while (k < end && k - start < 4 && (input[k] & 0xff) >= 0x80) {
                    sb.append((char) (0xDC00 + (input[k] & 0xff)));
                    k++;
                }
                if (k == start) {
                    throw exception.get().javaException();
                }
                return new Resolution(sb.toString(), k);
            }
            case "surrogatepass" -> {
                Utf utf = Utf.of(encoding);
                int cp = utf == null ? -1 : utf.readSurrogate(input, start);
                if (cp < 0) {
                    throw exception.get().javaException();
                }
                return new Resolution(String.valueOf((char) cp), start + utf.width());
            }
            case "xmlcharrefreplace", "namereplace" -> throw Errors.typeError("don't know how to handle UnicodeDecodeError in error callback");
            default -> {
                return callRegistered(errors, exception.get(), false, input.length);
            }
        }
    }

    // =====================================================================================================
    // Registered handlers
    // =====================================================================================================

    private static Resolution callRegistered(String errors, PBaseException exception, boolean encoding, int length) {
        Object handler = MpContext.current().codecErrorHandlers().get(errors);
        if (handler == null) {
            throw Errors.make("LookupError", "unknown error handler name '%s'", errors);
        }
        Object result = Calls.call(handler, exception);
        String message = encoding ? "encoding error handler must return (str/bytes, int) tuple" : "decoding error handler must return (str, int) tuple";
        if (!(result instanceof PTuple t) || t.size() != 2) {
            throw Errors.typeError(message);
        }
        // checked in the order of CPython's argument formats: "(O!n)" for decoding, "(On)" then the type for encoding
        Object replacement = Types.baseValue(t.get(0));
        if (!encoding && !(replacement instanceof String)) {
            throw Errors.typeError(message);
        }
        long resume = Conversions.asLong(t.get(1));
        if (encoding && replacement instanceof PBytes bytes) {
            replacement = bytes.bytes();
        } else if (!(replacement instanceof String)) {
            throw Errors.typeError(message);
        }
        if (resume < 0) {
            resume += length;
        }
        if (resume < 0 || resume > length) {
            throw Errors.indexError("position %d from error handler out of bounds", resume);
        }
        return new Resolution(replacement, (int) resume);
    }

    /** codecs.register_error. */
    static void register(String name, Object handler) {
        if (!Calls.isCallable(handler)) {
            throw Errors.typeError("handler must be callable");
        }
        MpContext.current().codecErrorHandlers().put(name, handler);
    }

    /**
     * A built-in handler called as a function, as codecs.lookup_error('replace') returns it: the replacement tuple
     * for a UnicodeEncodeError, UnicodeDecodeError or (for the handlers that take one) UnicodeTranslateError.
     */
    static Object callBuiltIn(String name, Object exc) {
        if (!(exc instanceof PBaseException e)) {
            throw Errors.typeError("codec must pass exception instance");
        }
        if (name.equals("strict")) {
            throw e.javaException();
        }
        String kind = Exceptions.matches(e, "UnicodeEncodeError") ? "encode" : Exceptions.matches(e, "UnicodeDecodeError") ? "decode"
                : Exceptions.matches(e, "UnicodeTranslateError") ? "translate" : null;
        if (kind == null || kind.equals("translate") && !(name.equals("ignore") || name.equals("replace") || name.equals("backslashreplace"))) {
            throw Errors.typeError("don't know how to handle %s in error callback", e.getPythonClass().name());
        }
        int start = (int) Conversions.asLong(attribute(e, "start"));
        int end = (int) Conversions.asLong(attribute(e, "end"));
        Resolution r;
        if (kind.equals("decode")) {
            byte[] input = Sequences.bytesOf(attribute(e, "object"));
            int from = clamp(start, input.length);
            r = onDecodeError(name, Conversions.str(attribute(e, "encoding")), input, from, Math.max(clamp(end, input.length), from), () -> e);
        } else {
            int[] cps = Sequences.codePoints((String) Types.baseValue(attribute(e, "object")));
            start = clamp(start, cps.length);
            end = Math.max(clamp(end, cps.length), start);
            if (kind.equals("translate")) {
                r = name.equals("replace") ? new Resolution("\uFFFD".repeat(end - start), end) : onEncodeError(name, "", cps, start, end, () -> e);
            } else {
                r = onEncodeError(name, Conversions.str(attribute(e, "encoding")), cps, start, end, () -> e);
            }
        }
        Object replacement = r.replacement() instanceof byte[] b ? new PBytes(b) : r.replacement();
        return PTuple.of(replacement, (long) r.resume());
    }

    private static int clamp(int position, int length) {
        return Math.max(0, Math.min(position, length));
    }

    /**
     * The module {@code _codecs_registry}, which codecs re-exports: register_error, lookup_error, the built-in
     * handlers as functions (strict_errors, ...), encode and decode (_codecs'), and lookup_name, a codec's own name
     * for codecs.lookup.
     */
    public static void populate(dev.mp.runtime.objects.PModule m) {
        java.util.Map<String, Object> builtIn = new java.util.HashMap<>();
        for (String name : BUILT_IN) {
            builtIn.put(name, BuiltinBuilder.moduleFunction(m, name + "_errors", "exc, /", a -> callBuiltIn(name, a[0])));
        }
        BuiltinBuilder.moduleFunction(m, "register_error", "name, handler, /", a -> {
            register(Errors.requireStr(a[0], "register_error() argument 1"), a[1]);
            return dev.mp.runtime.objects.PNone.NONE;
        });
        BuiltinBuilder.moduleFunction(m, "lookup_error", "name, /", a -> {
            String name = Errors.requireStr(a[0], "lookup_error() argument");
            Object handler = builtIn.containsKey(name) ? builtIn.get(name) : MpContext.current().codecErrorHandlers().get(name);
            if (handler == null) {
                throw Errors.make("LookupError", "unknown error handler name '%s'", name);
            }
            return handler;
        });
        BuiltinBuilder.moduleFunction(m, "encode", "obj, encoding='utf-8', errors='strict'", a -> new PBytes(Codecs.encodeObject(a[0],
                StrType.codecArgument(a[1], "encode() argument 'encoding'"), StrType.codecArgument(a[2], "encode() argument 'errors'"))));
        BuiltinBuilder.moduleFunction(m, "decode", "obj, encoding='utf-8', errors='strict'", a -> Codecs.decodeObject(a[0],
                StrType.codecArgument(a[1], "decode() argument 'encoding'"), StrType.codecArgument(a[2], "decode() argument 'errors'")));
        BuiltinBuilder.moduleFunction(m, "lookup_name", "encoding, /", a -> Codecs.canonicalName(Errors.requireStr(a[0], "lookup() argument")));
    }

    /** An attribute a Unicode error keeps (see Exceptions.initUnicodeError). */
    private static Object attribute(PBaseException e, String name) {
        Object v = e.dict().get(name);
        if (v == null) {
            throw Errors.attributeError("'%s' object has no attribute '%s'", e.getPythonClass().name(), name);
        }
        return v;
    }

    // =====================================================================================================
    // The UTF codecs surrogatepass knows
    // =====================================================================================================

    /** A UTF codec named as surrogatepass recognizes it (CPython's get_standard_encoding). */
    private record Utf(int width, boolean bigEndian) {
        static Utf of(String encoding) {
            String e = encoding.toLowerCase(Locale.ROOT);
            if (!e.startsWith("utf")) {
                return null;
            }
            e = e.substring(3);
            if (e.startsWith("-") || e.startsWith("_")) {
                e = e.substring(1);
            }
            if (e.equals("8")) {
                return new Utf(3, true);
            }
            if (!e.startsWith("16") && !e.startsWith("32")) {
                return null;
            }
            int width = e.startsWith("16") ? 2 : 4;
            String order = e.substring(2);
            return switch (order) {
                case "", "-le", "_le" -> new Utf(width, false);
                case "-be", "_be" -> new Utf(width, true);
                default -> null;
            };
        }

        void write(ByteArrayOutputStream out, int surrogate) {
            if (width == 3) {
                out.write(0xE0 | (surrogate >> 12));
                out.write(0x80 | ((surrogate >> 6) & 0x3F));
                out.write(0x80 | (surrogate & 0x3F));
                return;
            }
            for (int k = 0; k < width; k++) {
                int shift = bigEndian ? (width - 1 - k) * 8 : k * 8;
                out.write((surrogate >> shift) & 0xff);
            }
        }

        /** The surrogate encoded at {@code start}, or -1. */
        int readSurrogate(byte[] input, int start) {
            if (start + width > input.length) {
                return -1;
            }
            int cp;
            if (width == 3) {
                int b0 = input[start] & 0xff;
                int b1 = input[start + 1] & 0xff;
                int b2 = input[start + 2] & 0xff;
                if ((b0 & 0xF0) != 0xE0 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) {
                    return -1;
                }
                cp = ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
            } else {
                cp = 0;
                for (int k = 0; k < width; k++) {
                    int shift = bigEndian ? (width - 1 - k) * 8 : k * 8;
                    cp |= (input[start + k] & 0xff) << shift;
                }
            }
            return cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE ? cp : -1;
        }
    }

    // =====================================================================================================
    // Character names, for namereplace
    // =====================================================================================================

    private static final String[] HANGUL_LEADS = {"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"};
    private static final String[] HANGUL_VOWELS = {"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI",
        "YU", "EU", "YI", "I"};
    private static final String[] HANGUL_TAILS = {"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B",
        "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"};

    /**
     * The Unicode name of a code point as unicodedata.name gives it, or null for none (controls, surrogates,
     * private use, unassigned). The JDK's names, except where it makes one up from the block name: CPython names
     * Hangul syllables and ideographs by rule.
     */
    static String characterName(int cp) {
        int type = Character.getType(cp);
        if (type == Character.CONTROL || type == Character.SURROGATE || type == Character.PRIVATE_USE || type == Character.UNASSIGNED) {
            return null;
        }
        if (cp >= 0xAC00 && cp <= 0xD7A3) {
            int s = cp - 0xAC00;
            return "HANGUL SYLLABLE " + HANGUL_LEADS[s / (21 * 28)] + HANGUL_VOWELS[s % (21 * 28) / 28] + HANGUL_TAILS[s % 28];
        }
        String name = Character.getName(cp);
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        String hex = Integer.toHexString(cp).toUpperCase(Locale.ROOT);
        if (name == null || block == null || !name.equals(block.toString().replace('_', ' ') + " " + hex)) {
            return name;
        }
        String b = block.toString();
        if (b.startsWith("CJK_UNIFIED_IDEOGRAPHS")) {
            return "CJK UNIFIED IDEOGRAPH-" + hex;
        }
        if (b.startsWith("CJK_COMPATIBILITY_IDEOGRAPHS")) {
            return "CJK COMPATIBILITY IDEOGRAPH-" + hex;
        }
        if (b.startsWith("TANGUT")) {
            return "TANGUT IDEOGRAPH-" + hex;
        }
        if (b.startsWith("KHITAN")) {
            return "KHITAN SMALL SCRIPT CHARACTER-" + hex;
        }
        if (b.equals("NUSHU")) {
            return "NUSHU CHARACTER-" + hex;
        }
        return null;
    }
}
