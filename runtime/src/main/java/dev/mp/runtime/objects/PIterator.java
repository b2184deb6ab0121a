package dev.mp.runtime.objects;

/** An iterator implemented in Java. {@link #next()} returns null when exhausted (Python's StopIteration). */
public abstract class PIterator extends PSubclassable {
    protected PIterator(PClass cls) {
        super(cls);
    }

    /** The next item, or null at the end. */
    public abstract Object next();

    /**
     * How many items are left when the iterator knows it (as {@code __length_hint__}), else -1. A collection built
     * from the iterator checks it first, as CPython preallocates from it: a reversed() of a sequence whose
     * {@code __len__} is {@code 2**63 - 1} is a MemoryError at once, not a heap filled item by item.
     */
    public long lengthHint() {
        return -1;
    }
}
