package dev.mp.jsr223;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The reader of the current script context as the UTF-8 byte stream a polyglot context reads. Characters
 * are read in chunks as the context asks for bytes; a surrogate pair is never split.
 */
final class ReaderInputStream extends InputStream {
    private final MpBindings.ReaderSource source;
    private byte[] buffer = new byte[0];
    private int position;

    ReaderInputStream(MpBindings.ReaderSource source) {
        this.source = source;
    }

    /** Refills the buffer; false at the end of the reader. */
    private boolean fill() throws IOException {
        char[] chars = new char[1024];
        int n = source.reader().read(chars, 0, chars.length - 1);
        if (n < 0) {
            return false;
        }
        if (n > 0 && Character.isHighSurrogate(chars[n - 1])) {
            int low = source.reader().read();
            if (low >= 0) {
                chars[n++] = (char) low;
            }
        }
        buffer = new String(chars, 0, n).getBytes(StandardCharsets.UTF_8);
        position = 0;
        return true;
    }

    @Override
    public synchronized int read() throws IOException {
        while (position >= buffer.length) {
            if (!fill()) {
                return -1;
            }
        }
        return buffer[position++] & 0xff;
    }

    @Override
    public synchronized int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position >= buffer.length) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(length, buffer.length - position);
        System.arraycopy(buffer, position, bytes, offset, n);
        position += n;
        return n;
    }
}
