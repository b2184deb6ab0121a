package dev.mp.runtime.objects;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.ops.Conversions;

/**
 * A Python set or frozenset (see {@link #isFrozen()}), keyed by Python equality (see {@link DictKey}).
 *
 * <p>Members are found through a Java hash map. Their order is CPython's: a shadow of CPython's open-addressing
 * table (its size, probe sequence, deleted-slot markers and resizing) places each member in the slot CPython
 * would, and iteration walks the slots. So {@code print({3, 1, 2})} shows {@code {1, 2, 3}} as CPython does,
 * for the members whose hash is CPython's (ints, floats, tuples of them; CPython randomizes str hashes).
 *
 * <p>A frozenset's Java equality and hash follow Python's so it can be a key itself.
 */
public final class PSet extends PSubclassable {
    private static final Object DELETED = new Object();
    private static final int MIN_SIZE = 8;
    private static final int LINEAR_PROBES = 9;
    private static final int PERTURB_SHIFT = 5;

    /** The key stand-in ({@link DictKey}) of each member, to the member as first inserted. */
    private final HashMap<Object, Object> members = new HashMap<>();
    private final boolean frozen;
    /** Each slot: null (never used), {@link #DELETED}, or a member's key stand-in. */
    private Object[] slots = new Object[MIN_SIZE];
    private long[] hashes = new long[MIN_SIZE];
    /** Slots in use or deleted, as CPython's {@code fill}. */
    private int fill;
    /** Where {@link #popFirst()} starts looking, as CPython's {@code finger}. */
    private int finger;
    private int version;

    public PSet(boolean frozen) {
        this(frozen ? BuiltinClasses.FROZENSET : BuiltinClasses.SET, frozen);
    }

    /** An empty instance of {@code cls}: set, frozenset ({@code frozen}) or a subclass of one. */
    public PSet(PClass cls, boolean frozen) {
        super(cls);
        this.frozen = frozen;
    }

    public boolean isFrozen() {
        return frozen;
    }

    private int mask() {
        return slots.length - 1;
    }

    /** Adds a member; false when an equal one is there already. */
    @TruffleBoundary
    public boolean add(Object o) {
        Object k = DictKey.of(o);
        if (members.containsKey(k)) {
            return false;
        }
        members.put(k, o);
        insert(k, Conversions.hash(o));
        version++;
        return true;
    }

    /**
     * CPython's set_add_entry for a key known to be absent: the last deleted slot on its probe path before the
     * first never-used slot, else that never-used slot (which may make the table grow).
     */
    private void insert(Object k, long hash) {
        int mask = mask();
        int freeSlot = -1;
        long perturb = hash;
        int i = (int) (hash & mask);
        while (true) {
            int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
            for (int j = i; j <= i + probes; j++) {
                if (slots[j] == null) {
                    if (freeSlot >= 0) {
                        slots[freeSlot] = k;
                        hashes[freeSlot] = hash;
                        return;
                    }
                    slots[j] = k;
                    hashes[j] = hash;
                    fill++;
                    if ((long) fill * 5 >= (long) mask * 3) {
                        resize(members.size() > 50000 ? members.size() * 2 : members.size() * 4);
                    }
                    return;
                }
                if (slots[j] == DELETED) {
                    freeSlot = j;
                }
            }
            perturb >>>= PERTURB_SHIFT;
            i = (int) ((i * 5L + 1 + perturb) & mask);
        }
    }

    /** CPython's set_insert_clean: the first never-used slot on the key's probe path (the table has no deleted slots). */
    private static void insertClean(Object[] slots, long[] hashes, Object k, long hash) {
        int mask = slots.length - 1;
        long perturb = hash;
        int i = (int) (hash & mask);
        while (true) {
            int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
            for (int j = i; j <= i + probes; j++) {
                if (slots[j] == null) {
                    slots[j] = k;
                    hashes[j] = hash;
                    return;
                }
            }
            perturb >>>= PERTURB_SHIFT;
            i = (int) ((i * 5L + 1 + perturb) & mask);
        }
    }

    /** CPython's set_table_resize: the smallest power-of-two table above minUsed, refilled in the old slot order. */
    private void resize(long minUsed) {
        int size = MIN_SIZE;
        while (size <= minUsed) {
            size <<= 1;
        }
        Object[] oldSlots = slots;
        long[] oldHashes = hashes;
        slots = new Object[size];
        hashes = new long[size];
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] != null && oldSlots[i] != DELETED) {
                insertClean(slots, hashes, oldSlots[i], oldHashes[i]);
            }
        }
        fill = members.size();
    }

    private int slotOf(Object k, long hash) {
        int mask = mask();
        long perturb = hash;
        int i = (int) (hash & mask);
        while (true) {
            int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
            for (int j = i; j <= i + probes; j++) {
                if (slots[j] == null) {
                    return -1;
                }
                if (slots[j] != DELETED && hashes[j] == hash && slots[j].equals(k)) {
                    return j;
                }
            }
            perturb >>>= PERTURB_SHIFT;
            i = (int) ((i * 5L + 1 + perturb) & mask);
        }
    }

    @TruffleBoundary
    public boolean contains(Object o) {
        return members.containsKey(DictKey.of(memberKey(o)));
    }

    /** A set, which is unhashable, is looked for as the frozenset of its members, as CPython does. */
    private static Object memberKey(Object o) {
        return o instanceof PSet s && !s.isFrozen() ? s.copy(true) : o;
    }

    /** Removes a member; false when there is none equal to o. */
    @TruffleBoundary
    public boolean remove(Object o) {
        Object k = DictKey.of(memberKey(o));
        Object member = members.remove(k);
        if (member == null) {
            return false;
        }
        int slot = slotOf(k, Conversions.hash(member));
        slots[slot] = DELETED;
        version++;
        return true;
    }

    /** CPython's set.pop(): the member in the first used slot from the finger on; null when empty. */
    @TruffleBoundary
    public Object popFirst() {
        if (members.isEmpty()) {
            return null;
        }
        int i = finger & mask();
        while (slots[i] == null || slots[i] == DELETED) {
            i = (i + 1) & mask();
        }
        Object k = slots[i];
        slots[i] = DELETED;
        finger = i + 1;
        version++;
        return members.remove(k);
    }

    @TruffleBoundary
    public void clear() {
        members.clear();
        slots = new Object[MIN_SIZE];
        hashes = new long[MIN_SIZE];
        fill = 0;
        version++;
    }

    public int size() {
        return members.size();
    }

    public int version() {
        return version;
    }

    /** The members, as originally inserted, in CPython's iteration order. */
    @TruffleBoundary
    public List<Object> values() {
        List<Object> out = new ArrayList<>(members.size());
        for (Object k : slots) {
            if (k != null && k != DELETED) {
                out.add(members.get(k));
            }
        }
        return out;
    }

    /**
     * Adds the members of another set as CPython's set_merge does: one resize first, then (into an empty set)
     * a copy of the other's layout, or the other's members in its iteration order.
     */
    @TruffleBoundary
    public void addAll(PSet other) {
        if (other == this || other.members.isEmpty()) {
            return;
        }
        if ((long) (fill + other.members.size()) * 5 >= (long) mask() * 3) {
            resize((long) (members.size() + other.members.size()) * 2);
        }
        if (fill == 0) {
            if (slots.length == other.slots.length && other.fill == other.members.size()) {
                slots = other.slots.clone();
                hashes = other.hashes.clone();
            } else {
                for (int i = 0; i < other.slots.length; i++) {
                    if (other.slots[i] != null && other.slots[i] != DELETED) {
                        insertClean(slots, hashes, other.slots[i], other.hashes[i]);
                    }
                }
            }
            members.putAll(other.members);
            fill = members.size();
            version++;
            return;
        }
        for (Object v : other.values()) {
            add(v);
        }
    }

    /** Makes room for n more members at once, as CPython does before adding a dict's keys. */
    @TruffleBoundary
    public void reserve(int n) {
        if ((long) (fill + n) * 5 >= (long) mask() * 3) {
            resize((long) (members.size() + n) * 2);
        }
    }

    @TruffleBoundary
    public PSet copy(boolean asFrozen) {
        PSet s = new PSet(asFrozen);
        s.addAll(this);
        return s;
    }

    /** Replaces this set's contents by another's (CPython's in-place operators compute a new table and take it). */
    @TruffleBoundary
    public void takeContents(PSet other) {
        members.clear();
        members.putAll(other.members);
        slots = other.slots.clone();
        hashes = other.hashes.clone();
        fill = other.fill;
        version++;
    }

    @Override
    public boolean equals(Object obj) {
        if (this == obj) {
            return true;
        }
        return obj instanceof PSet other && other.members.size() == members.size() && members.keySet().containsAll(other.members.keySet());
    }

    @Override
    public int hashCode() {
        return Long.hashCode(Conversions.hash(this));
    }
}
