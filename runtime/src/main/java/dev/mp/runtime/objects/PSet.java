package dev.mp.runtime.objects;

import java.util.Collection;
import java.util.LinkedHashMap;

import dev.mp.runtime.ops.Conversions;

/**
 * A Python set or frozenset (see {@link #isFrozen()}), keyed by Python equality (see {@link DictKey}).
 * A frozenset's Java equality and hash follow Python's so it can be a key itself.
 */
public final class PSet extends PObject {
    private final LinkedHashMap<Object, Object> map = new LinkedHashMap<>();
    private final boolean frozen;
    private int version;

    public PSet(boolean frozen) {
        this.frozen = frozen;
    }

    public boolean isFrozen() {
        return frozen;
    }

    public boolean add(Object o) {
        Object k = DictKey.of(o);
        if (map.containsKey(k)) {
            return false;
        }
        map.put(k, o);
        version++;
        return true;
    }

    public boolean contains(Object o) {
        return map.containsKey(DictKey.of(o));
    }

    public boolean remove(Object o) {
        boolean removed = map.remove(DictKey.of(o)) != null;
        if (removed) {
            version++;
        }
        return removed;
    }

    public Object popFirst() {
        if (map.isEmpty()) {
            return null;
        }
        version++;
        return map.pollFirstEntry().getValue();
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

    /** The members, as originally inserted. */
    public Collection<Object> values() {
        return map.values();
    }

    public PSet copy(boolean asFrozen) {
        PSet s = new PSet(asFrozen);
        s.map.putAll(map);
        return s;
    }

    @Override
    public PClass getPythonClass() {
        return frozen ? BuiltinClasses.FROZENSET : BuiltinClasses.SET;
    }

    @Override
    public boolean equals(Object obj) {
        if (this == obj) {
            return true;
        }
        return obj instanceof PSet other && other.map.size() == map.size() && map.keySet().containsAll(other.map.keySet());
    }

    @Override
    public int hashCode() {
        return Long.hashCode(Conversions.hash(this));
    }
}
