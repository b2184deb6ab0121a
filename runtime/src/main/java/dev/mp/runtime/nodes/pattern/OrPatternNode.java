package dev.mp.runtime.nodes.pattern;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

/** {@code p1 | p2 | ...}: the first alternative that matches; all of them capture the same names. */
public final class OrPatternNode extends PatternNode {
    @Children private final PatternNode[] alternatives;

    public OrPatternNode(PatternNode[] alternatives) {
        this.alternatives = alternatives;
    }

    @Override
    @ExplodeLoop
    public boolean matches(VirtualFrame frame, Object subject, Object[] captures) {
        for (PatternNode alternative : alternatives) {
            if (alternative.matches(frame, subject, captures)) {
                return true;
            }
        }
        return false;
    }
}
