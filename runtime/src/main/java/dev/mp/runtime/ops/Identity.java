package dev.mp.runtime.ops;

import java.util.concurrent.atomic.AtomicLong;

import dev.mp.runtime.objects.PObject;

/**
 * {@code id()}: unique among live objects and stable for an object's lifetime. mp objects are numbered on
 * first request; small ints and bools get ids from their value; other Java values use their identity hash.
 */
public final class Identity {
    private Identity() {
    }

    private static final AtomicLong NEXT = new AtomicLong(0x7f3a10000000L);

    public static long id(Object o) {
        if (o instanceof PObject p) {
            long id = p.identity();
            if (id == 0) {
                id = NEXT.getAndAdd(0x30);
                p.setIdentity(id);
            }
            return id;
        }
        if (o instanceof Long l) {
            return 0x7f3a00000000L + (l << 5);
        }
        if (o instanceof Boolean b) {
            return b ? 0x7f3a000000a0L : 0x7f3a000000c0L;
        }
        return 0x7f3b00000000L + ((long) System.identityHashCode(o) << 4);
    }

    public static String hexId(Object o) {
        return "0x" + Long.toHexString(id(o));
    }
}
