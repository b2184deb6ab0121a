package dev.mp.runtime.ops;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicLong;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.objects.PObject;

/**
 * {@code id()}: unique among live objects and stable for an object's lifetime, as CPython's. mp objects are
 * numbered on first request and keep their number; ints in the 32-bit range and bools get ids from their value (the
 * only values {@code is} compares by value); every other Java value (str, float, big int, host object) is numbered
 * through its context's {@link Registry}, which holds it weakly. An identity hash is no id: with a few hundred
 * thousand live strings two of them share one, and pickle's memo would then write the second as the first.
 */
public final class Identity {
    private Identity() {
    }

    /** Ids handed out by number, for every context of the JVM: unique among them all, never reused. */
    private static final AtomicLong NEXT = new AtomicLong(0x7f2000000000L);
    private static final long SPACING = 0x30;
    private static final long SMALL_INT_BASE = 0x7f0000000000L;
    private static final long TRUE_ID = 0x7effffffffa0L;
    private static final long FALSE_ID = 0x7effffffffc0L;

    public static long id(Object o) {
        if (o instanceof PObject p) {
            long id = p.identity();
            if (id == 0) {
                id = NEXT.getAndAdd(SPACING);
                p.setIdentity(id);
            }
            return id;
        }
        if (o instanceof Long l && l == (int) (long) l) {
            return SMALL_INT_BASE + ((l + 0x80000000L) << 4);
        }
        if (o instanceof Boolean b) {
            return b ? TRUE_ID : FALSE_ID;
        }
        return numbered(o);
    }

    @TruffleBoundary
    private static long numbered(Object o) {
        MpContext context = MpContext.current();
        if (context == null) {
            // Runtime code used without a program (unit tests of the Java side): nothing to keep the numbers in.
            return 0x7f1000000000L + ((long) System.identityHashCode(o) << 4);
        }
        return context.identities().idOf(o);
    }

    public static String hexId(Object o) {
        return "0x" + Long.toHexString(id(o));
    }

    /**
     * The ids of one context's values that carry no id field: a hash table keyed by reference identity whose
     * entries hold their value weakly and go away with it. Thread-safe.
     */
    public static final class Registry {
        private static final class Entry extends WeakReference<Object> {
            final int hash;
            final long id;
            Entry next;

            Entry(Object value, int hash, long id, ReferenceQueue<Object> queue, Entry next) {
                super(value, queue);
                this.hash = hash;
                this.id = id;
                this.next = next;
            }
        }

        private final ReferenceQueue<Object> collected = new ReferenceQueue<>();
        private Entry[] table = new Entry[64];
        private int size;

        @TruffleBoundary
        public synchronized long idOf(Object value) {
            expungeCollected();
            int hash = System.identityHashCode(value);
            int index = hash & (table.length - 1);
            for (Entry e = table[index]; e != null; e = e.next) {
                if (e.hash == hash && e.get() == value) {
                    return e.id;
                }
            }
            long id = NEXT.getAndAdd(SPACING);
            table[index] = new Entry(value, hash, id, collected, table[index]);
            if (++size > table.length * 3 / 4) {
                resize(table.length * 2);
            }
            return id;
        }

        /** How many values hold an id now (collected ones may still count until the next call). */
        public synchronized int size() {
            return size;
        }

        private void expungeCollected() {
            for (Object ref; (ref = collected.poll()) != null;) {
                Entry dead = (Entry) ref;
                int index = dead.hash & (table.length - 1);
                Entry previous = null;
                for (Entry e = table[index]; e != null; previous = e, e = e.next) {
                    if (e == dead) {
                        if (previous == null) {
                            table[index] = e.next;
                        } else {
                            previous.next = e.next;
                        }
                        size--;
                        break;
                    }
                }
            }
            if (table.length > 64 && size < table.length / 8) {
                resize(table.length / 2);
            }
        }

        private void resize(int length) {
            Entry[] grown = new Entry[length];
            for (Entry head : table) {
                for (Entry e = head; e != null;) {
                    Entry next = e.next;
                    int index = e.hash & (length - 1);
                    e.next = grown[index];
                    grown[index] = e;
                    e = next;
                }
            }
            table = grown;
        }
    }
}
