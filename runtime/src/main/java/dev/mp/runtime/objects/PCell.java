package dev.mp.runtime.objects;

/** A closure cell: a variable shared between a function and the functions nested in it. {@code null} = unbound. */
public final class PCell {
    public Object value;

    public PCell(Object value) {
        this.value = value;
    }
}
