package dev.mp.runtime.multiprocessing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import dev.mp.runtime.ops.Errors;

/**
 * The rebuilders of {@link SharedResource}s, by kind; registered once per JVM, when the first resource is rebuilt
 * (registering loads the resources' classes, which a program that never receives one should not pay for at start).
 */
public final class ResourceKinds {
    /** Makes the object again from the handle and the unpickled {@link SharedResource#sharedState()}. */
    @FunctionalInterface
    public interface Rebuilder {
        Object rebuild(String handle, Object state);
    }

    private static final Map<String, Rebuilder> REBUILDERS = new ConcurrentHashMap<>();
    /** What registers the kinds, run once before the first rebuild. */
    private static final List<Runnable> REGISTRATIONS = new CopyOnWriteArrayList<>();
    private static volatile boolean registered;

    private ResourceKinds() {
    }

    /** Adds {@code registration}, which registers some kinds, to run before the first rebuild. */
    public static void registerOnFirstUse(Runnable registration) {
        REGISTRATIONS.add(registration);
    }

    public static void register(String kind, Function<String, Object> rebuilder) {
        REBUILDERS.put(kind, (handle, state) -> rebuilder.apply(handle));
    }

    public static void register(String kind, Rebuilder rebuilder) {
        REBUILDERS.put(kind, rebuilder);
    }

    /** Rebuilds a resource from its handle; an unknown kind is an UnpicklingError. */
    public static Object rebuild(String kind, String handle, Object state) {
        if (!registered) {
            registerAll();
        }
        Rebuilder rebuilder = REBUILDERS.get(kind);
        if (rebuilder == null) {
            throw Errors.raise(Reduction.UNPICKLING_ERROR, String.format("unknown shared resource kind '%s'", kind));
        }
        return rebuilder.rebuild(handle, state);
    }

    private static synchronized void registerAll() {
        if (!registered) {
            for (Runnable registration : REGISTRATIONS) {
                registration.run();
            }
            registered = true;
        }
    }
}
