package dev.mp.runtime.objects;

/** A slice object; absent parts are {@link PNone#NONE}. */
public final class PSlice extends PObject {
    public final Object start;
    public final Object stop;
    public final Object step;

    public PSlice(Object start, Object stop, Object step) {
        this.start = start;
        this.stop = stop;
        this.step = step;
    }

    @Override
    public PClass getPythonClass() {
        return BuiltinClasses.SLICE;
    }
}
