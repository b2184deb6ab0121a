package dev.mp.runtime.objects;

/** {@code staticmethod(f)}: found on a class or instance, it gives {@code f} unbound. */
public final class PStaticMethod extends PObject {
    public final Object function;

    public PStaticMethod(Object function) {
        this.function = function;
    }

    @Override
    public PClass getPythonClass() {
        return BuiltinClasses.STATICMETHOD;
    }
}
