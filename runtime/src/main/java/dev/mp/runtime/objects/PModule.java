package dev.mp.runtime.objects;

/** A module: a name and a namespace. Module-level code reads and writes {@link #dict()} as its globals. */
public final class PModule extends PObject {
    private final String name;
    private final PDict dict = new PDict();

    public PModule(String name) {
        this.name = name;
        dict.put("__name__", name);
        dict.put("__doc__", PNone.NONE);
    }

    public String name() {
        return name;
    }

    public PDict dict() {
        return dict;
    }

    @Override
    public PClass getPythonClass() {
        return BuiltinClasses.MODULE;
    }
}
