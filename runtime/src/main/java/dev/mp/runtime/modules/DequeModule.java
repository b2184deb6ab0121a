package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.method;

import java.util.IdentityHashMap;
import java.util.Map;

import dev.mp.runtime.builtins.BuiltinBuilder;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PIterator;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PSingleton;
import dev.mp.runtime.objects.PSlice;
import dev.mp.runtime.objects.PSubclassable;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Comparisons;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Iteration;
import dev.mp.runtime.ops.Types;

/**
 * The {@code _collections} module: {@code deque}, a double-ended queue with an optional maximum length,
 * as CPython's (collections re-exports it).
 */
final class DequeModule {
    private DequeModule() {
    }

    static final PClass DEQUE = new PClass("deque", "collections", new PClass[] {BuiltinClasses.OBJECT}, true, PClass.Layout.BUILTIN)
            .allowSubclasses().matchedBySequencePatterns();
    private static final PClass ITERATOR = new PClass("_deque_iterator", "_collections", new PClass[] {BuiltinClasses.OBJECT}, true,
            PClass.Layout.BUILTIN);
    private static final PClass REVERSE_ITERATOR = new PClass("_deque_reverse_iterator", "_collections", new PClass[] {BuiltinClasses.OBJECT},
            true, PClass.Layout.BUILTIN);

    /** Deques being printed on this thread, to print a deque inside itself as {@code [...]}. */
    private static final ThreadLocal<Map<Object, Boolean>> REPR_IN_PROGRESS = ThreadLocal.withInitial(IdentityHashMap::new);

    /** A deque: a ring buffer of items, and the maximum length (-1 for none). */
    static final class PDeque extends PSubclassable {
        private Object[] ring = new Object[8];
        private int head;
        private int size;
        long maxlen = -1;
        /** Bumped on every change, so iterators can detect "deque mutated during iteration". */
        int state;

        PDeque(PClass cls) {
            super(cls);
        }

        int size() {
            return size;
        }

        Object get(int i) {
            return ring[(head + i) % ring.length];
        }

        void set(int i, Object v) {
            ring[(head + i) % ring.length] = v;
        }

        private void grow() {
            if (size == ring.length) {
                Object[] bigger = new Object[ring.length * 2];
                for (int i = 0; i < size; i++) {
                    bigger[i] = get(i);
                }
                ring = bigger;
                head = 0;
            }
        }

        void addLast(Object v) {
            if (maxlen == 0) {
                return;
            }
            if (size == maxlen) {
                removeFirst();
            }
            grow();
            ring[(head + size) % ring.length] = v;
            size++;
            state++;
        }

        void addFirst(Object v) {
            if (maxlen == 0) {
                return;
            }
            if (size == maxlen) {
                removeLast();
            }
            grow();
            head = (head - 1 + ring.length) % ring.length;
            ring[head] = v;
            size++;
            state++;
        }

        Object removeFirst() {
            Object v = ring[head];
            ring[head] = null;
            head = (head + 1) % ring.length;
            size--;
            state++;
            return v;
        }

        Object removeLast() {
            int last = (head + size - 1) % ring.length;
            Object v = ring[last];
            ring[last] = null;
            size--;
            state++;
            return v;
        }

        /** Removes the item at position i, shifting the later items down. */
        Object removeAt(int i) {
            Object v = get(i);
            for (int k = i; k < size - 1; k++) {
                set(k, get(k + 1));
            }
            removeLast();
            return v;
        }

        /** Inserts at position i (0 <= i <= size), shifting the later items up. */
        void insertAt(int i, Object v) {
            addLast(null);
            for (int k = size - 1; k > i; k--) {
                set(k, get(k - 1));
            }
            set(i, v);
        }

        void clear() {
            ring = new Object[8];
            head = 0;
            size = 0;
            state++;
        }

        Object[] toArray() {
            Object[] out = new Object[size];
            for (int i = 0; i < size; i++) {
                out[i] = get(i);
            }
            return out;
        }
    }

    private static final class DequeIterator extends PIterator {
        private final PDeque deque;
        private final int state;
        private final boolean reversed;
        private int index;

        DequeIterator(PDeque deque, boolean reversed) {
            super(reversed ? REVERSE_ITERATOR : ITERATOR);
            this.deque = deque;
            this.state = deque.state;
            this.reversed = reversed;
        }

        @Override
        public Object next() {
            if (deque.state != state) {
                throw Errors.runtimeError("deque mutated during iteration");
            }
            if (index >= deque.size()) {
                return null;
            }
            int i = index++;
            return deque.get(reversed ? deque.size() - 1 - i : i);
        }
    }

    static {
        for (PClass it : new PClass[] {ITERATOR, REVERSE_ITERATOR}) {
            method(it, "__iter__", "self", a -> a[0]);
            method(it, "__next__", "self", a -> {
                Object v = ((PIterator) a[0]).next();
                if (v == null) {
                    throw Errors.raise(BuiltinClasses.exception("StopIteration"));
                }
                return v;
            });
        }
        PClass d = DEQUE;
        BuiltinBuilder.classMethod(d, "__class_getitem__", "cls, item, /", a -> new dev.mp.runtime.builtins.GenericAlias(a[0], a[1]));
        BuiltinBuilder.constructor(d, "cls, /, *args, **kwargs", a -> new PDeque((PClass) a[0]));
        method(d, "__init__", "self, iterable=?, maxlen=None", a -> {
            PDeque q = (PDeque) a[0];
            if (a[2] != PNone.NONE) {
                if (!Types.isInt(Types.baseValue(a[2])) && Types.override(a[2], "__index__") == null) {
                    throw Errors.typeError("an integer is required");
                }
                long maxlen = Conversions.asLong(a[2]);
                if (maxlen < 0) {
                    throw Errors.valueError("maxlen must be non-negative");
                }
                q.maxlen = maxlen;
            } else {
                q.maxlen = -1;
            }
            q.clear();
            if (a[1] != null) {
                extend(q, a[1]);
            }
            return PNone.NONE;
        });
        BuiltinBuilder.attribute(d, "maxlen", o -> ((PDeque) o).maxlen < 0 ? PNone.NONE : (Object) ((PDeque) o).maxlen);
        method(d, "append", "self, x, /", a -> {
            ((PDeque) a[0]).addLast(a[1]);
            return PNone.NONE;
        });
        method(d, "appendleft", "self, x, /", a -> {
            ((PDeque) a[0]).addFirst(a[1]);
            return PNone.NONE;
        });
        method(d, "pop", "self", a -> {
            PDeque q = nonEmpty(a[0]);
            return q.removeLast();
        });
        method(d, "popleft", "self", a -> {
            PDeque q = nonEmpty(a[0]);
            return q.removeFirst();
        });
        method(d, "extend", "self, iterable, /", a -> {
            extend((PDeque) a[0], a[1]);
            return PNone.NONE;
        });
        method(d, "extendleft", "self, iterable, /", a -> {
            PDeque q = (PDeque) a[0];
            for (Object v : a[1] == q ? q.toArray() : Iteration.toArray(a[1])) {
                q.addFirst(v);
            }
            return PNone.NONE;
        });
        method(d, "rotate", "self, n=1, /", a -> {
            PDeque q = (PDeque) a[0];
            long n = Conversions.asLong(a[1]);
            if (q.size() > 1) {
                long steps = Math.floorMod(n, q.size());
                for (long i = 0; i < steps; i++) {
                    q.addFirst(q.removeLast());
                }
            }
            return PNone.NONE;
        });
        method(d, "clear", "self", a -> {
            ((PDeque) a[0]).clear();
            return PNone.NONE;
        });
        method(d, "copy", "self", a -> copy((PDeque) a[0]));
        method(d, "__copy__", "self", a -> copy((PDeque) a[0]));
        method(d, "count", "self, value, /", a -> {
            PDeque q = (PDeque) a[0];
            int state = q.state;
            long n = 0;
            for (int i = 0; i < q.size(); i++) {
                if (Comparisons.eq(q.get(i), a[1])) {
                    n++;
                }
                if (q.state != state) {
                    throw Errors.runtimeError("deque mutated during iteration");
                }
            }
            return n;
        });
        method(d, "index", "self, value, start=0, stop=9223372036854775807, /", a -> {
            PDeque q = (PDeque) a[0];
            long start = clampIndex(Conversions.asLong(a[2]), q.size());
            long stop = clampIndex(Conversions.asLong(a[3]), q.size());
            for (long i = start; i < stop; i++) {
                if (Comparisons.eq(q.get((int) i), a[1])) {
                    return i;
                }
            }
            throw Errors.valueError("%s is not in deque", Conversions.repr(a[1]));
        });
        method(d, "insert", "self, index, value, /", a -> {
            PDeque q = (PDeque) a[0];
            if (q.size() == q.maxlen) {
                throw Errors.indexError("deque already at its maximum size");
            }
            long i = Conversions.asLong(a[1]);
            i = i < 0 ? Math.max(0, i + q.size()) : Math.min(i, q.size());
            q.insertAt((int) i, a[2]);
            return PNone.NONE;
        });
        method(d, "remove", "self, value, /", a -> {
            PDeque q = (PDeque) a[0];
            for (int i = 0; i < q.size(); i++) {
                if (Comparisons.eq(q.get(i), a[1])) {
                    q.removeAt(i);
                    return PNone.NONE;
                }
            }
            throw Errors.valueError("%s is not in deque", Conversions.repr(a[1]));
        });
        method(d, "reverse", "self", a -> {
            PDeque q = (PDeque) a[0];
            Object[] items = q.toArray();
            for (int i = 0; i < items.length; i++) {
                q.set(i, items[items.length - 1 - i]);
            }
            q.state++;
            return PNone.NONE;
        });
        method(d, "__len__", "self", a -> (long) ((PDeque) a[0]).size());
        method(d, "__bool__", "self", a -> ((PDeque) a[0]).size() > 0);
        method(d, "__getitem__", "self, index, /", a -> {
            PDeque q = (PDeque) a[0];
            return q.get(position(q, a[1]));
        });
        method(d, "__setitem__", "self, index, value, /", a -> {
            PDeque q = (PDeque) a[0];
            q.set(position(q, a[1]), a[2]);
            return PNone.NONE;
        });
        method(d, "__delitem__", "self, index, /", a -> {
            PDeque q = (PDeque) a[0];
            q.removeAt(position(q, a[1]));
            return PNone.NONE;
        });
        method(d, "__contains__", "self, value, /", a -> {
            PDeque q = (PDeque) a[0];
            int state = q.state;
            for (int i = 0; i < q.size(); i++) {
                if (Comparisons.eq(q.get(i), a[1])) {
                    return true;
                }
                if (q.state != state) {
                    throw Errors.runtimeError("deque mutated during iteration");
                }
            }
            return false;
        });
        method(d, "__iter__", "self", a -> new DequeIterator((PDeque) a[0], false));
        method(d, "__reversed__", "self", a -> new DequeIterator((PDeque) a[0], true));
        method(d, "__repr__", "self", a -> repr((PDeque) a[0]));
        d.dict().put("__hash__", PNone.NONE);
        for (Comparisons.Op op : Comparisons.Op.values()) {
            method(d, "__" + op.name().toLowerCase(java.util.Locale.ROOT) + "__", "self, other, /", a -> {
                if (!(a[1] instanceof PDeque other)) {
                    return PSingleton.NOT_IMPLEMENTED;
                }
                return Comparisons.compare(new dev.mp.runtime.objects.PList(((PDeque) a[0]).toArray()),
                        new dev.mp.runtime.objects.PList(other.toArray()), op);
            });
        }
        method(d, "__add__", "self, other, /", a -> {
            if (!(a[1] instanceof PDeque other)) {
                throw Errors.typeError("can only concatenate deque (not \"%s\") to deque", Types.typeName(a[1]));
            }
            PDeque r = copy((PDeque) a[0]);
            extend(r, other);
            return r;
        });
        method(d, "__iadd__", "self, other, /", a -> {
            extend((PDeque) a[0], a[1]);
            return a[0];
        });
        method(d, "__mul__", "self, n, /", a -> {
            PDeque r = copy((PDeque) a[0]);
            repeat(r, a[1]);
            return r;
        });
        d.dict().put("__rmul__", d.dict().get("__mul__"));
        method(d, "__imul__", "self, n, /", a -> {
            repeat((PDeque) a[0], a[1]);
            return a[0];
        });
    }

    static void populate(PModule m) {
        m.dict().put("deque", DEQUE);
    }

    private static PDeque nonEmpty(Object self) {
        PDeque q = (PDeque) self;
        if (q.size() == 0) {
            throw Errors.indexError("pop from an empty deque");
        }
        return q;
    }

    private static void extend(PDeque q, Object iterable) {
        for (Object v : iterable == q ? q.toArray() : Iteration.toArray(iterable)) {
            q.addLast(v);
        }
    }

    private static long clampIndex(long i, int size) {
        return i < 0 ? Math.max(0, i + size) : Math.min(i, size);
    }

    /** The position an index names; IndexError outside the deque, TypeError for slices and non-integers. */
    private static int position(PDeque q, Object index) {
        if (index instanceof PSlice || !Types.isInt(index) && Types.override(index, "__index__") == null) {
            throw Errors.typeError("sequence index must be integer, not '%s'", Types.typeName(index));
        }
        long i = Conversions.asLong(index);
        if (i < 0) {
            i += q.size();
        }
        if (i < 0 || i >= q.size()) {
            throw Errors.indexError("deque index out of range");
        }
        return (int) i;
    }

    /** A copy with the same maximum length; for a subclass, made by calling the class as CPython does. */
    private static PDeque copy(PDeque q) {
        if (q.getPythonClass() != DEQUE) {
            return (PDeque) Calls.call(q.getPythonClass(), new dev.mp.runtime.objects.PList(q.toArray()),
                    q.maxlen < 0 ? PNone.NONE : (Object) q.maxlen);
        }
        PDeque r = new PDeque(DEQUE);
        r.maxlen = q.maxlen;
        extend(r, q);
        return r;
    }

    private static void repeat(PDeque q, Object count) {
        if (!Types.isInt(count) && Types.override(count, "__index__") == null) {
            throw Errors.typeError("can't multiply sequence by non-int of type '%s'", Types.typeName(count));
        }
        long n = Conversions.asLong(count);
        Object[] items = q.toArray();
        if (n <= 0) {
            q.clear();
            return;
        }
        for (long i = 1; i < n; i++) {
            for (Object v : items) {
                q.addLast(v);
            }
        }
    }

    private static String repr(PDeque q) {
        Map<Object, Boolean> active = REPR_IN_PROGRESS.get();
        if (active.containsKey(q)) {
            return "[...]";
        }
        active.put(q, Boolean.TRUE);
        try {
            StringBuilder sb = new StringBuilder(q.getPythonClass().name()).append("([");
            Object[] items = q.toArray();
            for (int i = 0; i < items.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(Conversions.repr(items[i]));
            }
            sb.append(']');
            if (q.maxlen >= 0) {
                sb.append(", maxlen=").append(q.maxlen);
            }
            return sb.append(")").toString();
        } finally {
            active.remove(q);
        }
    }
}
