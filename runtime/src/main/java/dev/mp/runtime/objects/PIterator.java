package dev.mp.runtime.objects;

/** An iterator implemented in Java. {@link #next()} returns null when exhausted (Python's StopIteration). */
public abstract class PIterator extends PSubclassable {
    protected PIterator(PClass cls) {
        super(cls);
    }

    /** The next item, or null at the end. */
    public abstract Object next();
}
