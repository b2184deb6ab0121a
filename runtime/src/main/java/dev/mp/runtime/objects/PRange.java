package dev.mp.runtime.objects;

/** A Python range over longs. */
public final class PRange extends PObject {
    public final long start;
    public final long stop;
    public final long step;

    public PRange(long start, long stop, long step) {
        this.start = start;
        this.stop = stop;
        this.step = step;
    }

    public long length() {
        if (step > 0) {
            return start < stop ? (stop - start - 1) / step + 1 : 0;
        }
        return start > stop ? (start - stop - 1) / (-step) + 1 : 0;
    }

    @Override
    public PClass getPythonClass() {
        return BuiltinClasses.RANGE;
    }

    /** Ranges are equal when they produce the same numbers, whatever their stop (range(0, 3) == range(0, 4, 3) is false). */
    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof PRange other) || other.length() != length()) {
            return false;
        }
        return length() == 0 || (start == other.start && (length() == 1 || step == other.step));
    }

    /** Python's hash(range): the hash of (len, start, step), with None for what does not matter. */
    @Override
    public int hashCode() {
        return Long.hashCode(dev.mp.runtime.ops.Conversions.hash(this));
    }
}
