package dev.mp.runtime.objects;

import dev.mp.runtime.ops.Comparisons;
import dev.mp.runtime.ops.Conversions;

/**
 * An instance of a class made by a {@code class} statement, with its attribute dictionary.
 *
 * <p>Java {@link #equals} and {@link #hashCode} follow the class's {@code __eq__} and {@code __hash__}, so
 * instances work as dict keys and set members.
 */
public class PInstance extends PObject {
    private PClass cls;
    /** Made on first use: most exceptions, and instances of classes without attributes, never need one. */
    private PDict dict;

    public PInstance(PClass cls) {
        this.cls = cls;
    }

    @Override
    public PClass getPythonClass() {
        return cls;
    }

    public void setPythonClass(PClass cls) {
        this.cls = cls;
    }

    public PDict dict() {
        PDict d = dict;
        if (d == null) {
            d = new PDict();
            dict = d;
        }
        return d;
    }

    /** {@code obj.__dict__ = d}: the instance's attributes are {@code d} from now on (the same dict, not a copy). */
    public void setDict(PDict dict) {
        this.dict = dict;
    }

    @Override
    public boolean equals(Object obj) {
        if (this == obj) {
            return true;
        }
        return cls.lookup("__eq__") != BuiltinClasses.OBJECT.dict().get("__eq__") && Comparisons.eq(this, obj);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(Conversions.hash(this));
    }
}
