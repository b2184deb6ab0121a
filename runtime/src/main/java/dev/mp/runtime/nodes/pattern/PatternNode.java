package dev.mp.runtime.nodes.pattern;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;

/**
 * A pattern of a {@code case} clause. Matching never assigns: a capture stores its value in the case's
 * {@code captures} array at the index the compiler gave its name, and the case assigns them all once the whole
 * pattern has matched, as CPython does.
 */
public abstract class PatternNode extends Node {

    /** Whether {@code subject} matches; may leave values in {@code captures} even when it does not. */
    public abstract boolean matches(VirtualFrame frame, Object subject, Object[] captures);
}
