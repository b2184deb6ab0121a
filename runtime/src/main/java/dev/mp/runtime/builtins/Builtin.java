package dev.mp.runtime.builtins;

import dev.mp.runtime.objects.PBuiltinFunction;

/**
 * One builtin function of the {@code builtins} module. Subclasses give the name, the parameters in
 * {@link ParamSpec} form, and the implementation, which receives the bound arguments in parameter order.
 */
public abstract class Builtin {
    private final String name;
    private final String params;

    protected Builtin(String name, String params) {
        this.name = name;
        this.params = params;
    }

    public final String name() {
        return name;
    }

    public abstract Object call(Object[] args);

    public final PBuiltinFunction toFunction() {
        return BuiltinBuilder.function(name, params, this::call);
    }
}
