package dev.mp.jsr223;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The UTF-8 byte stream a polyglot context writes, decoded onto the writer of the current script context. A
 * character split across writes is completed by the next write.
 */
final class WriterOutputStream extends OutputStream {
    private final MpBindings.WriterSource target;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    /** Bytes of an incomplete character, kept for the next write. */
    private final ByteBuffer pending = ByteBuffer.allocate(4);
    private final CharBuffer chars = CharBuffer.allocate(1024);

    WriterOutputStream(MpBindings.WriterSource target) {
        this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        ByteBuffer input = ByteBuffer.wrap(bytes, offset, length);
        while (pending.position() > 0 && input.hasRemaining()) {
            pending.put(input.get());
            pending.flip();
            decode(pending);
            pending.compact();
        }
        decode(input);
        pending.put(input);
    }

    /** Decodes what is complete in {@code input}, leaving an incomplete trailing character there. */
    private void decode(ByteBuffer input) throws IOException {
        while (true) {
            CoderResult result = decoder.decode(input, chars, false);
            chars.flip();
            if (chars.hasRemaining()) {
                target.writer().append(chars);
            }
            chars.clear();
            if (!result.isOverflow()) {
                return;
            }
        }
    }

    @Override
    public void flush() throws IOException {
        target.writer().flush();
    }
}
