package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.moduleFunction;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.MpException;
import dev.mp.runtime.builtins.BytesTypes;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PByteArray;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Sequences;
import dev.mp.runtime.ops.Types;

/**
 * The {@code binascii} module: hex, base64 and CRC conversions with CPython 3.11's results and messages
 * ({@code a2b_base64} follows CPython's lenient and strict decoders character by character).
 */
final class BinasciiModule {
    private BinasciiModule() {
    }

    static final PClass ERROR = PClass.create("Error", "Error", "binascii", new PClass[] {BuiltinClasses.exception("ValueError")});
    static final PClass INCOMPLETE = PClass.create("Incomplete", "Incomplete", "binascii", new PClass[] {BuiltinClasses.exception("Exception")});

    private static final int[] CRC32_TABLE = new int[256];

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
            }
            CRC32_TABLE[n] = c;
        }
    }

    static void populate(PModule m) {
        m.dict().put("Error", ERROR);
        m.dict().put("Incomplete", INCOMPLETE);
        for (String name : new String[] {"hexlify", "b2a_hex"}) {
            moduleFunction(m, name, "data, sep=?, bytes_per_sep=1",
                    a -> bytes(BytesTypes.hex(Sequences.bytesOf(a[0]), a[1], Conversions.asLong(a[2]))));
        }
        for (String name : new String[] {"unhexlify", "a2b_hex"}) {
            moduleFunction(m, name, "hexstr, /", a -> new PBytes(unhexlify(asciiData(a[0]))));
        }
        moduleFunction(m, "crc32", "data, crc=0, /", a -> crc32(Sequences.bytesOf(a[0]), (int) Conversions.asBig(Conversions.index(a[1])).longValue()));
        moduleFunction(m, "crc_hqx", "data, crc, /", a -> crcHqx(Sequences.bytesOf(a[0]), (int) Conversions.asBig(Conversions.index(a[1])).longValue()));
        moduleFunction(m, "b2a_base64", "data, /, *, newline=True", a -> b2aBase64(Sequences.bytesOf(a[0]), Conversions.isTrue(a[1])));
        moduleFunction(m, "a2b_base64", "data, /, *, strict_mode=False", a -> new PBytes(a2bBase64(asciiData(a[0]), Conversions.isTrue(a[1]))));
    }

    private static PBytes bytes(String ascii) {
        return new PBytes(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static MpException error(String message) {
        return Errors.raise(ERROR, message);
    }

    /** The argument of the a2b functions: a bytes-like object or a str of ASCII characters. */
    @TruffleBoundary
    static byte[] asciiData(Object data) {
        Object v = Types.baseValue(data);
        if (v instanceof String s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) > 127) {
                    throw Errors.valueError("string argument should contain only ASCII characters");
                }
            }
            return s.getBytes(StandardCharsets.ISO_8859_1);
        }
        if (v instanceof PBytes || v instanceof PByteArray || v instanceof dev.mp.runtime.objects.PMemoryView) {
            return Sequences.bytesOf(v);
        }
        throw Errors.typeError("argument should be bytes, buffer or ASCII string, not '%s'", Types.typeName(data));
    }

    @TruffleBoundary
    private static byte[] unhexlify(byte[] hex) {
        if (hex.length % 2 != 0) {
            throw error("Odd-length string");
        }
        byte[] out = new byte[hex.length / 2];
        for (int i = 0; i < out.length; i++) {
            int high = Character.digit(hex[2 * i], 16);
            int low = Character.digit(hex[2 * i + 1], 16);
            if (high < 0 || low < 0) {
                throw error("Non-hexadecimal digit found");
            }
            out[i] = (byte) (high << 4 | low);
        }
        return out;
    }

    private static long crc32(byte[] data, int start) {
        int c = ~start;
        for (byte b : data) {
            c = CRC32_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
        }
        return Integer.toUnsignedLong(~c);
    }

    /** CRC-CCITT (polynomial 0x1021, no reflection) from {@code start}, as binascii.crc_hqx. */
    private static long crcHqx(byte[] data, int start) {
        int crc = start & 0xffff;
        for (byte b : data) {
            crc ^= (b & 0xff) << 8;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            crc &= 0xffff;
        }
        return crc;
    }

    @TruffleBoundary
    private static PBytes b2aBase64(byte[] data, boolean newline) {
        byte[] encoded = Base64.getEncoder().encode(data);
        if (!newline) {
            return new PBytes(encoded);
        }
        byte[] out = java.util.Arrays.copyOf(encoded, encoded.length + 1);
        out[encoded.length] = '\n';
        return new PBytes(out);
    }

    private static int base64Value(int ch) {
        if (ch >= 'A' && ch <= 'Z') {
            return ch - 'A';
        }
        if (ch >= 'a' && ch <= 'z') {
            return ch - 'a' + 26;
        }
        if (ch >= '0' && ch <= '9') {
            return ch - '0' + 52;
        }
        return ch == '+' ? 62 : ch == '/' ? 63 : -1;
    }

    /**
     * Decodes base64 as CPython's a2b_base64: leniently, characters outside the alphabet are skipped and the
     * data ends at the padding that completes a quad; in strict mode they, leading or excess padding and data
     * after the padding are errors.
     */
    @TruffleBoundary
    static byte[] a2bBase64(byte[] ascii, boolean strict) {
        if (strict && ascii.length > 0 && ascii[0] == '=') {
            throw error("Leading padding not allowed");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(ascii.length / 4 * 3 + 3);
        int quadPos = 0;
        int leftChar = 0;
        int pads = 0;
        boolean paddingStarted = false;
        for (int i = 0; i < ascii.length; i++) {
            int ch = ascii[i] & 0xff;
            if (ch == '=') {
                paddingStarted = true;
                if (quadPos >= 2 && quadPos + ++pads >= 4) {
                    if (strict && i + 1 < ascii.length) {
                        throw error("Excess data after padding");
                    }
                    return out.toByteArray();
                }
                continue;
            }
            int value = base64Value(ch);
            if (value < 0) {
                if (strict) {
                    throw error("Only base64 data is allowed");
                }
                continue;
            }
            if (strict && paddingStarted) {
                throw error("Discontinuous padding not allowed");
            }
            pads = 0;
            switch (quadPos) {
                case 0 -> {
                    quadPos = 1;
                    leftChar = value;
                }
                case 1 -> {
                    quadPos = 2;
                    out.write((leftChar << 2) | (value >> 4));
                    leftChar = value & 0x0f;
                }
                case 2 -> {
                    quadPos = 3;
                    out.write((leftChar << 4) | (value >> 2));
                    leftChar = value & 0x03;
                }
                default -> {
                    quadPos = 0;
                    out.write((leftChar << 6) | value);
                    leftChar = 0;
                }
            }
        }
        if (quadPos == 1) {
            throw error(String.format("Invalid base64-encoded string: number of data characters (%d) cannot be 1 more than a multiple of 4",
                    out.size() / 3 * 4 + 1));
        }
        if (quadPos != 0) {
            throw error("Incorrect padding");
        }
        return out.toByteArray();
    }
}
