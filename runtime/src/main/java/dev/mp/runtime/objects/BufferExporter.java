package dev.mp.runtime.objects;

import java.lang.foreign.MemorySegment;

/**
 * An object whose memory a {@code memoryview} can expose (CPython's buffer protocol): bytes, bytearray, a shared
 * memory block's {@code buf}. A view asks for the memory at each access, so an exporter whose storage moves (a
 * bytearray that grew) is seen as it is now. Another type (array.array) exports by implementing this interface
 * with its typecode as the format: {@code memoryview(x)} then works on it, and {@code bytes(view)}, slicing
 * and {@code cast} come with it.
 */
public interface BufferExporter {
    /** The exported memory as it is now: a heap segment over a Java array, or native memory. */
    MemorySegment exportedMemory();

    /** Whether views may not write to it (bytes). */
    boolean exportsReadonly();

    /** The struct format of its items, a native single-character code ("B" for bytes). */
    default String exportedFormat() {
        return "B";
    }
}
