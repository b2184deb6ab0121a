package dev.mp.runtime.objects;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;

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
        /** Set once the entry has left its dict, so a holder of the entry (a global read's cache) knows it is stale. */
        private boolean detached;

        Entry(Object key, Object value) {
            this.key = key;
            this.value = value;
        }

        /** Whether the entry is still the one its dict holds for its key. */
        public boolean isLive() {
            return !detached;
        }
    }

    private final LinkedHashMap<Object, Entry> map = new LinkedHashMap<>();
    /** Bumped on every change of size, so iterators can detect "dictionary changed size during iteration". */
    private int version;

    public PDict() {
        super(BuiltinClasses.DICT);
    }

    /** An empty instance of {@code cls}, dict or a subclass of it. */
    public PDict(PClass cls) {
        super(cls);
    }

    @TruffleBoundary
    public Object get(Object key) {
        Entry e = map.get(DictKey.of(key));
        return e == null ? null : e.value;
    }

    /** The entry for {@code key}, or null when absent: it stays the key's holder until {@link Entry#isLive} is false. */
    @TruffleBoundary
    public Entry entry(Object key) {
        return map.get(DictKey.of(key));
    }

    @TruffleBoundary
    public boolean containsKey(Object key) {
        return map.containsKey(DictKey.of(key));
    }

    @TruffleBoundary
    public void put(Object key, Object value) {
        // One hash look-up for both cases; the entry made in vain when the key is present is cheaper than a second one.
        Entry e = map.putIfAbsent(DictKey.of(key), new Entry(key, value));
        if (e == null) {
            version++;
        } else {
            e.value = value;
        }
    }

    /** Removes a key; returns its value or null when absent. */
    @TruffleBoundary
    public Object remove(Object key) {
        Entry e = map.remove(DictKey.of(key));
        if (e == null) {
            return null;
        }
        Object value = e.value;
        detach(e);
        version++;
        return value;
    }

    /** Removes and returns the last inserted entry, or null when empty. */
    @TruffleBoundary
    public Entry popLast() {
        if (map.isEmpty()) {
            return null;
        }
        Entry e = map.pollLastEntry().getValue();
        Entry taken = new Entry(e.key, e.value);
        detach(e);
        version++;
        return taken;
    }

    /** Marks an entry gone; its value is dropped, so that a holder of the stale entry does not keep it alive. */
    private static void detach(Entry e) {
        e.detached = true;
        e.value = null;
    }

    @TruffleBoundary
    public void clear() {
        for (Entry e : map.values()) {
            detach(e);
        }
        map.clear();
        version++;
    }

    public int size() {
        return map.size();
    }

    public int version() {
        return version;
    }

    public Collection<Entry> entries() {
        return map.values();
    }

    public Iterator<Entry> iterator() {
        return map.values().iterator();
    }

    @TruffleBoundary
    public PDict copy() {
        PDict d = new PDict();
        for (Entry e : map.values()) {
            d.map.put(DictKey.of(e.key), new Entry(e.key, e.value));
        }
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
        return map.size();
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
