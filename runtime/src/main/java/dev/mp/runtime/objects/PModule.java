package dev.mp.runtime.objects;

/** A module: a name and a namespace. Module-level code reads and writes {@link #dict()} as its globals. */
public final class PModule extends PObject {
    private final String name;
    private final PDict dict;

    public PModule(String name) {
        this.name = name;
        this.dict = new PDict();
        dict.put("__name__", name);
        dict.put("__doc__", PNone.NONE);
    }

    /** A module whose namespace is the given dict, as {@code exec} and {@code eval} run code with a globals dict. */
    public PModule(String name, PDict dict) {
        this.name = name;
        this.dict = dict;
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
