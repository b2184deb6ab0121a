package dev.mp.runtime.objects;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * A Python dict (or an instance of a subclass of dict): insertion-ordered, keyed by Python equality (see {@link DictKey}).
 * Each entry keeps the key object that was first inserted, as Python does.
 */
public final class PDict extends PSubclassable {

    /** One key and its value. */
    public static final class Entry {
        public final Object key;
        public Object value;

        Entry(Object key, Object value) {
            this.key = key;
            this.value = value;
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

    public Object get(Object key) {
        Entry e = map.get(DictKey.of(key));
        return e == null ? null : e.value;
    }

    public boolean containsKey(Object key) {
        return map.containsKey(DictKey.of(key));
    }

    public void put(Object key, Object value) {
        Object k = DictKey.of(key);
        Entry e = map.get(k);
        if (e == null) {
            map.put(k, new Entry(key, value));
            version++;
        } else {
            e.value = value;
        }
    }

    /** Removes a key; returns its value or null when absent. */
    public Object remove(Object key) {
        Entry e = map.remove(DictKey.of(key));
        if (e == null) {
            return null;
        }
        version++;
        return e.value;
    }

    /** Removes and returns the last inserted entry, or null when empty. */
    public Entry popLast() {
        if (map.isEmpty()) {
            return null;
        }
        Entry e = map.pollLastEntry().getValue();
        version++;
        return e;
    }

    public void clear() {
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
}
