package dev.mp.runtime.builtins;

import static dev.mp.runtime.builtins.BuiltinBuilder.constructor;
import static dev.mp.runtime.builtins.BuiltinBuilder.method;

import java.util.ArrayList;
import java.util.List;

import dev.mp.runtime.MpException;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PIterator;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PRange;
import dev.mp.runtime.objects.PSet;
import dev.mp.runtime.objects.PSlice;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Comparisons;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Iteration;
import dev.mp.runtime.ops.Sequences;
import dev.mp.runtime.ops.Sets;
import dev.mp.runtime.ops.Types;

/** list, tuple, dict (with its views), set, frozenset, range and slice. */
final class ContainerTypes {
    private ContainerTypes() {
    }

    private static final Object NONE = PNone.NONE;

    static void install() {
        list();
        lengthHints();
        tuple();
        dict();
        sets();
        PClass r = BuiltinClasses.RANGE;
        constructor(r, "cls, *args, **kwargs", a -> {
            if (a[2] instanceof PDict kw && kw.size() > 0) {
                throw Errors.typeError("range() takes no keyword arguments");
            }
            Object[] args = ((PTuple) a[1]).items();
            if (args.length == 0) {
                throw Errors.typeError("range expected at least 1 argument, got 0");
            }
            if (args.length > 3) {
                throw Errors.typeError("range expected at most 3 arguments, got %d", args.length);
            }
            long start = args.length == 1 ? 0 : Conversions.asLong(args[0]);
            long stop = Conversions.asLong(args[args.length == 1 ? 0 : 1]);
            long step = args.length < 3 ? 1 : Conversions.asLong(args[2]);
            if (step == 0) {
                throw Errors.valueError("range() arg 3 must not be zero");
            }
            return new PRange(start, stop, step);
        });
        method(r, "index", "self, value, /", a -> {
            PRange rg = (PRange) a[0];
            if (!(a[1] instanceof Long || a[1] instanceof Boolean)) {
                // Not an int: found by equality, item by item, as any sequence's.
                long i = 0;
                for (long v = rg.start; rg.step > 0 ? v < rg.stop : v > rg.stop; v += rg.step, i++) {
                    if (Comparisons.eq(v, a[1])) {
                        return i;
                    }
                }
                throw Errors.valueError("sequence.index(x): x not in sequence");
            }
            if (!Comparisons.contains(rg, a[1])) {
                throw Errors.valueError("%s is not in range", Conversions.repr(a[1]));
            }
            return (Conversions.asLong(a[1]) - rg.start) / rg.step;
        });
        method(r, "count", "self, value, /", a -> Comparisons.contains(a[0], a[1]) ? 1L : 0L);
        BuiltinBuilder.attribute(r, "start", o -> ((PRange) o).start);
        BuiltinBuilder.attribute(r, "stop", o -> ((PRange) o).stop);
        BuiltinBuilder.attribute(r, "step", o -> ((PRange) o).step);
        PClass sl = BuiltinClasses.SLICE;
        constructor(sl, "cls, start, stop=?, step=None, /", a -> a[2] == null ? new PSlice(NONE, a[1], NONE) : new PSlice(a[1], a[2], a[3]));
        BuiltinBuilder.attribute(sl, "start", o -> ((PSlice) o).start);
        BuiltinBuilder.attribute(sl, "stop", o -> ((PSlice) o).stop);
        BuiltinBuilder.attribute(sl, "step", o -> ((PSlice) o).step);
        method(sl, "indices", "self, length", a -> {
            long[] ix = Sequences.sliceIndices((PSlice) a[0], Conversions.asLong(a[1]));
            return PTuple.of(ix[0], ix[1], ix[2]);
        });
        for (PClass it : new PClass[] {BuiltinClasses.LIST_ITERATOR, BuiltinClasses.TUPLE_ITERATOR, BuiltinClasses.STR_ITERATOR,
                BuiltinClasses.RANGE_ITERATOR, BuiltinClasses.SET_ITERATOR, BuiltinClasses.BYTES_ITERATOR, BuiltinClasses.DICT_KEY_ITERATOR,
                BuiltinClasses.DICT_VALUE_ITERATOR, BuiltinClasses.DICT_ITEM_ITERATOR, BuiltinClasses.ENUMERATE, BuiltinClasses.ZIP,
                BuiltinClasses.MAP, BuiltinClasses.FILTER, BuiltinClasses.REVERSED, BuiltinClasses.CALLABLE_ITERATOR, BuiltinClasses.ITERATOR}) {
            method(it, "__iter__", "self", a -> a[0]);
            method(it, "__next__", "self", a -> {
                Object v = ((PIterator) a[0]).next();
                if (v == null) {
                    throw Errors.raise(BuiltinClasses.exception("StopIteration"));
                }
                return v;
            });
        }
    }

    /** __length_hint__ of the iterators over sequences, which know how many items are left. */
    private static void lengthHints() {
        for (PClass it : new PClass[] {BuiltinClasses.LIST_ITERATOR, BuiltinClasses.TUPLE_ITERATOR, BuiltinClasses.STR_ITERATOR,
                BuiltinClasses.RANGE_ITERATOR, BuiltinClasses.BYTES_ITERATOR}) {
            method(it, "__length_hint__", "self", a -> Math.max(0, ((PIterator) a[0]).lengthHint()));
        }
    }

    private static void list() {
        PClass l = BuiltinClasses.LIST;
        // As CPython, list.__new__ makes an empty list of the subclass and list.__init__ fills it.
        constructor(l, "cls, /, *args, **kwargs", a -> {
            if (a[0] != l) {
                return new PList((PClass) a[0]);
            }
            Object iterable = optionalArgument("list", a[1], a[2]);
            return iterable == null ? new PList() : new PList(Iteration.toList(iterable));
        });
        method(l, "__init__", "self, /, *args, **kwargs", a -> {
            Object iterable = optionalArgument("list", a[1], a[2]);
            List<Object> items = ((PList) a[0]).items();
            items.clear();
            if (iterable != null) {
                items.addAll(Iteration.toList(iterable));
            }
            return NONE;
        });
        method(l, "append", "self, object, /", a -> {
            ((PList) a[0]).add(a[1]);
            return NONE;
        });
        method(l, "extend", "self, iterable, /", a -> {
            ((PList) a[0]).items().addAll(Iteration.toList(a[1]));
            return NONE;
        });
        method(l, "insert", "self, index, object, /", a -> {
            List<Object> items = ((PList) a[0]).items();
            long i = Conversions.asLong(a[1]);
            if (i < 0) {
                i = Math.max(0, i + items.size());
            }
            items.add((int) Math.min(i, items.size()), a[2]);
            return NONE;
        });
        method(l, "pop", "self, index=-1, /", a -> {
            List<Object> items = ((PList) a[0]).items();
            long i = Conversions.asLong(a[1]); // the index is parsed first, as CPython does
            if (items.isEmpty()) {
                throw Errors.indexError("pop from empty list");
            }
            if (i < 0) {
                i += items.size();
            }
            if (i < 0 || i >= items.size()) {
                throw Errors.indexError("pop index out of range");
            }
            return items.remove((int) i);
        });
        method(l, "remove", "self, value, /", a -> {
            List<Object> items = ((PList) a[0]).items();
            for (int i = 0; i < items.size(); i++) {
                if (Comparisons.eq(items.get(i), a[1])) {
                    items.remove(i);
                    return NONE;
                }
            }
            throw Errors.valueError("list.remove(x): x not in list");
        });
        method(l, "index", "self, value, start=0, stop=9223372036854775807, /", a -> {
            List<Object> items = ((PList) a[0]).items();
            long start = Sequences.sliceValueNotNone(a[2]);
            long stop = Sequences.sliceValueNotNone(a[3]);
            if (start < 0) {
                start = Math.max(0, start + items.size());
            }
            if (stop < 0) {
                stop += items.size();
            }
            for (long i = start; i < Math.min(stop, items.size()); i++) {
                if (Comparisons.eq(items.get((int) i), a[1])) {
                    return i;
                }
            }
            throw Errors.valueError("%s is not in list", Conversions.repr(a[1]));
        });
        method(l, "count", "self, value, /", a -> ((PList) a[0]).items().stream().filter(o -> Comparisons.eq(o, a[1])).count());
        method(l, "sort", "self, *, key=None, reverse=False", a -> {
            Sorting.sort(((PList) a[0]).items(), a[1], Conversions.isTrue(a[2]));
            return NONE;
        });
        method(l, "reverse", "self", a -> {
            java.util.Collections.reverse(((PList) a[0]).items());
            return NONE;
        });
        method(l, "copy", "self", a -> new PList(((PList) a[0]).items()));
        method(l, "clear", "self", a -> {
            ((PList) a[0]).items().clear();
            return NONE;
        });
        method(l, "__len__", "self", a -> (long) ((PList) a[0]).size());
        method(l, "__getitem__", "self, index", a -> Sequences.builtinGetItem(a[0], a[1]));
        method(l, "__setitem__", "self, index, value", a -> {
            Sequences.builtinSetItem(a[0], a[1], a[2]);
            return NONE;
        });
        method(l, "__delitem__", "self, index", a -> {
            Sequences.builtinDelItem(a[0], a[1]);
            return NONE;
        });
        method(l, "__contains__", "self, value", a -> Comparisons.builtinContains(a[0], a[1]));
        method(l, "__iter__", "self", a -> Iteration.builtinIter(a[0], false));
        method(l, "__reversed__", "self, /", a -> {
            List<Object> items = new java.util.ArrayList<>(((PList) a[0]).items());
            java.util.Collections.reverse(items);
            return Iteration.arrayIterator(BuiltinClasses.REVERSED, items.toArray());
        });
        // Named methods for what `l += x` and `l *= n` do (a manager's ListProxy calls them by name).
        method(l, "__iadd__", "self, value, /", a -> {
            ((PList) a[0]).items().addAll(Iteration.toList(a[1]));
            return a[0];
        });
        method(l, "__imul__", "self, value, /", a -> {
            PList product = (PList) dev.mp.runtime.ops.Arithmetic.binary(dev.mp.runtime.ops.Arithmetic.BinOp.MUL, new PList(((PList) a[0]).items()), Conversions.index(a[1]));
            List<Object> items = ((PList) a[0]).items();
            items.clear();
            items.addAll(product.items());
            return a[0];
        });
        method(l, "__repr__", "self", a -> Conversions.builtinRepr(a[0]));
    }

    /**
     * The one optional positional argument of the list, tuple and dict constructors (null when absent), with
     * CPython's errors for more arguments and, unless {@code keywordsAllowed}, for keywords.
     */
    private static Object optionalArgument(String type, Object args, Object kwargs) {
        Object[] positional = ((PTuple) args).items();
        if (kwargs instanceof PDict kw && kw.size() > 0 && !type.equals("dict")) {
            throw Errors.typeError("%s() takes no keyword arguments", type);
        }
        if (positional.length > 1) {
            throw Errors.typeError("%s expected at most 1 argument, got %d", type, positional.length);
        }
        return positional.length == 0 ? null : positional[0];
    }

    private static void tuple() {
        PClass t = BuiltinClasses.TUPLE;
        constructor(t, "cls, /, *args, **kwargs", a -> {
            Object iterable = optionalArgument("tuple", a[1], a[2]);
            if (a[0] != t) {
                return new PTuple((PClass) a[0], iterable == null ? new Object[0] : Iteration.toArray(iterable));
            }
            return iterable == null ? PTuple.EMPTY
                    : iterable instanceof PTuple tp && !tp.isSubclassInstance() ? tp : new PTuple(Iteration.toArray(iterable));
        });
        method(t, "index", "self, value, start=0, stop=9223372036854775807, /", a -> {
            Object[] items = ((PTuple) a[0]).items();
            long start = Sequences.sliceValueNotNone(a[2]);
            long stop = Sequences.sliceValueNotNone(a[3]);
            start = start < 0 ? Math.max(0, start + items.length) : start;
            stop = stop < 0 ? stop + items.length : Math.min(stop, items.length);
            for (int i = (int) Math.min(start, items.length); i < stop; i++) {
                if (Comparisons.eq(items[i], a[1])) {
                    return (long) i;
                }
            }
            throw Errors.valueError("tuple.index(x): x not in tuple");
        });
        method(t, "count", "self, value, /", a -> java.util.Arrays.stream(((PTuple) a[0]).items()).filter(o -> Comparisons.eq(o, a[1])).count());
        method(t, "__len__", "self", a -> (long) ((PTuple) a[0]).size());
        method(t, "__getitem__", "self, index", a -> Sequences.builtinGetItem(a[0], a[1]));
        method(t, "__contains__", "self, value", a -> Comparisons.builtinContains(a[0], a[1]));
        method(t, "__iter__", "self", a -> Iteration.builtinIter(a[0], false));
        method(t, "__repr__", "self", a -> Conversions.builtinRepr(a[0]));
    }

    private static void dict() {
        PClass d = BuiltinClasses.DICT;
        // As CPython, dict.__new__ makes an empty dict of the subclass and dict.__init__ fills it.
        constructor(d, "cls, /, *args, **kwargs", a -> {
            if (a[0] != d) {
                return new PDict((PClass) a[0]);
            }
            PDict r = new PDict();
            initDict(r, a[1], (PDict) a[2]);
            return r;
        });
        method(d, "__init__", "self, /, *args, **kwargs", a -> {
            initDict((PDict) a[0], a[1], (PDict) a[2]);
            return NONE;
        });
        method(d, "get", "self, key, default=None, /", a -> {
            Object v = ((PDict) a[0]).get(a[1]);
            return v == null ? a[2] : v;
        });
        method(d, "keys", "self", a -> new DictView((PDict) a[0], BuiltinClasses.DICT_KEYS));
        method(d, "values", "self", a -> new DictView((PDict) a[0], BuiltinClasses.DICT_VALUES));
        method(d, "items", "self", a -> new DictView((PDict) a[0], BuiltinClasses.DICT_ITEMS));
        method(d, "pop", "self, key, default=?, /", a -> {
            Object v = ((PDict) a[0]).remove(a[1]);
            if (v == null) {
                if (a[2] == null) {
                    throw Errors.keyError(a[1]);
                }
                return a[2];
            }
            return v;
        });
        method(d, "popitem", "self", a -> {
            PDict.Entry e = ((PDict) a[0]).popLast();
            if (e == null) {
                throw Errors.make("KeyError", "popitem(): dictionary is empty");
            }
            return PTuple.of(e.key, e.value);
        });
        method(d, "setdefault", "self, key, default=None, /", a -> {
            PDict dict = (PDict) a[0];
            Object v = dict.get(a[1]);
            if (v == null) {
                dict.put(a[1], a[2]);
                return a[2];
            }
            return v;
        });
        method(d, "update", "self, other=?, /, **kwargs", a -> {
            if (a[1] != null) {
                update((PDict) a[0], a[1]);
            }
            for (PDict.Entry e : ((PDict) a[2]).entries()) {
                ((PDict) a[0]).put(e.key, e.value);
            }
            return NONE;
        });
        method(d, "__ior__", "self, other, /", a -> {
            update((PDict) a[0], a[1]);
            return a[0];
        });
        method(d, "copy", "self", a -> ((PDict) a[0]).copy());
        method(d, "clear", "self", a -> {
            ((PDict) a[0]).clear();
            return NONE;
        });
        BuiltinBuilder.classMethod(d, "fromkeys", "cls, iterable, value=None, /", a -> {
            PDict r = new PDict();
            Iteration.forEach(a[1], k -> r.put(k, a[2]));
            return r;
        });
        method(d, "__len__", "self", a -> (long) ((PDict) a[0]).size());
        method(d, "__getitem__", "self, key", a -> Sequences.builtinGetItem(a[0], a[1]));
        method(d, "__setitem__", "self, key, value", a -> {
            ((PDict) a[0]).put(a[1], a[2]);
            return NONE;
        });
        method(d, "__delitem__", "self, key", a -> {
            Sequences.builtinDelItem(a[0], a[1]);
            return NONE;
        });
        method(d, "__contains__", "self, key", a -> ((PDict) a[0]).containsKey(a[1]));
        method(d, "__iter__", "self", a -> Iteration.builtinIter(a[0], false));
        method(d, "__repr__", "self", a -> Conversions.builtinRepr(a[0]));
        for (PClass v : new PClass[] {BuiltinClasses.DICT_KEYS, BuiltinClasses.DICT_ITEMS}) {
            // The set operators of keys and items views, as CPython computes them (a set of the view, updated).
            method(v, "__or__", "self, other", a -> {
                PSet r = Sets.of(a[0], false);
                Sets.update(r, a[1]);
                return r;
            });
            method(v, "__ror__", "self, other", a -> {
                PSet r = Sets.of(a[1], false);
                Sets.update(r, a[0]);
                return r;
            });
            method(v, "__sub__", "self, other", a -> {
                PSet r = Sets.of(a[0], false);
                Sets.differenceUpdate(r, a[1]);
                return r;
            });
            method(v, "__rsub__", "self, other", a -> {
                PSet r = Sets.of(a[1], false);
                Sets.differenceUpdate(r, a[0]);
                return r;
            });
            method(v, "__xor__", "self, other", a -> {
                PSet r = Sets.of(a[0], false);
                Sets.symmetricDifferenceUpdate(r, a[1]);
                return r;
            });
            method(v, "__rxor__", "self, other", a -> {
                PSet r = Sets.of(a[1], false);
                Sets.symmetricDifferenceUpdate(r, a[0]);
                return r;
            });
            method(v, "__and__", "self, other", a -> viewIntersection((DictView) a[0], a[1]));
            method(v, "__rand__", "self, other", a -> viewIntersection((DictView) a[0], a[1]));
            v.dict().put("__hash__", NONE); // set-like, so unhashable as in CPython
        }
        for (PClass v : new PClass[] {BuiltinClasses.DICT_KEYS, BuiltinClasses.DICT_VALUES, BuiltinClasses.DICT_ITEMS}) {
            method(v, "__iter__", "self", a -> ((DictView) a[0]).iterator());
            method(v, "__len__", "self", a -> (long) ((DictView) a[0]).dict.size());
            method(v, "__repr__", "self", a -> ((DictView) a[0]).repr());
            method(v, "__contains__", "self, x", a -> ((DictView) a[0]).contains(a[1]));
        }
        // Dicts and their views are reversible (in insertion order, backwards), as since CPython 3.8.
        for (PClass c : new PClass[] {d, BuiltinClasses.DICT_KEYS, BuiltinClasses.DICT_VALUES, BuiltinClasses.DICT_ITEMS}) {
            method(c, "__reversed__", "self, /", a -> {
                List<Object> items = Iteration.toList(a[0]);
                java.util.Collections.reverse(items);
                return Iteration.arrayIterator(BuiltinClasses.REVERSED, items.toArray());
            });
        }
    }

    /** Fills a new dict from the constructor's arguments: a mapping or iterable of pairs, then keywords. */
    private static void initDict(PDict target, Object args, PDict kwargs) {
        Object source = optionalArgument("dict", args, kwargs);
        if (source != null) {
            update(target, source);
        }
        for (PDict.Entry e : kwargs.entries()) {
            target.put(e.key, e.value);
        }
    }

    static void update(PDict target, Object source) {
        if (source instanceof PDict other) {
            for (PDict.Entry e : new ArrayList<>(other.entries())) {
                target.put(e.key, e.value);
            }
            return;
        }
        // A Java map (with host access) is a mapping too; iterating it gives its keys.
        boolean foreignMapping = dev.mp.runtime.ops.HostInterop.isForeignMapping(source);
        if (foreignMapping || (dev.mp.runtime.ops.Types.typeOf(source).lookup("keys") != null && !(source instanceof PList))) {
            for (Object k : Iteration.toList(foreignMapping ? source : Calls.callMethod(source, "keys"))) {
                target.put(k, Sequences.getItem(source, k));
            }
            return;
        }
        int i = 0;
        for (Object item : Iteration.toList(source)) {
            List<Object> pair;
            try {
                pair = Iteration.toList(item);
            } catch (MpException e) {
                throw Errors.typeError("cannot convert dictionary update sequence element #%d to a sequence", i);
            }
            if (pair.size() != 2) {
                throw Errors.valueError("dictionary update sequence element #%d has length %d; 2 is required", i, pair.size());
            }
            target.put(pair.get(0), pair.get(1));
            i++;
        }
    }

    private static void sets() {
        for (PClass c : new PClass[] {BuiltinClasses.SET, BuiltinClasses.FROZENSET}) {
            boolean frozen = c == BuiltinClasses.FROZENSET;
            if (frozen) {
                constructor(c, "cls, iterable=?, /", a -> {
                    if (a[0] != c) {
                        PSet instance = new PSet((PClass) a[0], true);
                        if (a[1] != null) {
                            Sets.update(instance, a[1]);
                        }
                        return instance;
                    }
                    return a[1] == null ? new PSet(true) : Sets.of(a[1], true);
                });
            } else {
                // As CPython (and as list), set.__new__ makes an empty set and set.__init__ fills it.
                constructor(c, "cls, /, *args, **kwargs", a -> {
                    if (a[0] != c) {
                        return new PSet((PClass) a[0], false);
                    }
                    Object iterable = optionalArgument("set", a[1], a[2]);
                    return iterable == null ? new PSet(false) : Sets.of(iterable, false);
                });
                method(c, "__init__", "self, /, *args, **kwargs", a -> {
                    if (((PDict) a[2]).size() > 0) {
                        throw Errors.typeError("set() takes no keyword arguments");
                    }
                    // CPython names the instance's type in the count error.
                    Object iterable = optionalArgument(Types.typeName(a[0]), a[1], a[2]);
                    PSet set = (PSet) a[0];
                    set.clear();
                    if (iterable != null) {
                        Sets.update(set, iterable);
                    }
                    return NONE;
                });
            }
            method(c, "union", "self, *others", a -> {
                PSet r = ((PSet) a[0]).copy(frozen);
                for (Object o : ((PTuple) a[1]).items()) {
                    Sets.update(r, o);
                }
                return r;
            });
            method(c, "intersection", "self, *others", a -> {
                PSet r = (PSet) a[0];
                for (Object o : ((PTuple) a[1]).items()) {
                    r = Sets.intersection(r, o);
                }
                return r == a[0] ? r.copy(frozen) : r;
            });
            method(c, "difference", "self, *others", a -> {
                Object[] others = ((PTuple) a[1]).items();
                if (others.length == 0) {
                    return ((PSet) a[0]).copy(frozen);
                }
                PSet r = Sets.difference((PSet) a[0], others[0]);
                for (int i = 1; i < others.length; i++) {
                    Sets.differenceUpdate(r, others[i]);
                }
                return r;
            });
            method(c, "symmetric_difference", "self, other, /", a -> Sets.symmetricDifference((PSet) a[0], a[1]));
            method(c, "issubset", "self, other, /", a -> Comparisons.compare(a[0], toSet(a[1]), Comparisons.Op.LE));
            method(c, "issuperset", "self, other, /", a -> Comparisons.compare(a[0], toSet(a[1]), Comparisons.Op.GE));
            method(c, "isdisjoint", "self, other, /", a -> toSet(a[1]).values().stream().noneMatch(((PSet) a[0])::contains));
            method(c, "copy", "self", a -> ((PSet) a[0]).copy(frozen));
            method(c, "__len__", "self", a -> (long) ((PSet) a[0]).size());
            method(c, "__contains__", "self, x", a -> ((PSet) a[0]).contains(a[1]));
        }
        PClass s = BuiltinClasses.SET;
        method(s, "add", "self, element, /", a -> {
            ((PSet) a[0]).add(a[1]);
            return NONE;
        });
        method(s, "remove", "self, element, /", a -> {
            if (!((PSet) a[0]).remove(a[1])) {
                throw Errors.keyError(a[1]);
            }
            return NONE;
        });
        method(s, "discard", "self, element, /", a -> {
            ((PSet) a[0]).remove(a[1]);
            return NONE;
        });
        method(s, "pop", "self", a -> {
            Object v = ((PSet) a[0]).popFirst();
            if (v == null) {
                throw Errors.make("KeyError", "pop from an empty set");
            }
            return v;
        });
        method(s, "clear", "self", a -> {
            ((PSet) a[0]).clear();
            return NONE;
        });
        method(s, "update", "self, *others", a -> {
            for (Object o : ((PTuple) a[1]).items()) {
                Sets.update((PSet) a[0], o);
            }
            return NONE;
        });
        method(s, "intersection_update", "self, *others", a -> {
            PSet r = (PSet) a[0];
            for (Object o : ((PTuple) a[1]).items()) {
                r = Sets.intersection(r, o);
            }
            if (r != a[0]) { // with no other set, nothing changes (taking its own contents emptied it)
                ((PSet) a[0]).takeContents(r);
            }
            return NONE;
        });
        method(s, "symmetric_difference_update", "self, other, /", a -> {
            Sets.symmetricDifferenceUpdate((PSet) a[0], a[1]);
            return NONE;
        });
        method(s, "difference_update", "self, *others", a -> {
            for (Object o : ((PTuple) a[1]).items()) {
                Sets.differenceUpdate((PSet) a[0], o);
            }
            return NONE;
        });
    }

    /** view & other, as CPython's: a larger set does the intersection itself, else other's items that the view holds. */
    private static PSet viewIntersection(DictView view, Object other) {
        if (other instanceof PSet s && !s.isFrozen() && view.dict.size() <= s.size()) {
            return Sets.intersection(s, view);
        }
        PSet r = new PSet(false);
        Iteration.forEach(other, v -> {
            if (view.contains(v)) {
                r.add(v);
            }
        });
        return r;
    }

    /** A set argument of issubset and the like: the set itself, or a frozenset of an iterable's items. */
    private static PSet toSet(Object o) {
        return o instanceof PSet s ? s : Sets.of(o, true);
    }

    /** dict.keys(), values() and items(): live views of a dict. */
    static final class DictView extends dev.mp.runtime.objects.PObject {
        final PDict dict;
        private final PClass cls;

        DictView(PDict dict, PClass cls) {
            this.dict = dict;
            this.cls = cls;
        }

        @Override
        public PClass getPythonClass() {
            return cls;
        }

        Object iterator() {
            if (cls == BuiltinClasses.DICT_KEYS) {
                return Iteration.dictIterator(dict, BuiltinClasses.DICT_KEY_ITERATOR, e -> e.key);
            }
            if (cls == BuiltinClasses.DICT_VALUES) {
                return Iteration.dictIterator(dict, BuiltinClasses.DICT_VALUE_ITERATOR, e -> e.value);
            }
            return Iteration.dictIterator(dict, BuiltinClasses.DICT_ITEM_ITERATOR, e -> PTuple.of(e.key, e.value));
        }

        boolean contains(Object x) {
            if (cls == BuiltinClasses.DICT_KEYS) {
                return dict.containsKey(x);
            }
            Object it = iterator();
            for (Object o = Iteration.next(it); o != null; o = Iteration.next(it)) {
                if (Comparisons.eq(o, x)) {
                    return true;
                }
            }
            return false;
        }

        String repr() {
            StringBuilder sb = new StringBuilder(cls.name()).append("([");
            Object it = iterator();
            boolean first = true;
            for (Object o = Iteration.next(it); o != null; o = Iteration.next(it)) {
                sb.append(first ? "" : ", ").append(Conversions.repr(o));
                first = false;
            }
            return sb.append("])").toString();
        }
    }
}
