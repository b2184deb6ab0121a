package dev.mp.runtime.objects;

import java.util.Arrays;

/** An immutable Python bytes object, or an instance of a subclass of bytes. */
public final class PBytes extends PSubclassable implements BufferExporter {
    public static final PBytes EMPTY = new PBytes(new byte[0]);

    private final byte[] bytes;

    public PBytes(byte[] bytes) {
        this(BuiltinClasses.BYTES, bytes);
    }

    /** An instance of {@code cls}, bytes or a subclass of it, holding {@code bytes}. */
    public PBytes(PClass cls, byte[] bytes) {
        super(cls);
        this.bytes = bytes;
    }

    /** The contents; callers must not modify the array. */
    public byte[] bytes() {
        return bytes;
    }

    @Override
    public java.lang.foreign.MemorySegment exportedMemory() {
        return java.lang.foreign.MemorySegment.ofArray(bytes);
    }

    @Override
    public boolean exportsReadonly() {
        return true;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof PBytes other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
