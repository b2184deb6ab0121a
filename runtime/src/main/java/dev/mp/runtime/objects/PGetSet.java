package dev.mp.runtime.objects;

import java.util.function.BiConsumer;
import java.util.function.Function;

/** A data descriptor implemented in Java, such as {@code BaseException.args} or {@code function.__name__}. */
public final class PGetSet extends PObject {
    public final String name;
    public final Function<Object, Object> getter;
    /** Null for a read-only attribute. */
    public final BiConsumer<Object, Object> setter;

    public PGetSet(String name, Function<Object, Object> getter, BiConsumer<Object, Object> setter) {
        this.name = name;
        this.getter = getter;
        this.setter = setter;
    }

    @Override
    public PClass getPythonClass() {
        return BuiltinClasses.PROPERTY;
    }
}
