package dev.mp.runtime.nodes.pattern;

import com.oracle.truffle.api.frame.VirtualFrame;

/** {@code _}: matches anything and binds nothing. */
public final class WildcardPatternNode extends PatternNode {

    @Override
    public boolean matches(VirtualFrame frame, Object subject, Object[] captures) {
        return true;
    }
}
