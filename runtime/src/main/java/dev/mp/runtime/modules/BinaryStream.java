package dev.mp.runtime.modules;

import dev.mp.runtime.objects.PByteArray;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.ops.Attributes;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Sequences;
import dev.mp.runtime.ops.Types;

/**
 * The binary stream under a {@link TextIOWrapper}: the operations text needs of its buffer. mp's own binary files
 * (open()'s, socket files) implement it directly; any other object (BytesIO, a GzipFile, a user's subclass of
 * {@code io.BufferedIOBase}) is reached through its Python methods by {@link #of}.
 */
public interface BinaryStream {
    /** Up to n bytes, with at most one read of the device when some are buffered; empty at the end. */
    byte[] read1(int n);

    /** The rest of the stream. */
    byte[] readAll();

    void write(byte[] data);

    void flush();

    long tell();

    long seek(long offset, int whence);

    boolean readable();

    boolean writable();

    boolean seekable();

    boolean closed();

    void close();

    /** The stream for a Python object: itself when mp implements it, else its Python methods. */
    static BinaryStream of(Object buffer) {
        return buffer instanceof BinaryStream stream ? stream : new PythonMethods(buffer);
    }

    /** A binary stream written in Python (or in mp): each operation calls the method CPython's TextIOWrapper calls. */
    final class PythonMethods implements BinaryStream {
        private final Object buffer;
        /** As CPython: chunks are read with read1 when the buffer has it, else with read. */
        private final String chunkReader;

        PythonMethods(Object buffer) {
            this.buffer = buffer;
            this.chunkReader = Attributes.lookup(buffer, "read1") != null ? "read1" : "read";
        }

        private static byte[] bytesResult(Object data, String method) {
            if (data == PNone.NONE) {
                return new byte[0];
            }
            if (data instanceof PBytes || data instanceof PByteArray || Types.typeName(data).equals("memoryview")) {
                return Sequences.bytesOf(data);
            }
            throw Errors.typeError("underlying %s() should have returned a bytes-like object, not '%s'", method, Types.typeName(data));
        }

        @Override
        public byte[] read1(int n) {
            return bytesResult(Calls.callMethod(buffer, chunkReader, (long) n), chunkReader);
        }

        @Override
        public byte[] readAll() {
            return bytesResult(Calls.callMethod(buffer, "read"), "read");
        }

        @Override
        public void write(byte[] data) {
            Calls.callMethod(buffer, "write", new PBytes(data));
        }

        @Override
        public void flush() {
            Calls.callMethod(buffer, "flush");
        }

        @Override
        public long tell() {
            return Conversions.asLong(Calls.callMethod(buffer, "tell"));
        }

        @Override
        public long seek(long offset, int whence) {
            return Conversions.asLong(Calls.callMethod(buffer, "seek", offset, (long) whence));
        }

        @Override
        public boolean readable() {
            return Conversions.isTrue(Calls.callMethod(buffer, "readable"));
        }

        @Override
        public boolean writable() {
            return Conversions.isTrue(Calls.callMethod(buffer, "writable"));
        }

        @Override
        public boolean seekable() {
            return Conversions.isTrue(Calls.callMethod(buffer, "seekable"));
        }

        @Override
        public boolean closed() {
            return Conversions.isTrue(Attributes.get(buffer, "closed"));
        }

        @Override
        public void close() {
            Calls.callMethod(buffer, "close");
        }
    }
}
