package dev.mp.runtime.ops;

import dev.mp.runtime.objects.PClass;

/** The Python type that stands for Java values reached through host access. */
final class HostTypes {
    private HostTypes() {
    }

    static final PClass HOST_OBJECT = new PClass("JavaObject", "builtins",
            new PClass[] {dev.mp.runtime.objects.BuiltinClasses.OBJECT}, true, PClass.Layout.BUILTIN);

    static PClass typeOf(Object o) {
        return HOST_OBJECT;
    }
}
