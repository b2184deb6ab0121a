package dev.mp.runtime.ops;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.StopIterationException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import dev.mp.runtime.objects.HostValues;

/**
 * A Python iterator as an interop iterator. Interop asks whether there is a next element before taking it
 * while Python only learns it by trying, so the next element is fetched ahead and kept until taken.
 */
@ExportLibrary(InteropLibrary.class)
public final class InteropIterator implements TruffleObject {
    private final Object iterator;
    /** The element fetched ahead; null when none is held. */
    private Object next;
    private boolean exhausted;

    public InteropIterator(Object iterator) {
        this.iterator = iterator;
    }

    @ExportMessage
    boolean isIterator() {
        return true;
    }

    @ExportMessage
    @TruffleBoundary
    boolean hasIteratorNextElement() {
        if (next == null && !exhausted) {
            next = Iteration.next(iterator);
            exhausted = next == null;
        }
        return next != null;
    }

    @ExportMessage
    @TruffleBoundary
    Object getIteratorNextElement() throws StopIterationException {
        if (!hasIteratorNextElement()) {
            throw StopIterationException.create();
        }
        Object element = next;
        next = null;
        return HostValues.toInterop(element);
    }
}
