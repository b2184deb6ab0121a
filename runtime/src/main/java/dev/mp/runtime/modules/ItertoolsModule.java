package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.method;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.mp.runtime.builtins.BuiltinBuilder;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PIterator;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Arithmetic;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Comparisons;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Iteration;
import dev.mp.runtime.ops.Types;

/**
 * The {@code itertools} module: each function is a type whose instances are iterators, producing the same
 * items in the same order as CPython's.
 */
final class ItertoolsModule {
    private ItertoolsModule() {
    }

    private static final List<PClass> TYPES = new ArrayList<>();

    /** Defines an iterator type {@code itertools.name} whose constructor (taking {@code params}) makes its instances. */
    private static PClass type(String name, String params, Function<Object[], PIterator> make) {
        PClass cls = new PClass(name, "itertools", new PClass[] {BuiltinClasses.OBJECT}, true, PClass.Layout.BUILTIN);
        BuiltinBuilder.constructor(cls, "cls, " + params, make::apply);
        iteratorMethods(cls);
        TYPES.add(cls);
        return cls;
    }

    private static void iteratorMethods(PClass cls) {
        method(cls, "__iter__", "self", a -> a[0]);
        method(cls, "__next__", "self", a -> {
            Object v = ((PIterator) a[0]).next();
            if (v == null) {
                throw Errors.raise(BuiltinClasses.exception("StopIteration"));
            }
            return v;
        });
    }

    private static final PClass COUNT = type("count", "start=0, step=1", a -> new Count(a[1], a[2]));
    private static final PClass CYCLE = type("cycle", "iterable, /", a -> cycle(a[1]));
    private static final PClass REPEAT = type("repeat", "object, times=?", a -> new Repeat(a[1], a[2] == null ? -1 : Math.max(0, Conversions.asLong(a[2]))));
    private static final PClass ACCUMULATE = type("accumulate", "iterable, func=None, *, initial=None", a -> accumulate(a[1], a[2], a[3]));
    private static final PClass CHAIN = type("chain", "*iterables", a -> chain(Iteration.iter(a[1])));
    private static final PClass COMPRESS = type("compress", "data, selectors", a -> compress(a[1], a[2]));
    private static final PClass DROPWHILE = type("dropwhile", "predicate, iterable, /", a -> dropWhile(a[1], a[2]));
    private static final PClass TAKEWHILE = type("takewhile", "predicate, iterable, /", a -> takeWhile(a[1], a[2]));
    private static final PClass FILTERFALSE = type("filterfalse", "function, iterable, /", a -> filterFalse(a[1], a[2]));
    private static final PClass GROUPBY = type("groupby", "iterable, key=None", a -> new GroupBy(a[1], a[2]));
    private static final PClass GROUPER = new PClass("_grouper", "itertools", new PClass[] {BuiltinClasses.OBJECT}, true, PClass.Layout.BUILTIN);
    private static final PClass ISLICE = type("islice", "iterable, *args", a -> islice(a[1], ((PTuple) a[2]).items()));
    private static final PClass STARMAP = type("starmap", "function, iterable, /", a -> starmap(a[1], a[2]));
    private static final PClass TEE = new PClass("_tee", "itertools", new PClass[] {BuiltinClasses.OBJECT}, true, PClass.Layout.BUILTIN);
    private static final PClass ZIP_LONGEST = type("zip_longest", "*iterables, fillvalue=None", a -> zipLongest(((PTuple) a[1]).items(), a[2]));
    private static final PClass PRODUCT = type("product", "*iterables, repeat=1", a -> product(((PTuple) a[1]).items(), a[2]));
    private static final PClass PERMUTATIONS = type("permutations", "iterable, r=None", a -> permutations(a[1], a[2]));
    private static final PClass COMBINATIONS = type("combinations", "iterable, r", a -> combinations(a[1], a[2], false));
    private static final PClass COMBINATIONS_WITH_REPLACEMENT = type("combinations_with_replacement", "iterable, r",
            a -> combinations(a[1], a[2], true));
    private static final PClass PAIRWISE = type("pairwise", "iterable, /", a -> pairwise(a[1]));

    static {
        iteratorMethods(GROUPER);
        iteratorMethods(TEE);
        method(TEE, "__copy__", "self", a -> new Tee(((Tee) a[0]).source, ((Tee) a[0]).position));
        BuiltinBuilder.classMethod(CHAIN, "from_iterable", "cls, iterable, /", a -> chain(Iteration.iter(a[1])));
        method(COUNT, "__repr__", "self", a -> ((Count) a[0]).repr());
        method(REPEAT, "__repr__", "self", a -> {
            Repeat r = (Repeat) a[0];
            return "repeat(" + Conversions.repr(r.value) + (r.remaining < 0 ? "" : ", " + r.remaining) + ")";
        });
        method(REPEAT, "__length_hint__", "self", a -> {
            Repeat r = (Repeat) a[0];
            if (r.remaining < 0) {
                throw Errors.typeError("len() of unsized object");
            }
            return r.remaining;
        });
    }

    static void populate(PModule m) {
        PDict d = m.dict();
        for (PClass cls : TYPES) {
            d.put(cls.name(), cls);
        }
        BuiltinBuilder.moduleFunction(m, "tee", "iterable, n=2, /", a -> tee(a[0], a[1]));
        d.put("_tee", TEE);
        d.put("_grouper", GROUPER);
    }

    // =====================================================================================================
    // Infinite iterators
    // =====================================================================================================

    private static final class Count extends PIterator {
        private Object next;
        private final Object step;

        Count(Object start, Object step) {
            super(COUNT);
            if (!isNumber(start) || !isNumber(step)) {
                throw Errors.typeError("a number is required");
            }
            this.next = start;
            this.step = step;
        }

        @Override
        public Object next() {
            Object v = next;
            next = Arithmetic.binary(Arithmetic.BinOp.ADD, next, step);
            return v;
        }

        /** CPython's PyNumber_Check: an int, float or complex, or an object that converts to one. */
        private static boolean isNumber(Object o) {
            return Types.isNumber(o) || Types.baseValue(o) instanceof dev.mp.runtime.objects.PComplex || Types.override(o, "__index__") != null
                    || Types.override(o, "__int__") != null || Types.override(o, "__float__") != null || Types.override(o, "__complex__") != null;
        }

        String repr() {
            boolean unitStep = step instanceof Long l && l == 1;
            return "count(" + Conversions.repr(next) + (unitStep ? "" : ", " + Conversions.repr(step)) + ")";
        }
    }

    private static PIterator cycle(Object iterable) {
        Object it = Iteration.iter(iterable);
        List<Object> saved = new ArrayList<>();
        return new PIterator(CYCLE) {
            private int index = -1;

            @Override
            public Object next() {
                if (index < 0) {
                    Object v = Iteration.next(it);
                    if (v != null) {
                        saved.add(v);
                        return v;
                    }
                    if (saved.isEmpty()) {
                        return null;
                    }
                    index = 0;
                }
                Object v = saved.get(index);
                index = (index + 1) % saved.size();
                return v;
            }
        };
    }

    private static final class Repeat extends PIterator {
        final Object value;
        long remaining;

        Repeat(Object value, long times) {
            super(REPEAT);
            this.value = value;
            this.remaining = times;
        }

        @Override
        public Object next() {
            if (remaining == 0) {
                return null;
            }
            if (remaining > 0) {
                remaining--;
            }
            return value;
        }
    }

    // =====================================================================================================
    // Iterators over one or more inputs
    // =====================================================================================================

    private static PIterator accumulate(Object iterable, Object func, Object initial) {
        Object it = Iteration.iter(iterable);
        return new PIterator(ACCUMULATE) {
            private Object total = initial == PNone.NONE ? null : initial;
            private boolean initialGiven = initial != PNone.NONE;

            @Override
            public Object next() {
                if (initialGiven) {
                    initialGiven = false;
                    return total;
                }
                Object v = Iteration.next(it);
                if (v == null) {
                    return null;
                }
                total = total == null ? v : func == PNone.NONE ? Arithmetic.binary(Arithmetic.BinOp.ADD, total, v) : Calls.call(func, total, v);
                return total;
            }
        };
    }

    /** Chains the iterables that {@code sources} (an iterator) produces, taking each only when reached. */
    private static PIterator chain(Object sources) {
        return new PIterator(CHAIN) {
            private Object current;

            @Override
            public Object next() {
                while (true) {
                    if (current == null) {
                        Object source = Iteration.next(sources);
                        if (source == null) {
                            return null;
                        }
                        current = Iteration.iter(source);
                    }
                    Object v = Iteration.next(current);
                    if (v != null) {
                        return v;
                    }
                    current = null;
                }
            }
        };
    }

    private static PIterator compress(Object data, Object selectors) {
        Object values = Iteration.iter(data);
        Object flags = Iteration.iter(selectors);
        return new PIterator(COMPRESS) {
            @Override
            public Object next() {
                while (true) {
                    Object v = Iteration.next(values);
                    Object flag = v == null ? null : Iteration.next(flags);
                    if (v == null || flag == null) {
                        return null;
                    }
                    if (Conversions.isTrue(flag)) {
                        return v;
                    }
                }
            }
        };
    }

    private static PIterator dropWhile(Object predicate, Object iterable) {
        Object it = Iteration.iter(iterable);
        return new PIterator(DROPWHILE) {
            private boolean dropping = true;

            @Override
            public Object next() {
                Object v = Iteration.next(it);
                while (dropping && v != null && Conversions.isTrue(Calls.call(predicate, v))) {
                    v = Iteration.next(it);
                }
                dropping = false;
                return v;
            }
        };
    }

    private static PIterator takeWhile(Object predicate, Object iterable) {
        Object it = Iteration.iter(iterable);
        return new PIterator(TAKEWHILE) {
            private boolean done;

            @Override
            public Object next() {
                if (done) {
                    return null;
                }
                Object v = Iteration.next(it);
                if (v == null || !Conversions.isTrue(Calls.call(predicate, v))) {
                    done = true;
                    return null;
                }
                return v;
            }
        };
    }

    private static PIterator filterFalse(Object function, Object iterable) {
        Object it = Iteration.iter(iterable);
        return new PIterator(FILTERFALSE) {
            @Override
            public Object next() {
                for (Object v = Iteration.next(it); v != null; v = Iteration.next(it)) {
                    if (!Conversions.isTrue(function == PNone.NONE ? v : Calls.call(function, v))) {
                        return v;
                    }
                }
                return null;
            }
        };
    }

    /**
     * groupby: consecutive items with equal keys form a group. The groups share the input iterator, so
     * advancing to the next group ends the previous one, as in CPython.
     */
    private static final class GroupBy extends PIterator {
        private final Object it;
        private final Object keyFunction;
        private Object currentValue;
        private Object currentKey;
        private Object targetKey;
        private boolean exhausted;
        /** The group being produced; an older group stops producing. */
        private Object currentGroup;

        GroupBy(Object iterable, Object keyFunction) {
            super(GROUPBY);
            this.it = Iteration.iter(iterable);
            this.keyFunction = keyFunction;
        }

        /** Reads the next item and its key; false at the end of the input. */
        boolean step() {
            Object v = Iteration.next(it);
            if (v == null) {
                exhausted = true;
                return false;
            }
            currentValue = v;
            currentKey = keyFunction == PNone.NONE ? v : Calls.call(keyFunction, v);
            return true;
        }

        @Override
        public Object next() {
            currentGroup = null;
            while (true) {
                if (currentKey == null) {
                    if (exhausted || !step()) {
                        return null;
                    }
                } else if (targetKey != null && Comparisons.eq(targetKey, currentKey)) {
                    if (exhausted || !step()) {
                        return null;
                    }
                } else {
                    break;
                }
            }
            targetKey = currentKey;
            PIterator group = new PIterator(GROUPER) {
                @Override
                public Object next() {
                    if (currentGroup != this) {
                        return null;
                    }
                    if (currentValue == null) {
                        if (exhausted || !step()) {
                            return null;
                        }
                    }
                    if (!Comparisons.eq(targetKey, currentKey)) {
                        return null;
                    }
                    Object v = currentValue;
                    currentValue = null;
                    return v;
                }
            };
            currentGroup = group;
            return PTuple.of(currentKey, group);
        }
    }

    /** An islice() argument as CPython's islice reads it: None is -1; a non-integer raises ValueError(message). */
    private static long sliceArgument(Object o, String message) {
        if (o == PNone.NONE) {
            return -1;
        }
        try {
            return Conversions.asLong(o);
        } catch (dev.mp.runtime.MpException e) {
            throw Errors.valueError(message);
        }
    }

    private static PIterator islice(Object iterable, Object[] args) {
        if (args.length < 1 || args.length > 3) {
            throw Errors.typeError(args.length < 1 ? "islice expected at least 2 arguments, got %d" : "islice expected at most 4 arguments, got %d",
                    args.length + 1);
        }
        String stopMessage = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
        String indicesMessage = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
        long start = args.length == 1 || args[0] == PNone.NONE ? 0 : sliceArgument(args[0], indicesMessage);
        Object stopArg = args.length == 1 ? args[0] : args[1];
        long stop = sliceArgument(stopArg, stopMessage);
        if (stop == -1 && stopArg != PNone.NONE) {
            throw Errors.valueError(stopMessage);
        }
        if (start < 0 || stop < -1) {
            throw Errors.valueError(indicesMessage);
        }
        long step = 1;
        if (args.length == 3 && args[2] != PNone.NONE) {
            String stepMessage = "Step for islice() must be a positive integer or None.";
            step = sliceArgument(args[2], stepMessage);
            if (step < 1) {
                throw Errors.valueError(stepMessage);
            }
        }
        Object input = Iteration.iter(iterable);
        long first = start;
        long last = stop;
        long stride = step;
        // As CPython's: skip up to the next wanted position, then check the stop, so the input is read alike.
        return new PIterator(ISLICE) {
            private Object it = input;
            private long position;
            private long nextWanted = first;

            @Override
            public Object next() {
                if (it == null) {
                    return null;
                }
                while (position < nextWanted) {
                    if (Iteration.next(it) == null) {
                        it = null;
                        return null;
                    }
                    position++;
                }
                if (last >= 0 && position >= last) {
                    it = null;
                    return null;
                }
                Object v = Iteration.next(it);
                if (v == null) {
                    it = null;
                    return null;
                }
                position++;
                long previous = nextWanted;
                nextWanted += stride;
                if (nextWanted < previous || (last >= 0 && nextWanted > last)) {
                    nextWanted = last;
                }
                return v;
            }
        };
    }

    private static PIterator starmap(Object function, Object iterable) {
        Object it = Iteration.iter(iterable);
        return new PIterator(STARMAP) {
            @Override
            public Object next() {
                Object args = Iteration.next(it);
                return args == null ? null : Calls.call(function, Iteration.toArray(args));
            }
        };
    }

    /** tee: n iterators over one input; each item is read once and kept until every iterator has passed it. */
    private static PTuple tee(Object iterable, Object count) {
        long n = Conversions.asLong(count);
        if (n < 0) {
            throw Errors.valueError("n must be >= 0");
        }
        Object it = Iteration.iter(iterable);
        Object[] iterators = new Object[dev.mp.runtime.ops.Sizes.length(n)];
        if (n > 0) {
            // As CPython: an iterator that copies itself (a tee's) is copied, anything else wrapped in a first tee.
            iterators[0] = it instanceof Tee || Types.override(it, "__copy__") != null ? it : new Tee(new TeeSource(it), 0);
            for (int i = 1; i < n; i++) {
                iterators[i] = Calls.callMethod(iterators[0], "__copy__");
            }
        }
        return new PTuple(iterators);
    }

    /** The items of a tee's iterator that its slowest copy has not yet passed, shared by the copies. */
    private static final class TeeSource {
        final Object it;
        final List<Object> buffer = new ArrayList<>();
        final List<Tee> members = new ArrayList<>();
        /** How many items were dropped from the front of the buffer. */
        long dropped;

        TeeSource(Object it) {
            this.it = it;
        }
    }

    /** One of the iterators tee() returns ({@code itertools._tee}), at its own position in the shared items. */
    private static final class Tee extends PIterator {
        final TeeSource source;
        long position;

        Tee(TeeSource source, long position) {
            super(TEE);
            this.source = source;
            this.position = position;
            source.members.add(this);
        }

        @Override
        public Object next() {
            TeeSource s = source;
            if (position - s.dropped >= s.buffer.size()) {
                Object v = Iteration.next(s.it);
                if (v == null) {
                    return null;
                }
                s.buffer.add(v);
            }
            Object v = s.buffer.get((int) (position - s.dropped));
            position++;
            long slowest = Long.MAX_VALUE;
            for (Tee t : s.members) {
                slowest = Math.min(slowest, t.position);
            }
            if (slowest > s.dropped) {
                s.buffer.subList(0, (int) (slowest - s.dropped)).clear();
                s.dropped = slowest;
            }
            return v;
        }
    }

    private static PIterator zipLongest(Object[] iterables, Object fill) {
        Object[] its = new Object[iterables.length];
        for (int i = 0; i < its.length; i++) {
            its[i] = Iteration.iter(iterables[i]);
        }
        return new PIterator(ZIP_LONGEST) {
            private int active = its.length;

            @Override
            public Object next() {
                if (its.length == 0 || active == 0) {
                    return null;
                }
                Object[] row = new Object[its.length];
                for (int i = 0; i < its.length; i++) {
                    Object v = its[i] == null ? null : Iteration.next(its[i]);
                    if (v == null && its[i] != null) {
                        its[i] = null;
                        active--;
                        if (active == 0) {
                            return null;
                        }
                    }
                    row[i] = v == null ? fill : v;
                }
                return new PTuple(row);
            }
        };
    }

    private static PIterator pairwise(Object iterable) {
        Object it = Iteration.iter(iterable);
        return new PIterator(PAIRWISE) {
            private Object previous;

            @Override
            public Object next() {
                if (previous == null) {
                    previous = Iteration.next(it);
                    if (previous == null) {
                        return null;
                    }
                }
                Object v = Iteration.next(it);
                if (v == null) {
                    return null;
                }
                PTuple pair = PTuple.of(previous, v);
                previous = v;
                return pair;
            }
        };
    }

    // =====================================================================================================
    // Combinatorics: the items in lexicographic order of their positions in the input
    // =====================================================================================================

    private static PIterator product(Object[] iterables, Object repeatArg) {
        long repeat = Conversions.asLong(repeatArg);
        if (repeat < 0) {
            throw Errors.valueError("repeat argument cannot be negative");
        }
        List<Object[]> pools = new ArrayList<>();
        for (long r = 0; r < repeat; r++) {
            for (Object iterable : iterables) {
                pools.add(r == 0 ? Iteration.toArray(iterable) : pools.get(pools.size() - iterables.length));
            }
        }
        int[] indices = new int[pools.size()];
        boolean empty = pools.stream().anyMatch(p -> p.length == 0);
        return new PIterator(PRODUCT) {
            private boolean started;
            private boolean done = empty;

            @Override
            public Object next() {
                if (done) {
                    return null;
                }
                if (started) {
                    int i = indices.length - 1;
                    while (i >= 0 && indices[i] == pools.get(i).length - 1) {
                        indices[i] = 0;
                        i--;
                    }
                    if (i < 0) {
                        done = true;
                        return null;
                    }
                    indices[i]++;
                }
                started = true;
                Object[] row = new Object[indices.length];
                for (int i = 0; i < row.length; i++) {
                    row[i] = pools.get(i)[indices[i]];
                }
                return new PTuple(row);
            }
        };
    }

    private static PIterator permutations(Object iterable, Object rArg) {
        Object[] pool = Iteration.toArray(iterable);
        int n = pool.length;
        if (rArg != PNone.NONE && !Types.isInt(Types.baseValue(rArg))) {
            throw Errors.typeError("Expected int as r");
        }
        long rl = rArg == PNone.NONE ? n : Conversions.asLong(rArg);
        if (rl < 0) {
            throw Errors.valueError("r must be non-negative");
        }
        int r = (int) Math.min(rl, Integer.MAX_VALUE);
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        int[] cycles = new int[Math.min(r, n)];
        for (int i = 0; i < cycles.length; i++) {
            cycles[i] = n - i;
        }
        return new PIterator(PERMUTATIONS) {
            private boolean started;
            private boolean done = r > n;

            @Override
            public Object next() {
                if (done) {
                    return null;
                }
                if (started && !advance()) {
                    done = true;
                    return null;
                }
                started = true;
                Object[] row = new Object[r];
                for (int i = 0; i < r; i++) {
                    row[i] = pool[indices[i]];
                }
                return new PTuple(row);
            }

            /** Steps to the next permutation of indices (the cycles count down each position's choices). */
            private boolean advance() {
                for (int i = r - 1; i >= 0; i--) {
                    cycles[i]--;
                    if (cycles[i] == 0) {
                        int moved = indices[i];
                        System.arraycopy(indices, i + 1, indices, i, n - i - 1);
                        indices[n - 1] = moved;
                        cycles[i] = n - i;
                    } else {
                        int j = n - cycles[i];
                        int t = indices[i];
                        indices[i] = indices[j];
                        indices[j] = t;
                        return true;
                    }
                }
                return false;
            }
        };
    }

    private static PIterator combinations(Object iterable, Object rArg, boolean withReplacement) {
        Object[] pool = Iteration.toArray(iterable);
        int n = pool.length;
        long rl = Conversions.asLong(rArg);
        if (rl < 0) {
            throw Errors.valueError("r must be non-negative");
        }
        int r = (int) Math.min(rl, Integer.MAX_VALUE);
        int[] indices = new int[withReplacement ? r : Math.min(r, n)];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = withReplacement ? 0 : i;
        }
        return new PIterator(withReplacement ? COMBINATIONS_WITH_REPLACEMENT : COMBINATIONS) {
            private boolean started;
            private boolean done = withReplacement ? (n == 0 && r > 0) : r > n;

            @Override
            public Object next() {
                if (done) {
                    return null;
                }
                if (started && !advance()) {
                    done = true;
                    return null;
                }
                started = true;
                Object[] row = new Object[r];
                for (int i = 0; i < r; i++) {
                    row[i] = pool[indices[i]];
                }
                return new PTuple(row);
            }

            /** Steps to the next combination: bump the rightmost index that can still grow, reset those after it. */
            private boolean advance() {
                int i = r - 1;
                while (i >= 0 && indices[i] == (withReplacement ? n - 1 : i + n - r)) {
                    i--;
                }
                if (i < 0) {
                    return false;
                }
                indices[i]++;
                for (int j = i + 1; j < r; j++) {
                    indices[j] = withReplacement ? indices[i] : indices[j - 1] + 1;
                }
                return true;
            }
        };
    }
}
