package dev.mp.runtime.objects;

import java.util.Arrays;

import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidArrayIndexException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import dev.mp.runtime.ops.Comparisons;
import dev.mp.runtime.ops.Conversions;

/**
 * A Python tuple. Its Java equality and hash follow Python's, so tuples work as dict keys. To interop it is
 * a read-only array.
 */
@ExportLibrary(InteropLibrary.class)
public final class PTuple extends PSubclassable {
    public static final PTuple EMPTY = new PTuple(new Object[0]);

    private final Object[] items;

    public PTuple(Object[] items) {
        super(BuiltinClasses.TUPLE);
        this.items = items;
    }

    /** An instance of {@code cls}, tuple or a subclass of it, holding {@code items}. */
    public PTuple(PClass cls, Object[] items) {
        super(cls);
        this.items = items;
    }

    public static PTuple of(Object... items) {
        return new PTuple(items);
    }

    /** The elements; callers must not modify the array. */
    public Object[] items() {
        return items;
    }

    public int size() {
        return items.length;
    }

    public Object get(int i) {
        return items[i];
    }

    @Override
    public boolean equals(Object obj) {
        if (this == obj) {
            return true;
        }
        if (!(obj instanceof PTuple other) || other.items.length != items.length) {
            return false;
        }
        for (int i = 0; i < items.length; i++) {
            if (!Comparisons.eq(items[i], other.items[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(Conversions.hash(this));
    }

    @Override
    public String toString() {
        return Arrays.toString(items);
    }

    @ExportMessage
    boolean hasArrayElements() {
        return true;
    }

    @ExportMessage
    long getArraySize() {
        return items.length;
    }

    @ExportMessage
    boolean isArrayElementReadable(long index) {
        return index >= 0 && index < items.length;
    }

    @ExportMessage
    Object readArrayElement(long index) throws InvalidArrayIndexException {
        if (!isArrayElementReadable(index)) {
            throw InvalidArrayIndexException.create(index);
        }
        return HostValues.toInterop(items[(int) index]);
    }
}
