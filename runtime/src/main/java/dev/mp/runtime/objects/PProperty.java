package dev.mp.runtime.objects;

/** {@code property(fget, fset, fdel, doc)}: a data descriptor. Absent accessors are {@link PNone#NONE}. */
public final class PProperty extends PObject {
    public final Object fget;
    public final Object fset;
    public final Object fdel;
    public final Object doc;

    public PProperty(Object fget, Object fset, Object fdel, Object doc) {
        this.fget = fget;
        this.fset = fset;
        this.fdel = fdel;
        this.doc = doc;
    }

    @Override
    public PClass getPythonClass() {
        return BuiltinClasses.PROPERTY;
    }
}
