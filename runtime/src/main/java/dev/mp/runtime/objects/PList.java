package dev.mp.runtime.objects;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A Python list. */
public final class PList extends PObject {
    private final ArrayList<Object> items;

    public PList() {
        this.items = new ArrayList<>();
    }

    public PList(Collection<?> items) {
        this.items = new ArrayList<>(items);
    }

    public PList(Object[] items) {
        this.items = new ArrayList<>(items.length);
        for (Object o : items) {
            this.items.add(o);
        }
    }

    public List<Object> items() {
        return items;
    }

    public int size() {
        return items.size();
    }

    public Object get(int i) {
        return items.get(i);
    }

    public void add(Object o) {
        items.add(o);
    }

    public Object[] toArray() {
        return items.toArray();
    }

    @Override
    public PClass getPythonClass() {
        return BuiltinClasses.LIST;
    }
}
