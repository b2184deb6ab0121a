package dev.mp.runtime.builtins;

import static dev.mp.runtime.builtins.BuiltinBuilder.attribute;
import static dev.mp.runtime.builtins.BuiltinBuilder.method;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PObject;
import dev.mp.runtime.objects.PSingleton;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Comparisons;
import dev.mp.runtime.ops.Conversions;

/**
 * {@code types.GenericAlias}: what subscripting a builtin container type gives ({@code list[int]},
 * {@code dict[str, int]}), as annotations use it. Calling it calls the origin class.
 */
public final class GenericAlias extends PObject {
    public static final PClass TYPE = new PClass("GenericAlias", "types", new PClass[] {BuiltinClasses.OBJECT}, true, PClass.Layout.BUILTIN);

    private final Object origin;
    private final PTuple args;

    public GenericAlias(Object origin, Object args) {
        this.origin = origin;
        this.args = args instanceof PTuple t ? t : PTuple.of(args);
    }

    @Override
    public PClass getPythonClass() {
        return TYPE;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof GenericAlias g && g.origin == origin && Comparisons.eq(g.args, args);
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(origin) ^ Long.hashCode(Conversions.hash(args));
    }

    @TruffleBoundary
    private String repr() {
        StringBuilder sb = new StringBuilder(argRepr(origin)).append('[');
        Object[] items = args.items();
        if (items.length == 0) {
            sb.append("()");
        }
        for (int i = 0; i < items.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(argRepr(items[i]));
        }
        return sb.append(']').toString();
    }

    /** As CPython's ga_repr_item: a class by its (module-qualified) name, Ellipsis as "...", anything else by repr. */
    private static String argRepr(Object o) {
        if (o instanceof PClass c) {
            return c.module() == null || c.module().equals("builtins") ? c.qualname() : c.module() + "." + c.qualname();
        }
        if (o == PSingleton.ELLIPSIS) {
            return "...";
        }
        if (o instanceof PTuple t && !(o instanceof GenericAlias)) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < t.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(argRepr(t.get(i)));
            }
            return sb.append(']').toString();
        }
        return Conversions.repr(o);
    }

    static void install() {
        PClass t = TYPE;
        BuiltinBuilder.constructor(t, "cls, origin, args, /", a -> new GenericAlias(a[1], a[2]));
        attribute(t, "__origin__", o -> ((GenericAlias) o).origin);
        attribute(t, "__args__", o -> ((GenericAlias) o).args);
        attribute(t, "__parameters__", o -> new PTuple(new Object[0]));
        method(t, "__repr__", "self", a -> ((GenericAlias) a[0]).repr());
        method(t, "__call__", "self, *args, **kwargs", a -> {
            dev.mp.runtime.ops.Classes.Arguments args = dev.mp.runtime.ops.Classes.Arguments.of(((PTuple) a[1]).items(),
                    (dev.mp.runtime.objects.PDict) a[2]);
            return Calls.call(((GenericAlias) a[0]).origin, args.values(), args.names());
        });
        method(t, "__eq__", "self, other", a -> a[1] instanceof GenericAlias ? a[0].equals(a[1]) : PSingleton.NOT_IMPLEMENTED);
        method(t, "__hash__", "self", a -> (long) a[0].hashCode());
        method(t, "__mro_entries__", "self, bases", a -> PTuple.of(((GenericAlias) a[0]).origin));
        for (PClass c : new PClass[] {BuiltinClasses.LIST, BuiltinClasses.DICT, BuiltinClasses.TUPLE, BuiltinClasses.SET, BuiltinClasses.FROZENSET,
                BuiltinClasses.TYPE, BuiltinClasses.ENUMERATE}) {
            BuiltinBuilder.classMethod(c, "__class_getitem__", "cls, item, /", a -> new GenericAlias(a[0], a[1]));
        }
    }
}
