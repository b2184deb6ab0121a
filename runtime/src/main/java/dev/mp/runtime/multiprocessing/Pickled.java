package dev.mp.runtime.multiprocessing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of a pickle as {@link Reduction} writes them: small parts buffered, and a large bytes payload kept by
 * reference to the (immutable) array it came from, so that a 200 MB item is neither copied into a growing buffer
 * nor once more into an array of the pickle's size when it goes to a file.
 */
public final class Pickled {
    /** Payloads from this size on are kept by reference. */
    static final int BY_REFERENCE = 1 << 20;

    private final List<byte[]> parts = new ArrayList<>();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream(64);
    private long size;

    void write(int b) {
        pending.write(b);
        size++;
    }

    /** Appends {@code b}, which must not change afterwards when it is large (it may be kept by reference). */
    void writeBytes(byte[] b) {
        if (b.length >= BY_REFERENCE) {
            flushPending();
            parts.add(b);
        } else {
            pending.writeBytes(b);
        }
        size += b.length;
    }

    private void flushPending() {
        if (pending.size() > 0) {
            parts.add(pending.toByteArray());
            pending.reset();
        }
    }

    /** The number of bytes. */
    public long size() {
        return size;
    }

    /** The bytes as one array. */
    public byte[] toByteArray() {
        if (parts.isEmpty()) {
            return pending.toByteArray();
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw dev.mp.runtime.ops.Errors.make("OverflowError", "cannot serialize a bytes object larger than 2 GiB");
        }
        byte[] all = new byte[(int) size];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        byte[] rest = pending.toByteArray();
        System.arraycopy(rest, 0, all, at, rest.length);
        return all;
    }

    /** Writes the bytes to {@code channel} without joining them first. */
    public void writeTo(GatheringByteChannel channel) throws IOException {
        flushPending();
        ByteBuffer[] buffers = parts.stream().map(ByteBuffer::wrap).toArray(ByteBuffer[]::new);
        long left = size;
        while (left > 0) {
            left -= channel.write(buffers);
        }
    }
}
