package dev.mp.runtime.objects;

/** {@code super(cls, obj)}: attribute lookup on obj's type, starting after cls in its MRO. */
public final class PSuper extends PObject {
    public final PClass startAfter;
    public final Object self;

    public PSuper(PClass startAfter, Object self) {
        this.startAfter = startAfter;
        this.self = self;
    }

    @Override
    public PClass getPythonClass() {
        return BuiltinClasses.SUPER;
    }
}
