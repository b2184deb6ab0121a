package dev.mp.runtime.nodes.builtin;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;

import dev.mp.runtime.ops.Calls;

/** {@code abs(x)} of an int that fits a long (but the smallest) and of a float. METH_O in CPython. */
public abstract class AbsNode extends BuiltinNode.Unary {
    @Specialization(guards = "x != MIN")
    protected static Object longs(long x) {
        Calls.checkCallHeadroom();
        return Math.abs(x);
    }

    @Specialization
    protected static Object doubles(double x) {
        Calls.checkCallHeadroom();
        return Math.abs(x);
    }

    @Fallback
    protected static Object other(Object x) {
        return null;
    }

    protected static final long MIN = Long.MIN_VALUE;
}
