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
}
