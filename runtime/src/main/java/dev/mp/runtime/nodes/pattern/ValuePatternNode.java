package dev.mp.runtime.nodes.pattern;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.ops.Patterns;

/** A number or string literal, or a dotted name ({@code Color.RED}): matches a subject equal to its value. */
public final class ValuePatternNode extends PatternNode {
    @Child private MpExpressionNode value;

    public ValuePatternNode(MpExpressionNode value) {
        this.value = value;
    }

    @Override
    public boolean matches(VirtualFrame frame, Object subject, Object[] captures) {
        return Patterns.equal(subject, value.execute(frame));
    }
}
