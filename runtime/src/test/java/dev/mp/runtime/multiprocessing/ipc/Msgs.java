package dev.mp.runtime.multiprocessing.ipc;

import java.nio.ByteBuffer;

/** Self-checking test messages: [int tag][int seq][int len][bytes derived from tag, seq and index]. */
final class Msgs {
    private Msgs() {}

    static byte[] make(int tag, int seq, int len) {
        if (len < 12) len = 12;
        byte[] b = new byte[len];
        ByteBuffer.wrap(b).putInt(tag).putInt(seq).putInt(len);
        for (int i = 12; i < len; i++) b[i] = fill(tag, seq, i);
        return b;
    }

    private static byte fill(int tag, int seq, int i) {
        return (byte) (i * 31 + seq * 7 + tag);
    }

    /** Validates a message made by {@link #make}; returns its seq. */
    static int check(byte[] b) {
        if (b == null || b.length < 12) throw new AssertionError("bad message length " + (b == null ? -1 : b.length));
        ByteBuffer bb = ByteBuffer.wrap(b);
        int tag = bb.getInt(), seq = bb.getInt(), len = bb.getInt();
        if (len != b.length) throw new AssertionError("length mismatch " + len + " vs " + b.length);
        for (int i = 12; i < len; i++) {
            if (b[i] != fill(tag, seq, i)) throw new AssertionError("garbage at byte " + i + " of message " + seq);
        }
        return seq;
    }

    static int tag(byte[] b) {
        return ByteBuffer.wrap(b).getInt();
    }
}
