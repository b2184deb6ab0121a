package dev.mp.runtime.builtins;

import static dev.mp.runtime.builtins.BuiltinBuilder.attribute;
import static dev.mp.runtime.builtins.BuiltinBuilder.method;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PObject;
import dev.mp.runtime.objects.PSingleton;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Comparisons;
import dev.mp.runtime.ops.Conversions;

/**
 * {@code types.UnionType}: what {@code int | None} gives (PEP 604), as annotations use it. Its members are
 * flattened and without repeats, None standing for NoneType; {@code isinstance} and {@code issubclass} accept it
 * as they accept a tuple of its members.
 */
public final class UnionType extends PObject {
    public static final PClass TYPE = new PClass("UnionType", "types", new PClass[] {BuiltinClasses.OBJECT}, true, PClass.Layout.BUILTIN);

    private final PTuple args;

    private UnionType(PTuple args) {
        this.args = args;
    }

    @Override
    public PClass getPythonClass() {
        return TYPE;
    }

    /** The members, for isinstance and issubclass. */
    public PTuple args() {
        return args;
    }

    /** Whether {@code o} may stand in a union: a class, None, a generic alias or a union. */
    private static boolean isMember(Object o) {
        return o instanceof PClass || o == PNone.NONE || o instanceof GenericAlias || o instanceof UnionType;
    }

    /** {@code left | right} for types: a union, or NotImplemented when either side cannot be in one. */
    @TruffleBoundary
    static Object or(Object left, Object right) {
        if (!isMember(left) || !isMember(right)) {
            return PSingleton.NOT_IMPLEMENTED;
        }
        List<Object> members = new ArrayList<>();
        add(members, left);
        add(members, right);
        return members.size() == 1 ? members.get(0) : new UnionType(new PTuple(members.toArray()));
    }

    private static void add(List<Object> members, Object o) {
        if (o instanceof UnionType u) {
            for (Object m : u.args.items()) {
                add(members, m);
            }
            return;
        }
        Object member = o == PNone.NONE ? BuiltinClasses.NONE_TYPE : o;
        for (Object m : members) {
            if (m == member || (m instanceof GenericAlias && Comparisons.eq(m, member))) {
                return;
            }
        }
        members.add(member);
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof UnionType u) || u.args.size() != args.size()) {
            return false;
        }
        for (Object m : args.items()) {
            boolean found = false;
            for (Object n : u.args.items()) {
                found |= m == n || Comparisons.eq(m, n);
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (Object m : args.items()) {
            h ^= m instanceof PClass ? System.identityHashCode(m) : Long.hashCode(Conversions.hash(m));
        }
        return h;
    }

    @TruffleBoundary
    private String repr() {
        StringBuilder sb = new StringBuilder();
        for (Object m : args.items()) {
            sb.append(sb.isEmpty() ? "" : " | ");
            if (m == BuiltinClasses.NONE_TYPE) {
                sb.append("None");
            } else if (m instanceof PClass c) {
                sb.append(c.module() == null || c.module().equals("builtins") ? c.qualname() : c.module() + "." + c.qualname());
            } else {
                sb.append(Conversions.repr(m));
            }
        }
        return sb.toString();
    }

    static void install() {
        PClass t = TYPE;
        attribute(t, "__args__", o -> ((UnionType) o).args);
        attribute(t, "__parameters__", o -> new PTuple(new Object[0]));
        method(t, "__repr__", "self", a -> ((UnionType) a[0]).repr());
        method(t, "__eq__", "self, other", a -> a[1] instanceof UnionType ? a[0].equals(a[1]) : PSingleton.NOT_IMPLEMENTED);
        method(t, "__hash__", "self", a -> (long) a[0].hashCode());
        for (PClass c : new PClass[] {t, GenericAlias.TYPE, BuiltinClasses.TYPE}) {
            method(c, "__or__", "self, other, /", a -> or(a[0], a[1]));
            method(c, "__ror__", "self, other, /", a -> or(a[1], a[0]));
        }
    }
}
