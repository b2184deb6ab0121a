package dev.mp.runtime.objects;

/** A bound method: a function and the object it is bound to, passed as the first argument. */
public final class PMethod extends PObject {
    public final Object self;
    public final Object function;

    public PMethod(Object self, Object function) {
        this.self = self;
        this.function = function;
    }

    /** Bound methods are equal when bound to the same object (identity, as CPython 3.8+) with equal functions. */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof PMethod m && m.self == self && m.function.equals(function);
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(self) * 31 + function.hashCode();
    }

    @Override
    public PClass getPythonClass() {
        return function instanceof PBuiltinFunction ? BuiltinClasses.BUILTIN_FUNCTION : BuiltinClasses.METHOD;
    }
}
