package dev.mp.runtime.objects;

/**
 * An object of a builtin type that classes may derive from (tuple, list, dict). An instance of a subclass is
 * the builtin's own Java object, carrying its class and a dictionary for its attributes, so every operation
 * that accepts the builtin type accepts it too; the operations call the subclass's special methods first
 * (see {@code Types.override}).
 */
public abstract class PSubclassable extends PObject {
    private final PClass cls;
    private PDict attributes;

    protected PSubclassable(PClass cls) {
        this.cls = cls;
    }

    @Override
    public final PClass getPythonClass() {
        return cls;
    }

    /** Whether this is an instance of a subclass rather than of the builtin type itself. */
    public final boolean isSubclassInstance() {
        return !cls.isCore();
    }

    /** The {@code __dict__} of an instance of a subclass (made on first use); null for the builtin type's own instances. */
    public final PDict attributes() {
        if (attributes == null && isSubclassInstance()) {
            attributes = new PDict();
        }
        return attributes;
    }
}
