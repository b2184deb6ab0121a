package dev.mp.runtime.objects;

/** A bound method: a function and the object it is bound to, passed as the first argument. */
public final class PMethod extends PObject {
    public final Object self;
    public final Object function;

    public PMethod(Object self, Object function) {
        this.self = self;
        this.function = function;
    }

    @Override
    public PClass getPythonClass() {
        return function instanceof PBuiltinFunction ? BuiltinClasses.BUILTIN_FUNCTION : BuiltinClasses.METHOD;
    }
}
