package dev.mp.runtime.objects;

import java.util.Arrays;

/** An immutable Python bytes object. */
public final class PBytes extends PObject {
    public static final PBytes EMPTY = new PBytes(new byte[0]);

    private final byte[] bytes;

    public PBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The contents; callers must not modify the array. */
    public byte[] bytes() {
        return bytes;
    }

    @Override
    public PClass getPythonClass() {
        return BuiltinClasses.BYTES;
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
