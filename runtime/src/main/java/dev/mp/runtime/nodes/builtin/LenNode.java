package dev.mp.runtime.nodes.builtin;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;

import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PSet;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Calls;

/**
 * {@code len(x)} of a str or of a core list, tuple, dict or set (a subclass may define {@code __len__}, so its
 * instances go the generic way). METH_O in CPython: the call counts against the recursion limit.
 */
public abstract class LenNode extends BuiltinNode.Unary {
    @Specialization
    protected static Object str(String s) {
        Calls.checkCallHeadroom();
        return (long) codePoints(s);
    }

    @Specialization(guards = "!list.isSubclassInstance()")
    protected static Object list(PList list) {
        Calls.checkCallHeadroom();
        return (long) list.size();
    }

    @Specialization(guards = "!tuple.isSubclassInstance()")
    protected static Object tuple(PTuple tuple) {
        Calls.checkCallHeadroom();
        return (long) tuple.size();
    }

    @Specialization(guards = "!dict.isSubclassInstance()")
    protected static Object dict(PDict dict) {
        Calls.checkCallHeadroom();
        return (long) dict.size();
    }

    @Specialization(guards = "!set.isSubclassInstance()")
    protected static Object set(PSet set) {
        Calls.checkCallHeadroom();
        return (long) set.size();
    }

    @Fallback
    protected static Object other(Object x) {
        return null;
    }

    /** A Latin-1 string answers at once; others are scanned for surrogate pairs. */
    @TruffleBoundary
    private static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }
}
