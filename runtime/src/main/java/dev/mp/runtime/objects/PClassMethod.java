package dev.mp.runtime.objects;

/** {@code classmethod(f)}: found on a class or instance, it gives {@code f} bound to the class. */
public final class PClassMethod extends PObject {
    public final Object function;

    public PClassMethod(Object function) {
        this.function = function;
    }

    @Override
    public PClass getPythonClass() {
        return BuiltinClasses.CLASSMETHOD;
    }
}
