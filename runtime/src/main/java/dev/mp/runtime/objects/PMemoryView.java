package dev.mp.runtime.objects;

import java.lang.foreign.MemorySegment;

import dev.mp.runtime.ops.Errors;

/**
 * A memoryview: a one-dimensional window on an exporter's memory. Item {@code i} is the {@code itemSize} bytes at
 * {@code offset + i * stride} of the exported memory, read and written in the struct format {@code format}.
 * Slices are views of the same memory (a new offset, stride and length); {@code release()} ends all access.
 */
public final class PMemoryView extends PObject {
    /** What {@code mv.obj} answers: the object the memory was exported by. */
    public final Object obj;
    public final BufferExporter exporter;
    public final long offset;
    public final int length;
    public final long stride;
    public final String format;
    public final int itemSize;
    public final boolean readonly;
    private boolean released;

    public PMemoryView(Object obj, BufferExporter exporter, long offset, int length, long stride, String format, int itemSize, boolean readonly) {
        this.obj = obj;
        this.exporter = exporter;
        this.offset = offset;
        this.length = length;
        this.stride = stride;
        this.format = format;
        this.itemSize = itemSize;
        this.readonly = readonly;
    }

    @Override
    public PClass getPythonClass() {
        return BuiltinClasses.MEMORYVIEW;
    }

    public boolean isReleased() {
        return released;
    }

    public void release() {
        released = true;
    }

    /** Whether the items lie next to each other in order (CPython's C-contiguous). */
    public boolean isContiguous() {
        return stride == itemSize || length <= 1;
    }

    /**
     * The exported memory, checked: ValueError once released, and an error rather than a wrong byte when the
     * exporter shrank under the view (CPython forbids that resize; mp, which cannot tell when a view is dropped, allows it).
     */
    public MemorySegment memory() {
        if (released) {
            throw Errors.valueError("operation forbidden on released memoryview object");
        }
        MemorySegment memory = exporter.exportedMemory();
        if (length > 0) {
            long first = offset;
            long last = offset + (length - 1) * stride;
            if (Math.min(first, last) < 0 || Math.max(first, last) + itemSize > memory.byteSize()) {
                throw Errors.make("BufferError", "memoryview: underlying buffer was resized");
            }
        }
        return memory;
    }

    /** The contents as bytes, in item order. */
    public byte[] toBytes() {
        MemorySegment memory = memory();
        byte[] out = new byte[length * itemSize];
        if (isContiguous()) {
            MemorySegment.copy(memory, java.lang.foreign.ValueLayout.JAVA_BYTE, offset, out, 0, out.length);
            return out;
        }
        for (int i = 0; i < length; i++) {
            MemorySegment.copy(memory, java.lang.foreign.ValueLayout.JAVA_BYTE, offset + i * stride, out, i * itemSize, itemSize);
        }
        return out;
    }
}
