package dev.mp.runtime.objects;

/** {@code NotImplemented} and {@code Ellipsis}: named singletons whose repr is their name. */
public final class PSingleton extends PObject {
    public static final PSingleton NOT_IMPLEMENTED = new PSingleton("NotImplemented");
    public static final PSingleton ELLIPSIS = new PSingleton("Ellipsis");

    private final String name;

    private PSingleton(String name) {
        this.name = name;
    }

    @Override
    public PClass getPythonClass() {
        return this == ELLIPSIS ? BuiltinClasses.ELLIPSIS_TYPE : BuiltinClasses.NOT_IMPLEMENTED_TYPE;
    }

    @Override
    public String toString() {
        return name;
    }
}
