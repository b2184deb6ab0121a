package dev.mp.runtime.ops;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.objects.PDict;

/** Mappings that are not dicts, as {@code f(**m)} and {@code {**m}} take them: objects with {@code keys()} and {@code __getitem__}. */
public final class Mappings {
    private Mappings() {
    }

    /**
     * {@code m} itself when it is a dict, else a new dict of its {@code keys()} and the values {@code m[key]} gives;
     * null when {@code m} has no {@code keys} method (it is not a mapping).
     */
    @TruffleBoundary
    public static PDict asDict(Object m) {
        if (m instanceof PDict d) {
            return d;
        }
        Object keys = Attributes.lookup(m, "keys");
        if (keys == null) {
            return null;
        }
        PDict d = new PDict();
        Object it = Iteration.iter(Calls.call(keys));
        for (Object k = Iteration.next(it); k != null; k = Iteration.next(it)) {
            d.put(k, Sequences.getItem(m, k));
        }
        return d;
    }
}
