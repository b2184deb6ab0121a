package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.method;
import static dev.mp.runtime.builtins.BuiltinBuilder.moduleFunction;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.builtins.BuiltinBuilder;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PObject;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Sequences;

/**
 * The {@code zlib} module over the JDK's zlib ({@link Deflater}, {@link Inflater}): compress, decompress, the
 * streaming objects, crc32 and adler32, with CPython's wbits conventions (9..15 zlib, -9..-15 raw deflate, 25..31
 * gzip, 40..47 automatic zlib or gzip on decompression) and messages. The gzip wrapper is written here, as zlib
 * writes it (no name, mtime 0, the OS byte of Unix).
 */
final class ZlibModule {
    private ZlibModule() {
    }

    static final PClass ERROR = PClass.create("error", "error", "zlib", new PClass[] {BuiltinClasses.exception("Exception")});
    static final PClass COMPRESS = new PClass("Compress", "zlib", new PClass[] {BuiltinClasses.OBJECT}, true, PClass.Layout.BUILTIN);
    static final PClass DECOMPRESS = new PClass("Decompress", "zlib", new PClass[] {BuiltinClasses.OBJECT}, true, PClass.Layout.BUILTIN);

    private static final int Z_FINISH = 4;
    private static final int Z_NO_FLUSH = 0;
    private static final int Z_SYNC_FLUSH = 2;
    private static final int Z_FULL_FLUSH = 3;

    /** The framing a wbits value selects. */
    private enum Wrapper {
        ZLIB, RAW, GZIP, AUTO
    }

    /** The framing of wbits, or null when zlib refuses it (each caller raises CPython's error for that). */
    private static Wrapper wrapper(long wbits, boolean decompressing) {
        if (wbits >= 9 && wbits <= 15 || wbits == 8 && !decompressing || decompressing && wbits == 0) {
            return Wrapper.ZLIB;
        }
        if (wbits >= -15 && wbits <= -9 || wbits == -8 && !decompressing) {
            return Wrapper.RAW;
        }
        if (wbits >= 25 && wbits <= 31 || wbits == 24 && !decompressing) {
            return Wrapper.GZIP;
        }
        if (decompressing && wbits >= 40 && wbits <= 47) {
            return Wrapper.AUTO;
        }
        return null;
    }

    private static Wrapper wrapperOr(long wbits, boolean decompressing, java.util.function.Supplier<RuntimeException> refusal) {
        Wrapper w = wrapper(wbits, decompressing);
        if (w == null) {
            throw refusal.get();
        }
        return w;
    }

    /** A compression stream: the deflater, and for gzip the header written first and the CRC and size for the trailer. */
    static final class PCompress extends PObject {
        final Deflater deflater;
        final boolean gzip;
        final int level;
        boolean headerWritten;
        final CRC32 crc = new CRC32();
        long size;
        boolean finished;

        PCompress(int level, int strategy, Wrapper wrapper) {
            this.deflater = new Deflater(level, wrapper != Wrapper.ZLIB);
            this.deflater.setStrategy(strategy == 1 ? Deflater.FILTERED : strategy == 2 ? Deflater.HUFFMAN_ONLY : Deflater.DEFAULT_STRATEGY);
            this.gzip = wrapper == Wrapper.GZIP;
            this.level = level;
        }

        @Override
        public PClass getPythonClass() {
            return COMPRESS;
        }

        @TruffleBoundary
        byte[] compress(byte[] data) {
            if (finished) {
                throw Errors.raise(ERROR, "Error -2 while compressing data: inconsistent stream state");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            header(out);
            crc.update(data);
            size += data.length;
            deflater.setInput(data);
            drain(out, Deflater.NO_FLUSH);
            return out.toByteArray();
        }

        @TruffleBoundary
        byte[] flush(int mode) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (mode == Z_NO_FLUSH || finished) {
                return out.toByteArray();
            }
            header(out);
            if (mode == Z_FINISH) {
                deflater.finish();
                finishing = true;
                drain(out, Deflater.NO_FLUSH);
                if (gzip) {
                    writeInt(out, (int) crc.getValue());
                    writeInt(out, (int) size);
                }
                finished = true;
                deflater.end();
            } else {
                drain(out, mode == Z_FULL_FLUSH ? Deflater.FULL_FLUSH : Deflater.SYNC_FLUSH);
            }
            return out.toByteArray();
        }

        private void header(ByteArrayOutputStream out) {
            if (gzip && !headerWritten) {
                headerWritten = true;
                int extraFlags = level == 9 ? 2 : level == 1 ? 4 : 0;
                out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, (byte) extraFlags, 3});
            }
        }

        /** Collects the deflater's output: all it can give for the input so far, or with a flush or finish, all of it. */
        private void drain(ByteArrayOutputStream out, int flush) {
            byte[] buffer = new byte[16384];
            if (deflater.finished()) {
                return;
            }
            int n;
            if (flush != Deflater.NO_FLUSH) {
                do {
                    n = deflater.deflate(buffer, 0, buffer.length, flush);
                    out.write(buffer, 0, n);
                } while (n == buffer.length);
                return;
            }
            while (!deflater.finished()) {
                n = deflater.deflate(buffer, 0, buffer.length, Deflater.NO_FLUSH);
                out.write(buffer, 0, n);
                if (n == 0 && deflater.needsInput() && !finishing) {
                    return;
                }
            }
        }

        /** Set once finish() is called, so that draining runs to the end of the stream. */
        boolean finishing;
    }

    /** A decompression stream; for gzip, the header is read off first and the trailer checked at the end. */
    static final class PDecompress extends PObject {
        Inflater inflater;
        Wrapper wrapper;
        /** Bytes of a gzip header received but not yet complete. */
        byte[] pendingHeader = new byte[0];
        boolean headerDone;
        final CRC32 crc = new CRC32();
        byte[] unusedData = new byte[0];
        byte[] unconsumedTail = new byte[0];
        boolean eof;

        PDecompress(Wrapper wrapper) {
            this.wrapper = wrapper;
            this.headerDone = wrapper == Wrapper.ZLIB || wrapper == Wrapper.RAW;
            this.inflater = new Inflater(wrapper != Wrapper.ZLIB);
        }

        @Override
        public PClass getPythonClass() {
            return DECOMPRESS;
        }

        @TruffleBoundary
        byte[] decompress(byte[] data, long maxLength) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (eof) {
                unusedData = concat(unusedData, data);
                return out.toByteArray();
            }
            byte[] input = data;
            if (!headerDone) {
                input = concat(pendingHeader, data);
                if (wrapper == Wrapper.AUTO) {
                    if (input.length < 2) {
                        pendingHeader = input;
                        return out.toByteArray();
                    }
                    boolean isGzip = (input[0] & 0xff) == 0x1f && (input[1] & 0xff) == 0x8b;
                    wrapper = isGzip ? Wrapper.GZIP : Wrapper.ZLIB;
                    inflater = new Inflater(isGzip);
                    if (!isGzip) {
                        headerDone = true;
                    }
                }
                if (!headerDone) {
                    int end = gzipHeaderEnd(input);
                    if (end < 0) {
                        pendingHeader = input;
                        return out.toByteArray();
                    }
                    headerDone = true;
                    input = java.util.Arrays.copyOfRange(input, end, input.length);
                }
            }
            inflater.setInput(input);
            byte[] buffer = new byte[16384];
            try {
                while (!inflater.finished()) {
                    int room = maxLength > 0 ? (int) Math.min(buffer.length, maxLength - out.size()) : buffer.length;
                    if (room <= 0) {
                        break;
                    }
                    int n = inflater.inflate(buffer, 0, room);
                    if (n == 0) {
                        if (inflater.needsInput() || inflater.needsDictionary()) {
                            break;
                        }
                    }
                    out.write(buffer, 0, n);
                }
            } catch (DataFormatException e) {
                throw Errors.raise(ERROR, "Error -3 while decompressing data: " + e.getMessage());
            }
            byte[] result = out.toByteArray();
            crc.update(result);
            int remaining = inflater.getRemaining();
            byte[] rest = java.util.Arrays.copyOfRange(input, input.length - remaining, input.length);
            if (inflater.finished()) {
                if (wrapper == Wrapper.GZIP) {
                    if (rest.length < 8) {
                        pendingHeader = rest;
                        // The trailer is incomplete: it is checked when the rest arrives.
                        unconsumedTail = new byte[0];
                        eof = false;
                        trailerPending = true;
                        return result;
                    }
                    checkTrailer(rest);
                    rest = java.util.Arrays.copyOfRange(rest, 8, rest.length);
                }
                eof = true;
                unusedData = rest;
                unconsumedTail = new byte[0];
            } else {
                unconsumedTail = rest;
            }
            return result;
        }

        boolean trailerPending;

        private void checkTrailer(byte[] trailer) {
            long storedCrc = readInt(trailer, 0) & 0xffffffffL;
            long storedSize = readInt(trailer, 4) & 0xffffffffL;
            if (storedCrc != crc.getValue()) {
                throw Errors.raise(ERROR, "Error -3 while decompressing data: incorrect data check");
            }
            if (storedSize != (inflater.getBytesWritten() & 0xffffffffL)) {
                throw Errors.raise(ERROR, "Error -3 while decompressing data: incorrect length check");
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Where a complete gzip header ends in {@code data}, or -1 while it is incomplete; zlib.error if it is no gzip header. */
    private static int gzipHeaderEnd(byte[] data) {
        if (data.length < 10) {
            return -1;
        }
        if ((data[0] & 0xff) != 0x1f || (data[1] & 0xff) != 0x8b) {
            throw Errors.raise(ERROR, "Error -3 while decompressing data: incorrect header check");
        }
        if (data[2] != 8) {
            throw Errors.raise(ERROR, "Error -3 while decompressing data: unknown compression method");
        }
        int flags = data[3] & 0xff;
        int pos = 10;
        if ((flags & 4) != 0) {
            if (data.length < pos + 2) {
                return -1;
            }
            pos += 2 + ((data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8);
        }
        for (int bit : new int[] {8, 16}) {
            if ((flags & bit) != 0) {
                while (pos < data.length && data[pos] != 0) {
                    pos++;
                }
                if (pos >= data.length) {
                    return -1;
                }
                pos++;
            }
        }
        if ((flags & 2) != 0) {
            pos += 2;
        }
        return pos <= data.length ? pos : -1;
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    private static int level(Object level) {
        long l = Conversions.asLong(level);
        if (l < -1 || l > 9) {
            throw Errors.raise(ERROR, "Bad compression level");
        }
        return (int) l;
    }

    @TruffleBoundary
    static byte[] decompressAll(byte[] data, long wbits) {
        PDecompress d = new PDecompress(wrapperOr(wbits, true,
                () -> Errors.raise(ERROR, "Error -2 while preparing to decompress data: inconsistent stream state")));
        byte[] out = d.decompress(data, 0);
        if (!d.eof) {
            throw Errors.raise(ERROR, "Error -5 while decompressing data: incomplete or truncated stream");
        }
        return out;
    }

    static void populate(PModule m) {
        var d = m.dict();
        d.put("error", ERROR);
        d.put("MAX_WBITS", 15L);
        d.put("DEFLATED", 8L);
        d.put("DEF_MEM_LEVEL", 8L);
        d.put("DEF_BUF_SIZE", 16384L);
        d.put("Z_NO_COMPRESSION", 0L);
        d.put("Z_BEST_SPEED", 1L);
        d.put("Z_BEST_COMPRESSION", 9L);
        d.put("Z_DEFAULT_COMPRESSION", -1L);
        d.put("Z_FILTERED", 1L);
        d.put("Z_HUFFMAN_ONLY", 2L);
        d.put("Z_RLE", 3L);
        d.put("Z_FIXED", 4L);
        d.put("Z_DEFAULT_STRATEGY", 0L);
        d.put("Z_NO_FLUSH", 0L);
        d.put("Z_PARTIAL_FLUSH", 1L);
        d.put("Z_SYNC_FLUSH", 2L);
        d.put("Z_FULL_FLUSH", 3L);
        d.put("Z_FINISH", 4L);
        d.put("Z_BLOCK", 5L);
        d.put("Z_TREES", 6L);
        d.put("ZLIB_VERSION", "1.2.13");
        d.put("ZLIB_RUNTIME_VERSION", "1.2.13");
        moduleFunction(m, "crc32", "data, value=0, /", a -> {
            byte[] data = Sequences.bytesOf(a[0]);
            long start = Conversions.asBig(Conversions.index(a[1])).longValue() & 0xffffffffL;
            return combineCrc(start, data);
        });
        moduleFunction(m, "adler32", "data, value=1, /", a -> {
            long start = Conversions.asBig(Conversions.index(a[1])).longValue() & 0xffffffffL;
            return adler(start, Sequences.bytesOf(a[0]));
        });
        moduleFunction(m, "compress", "data, /, level=-1, wbits=15", a -> {
            PCompress c = new PCompress(level(a[1]), 0, wrapperOr(Conversions.asLong(a[2]), false, () -> Errors.raise(ERROR, "Bad compression level")));
            byte[] head = c.compress(Sequences.bytesOf(a[0]));
            return new PBytes(concat(head, c.flush(Z_FINISH)));
        });
        moduleFunction(m, "decompress", "data, /, wbits=15, bufsize=16384", a -> new PBytes(decompressAll(Sequences.bytesOf(a[0]), Conversions.asLong(a[1]))));
        moduleFunction(m, "compressobj", "level=-1, method=8, wbits=15, memLevel=8, strategy=0, zdict=None", a -> {
            if (Conversions.asLong(a[1]) != 8) {
                throw Errors.valueError("Invalid initialization option");
            }
            PCompress c = new PCompress(level(a[0]), (int) Conversions.asLong(a[4]),
                    wrapperOr(Conversions.asLong(a[2]), false, () -> Errors.valueError("Invalid initialization option")));
            if (a[5] != PNone.NONE) {
                c.deflater.setDictionary(Sequences.bytesOf(a[5]));
            }
            return c;
        });
        moduleFunction(m, "decompressobj", "wbits=15, zdict=?",
                a -> new PDecompress(wrapperOr(Conversions.asLong(a[0]), true, () -> Errors.valueError("Invalid initialization option"))));
        method(COMPRESS, "compress", "self, data, /", a -> new PBytes(((PCompress) a[0]).compress(Sequences.bytesOf(a[1]))));
        method(COMPRESS, "flush", "self, mode=4, /", a -> new PBytes(((PCompress) a[0]).flush((int) Conversions.asLong(a[1]))));
        method(DECOMPRESS, "decompress", "self, data, /, max_length=0", a -> {
            long max = Conversions.asLong(a[2]);
            if (max < 0) {
                throw Errors.valueError("max_length must be non-negative");
            }
            PDecompress dec = (PDecompress) a[0];
            if (dec.trailerPending) {
                byte[] trailer = concat(dec.pendingHeader, Sequences.bytesOf(a[1]));
                if (trailer.length < 8) {
                    dec.pendingHeader = trailer;
                    return new PBytes(new byte[0]);
                }
                dec.trailerPending = false;
                dec.checkTrailer(trailer);
                dec.eof = true;
                dec.unusedData = java.util.Arrays.copyOfRange(trailer, 8, trailer.length);
                return new PBytes(new byte[0]);
            }
            return new PBytes(dec.decompress(Sequences.bytesOf(a[1]), max));
        });
        method(DECOMPRESS, "flush", "self, length=16384, /", a -> {
            PDecompress dec = (PDecompress) a[0];
            byte[] tail = dec.unconsumedTail;
            dec.unconsumedTail = new byte[0];
            return new PBytes(tail.length == 0 || dec.eof ? new byte[0] : dec.decompress(tail, 0));
        });
        BuiltinBuilder.attribute(DECOMPRESS, "unused_data", o -> new PBytes(((PDecompress) o).unusedData));
        BuiltinBuilder.attribute(DECOMPRESS, "unconsumed_tail", o -> new PBytes(((PDecompress) o).unconsumedTail));
        BuiltinBuilder.attribute(DECOMPRESS, "eof", o -> ((PDecompress) o).eof);
    }

    /** The CRC-32 of data continuing from {@code start} (zlib's crc32(start, data)). */
    @TruffleBoundary
    private static long combineCrc(long start, byte[] data) {
        // java.util.zip.CRC32 cannot start from a given value: run the table algorithm from it.
        long crc = ~start & 0xffffffffL;
        for (byte b : data) {
            crc ^= b & 0xff;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xedb88320L : crc >>> 1;
            }
        }
        return ~crc & 0xffffffffL;
    }

    @TruffleBoundary
    private static long adler(long start, byte[] data) {
        long a = start & 0xffff;
        long b = (start >>> 16) & 0xffff;
        for (byte x : data) {
            a = (a + (x & 0xff)) % 65521;
            b = (b + a) % 65521;
        }
        return (b << 16) | a;
    }
}
