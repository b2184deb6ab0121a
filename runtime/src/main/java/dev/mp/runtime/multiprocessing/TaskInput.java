package dev.mp.runtime.multiprocessing;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The standard input of one Process's context in a child JVM that runs one Process after another: exactly the
 * bytes of one task ({@link SpawnBootstrap#writeTask}: two frames, each preceded by its length) read from the
 * JVM's own standard input, then end of file. So the context reads its own task and no more, and a Process that
 * reads {@code sys.stdin} sees it end (as with spawn, whose parent closes the pipe after the task) instead of
 * swallowing the next task.
 *
 * <p>The first read reports the child ready for the task through its {@link ChildStatus}: the context has been
 * prepared by then (see {@code SpawnBootstrap.awaitTask}).
 */
final class TaskInput extends InputStream {
    private final DataInputStream source;
    private final ChildStatus status;
    private final int task;
    /** The task once read; null before. */
    private InputStream buffered;

    TaskInput(InputStream source, ChildStatus status, int task) {
        this.source = new DataInputStream(source);
        this.status = status;
        this.task = task;
    }

    @Override
    public int read() throws IOException {
        return content().read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return content().read(b, off, len);
    }

    @Override
    public int available() throws IOException {
        return buffered == null ? 0 : buffered.available();
    }

    /** The task's bytes (empty when the parent closed the pipe before sending one); read on first use. */
    private InputStream content() throws IOException {
        if (buffered == null) {
            status.ready(task);
            buffered = new ByteArrayInputStream(readTask());
        }
        return buffered;
    }

    private byte[] readTask() throws IOException {
        java.io.ByteArrayOutputStream task = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(task);
        for (int frame = 0; frame < 2; frame++) {
            int first = source.read();
            if (first < 0) {
                // No task (the parent is gone or closed the pool); a half-sent one reads as truncated.
                return task.toByteArray();
            }
            int n = first << 24 | source.readUnsignedByte() << 16 | source.readUnsignedShort();
            if (n < 0) {
                break;
            }
            out.writeInt(n);
            byte[] bytes = source.readNBytes(n);
            out.write(bytes);
            if (bytes.length < n) {
                break;
            }
        }
        out.flush();
        return task.toByteArray();
    }
}
