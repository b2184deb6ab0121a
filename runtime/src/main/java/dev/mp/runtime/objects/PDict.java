package dev.mp.runtime.objects;

import java.util.AbstractCollection;
import java.util.Collection;
import java.util.Iterator;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnknownKeyException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import dev.mp.runtime.MpException;
import dev.mp.runtime.ops.InteropIterator;
import dev.mp.runtime.ops.Iteration;

/**
 * A Python dict (or an instance of a subclass of dict): insertion-ordered, keyed by Python equality (see {@link DictKey}).
 * Each entry keeps the key object that was first inserted, as Python does.
 *
 * <p>To interop it is a hash (keys converted as mp values, so a Java {@code 1} finds the key {@code 1});
 * an unhashable key is simply absent.
 */
@ExportLibrary(InteropLibrary.class)
public final class PDict extends PSubclassable {

    /** One key and its value. */
    public static final class Entry {
        public final Object key;
        public Object value;
        /** The key as {@link DictKey#of} gives it, whose Java equality is Python's. */
        final Object lookupKey;
        /** {@code lookupKey}'s hash code, spread. */
        final int hash;
        /** Set once the entry has left its dict, so a holder of the entry (a global read's cache) knows it is stale. */
        private boolean detached;

        Entry(Object key, Object value, Object lookupKey, int hash) {
            this.key = key;
            this.value = value;
            this.lookupKey = lookupKey;
            this.hash = hash;
        }

        /** Whether the entry is still the one its dict holds for its key. */
        public boolean isLive() {
            return !detached;
        }
    }

    /*
     * The table is CPython's compact dict: the entries in insertion order in one array (a removed entry leaves a
     * hole until the next rebuild), and an open-addressing index of their positions. Iteration walks the array,
     * and growing rebuilds an int array, not a chain of nodes: a LinkedHashMap of entries made a loop over a
     * large dict's items wait on memory, a third of the dict kernel's time. A dict of up to eight entries (most
     * instances' and keyword arguments') has no index: comparing hashes along the array costs less than making one.
     */
    private static final Entry[] NO_ENTRIES = new Entry[0];
    /** An index slot that never held an entry ends a probe; one whose entry was removed does not. */
    private static final int FREE = 0;
    private static final int REMOVED = -1;
    /** The largest capacity without an index, and the least one. */
    private static final int SMALL = 8;

    /** Entries by position, oldest first; null where one was removed. */
    private Entry[] entries = NO_ENTRIES;
    /** Positions used in {@link #entries} (holes included). */
    private int used;
    private int size;
    /**
     * Position + 1 of the entry in each slot, or {@link #FREE} or {@link #REMOVED}; a power of two long, and null
     * while the capacity is {@link #SMALL} or less.
     */
    private int[] index;
    /**
     * Slots of {@link #index} that are not free. Kept below the index's length (a probe ends at a free slot): a
     * removal at the end gives its position back but leaves its slot removed.
     */
    private int fill;
    /** Bumped on every change of size, so iterators can detect "dictionary changed size during iteration". */
    private int version;
    /**
     * One bit for each key ever inserted (since the last clear), by its hash: a method call on an instance asks
     * whether the instance's dict may hold the method's name ({@link #mayContainStr}), which it nearly never does,
     * and a clear bit answers without a look-up.
     */
    private long keyBits;

    public PDict() {
        super(BuiltinClasses.DICT);
    }

    /** An empty instance of {@code cls}, dict or a subclass of it. */
    public PDict(PClass cls) {
        super(cls);
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    /**
     * The position of the entry whose key equals {@code lookupKey}, or -1. Comparing keys may run Python code
     * ({@code __eq__}) that changes this dict; the search then starts again, as CPython's does.
     */
    private int find(Object lookupKey, int hash) {
        restart:
        while (true) {
            int[] idx = index;
            Entry[] ents = entries;
            if (idx == null) {
                int end = used;
                for (int p = 0; p < end; p++) {
                    Entry e = ents[p];
                    if (e != null && (e.lookupKey == lookupKey || e.hash == hash && equal(e, lookupKey))) {
                        if (ents != entries || e.detached) {
                            continue restart;
                        }
                        return p;
                    } else if (ents != entries) {
                        continue restart;
                    }
                }
                return -1;
            }
            int mask = idx.length - 1;
            int i = hash & mask;
            long perturb = hash & 0xffffffffL;
            while (true) {
                int slot = idx[i];
                if (slot == FREE) {
                    return -1;
                }
                if (slot > 0) {
                    Entry e = ents[slot - 1];
                    if (e.lookupKey == lookupKey) {
                        return slot - 1;
                    }
                    if (e.hash == hash) {
                        boolean equal = equal(e, lookupKey);
                        if (idx != index || ents != entries || e.detached) {
                            continue restart;
                        }
                        if (equal) {
                            return slot - 1;
                        }
                    }
                }
                perturb >>>= 5;
                i = (int) ((i * 5L + perturb + 1) & mask);
            }
        }
    }

    /** Python equality of a stored key with a looked-up one, the stored key's {@code __eq__} first, as CPython. */
    private static boolean equal(Entry e, Object lookupKey) {
        return e.lookupKey.equals(lookupKey);
    }

    /** A slot for a new entry of {@code hash}: the first free or removed one of its probe sequence. */
    private static int insertionSlot(int[] idx, int hash) {
        int mask = idx.length - 1;
        int i = hash & mask;
        long perturb = hash & 0xffffffffL;
        while (idx[i] > 0) {
            perturb >>>= 5;
            i = (int) ((i * 5L + perturb + 1) & mask);
        }
        return i;
    }

    /** The index slot that holds {@code position}; the entry there is present. */
    private int slotOf(int position) {
        int hash = entries[position].hash;
        int mask = index.length - 1;
        int i = hash & mask;
        long perturb = hash & 0xffffffffL;
        while (index[i] != position + 1) {
            perturb >>>= 5;
            i = (int) ((i * 5L + perturb + 1) & mask);
        }
        return i;
    }

    /** Drops the holes and sizes the arrays for {@code capacityWanted} entries. */
    private void rebuild(int capacityWanted) {
        int capacity = Math.max(SMALL, capacityWanted);
        Entry[] fresh = new Entry[capacity];
        int n = 0;
        for (int p = 0; p < used; p++) {
            Entry e = entries[p];
            if (e != null) {
                fresh[n++] = e;
            }
        }
        int[] idx = null;
        if (capacity > SMALL) {
            // At most two thirds of the index in use, as CPython keeps it.
            idx = new int[Integer.highestOneBit(capacity * 3 / 2 - 1) << 1];
            for (int p = 0; p < n; p++) {
                idx[insertionSlot(idx, fresh[p].hash)] = p + 1;
            }
        }
        entries = fresh;
        index = idx;
        used = n;
        fill = n;
    }

    @TruffleBoundary
    public Object get(Object key) {
        Entry e = entry(key);
        return e == null ? null : e.value;
    }

    /** The entry for {@code key}, or null when absent: it stays the key's holder until {@link Entry#isLive} is false. */
    @TruffleBoundary
    public Entry entry(Object key) {
        Object k = DictKey.of(key);
        int position = find(k, spread(k.hashCode()));
        return position < 0 ? null : entries[position];
    }

    @TruffleBoundary
    public boolean containsKey(Object key) {
        return entry(key) != null;
    }

    @TruffleBoundary
    public void put(Object key, Object value) {
        Object k = DictKey.of(key);
        int hash = spread(k.hashCode());
        int position = find(k, hash);
        if (position >= 0) {
            entries[position].value = value;
            return;
        }
        if (used == entries.length || fill >= entries.length) {
            rebuild(size < SMALL ? SMALL : size * 2 + size / 2);
        }
        entries[used] = new Entry(key, value, k, hash);
        keyBits |= 1L << hash;
        if (index != null) {
            int slot = insertionSlot(index, hash);
            if (index[slot] == FREE) {
                fill++;
            }
            index[slot] = used + 1;
        }
        used++;
        size++;
        version++;
    }

    /** Removes a key; returns its value or null when absent. */
    @TruffleBoundary
    public Object remove(Object key) {
        Object k = DictKey.of(key);
        int position = find(k, spread(k.hashCode()));
        if (position < 0) {
            return null;
        }
        Entry e = removeAt(position);
        Object value = e.value;
        detach(e);
        return value;
    }

    private Entry removeAt(int position) {
        Entry e = entries[position];
        if (index != null) {
            index[slotOf(position)] = REMOVED;
        }
        entries[position] = null;
        size--;
        version++;
        if (position == used - 1) {
            used--;
        }
        return e;
    }

    /** Removes and returns the last inserted entry, or null when empty. */
    @TruffleBoundary
    public Entry popLast() {
        if (size == 0) {
            return null;
        }
        int position = used - 1;
        while (entries[position] == null) {
            position--;
        }
        Entry e = removeAt(position);
        used = position;
        Entry taken = new Entry(e.key, e.value, e.lookupKey, e.hash);
        detach(e);
        return taken;
    }

    /** Marks an entry gone; its value is dropped, so that a holder of the stale entry does not keep it alive. */
    private static void detach(Entry e) {
        e.detached = true;
        e.value = null;
    }

    @TruffleBoundary
    public void clear() {
        for (int p = 0; p < used; p++) {
            if (entries[p] != null) {
                detach(entries[p]);
            }
        }
        entries = NO_ENTRIES;
        index = null;
        used = 0;
        fill = 0;
        size = 0;
        keyBits = 0;
        version++;
    }

    public int size() {
        return size;
    }

    /** False when this dict certainly has no key {@code key}; true when it may have it. */
    public boolean mayContainStr(String key) {
        return (keyBits & (1L << spread(key.hashCode()))) != 0;
    }

    public int version() {
        return version;
    }

    /** The entries in insertion order, a view: a change of the dict while it is iterated is seen, never an error. */
    public Collection<Entry> entries() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<Entry> iterator() {
                return PDict.this.iterator();
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /**
     * The entries in insertion order. A change of the dict meanwhile is never a Java error: what the iterator then
     * gives is unspecified (callers that must detect it compare {@link #version}).
     */
    public Iterator<Entry> iterator() {
        return new Iterator<>() {
            private int position = advance(0);

            private int advance(int from) {
                Entry[] ents = entries;
                int end = Math.min(used, ents.length);
                int p = from;
                while (p < end && ents[p] == null) {
                    p++;
                }
                return p;
            }

            @Override
            public boolean hasNext() {
                position = advance(position);
                return position < Math.min(used, entries.length);
            }

            @Override
            public Entry next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return entries[position++];
            }
        };
    }

    @TruffleBoundary
    public PDict copy() {
        PDict d = new PDict();
        if (size == 0) {
            return d;
        }
        Entry[] fresh = new Entry[size];
        int n = 0;
        for (int p = 0; p < used; p++) {
            Entry e = entries[p];
            if (e != null) {
                fresh[n++] = new Entry(e.key, e.value, e.lookupKey, e.hash);
            }
        }
        d.entries = fresh;
        d.used = n;
        d.size = n;
        d.keyBits = keyBits;
        d.rebuild(n + n / 2);
        return d;
    }

    /** Sets a str key; for dicts built by the runtime (keyword arguments, JSON, module namespaces). */
    public void putStr(String key, Object value) {
        put(key, value);
    }


    @ExportMessage
    boolean hasHashEntries() {
        return true;
    }

    @ExportMessage
    long getHashSize() {
        return size;
    }

    /** The value for an interop key, or null when absent or unhashable. */
    @TruffleBoundary
    private Object valueForInteropKey(Object key) {
        try {
            return get(HostValues.toMp(key));
        } catch (MpException unhashable) {
            return null;
        }
    }

    @ExportMessage(name = "isHashEntryReadable")
    @ExportMessage(name = "isHashEntryModifiable")
    @ExportMessage(name = "isHashEntryRemovable")
    boolean isHashEntryPresent(Object key) {
        return valueForInteropKey(key) != null;
    }

    @ExportMessage
    @TruffleBoundary
    boolean isHashEntryInsertable(Object key) {
        try {
            return !containsKey(HostValues.toMp(key));
        } catch (MpException unhashable) {
            return false;
        }
    }

    @ExportMessage
    Object readHashValue(Object key) throws UnknownKeyException {
        Object value = valueForInteropKey(key);
        if (value == null) {
            throw UnknownKeyException.create(key);
        }
        return HostValues.toInterop(value);
    }

    @ExportMessage
    @TruffleBoundary
    void writeHashEntry(Object key, Object value) {
        put(HostValues.toMp(key), HostValues.toMp(value));
    }

    @ExportMessage
    @TruffleBoundary
    void removeHashEntry(Object key) throws UnknownKeyException {
        if (!isHashEntryPresent(key)) {
            throw UnknownKeyException.create(key);
        }
        remove(HostValues.toMp(key));
    }

    /** Entries as {@code (key, value)} tuples, which interop reads as two-element arrays. */
    @ExportMessage
    @TruffleBoundary
    Object getHashEntriesIterator() {
        return new InteropIterator(Iteration.dictIterator(this, BuiltinClasses.DICT_ITEM_ITERATOR, e -> PTuple.of(e.key, e.value)));
    }
}
