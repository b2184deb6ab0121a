package dev.mp.runtime.objects;

/** The singleton {@code None}. */
public final class PNone extends PObject {
    public static final PNone NONE = new PNone();

    private PNone() {
    }

    @Override
    public PClass getPythonClass() {
        return BuiltinClasses.NONE_TYPE;
    }

    @Override
    public String toString() {
        return "None";
    }
}
