package dev.mp.runtime.objects;

/** An instance of ImportError or a subclass, with the {@code name} and {@code path} of the module concerned. */
public final class PImportError extends PBaseException {
    private Object name = PNone.NONE;
    private Object path = PNone.NONE;

    public PImportError(PClass cls, PTuple args) {
        super(cls, args);
    }

    public Object name() {
        return name;
    }

    public Object path() {
        return path;
    }

    /** Sets {@code name} and {@code path}, as ImportError's keyword arguments do. */
    public void setNameAndPath(Object name, Object path) {
        this.name = name;
        this.path = path;
    }
}
