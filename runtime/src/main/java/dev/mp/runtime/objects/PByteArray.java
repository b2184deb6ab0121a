package dev.mp.runtime.objects;

import java.util.Arrays;

/** A mutable Python bytearray. */
public final class PByteArray extends PObject implements BufferExporter {
    private byte[] bytes;
    private int length;

    public PByteArray(byte[] bytes) {
        this.bytes = bytes;
        this.length = bytes.length;
    }

    /** A copy of the contents. */
    public byte[] toBytes() {
        return Arrays.copyOf(bytes, length);
    }

    public int length() {
        return length;
    }

    public byte get(int i) {
        return bytes[i];
    }

    public void set(int i, byte b) {
        bytes[i] = b;
    }

    public void setContents(byte[] contents) {
        this.bytes = contents;
        this.length = contents.length;
    }

    public void append(byte[] more) {
        if (length + more.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more.length));
        }
        System.arraycopy(more, 0, bytes, length, more.length);
        length += more.length;
    }

    /** The current contents, in place: views write through it (until the bytearray grows into a new array). */
    @Override
    public java.lang.foreign.MemorySegment exportedMemory() {
        return java.lang.foreign.MemorySegment.ofArray(bytes).asSlice(0, length);
    }

    @Override
    public boolean exportsReadonly() {
        return false;
    }

    @Override
    public PClass getPythonClass() {
        return BuiltinClasses.BYTEARRAY;
    }
}
