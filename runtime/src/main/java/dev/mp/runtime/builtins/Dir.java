package dev.mp.runtime.builtins;

import java.util.TreeSet;

import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.ops.Attributes;
import dev.mp.runtime.ops.Types;

/** {@code dir(obj)}: the sorted attribute names of an object, its class and the classes' bases. */
public final class Dir {
    private Dir() {
    }

    /** {@code dir(obj)}: the sorted result of the type's {@code __dir__} when a class defines one, else the names found. */
    public static PList of(Object obj) {
        Object hook = Types.override(obj, "__dir__");
        if (hook != null && hook != dev.mp.runtime.objects.PNone.NONE) {
            PList names = new PList(dev.mp.runtime.ops.Iteration.toList(dev.mp.runtime.ops.Calls.callDescriptor(hook, obj)));
            dev.mp.runtime.ops.Calls.callMethod(names, "sort");
            return names;
        }
        return names(obj);
    }

    /** {@code object.__dir__(obj)}: the names of the instance's dict, its class and the classes' bases, sorted. */
    public static PList names(Object obj) {
        TreeSet<String> names = new TreeSet<>();
        if (obj instanceof PModule m) {
            addKeys(m.dict(), names);
        } else {
            PDict d = Attributes.instanceDict(obj);
            if (d != null) {
                addKeys(d, names);
            }
            PClass cls = obj instanceof PClass c ? c : Types.typeOf(obj);
            for (PClass c : cls.mro()) {
                names.addAll(c.dict().keySet());
            }
        }
        return new PList(names);
    }

    private static void addKeys(PDict d, TreeSet<String> names) {
        for (PDict.Entry e : d.entries()) {
            if (e.key instanceof String s) {
                names.add(s);
            }
        }
    }
}
