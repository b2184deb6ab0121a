package dev.mp.runtime.objects;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidArrayIndexException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/** A Python list; to interop, a modifiable array that grows by writing at its end. */
@ExportLibrary(InteropLibrary.class)
public final class PList extends PSubclassable {
    private final ArrayList<Object> items;

    public PList() {
        super(BuiltinClasses.LIST);
        this.items = new ArrayList<>();
    }

    /** An empty instance of {@code cls}, list or a subclass of it. */
    public PList(PClass cls) {
        super(cls);
        this.items = new ArrayList<>();
    }

    public PList(Collection<?> items) {
        super(BuiltinClasses.LIST);
        this.items = new ArrayList<>(items);
    }

    public PList(Object[] items) {
        super(BuiltinClasses.LIST);
        this.items = new ArrayList<>(items.length);
        for (Object o : items) {
            this.items.add(o);
        }
    }

    public List<Object> items() {
        return items;
    }

    public int size() {
        return items.size();
    }

    public Object get(int i) {
        return items.get(i);
    }

    public void add(Object o) {
        items.add(o);
    }

    public Object[] toArray() {
        return items.toArray();
    }


    @ExportMessage
    boolean hasArrayElements() {
        return true;
    }

    @ExportMessage
    long getArraySize() {
        return items.size();
    }

    @ExportMessage(name = "isArrayElementReadable")
    @ExportMessage(name = "isArrayElementModifiable")
    @ExportMessage(name = "isArrayElementRemovable")
    boolean isIndexInRange(long index) {
        return index >= 0 && index < items.size();
    }

    @ExportMessage
    boolean isArrayElementInsertable(long index) {
        return index == items.size();
    }

    @ExportMessage
    @TruffleBoundary
    Object readArrayElement(long index) throws InvalidArrayIndexException {
        if (!isIndexInRange(index)) {
            throw InvalidArrayIndexException.create(index);
        }
        return HostValues.toInterop(items.get((int) index));
    }

    @ExportMessage
    @TruffleBoundary
    void writeArrayElement(long index, Object value) throws InvalidArrayIndexException {
        if (index == items.size()) {
            items.add(HostValues.toMp(value));
        } else if (isIndexInRange(index)) {
            items.set((int) index, HostValues.toMp(value));
        } else {
            throw InvalidArrayIndexException.create(index);
        }
    }

    @ExportMessage
    @TruffleBoundary
    void removeArrayElement(long index) throws InvalidArrayIndexException {
        if (!isIndexInRange(index)) {
            throw InvalidArrayIndexException.create(index);
        }
        items.remove((int) index);
    }
}
