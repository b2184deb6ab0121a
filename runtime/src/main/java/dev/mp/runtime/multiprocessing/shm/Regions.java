package dev.mp.runtime.multiprocessing.shm;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Process-wide cache of mapped regions used by the {@code attach(descriptor)} methods, so that
 * attaching many primitives of one region maps it only once. Cached mappings are never unmapped.
 */
final class Regions {
    private static final ConcurrentHashMap<String, SharedRegion> CACHE = new ConcurrentHashMap<>();

    private Regions() {}

    static SharedRegion get(String name) {
        return CACHE.computeIfAbsent(name, SharedRegion::open);
    }

    /** Creates a region owned by this process and caches its mapping. */
    static SharedRegion createCached(long size) {
        SharedRegion r = SharedRegion.create(size);
        CACHE.put(r.name(), r);
        return r;
    }

    /** Parsed form of {@code <kind>:<regionName>:<offset>[|<rest>]}. */
    record Parsed(SharedRegion region, long offset, String rest) {}

    static String format(String kind, SharedRegion region, long offset) {
        return kind + ":" + region.name() + ":" + offset;
    }

    static Parsed parse(String kind, String descriptor) {
        if (descriptor == null) {
            throw new IllegalArgumentException("null descriptor");
        }
        String head = descriptor;
        String rest = null;
        int bar = descriptor.indexOf('|');
        if (bar >= 0) {
            head = descriptor.substring(0, bar);
            rest = descriptor.substring(bar + 1);
        }
        String[] parts = head.split(":");
        if (parts.length != 3 || !parts[0].equals(kind)) {
            throw new IllegalArgumentException("not a " + kind + " descriptor: " + descriptor);
        }
        long off;
        try {
            off = Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad offset in descriptor: " + descriptor, e);
        }
        return new Parsed(get(parts[1]), off, rest);
    }
}
