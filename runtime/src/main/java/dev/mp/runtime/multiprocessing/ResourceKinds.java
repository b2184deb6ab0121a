package dev.mp.runtime.multiprocessing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.mp.runtime.ops.Errors;

/** The rebuilders of {@link SharedResource}s, by kind; registered once per JVM when the runtime loads. */
public final class ResourceKinds {
    private static final Map<String, Function<String, Object>> REBUILDERS = new ConcurrentHashMap<>();

    private ResourceKinds() {
    }

    public static void register(String kind, Function<String, Object> rebuilder) {
        REBUILDERS.put(kind, rebuilder);
    }

    /** Rebuilds a resource from its handle; an unknown kind is an UnpicklingError. */
    public static Object rebuild(String kind, String handle) {
        Function<String, Object> rebuilder = REBUILDERS.get(kind);
        if (rebuilder == null) {
            throw Errors.make("UnpicklingError", "unknown shared resource kind '%s'", kind);
        }
        return rebuilder.apply(handle);
    }
}
