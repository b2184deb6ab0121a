package dev.mp.runtime.nodes.expression;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.EncapsulatingNodeReference;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.Node;

import dev.mp.runtime.MpException;
import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PFunction;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Iteration;
import dev.mp.runtime.ops.Types;

/**
 * A call {@code f(a, *b, k=c, **d)}. Arguments are collected vectorcall-style: positional values, then
 * keyword values named by a parallel array.
 */
public class CallNode extends MpExpressionNode {
    @Child protected MpExpressionNode callee;
    @Children protected final MpExpressionNode[] positional;
    /** Which positional arguments are {@code *iterable}. */
    private final boolean[] starred;
    private final String[] keywordNames;
    @Children protected final MpExpressionNode[] keywordValues;
    /** {@code **mapping} arguments. */
    @Children protected final MpExpressionNode[] kwStarred;
    private final boolean simple;

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
        this.simple = !anyStar && keywordNames.length == 0 && kwStarred.length == 0;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object f = callee.execute(frame);
        if (simple) {
            return callHere(f, evaluatePositional(frame), null);
        }
        Arguments a = evaluate(frame, null);
        return callHere(f, a.values, a.names);
    }

    /**
     * Calls with this node as the location of the call, so the caller's frame in a guest stack trace (a
     * PolyglotException's frames) points at the calling statement.
     */
    protected final Object callHere(Object callee, Object[] args, String[] kwnames) {
        if (callee instanceof PFunction f) {
            // The common case, without the encapsulating node: the callee's frame records this node as its caller.
            try {
                return Calls.callFunction(this, f, args, kwnames);
            } catch (MpException e) {
                throw failedHere(e);
            }
        }
        EncapsulatingNodeReference current = EncapsulatingNodeReference.getCurrent();
        Node previous = current.set(this);
        try {
            return Calls.call(callee, args, kwnames);
        } catch (MpException e) {
            throw failedHere(e);
        } finally {
            current.set(previous);
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

    /** @param self prepended as the first positional argument when not null (method calls) */
    protected final Arguments evaluate(VirtualFrame frame, Object self) {
        List<Object> pos = new ArrayList<>();
        if (self != null) {
            pos.add(self);
        }
        for (int i = 0; i < positional.length; i++) {
            Object v = positional[i].execute(frame);
            if (starred[i]) {
                Object it = Iteration.iter(v, true);
                if (it == null) {
                    throw Errors.typeError("%s argument after * must be an iterable, not %s", calleeName(), Types.typeName(v));
                }
                for (Object o = Iteration.next(it); o != null; o = Iteration.next(it)) {
                    pos.add(o);
                }
            } else {
                pos.add(v);
            }
        }
        List<String> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < keywordNames.length; i++) {
            names.add(keywordNames[i]);
            values.add(keywordValues[i].execute(frame));
        }
        for (MpExpressionNode node : kwStarred) {
            Object m = node.execute(frame);
            PDict d = dev.mp.runtime.ops.Mappings.asDict(m);
            if (d == null) {
                throw Errors.typeError("%s argument after ** must be a mapping, not %s", calleeName(), Types.typeName(m));
            }
            for (PDict.Entry e : d.entries()) {
                if (!(e.key instanceof String k)) {
                    throw Errors.typeError("keywords must be strings");
                }
                if (names.contains(k)) {
                    throw Errors.typeError("%s got multiple values for keyword argument '%s'", calleeName(), k);
                }
                names.add(k);
                values.add(e.value);
            }
        }
        Object[] all = new Object[pos.size() + values.size()];
        for (int i = 0; i < pos.size(); i++) {
            all[i] = pos.get(i);
        }
        for (int i = 0; i < values.size(); i++) {
            all[pos.size() + i] = values.get(i);
        }
        return new Arguments(all, names.isEmpty() ? null : names.toArray(new String[0]));
    }

    private String calleeName() {
        return "function";
    }

    static String describe(Object f) {
        return Conversions.repr(f);
    }
}
