package dev.mp.runtime.ops;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.MpException;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PByteArray;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PInstance;
import dev.mp.runtime.objects.PIterator;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PRange;
import dev.mp.runtime.objects.PSet;
import dev.mp.runtime.objects.PTuple;

/** The iterator protocol. Java-side, exhaustion is a null result rather than StopIteration. */
public final class Iteration {
    private Iteration() {
    }

    /** {@code iter(obj)}; raises TypeError for non-iterables. */
    @TruffleBoundary
    public static Object iter(Object obj) {
        Object it = iter(obj, true);
        if (it == null) {
            throw Errors.typeError("'%s' object is not iterable", Types.typeName(obj));
        }
        return it;
    }

    /** {@code iter(obj)}, or null for a non-iterable when {@code quiet}. */
    @TruffleBoundary
    public static Object iter(Object obj, boolean quiet) {
        if (obj instanceof PIterator || obj instanceof dev.mp.runtime.objects.PGenerator g && g.isIterator()) {
            return obj;
        }
        if (Types.hasOverrides(obj)) {
            Object method = Types.override(obj, "__iter__");
            if (method != null) {
                Object it = Calls.callDescriptor(method, obj);
                if (!(it instanceof PIterator) && !(it instanceof dev.mp.runtime.objects.PGenerator g && g.isIterator())
                        && Types.typeOf(it).lookup("__next__") == null) {
                    throw Errors.typeError("iter() returned non-iterator of type '%s'", Types.typeName(it));
                }
                return it;
            }
            if (obj instanceof PInstance && Types.override(obj, "__getitem__") != null) {
                return new SequenceIterator(obj);
            }
        }
        return builtinIter(obj, quiet);
    }

    /** {@code iter(obj)} as the builtin types implement it, ignoring an {@code __iter__} override. */
    public static Object builtinIter(Object iterable, boolean quiet) {
        Object obj = Types.baseValue(iterable);
        if (obj instanceof PIterator || obj instanceof dev.mp.runtime.objects.PGenerator g && g.isIterator()) {
            return obj;
        }
        if (obj instanceof PList l) {
            return new ListIterator(l);
        }
        if (obj instanceof PTuple t) {
            return arrayIterator(BuiltinClasses.TUPLE_ITERATOR, t.items());
        }
        if (obj instanceof String s) {
            return new StringIterator(s);
        }
        if (obj instanceof PRange r) {
            return new RangeIterator(r);
        }
        if (obj instanceof PDict d) {
            return dictIterator(d, BuiltinClasses.DICT_KEY_ITERATOR, e -> e.key);
        }
        if (obj instanceof PSet s) {
            return new VersionedIterator(BuiltinClasses.SET_ITERATOR, new ArrayList<>(s.values()).iterator(), s::version, "Set");
        }
        if (obj instanceof PBytes || obj instanceof PByteArray) {
            byte[] b = Sequences.bytesOf(obj);
            Object[] items = new Object[b.length];
            for (int i = 0; i < b.length; i++) {
                items[i] = (long) (b[i] & 0xff);
            }
            return arrayIterator(BuiltinClasses.BYTES_ITERATOR, items);
        }
        if (HostInterop.isForeign(obj)) {
            return HostIteration.iter(obj, quiet);
        }
        Object iterMethod = obj instanceof PInstance ? null : Types.typeOf(obj).lookup("__iter__");
        if (iterMethod != null && iterMethod != dev.mp.runtime.objects.PNone.NONE) {
            return Calls.callDescriptor(iterMethod, obj);
        }
        if (!quiet) {
            throw Errors.typeError("'%s' object is not iterable", Types.typeName(iterable));
        }
        return null;
    }

    /** Whether {@code iter(obj)} would succeed, decided without running Python code. */
    public static boolean isIterable(Object obj) {
        if (obj instanceof PIterator || obj instanceof dev.mp.runtime.objects.PGenerator g && g.isIterator() || obj instanceof PList || obj instanceof PTuple
                || obj instanceof String || obj instanceof PRange || obj instanceof PDict || obj instanceof PSet || obj instanceof PBytes
                || obj instanceof PByteArray) {
            return true;
        }
        if (HostInterop.isForeign(obj)) {
            return HostIteration.isIterable(obj);
        }
        PClass cls = Types.typeOf(obj);
        Object iterMethod = cls.lookup("__iter__");
        if (iterMethod != null && iterMethod != dev.mp.runtime.objects.PNone.NONE) {
            return true;
        }
        return obj instanceof PInstance && cls.lookup("__getitem__") instanceof dev.mp.runtime.objects.PFunction;
    }

    /** The next item, or null when the iterator is exhausted. */
    @TruffleBoundary
    public static Object next(Object it) {
        // A class derived from a builtin iterator type (enumerate, map, ...) may override __next__: it takes the generic path.
        if (it instanceof PIterator p && p.getPythonClass().isBuiltin()) {
            return p.next();
        }
        if (it instanceof dev.mp.runtime.objects.PGenerator g && g.isIterator()) {
            return Generators.resume(g, null, null);
        }
        Object method = Types.typeOf(it).lookup("__next__");
        if (method == null) {
            throw Errors.typeError("'%s' object is not an iterator", Types.typeName(it));
        }
        try {
            return Calls.callDescriptor(method, it);
        } catch (MpException e) {
            if (Exceptions.matches(e, "StopIteration")) {
                return null;
            }
            throw e;
        }
    }

    @TruffleBoundary
    public static void forEach(Object iterable, Consumer<Object> action) {
        Object it = iter(iterable);
        for (Object o = next(it); o != null; o = next(it)) {
            action.accept(o);
        }
    }

    public static List<Object> toList(Object iterable) {
        if (iterable instanceof PList l && !l.isSubclassInstance()) {
            return new ArrayList<>(l.items());
        }
        if (iterable instanceof PTuple t && !t.isSubclassInstance()) {
            return new ArrayList<>(List.of(t.items()));
        }
        // A range's length is known: one too long for a list is a MemoryError now, not once the heap is full.
        List<Object> out = iterable instanceof dev.mp.runtime.objects.PRange r ? new ArrayList<>(Sizes.length(r.length())) : new ArrayList<>();
        if (iterable instanceof PIterator it) {
            Sizes.length(it.lengthHint());
        }
        forEach(iterable, out::add);
        return out;
    }

    /**
     * Raises MemoryError at once when the items of {@code iterable}, a range (whose length is known), cannot join
     * {@code already} items in one Java array: unpacking {@code *range(2**32)} into a call or a display would
     * otherwise fill the heap first (CPython sizes the tuple or list from the length and fails at once too).
     */
    public static void checkRoomFor(Object iterable, int already) {
        if (iterable instanceof dev.mp.runtime.objects.PRange r) {
            Sizes.length(already + r.length());
        }
    }

    @TruffleBoundary
    public static Object[] toArray(Object iterable) {
        if (iterable instanceof PTuple t && !t.isSubclassInstance()) {
            return t.items();
        }
        return toList(iterable).toArray();
    }

    public static PIterator arrayIterator(PClass cls, Object[] items) {
        return new PIterator(cls) {
            private int i;

            @Override
            public Object next() {
                return i < items.length ? items[i++] : null;
            }

            @Override
            public long lengthHint() {
                return items.length - i;
            }
        };
    }

    /** Iterates a dict, raising RuntimeError if its size changes meanwhile, as Python does. */
    public static PIterator dictIterator(PDict d, PClass cls, java.util.function.Function<PDict.Entry, Object> project) {
        Iterator<PDict.Entry> entries = d.iterator();
        int version = d.version();
        return new PIterator(cls) {
            @Override
            public Object next() {
                if (d.version() != version) {
                    throw Errors.runtimeError("dictionary changed size during iteration");
                }
                if (!entries.hasNext()) {
                    return null;
                }
                return project.apply(entries.next());
            }
        };
    }

    /** Iterates a live list by index, so appends during iteration are seen, as in Python. */
    static final class ListIterator extends PIterator {
        private final PList list;
        private int index;

        ListIterator(PList list) {
            super(BuiltinClasses.LIST_ITERATOR);
            this.list = list;
        }

        @Override
        public Object next() {
            if (index < list.size()) {
                return list.get(index++);
            }
            index = Integer.MAX_VALUE;
            return null;
        }

        @Override
        public long lengthHint() {
            return Math.max(0, (long) list.size() - index);
        }
    }

    static final class StringIterator extends PIterator {
        private final String s;
        private int index;

        StringIterator(String s) {
            super(BuiltinClasses.STR_ITERATOR);
            this.s = s;
        }

        @Override
        public Object next() {
            if (index >= s.length()) {
                return null;
            }
            int cp = s.codePointAt(index);
            int n = Character.charCount(cp);
            String r = s.substring(index, index + n);
            index += n;
            return r;
        }

        @Override
        public long lengthHint() {
            return s.codePointCount(index, s.length());
        }
    }

    static final class RangeIterator extends PIterator {
        private long next;
        private long remaining;
        private final long step;

        RangeIterator(PRange r) {
            super(BuiltinClasses.RANGE_ITERATOR);
            this.next = r.start;
            this.remaining = r.length();
            this.step = r.step;
        }

        @Override
        public Object next() {
            if (remaining <= 0) {
                return null;
            }
            remaining--;
            long v = next;
            next += step;
            return v;
        }

        @Override
        public long lengthHint() {
            return Math.max(0, remaining);
        }
    }

    static final class VersionedIterator extends PIterator {
        private final Iterator<Object> items;
        private final java.util.function.IntSupplier version;
        private final int initial;
        private final String what;

        VersionedIterator(PClass cls, Iterator<Object> items, java.util.function.IntSupplier version, String what) {
            super(cls);
            this.items = items;
            this.version = version;
            this.initial = version.getAsInt();
            this.what = what;
        }

        @Override
        public Object next() {
            if (version.getAsInt() != initial) {
                throw Errors.runtimeError("%s changed size during iteration", what);
            }
            return items.hasNext() ? items.next() : null;
        }
    }

    /** The old sequence protocol: {@code __getitem__(0)}, {@code (1)}, ... until IndexError. */
    static final class SequenceIterator extends PIterator {
        private final Object seq;
        private long index;
        private boolean done;

        SequenceIterator(Object seq) {
            super(BuiltinClasses.ITERATOR);
            this.seq = seq;
        }

        @Override
        public Object next() {
            if (done) {
                return null;
            }
            try {
                return Sequences.getItem(seq, index++);
            } catch (MpException e) {
                if (Exceptions.matches(e, "IndexError") || Exceptions.matches(e, "StopIteration")) {
                    done = true;
                    return null;
                }
                throw e;
            }
        }
    }
}
