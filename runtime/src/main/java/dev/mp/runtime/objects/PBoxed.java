package dev.mp.runtime.objects;

/**
 * An instance of a subclass of int, float or str. Those types' values are Java's immutable {@code Long},
 * {@code BigInteger}, {@code Double} and {@code String}, which cannot carry a class, so an instance of a subclass
 * holds its base value (never itself a PBoxed) beside its class and attribute dict. The operations call the
 * subclass's special methods first, as for the other {@link PSubclassable} types, and then work on
 * {@link #value()} (see {@code Types.baseValue}).
 */
public final class PBoxed extends PSubclassable {
    private final Object value;

    /** @param value a Long, BigInteger, Double or String: an instance of {@code cls}'s builtin base */
    public PBoxed(PClass cls, Object value) {
        super(cls);
        assert !cls.isCore() && !(value instanceof PBoxed);
        this.value = value;
    }

    /** The int, float or str value this instance stands for. */
    public Object value() {
        return value;
    }

    /**
     * What a constructor of int, float or str returns for {@code cls}: the plain {@code value} for the type
     * itself, else an instance of the subclass {@code cls} holding it.
     */
    public static Object of(PClass cls, Object value) {
        return cls.isCore() ? value : new PBoxed(cls, value instanceof PBoxed b ? b.value() : value);
    }

    /** Python's equality, for the dict keys that are instances themselves: those whose class defines {@code __eq__} or {@code __hash__} (see {@link DictKey}). */
    @Override
    public boolean equals(Object obj) {
        return this == obj || dev.mp.runtime.ops.Comparisons.eq(this, obj);
    }

    /** Python's hash, as {@link #equals}. */
    @Override
    public int hashCode() {
        return Long.hashCode(dev.mp.runtime.ops.Conversions.hash(this));
    }

    /** Whether instances of a subclass of {@code cls} are boxed: int, float and str. */
    public static boolean boxes(PClass cls) {
        return cls == BuiltinClasses.INT || cls == BuiltinClasses.FLOAT || cls == BuiltinClasses.STR;
    }
}
