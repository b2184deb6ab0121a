package dev.mp.runtime.multiprocessing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.mp.runtime.ops.Errors;

/** The rebuilders of {@link SharedResource}s, by kind; registered once per JVM when the runtime loads. */
public final class ResourceKinds {
    /** Makes the object again from the handle and the unpickled {@link SharedResource#sharedState()}. */
    @FunctionalInterface
    public interface Rebuilder {
        Object rebuild(String handle, Object state);
    }

    private static final Map<String, Rebuilder> REBUILDERS = new ConcurrentHashMap<>();

    private ResourceKinds() {
    }

    public static void register(String kind, Function<String, Object> rebuilder) {
        REBUILDERS.put(kind, (handle, state) -> rebuilder.apply(handle));
    }

    public static void register(String kind, Rebuilder rebuilder) {
        REBUILDERS.put(kind, rebuilder);
    }

    /** Rebuilds a resource from its handle; an unknown kind is an UnpicklingError. */
    public static Object rebuild(String kind, String handle, Object state) {
        Rebuilder rebuilder = REBUILDERS.get(kind);
        if (rebuilder == null) {
            throw Errors.raise(Reduction.UNPICKLING_ERROR, String.format("unknown shared resource kind '%s'", kind));
        }
        return rebuilder.rebuild(handle, state);
    }
}
