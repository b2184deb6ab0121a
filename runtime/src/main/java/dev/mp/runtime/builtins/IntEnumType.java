package dev.mp.runtime.builtins;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBoxed;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Types;

/**
 * IntEnum types of library modules implemented in Java, such as {@code socket.AddressFamily}: an int subclass
 * whose members are its instances, one per value, each an attribute of the class. As in CPython, a member
 * shows as {@code <AddressFamily.AF_INET: 2>}, converts to str and formats as its int value, and calling the
 * class with a value gives the member. (mp has no enum module; these types do not iterate or index by name.)
 */
public final class IntEnumType {
    private final PClass type;
    private final Map<Long, PBoxed> members = new LinkedHashMap<>();

    private IntEnumType(PClass type) {
        this.type = type;
    }

    /** The Python type. */
    public PClass type() {
        return type;
    }

    /** Defines the type {@code module.name} with the members {@code names[i] = values[i]}. */
    public static IntEnumType define(String module, String name, String[] names, long[] values) {
        PClass type = new PClass(name, module, new PClass[] {BuiltinClasses.INT}, true, PClass.Layout.BUILTIN).showAs("enum");
        IntEnumType enumType = new IntEnumType(type);
        for (int i = 0; i < names.length; i++) {
            PBoxed member = new PBoxed(type, values[i]);
            PDict attributes = member.attributes();
            attributes.put("_value_", values[i]);
            attributes.put("_name_", names[i]);
            enumType.members.putIfAbsent(values[i], member);
            type.dict().put(names[i], member);
        }
        BuiltinBuilder.constructor(type, "cls, value, /", a -> {
            PBoxed member = Types.isInt(a[1]) ? enumType.members.get(Conversions.index(a[1])) : null;
            if (member == null) {
                throw Errors.valueError("%s is not a valid %s", Conversions.repr(a[1]), name);
            }
            return member;
        });
        BuiltinBuilder.method(type, "__repr__", "self, /", a -> "<" + name + "." + memberName(a[0]) + ": " + Conversions.repr(Types.baseValue(a[0])) + ">");
        // IntEnum's str() is int's (its __str__ is int.__repr__), so that str(AF_INET) is "2".
        BuiltinBuilder.method(type, "__str__", "self, /", a -> Conversions.repr(Types.baseValue(a[0])));
        BuiltinBuilder.attribute(type, "name", IntEnumType::memberName);
        BuiltinBuilder.attribute(type, "value", o -> ((PBoxed) o).attributes().get("_value_"));
        type.dict().put("__doc__", "An enumeration.");
        return enumType;
    }

    private static Object memberName(Object member) {
        return ((PBoxed) member).attributes().get("_name_");
    }

    /** The member for {@code value}, or the plain int when no member has it (as CPython's {@code _intenum_converter}). */
    public Object member(long value) {
        PBoxed member = members.get(value);
        return member != null ? member : (Object) value;
    }
}
