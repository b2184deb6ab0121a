package dev.mp.runtime.objects;

/**
 * An object of a builtin type that classes may derive from (tuple, list, dict, and library types implemented in
 * Java such as {@code _random.Random}). An instance of a subclass is
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

    /**
     * Whether the class is not a core type: an instance of a subclass (or of a library type implemented in
     * Java), which has an attribute dict and whose special methods the operations look up.
     */
    public final boolean isSubclassInstance() {
        return !cls.isCore();
    }

    /**
     * The {@code __dict__} of an instance of a non-core class (made on first use); null for a core type's own
     * instances. Overridden by a type whose attributes are not one dict (thread-local data).
     */
    public PDict attributes() {
        if (attributes == null && isSubclassInstance()) {
            attributes = new PDict();
        }
        return attributes;
    }
}
