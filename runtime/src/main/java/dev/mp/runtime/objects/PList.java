package dev.mp.runtime.objects;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A Python list, or an instance of a subclass of list. */
public final class PList extends PSubclassable {
    private final ArrayList<Object> items;

    public PList() {
        super(BuiltinClasses.LIST);
        this.items = new ArrayList<>();
    }

    /** An empty instance of {@code cls}, list or a subclass of it. */
    public PList(PClass cls) {
        super(cls);
        this.items = new ArrayList<>();
    }

    public PList(Collection<?> items) {
        super(BuiltinClasses.LIST);
        this.items = new ArrayList<>(items);
    }

    public PList(Object[] items) {
        super(BuiltinClasses.LIST);
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
}
