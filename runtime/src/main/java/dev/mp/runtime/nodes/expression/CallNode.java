package dev.mp.runtime.nodes.expression;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import dev.mp.runtime.MpException;
import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.ops.Attributes;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PBuiltinFunction;
import dev.mp.runtime.objects.PMethod;
import dev.mp.runtime.objects.PFunction;
import dev.mp.runtime.nodes.function.CallDispatchNode;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Iteration;
import dev.mp.runtime.ops.Mappings;
import dev.mp.runtime.ops.Types;

/**
 * A call {@code f(a, *b, k=c, **d)}. Arguments are collected vectorcall-style: positional values, then
 * keyword values named by a parallel array.
 */
public class CallNode extends MpExpressionNode {
    @Child protected MpExpressionNode callee;
    @Children protected final MpExpressionNode[] positional;
    /** Which positional arguments are {@code *iterable}. */
    @CompilationFinal(dimensions = 1) private final boolean[] starred;
    @CompilationFinal(dimensions = 1) private final String[] keywordNames;
    @Children protected final MpExpressionNode[] keywordValues;
    /** {@code **mapping} arguments. */
    @Children protected final MpExpressionNode[] kwStarred;
    /**
     * For each keyword, how many {@code **mapping} arguments come before it in the source (null: none do), so that
     * keywords and mappings are evaluated and collected in the order written: {@code f(**a, x=1)}.
     */
    @CompilationFinal(dimensions = 1) private int[] mappingsBeforeKeyword;
    private final boolean simple;
    /** No {@code *} or {@code **} argument: the values go straight into one array, the names are the constant ones. */
    private final boolean unpacksNothing;
    @Child private CallDispatchNode dispatch = CallDispatchNode.create();

    public CallNode(MpExpressionNode callee, MpExpressionNode[] positional, boolean[] starred, String[] keywordNames,
                    MpExpressionNode[] keywordValues, MpExpressionNode[] kwStarred) {
        this.callee = callee;
        this.positional = positional;
        this.starred = starred;
        this.keywordNames = keywordNames;
        this.keywordValues = keywordValues;
        this.kwStarred = kwStarred;
        boolean anyStar = false;
        for (boolean s : starred) {
            anyStar |= s;
        }
        this.unpacksNothing = !anyStar && kwStarred.length == 0;
        this.simple = unpacksNothing && keywordNames.length == 0;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object f = callee.execute(frame);
        if (simple) {
            return callHere(f, evaluatePositional(frame), null);
        }
        Arguments a = evaluate(frame, null, f);
        return callHere(f, a.values, a.names);
    }

    /** Calls through this site's dispatch cache; an exception from the call is shown at this call's expression. */
    protected final Object callHere(Object callee, Object[] args, String[] kwnames) {
        try {
            return dispatch.execute(callee, args, kwnames);
        } catch (MpException e) {
            throw failedHere(e);
        }
    }

    @ExplodeLoop
    protected final Object[] evaluatePositional(VirtualFrame frame) {
        Object[] args = new Object[positional.length];
        for (int i = 0; i < positional.length; i++) {
            args[i] = positional[i].execute(frame);
        }
        return args;
    }

    protected final boolean isSimple() {
        return simple;
    }

    /** Evaluated arguments: values (positional then keyword) and the keyword names (null when none). */
    protected record Arguments(Object[] values, String[] names) {
    }

    /**
     * @param self   prepended as the first positional argument when not null (method calls)
     * @param called what is called, named in the errors about {@code *} and {@code **} arguments
     */
    @ExplodeLoop
    protected final Arguments evaluate(VirtualFrame frame, Object self, Object called) {
        if (unpacksNothing) {
            int first = self == null ? 0 : 1;
            Object[] values = new Object[first + positional.length + keywordValues.length];
            if (self != null) {
                values[0] = self;
            }
            for (int i = 0; i < positional.length; i++) {
                values[first + i] = positional[i].execute(frame);
            }
            for (int k = 0; k < keywordValues.length; k++) {
                values[first + positional.length + k] = keywordValues[k].execute(frame);
            }
            return new Arguments(values, keywordNames.length == 0 ? null : keywordNames);
        }
        ArgumentCollector collected = new ArgumentCollector(self);
        for (int i = 0; i < positional.length; i++) {
            Object v = positional[i].execute(frame);
            if (starred[i]) {
                collected.addIterable(v, called);
            } else {
                collected.add(v);
            }
        }
        int k = 0;
        for (int j = 0; j <= kwStarred.length; j++) {
            for (; k < keywordNames.length && (mappingsBeforeKeyword == null || mappingsBeforeKeyword[k] == j); k++) {
                collected.addKeyword(keywordNames[k], keywordValues[k].execute(frame));
            }
            if (j < kwStarred.length) {
                collected.addMapping(kwStarred[j].execute(frame), called);
            }
        }
        return collected.arguments();
    }

    /** Sets where the keywords stand among the {@code **mapping} arguments (see the field); returns this node. */
    public CallNode withKeywordOrder(int[] mappingsBefore) {
        this.mappingsBeforeKeyword = mappingsBefore;
        return this;
    }

    /** Arguments of a call with {@code *} or {@code **} or keywords, gathered in evaluation order (behind boundaries). */
    private static final class ArgumentCollector {
        private final List<Object> positional = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();

        ArgumentCollector(Object self) {
            if (self != null) {
                add(self);
            }
        }

        @TruffleBoundary
        void add(Object value) {
            positional.add(value);
        }

        @TruffleBoundary
        void addIterable(Object iterable, Object callee) {
            Object it = Iteration.iter(iterable, true);
            if (it == null) {
                throw Errors.typeError("%s argument after * must be an iterable, not %s", functionName(callee), Types.typeName(iterable));
            }
            Iteration.checkRoomFor(iterable, positional.size());
            for (Object o = Iteration.next(it); o != null; o = Iteration.next(it)) {
                positional.add(o);
            }
        }

        @TruffleBoundary
        void addKeyword(String name, Object value) {
            names.add(name);
            values.add(value);
        }

        @TruffleBoundary
        void addMapping(Object mapping, Object callee) {
            PDict d = Mappings.asDict(mapping);
            if (d == null) {
                throw Errors.typeError("%s argument after ** must be a mapping, not %s", functionName(callee), Types.typeName(mapping));
            }
            for (PDict.Entry e : d.entries()) {
                if (!(e.key instanceof String k)) {
                    throw Errors.typeError("keywords must be strings");
                }
                if (names.contains(k)) {
                    throw Errors.typeError("%s got multiple values for keyword argument '%s'", functionName(callee), k);
                }
                names.add(k);
                values.add(e.value);
            }
        }

        @TruffleBoundary
        Arguments arguments() {
            Object[] all = new Object[positional.size() + values.size()];
            for (int i = 0; i < positional.size(); i++) {
                all[i] = positional.get(i);
            }
            for (int i = 0; i < values.size(); i++) {
                all[positional.size() + i] = values.get(i);
            }
            return new Arguments(all, names.isEmpty() ? null : names.toArray(new String[0]));
        }
    }

    /**
     * How CPython's argument errors name a callee: {@code module.qualname()} (the module left out when it is
     * builtins) for what has a qualified name, else its str().
     */
    @TruffleBoundary
    static String functionName(Object callee) {
        if (callee instanceof PBuiltinFunction b) {
            return b.displayName() + "()";
        }
        if (callee instanceof PFunction || callee instanceof PMethod || callee instanceof PClass) {
            Object qualname = Attributes.lookup(callee, "__qualname__");
            if (qualname instanceof String q) {
                Object module = Attributes.lookup(callee, "__module__");
                return (module instanceof String m && !m.equals("builtins") ? m + "." : "") + q + "()";
            }
        }
        return Conversions.str(callee);
    }

    static String describe(Object f) {
        return Conversions.repr(f);
    }
}
