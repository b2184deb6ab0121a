package dev.mp.runtime.objects;

/**
 * A complex number: two doubles, immutable. Instances compare and hash as Python's complex, so that one equal
 * to an int or float is the same dict key ({@link DictKey} maps those with a zero imaginary part to their real part).
 */
public final class PComplex extends PObject {
    public final double real;
    public final double imag;

    public PComplex(double real, double imag) {
        this.real = real;
        this.imag = imag;
    }

    @Override
    public PClass getPythonClass() {
        return BuiltinClasses.COMPLEX;
    }

    /** Python's equality: both parts equal as doubles (so 0.0 and -0.0 are equal and NaN is unequal to itself). */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof PComplex c && (this == c || (real == c.real && imag == c.imag));
    }

    /** Python's hash, as {@link #equals}. */
    @Override
    public int hashCode() {
        return Long.hashCode(dev.mp.runtime.ops.Conversions.hash(this));
    }
}
