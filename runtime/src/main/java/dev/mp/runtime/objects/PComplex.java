package dev.mp.runtime.objects;

/**
 * A complex number: two doubles, immutable; or an instance of a subclass of complex. Instances compare and hash as
 * Python's complex, so that one equal to an int or float is the same dict key ({@link DictKey} maps those with a
 * zero imaginary part to their real part).
 */
public final class PComplex extends PSubclassable {
    public final double real;
    public final double imag;

    public PComplex(double real, double imag) {
        this(BuiltinClasses.COMPLEX, real, imag);
    }

    /** An instance of {@code cls}, complex or a subclass of it. */
    public PComplex(PClass cls, double real, double imag) {
        super(cls);
        this.real = real;
        this.imag = imag;
    }

    /** Python's equality: both parts equal as doubles (so 0.0 and -0.0 are equal and NaN is unequal to itself); a subclass's __eq__ if it has one. */
    @Override
    public boolean equals(Object obj) {
        if (this == obj) {
            return true;
        }
        if (isSubclassInstance() || obj instanceof PComplex c && c.isSubclassInstance()) {
            return dev.mp.runtime.ops.Comparisons.eq(this, obj);
        }
        return obj instanceof PComplex c && real == c.real && imag == c.imag;
    }

    /** Python's hash, as {@link #equals}. */
    @Override
    public int hashCode() {
        return Long.hashCode(dev.mp.runtime.ops.Conversions.hash(this));
    }
}
