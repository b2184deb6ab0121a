package dev.mp.runtime.ops;

import java.math.BigInteger;

/**
 * The size limits of mp's containers, checked before anything is allocated. A Java array or string holds at most
 * {@link #MAX_LENGTH} elements, so a size CPython could still try to allocate is a MemoryError here, raised at once
 * instead of after the heap is exhausted; a size past CPython's {@code Py_ssize_t} is CPython's OverflowError.
 */
public final class Sizes {
    private Sizes() {
    }

    /** The most elements a Java array (and so a list, tuple, str or bytes of mp) can hold. */
    public static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    /** {@code n} as an array length: MemoryError past {@link #MAX_LENGTH}; a negative {@code n} is 0. */
    public static int length(long n) {
        if (n > MAX_LENGTH) {
            throw Errors.memoryError();
        }
        return (int) Math.max(0, n);
    }

    /**
     * A Python int as a size or index ({@code Py_ssize_t}), for arguments CPython converts with
     * {@code PyNumber_AsSsize_t(o, OverflowError)}: OverflowError "cannot fit 'int' into an index-sized integer".
     */
    public static long indexSized(Object o) {
        Object index = Conversions.index(o);
        if (index instanceof BigInteger) {
            throw Errors.overflowError("cannot fit 'int' into an index-sized integer");
        }
        return (Long) index;
    }

    /**
     * The length of {@code count} copies of a sequence of {@code unit} elements. Past {@code Py_ssize_t} it is
     * OverflowError {@code overflowMessage} (str and bytes) or MemoryError (null: list, tuple, bytearray); past
     * {@link #MAX_LENGTH}, MemoryError.
     */
    public static int repeated(long unit, long count, String overflowMessage) {
        if (unit == 0 || count <= 0) {
            return 0;
        }
        if (unit > Long.MAX_VALUE / count) {
            throw overflowMessage == null ? Errors.memoryError() : Errors.overflowError(overflowMessage);
        }
        return length(unit * count);
    }

    /** A padded length ({@code center}, {@code ljust}, {@code zfill}...): MemoryError past {@link #MAX_LENGTH}. */
    public static int width(long width) {
        return length(width);
    }
}
