package dev.mp.runtime.nodes.pattern;

import com.oracle.truffle.api.frame.VirtualFrame;

/** {@code name}, or {@code pattern as name} when {@code pattern} is not null: captures the subject. */
public final class CapturePatternNode extends PatternNode {
    @Child private PatternNode pattern;
    private final int index;

    public CapturePatternNode(PatternNode pattern, int index) {
        this.pattern = pattern;
        this.index = index;
    }

    @Override
    public boolean matches(VirtualFrame frame, Object subject, Object[] captures) {
        if (pattern != null && !pattern.matches(frame, subject, captures)) {
            return false;
        }
        captures[index] = subject;
        return true;
    }
}
