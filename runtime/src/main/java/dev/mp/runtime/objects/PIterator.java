package dev.mp.runtime.objects;

/** An iterator implemented in Java. {@link #next()} returns null when exhausted (Python's StopIteration). */
public abstract class PIterator extends PObject {
    private final PClass cls;

    protected PIterator(PClass cls) {
        this.cls = cls;
    }

    /** The next item, or null at the end. */
    public abstract Object next();

    @Override
    public PClass getPythonClass() {
        return cls;
    }
}
