package dev.mp.runtime.nodes.builtin;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;

import dev.mp.runtime.ops.Calls;

/** {@code ord(c)} of a one-character str outside the surrogate range. METH_O in CPython. */
public abstract class OrdNode extends BuiltinNode.Unary {
    @Specialization(guards = {"c.length() == 1", "!isSurrogate(c)"})
    protected static Object character(String c) {
        Calls.checkCallHeadroom();
        return (long) c.charAt(0);
    }

    @Fallback
    protected static Object other(Object c) {
        return null;
    }

    protected static boolean isSurrogate(String c) {
        return Character.isSurrogate(c.charAt(0));
    }
}
