package dev.mp.runtime.builtins;

import java.util.Arrays;

import dev.mp.runtime.MpException;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Iteration;

/**
 * Tuple types with named fields implemented in Java, as CPython's struct sequences ({@code time.struct_time},
 * {@code os.stat_result}): a tuple of the visible fields, each also an attribute, plus attributes that are
 * not part of the tuple (kept in the instance's attribute dict).
 */
public final class StructSequence {
    private final PClass type;
    private final String[] extra;

    private StructSequence(PClass type, String[] extra) {
        this.type = type;
        this.extra = extra;
    }

    /** The Python type. */
    public PClass type() {
        return type;
    }

    /**
     * Defines the type {@code module.name}; its constructor takes a sequence of the visible fields optionally
     * followed by the extra ones (the missing extras are None).
     */
    public static StructSequence define(String module, String name, String[] visible, String[] extra) {
        PClass type = new PClass(name, module, new PClass[] {BuiltinClasses.TUPLE}, true, PClass.Layout.BUILTIN);
        StructSequence seq = new StructSequence(type, extra.clone());
        String qualified = module + "." + name;
        BuiltinBuilder.constructor(type, "cls, sequence, dict=None", a -> {
            Object[] items;
            try {
                items = Iteration.toArray(a[1]);
            } catch (MpException e) {
                throw Errors.typeError("constructor requires a sequence");
            }
            int min = visible.length;
            int max = visible.length + extra.length;
            if (min == max && items.length != min) {
                throw Errors.typeError("%s() takes a %d-sequence (%d-sequence given)", qualified, min, items.length);
            }
            if (items.length < min) {
                throw Errors.typeError("%s() takes an at least %d-sequence (%d-sequence given)", qualified, min, items.length);
            }
            if (items.length > max) {
                throw Errors.typeError("%s() takes an at most %d-sequence (%d-sequence given)", qualified, max, items.length);
            }
            Object[] extras = new Object[extra.length];
            for (int i = 0; i < extras.length; i++) {
                extras[i] = min + i < items.length ? items[min + i] : PNone.NONE;
            }
            return seq.make(Arrays.copyOf(items, min), extras);
        });
        for (int i = 0; i < visible.length; i++) {
            int index = i;
            BuiltinBuilder.attribute(type, visible[i], o -> ((PTuple) o).get(index));
        }
        for (String field : extra) {
            BuiltinBuilder.attribute(type, field, o -> {
                Object v = ((PTuple) o).attributes().get(field);
                return v == null ? PNone.NONE : v;
            });
        }
        BuiltinBuilder.attribute(type, "n_sequence_fields", o -> (long) visible.length);
        BuiltinBuilder.attribute(type, "n_fields", o -> (long) (visible.length + extra.length));
        BuiltinBuilder.method(type, "__repr__", "self", a -> {
            PTuple t = (PTuple) a[0];
            StringBuilder sb = new StringBuilder(qualified).append('(');
            for (int i = 0; i < visible.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(visible[i]).append('=').append(Conversions.repr(t.get(i)));
            }
            return sb.append(')').toString();
        });
        return seq;
    }

    /** An instance: the visible fields, then the values of the extra ones in order (None for those not given). */
    public PTuple make(Object[] visible, Object... extraValues) {
        PTuple t = new PTuple(type, visible);
        PDict attributes = t.attributes();
        for (int i = 0; i < extra.length; i++) {
            attributes.put(extra[i], i < extraValues.length ? extraValues[i] : PNone.NONE);
        }
        return t;
    }

    /** The value of an extra field of a struct sequence, or null when {@code t} is not one that has it. */
    public static Object extra(PTuple t, String field) {
        PDict attributes = t.isSubclassInstance() ? t.attributes() : null;
        return attributes == null ? null : attributes.get(field);
    }
}
