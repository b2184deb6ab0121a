package dev.mp.runtime.nodes.pattern;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import dev.mp.runtime.MpException;
import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.objects.ExpressionSpan;
import dev.mp.runtime.ops.Patterns;

/**
 * {@code Cls(p1, p2, name=p3)}: matches an instance of the class whose attributes match, the positional ones
 * named by the class's {@code __match_args__}. All attributes are fetched before any sub-pattern is matched.
 */
public final class ClassPatternNode extends PatternNode {
    /** Where the pattern is: a TypeError of its class check is shown there. */
    private final ExpressionSpan span;
    @Child private MpExpressionNode cls;
    /** The positional sub-patterns, then the keyword ones. */
    @Children private final PatternNode[] arguments;
    private final int positional;
    @CompilationFinal(dimensions = 1) private final String[] keywords;

    public ClassPatternNode(MpExpressionNode cls, PatternNode[] arguments, int positional, String[] keywords, ExpressionSpan span) {
        this.span = span;
        this.cls = cls;
        this.arguments = arguments;
        this.positional = positional;
        this.keywords = keywords;
    }

    @Override
    @ExplodeLoop
    public boolean matches(VirtualFrame frame, Object subject, Object[] captures) {
        Object type = cls.execute(frame);
        Object[] attributes;
        try {
            attributes = Patterns.classAttributes(subject, type, positional, keywords);
        } catch (MpException e) {
            throw e.failedAt(span);
        }
        if (attributes == null) {
            return false;
        }
        for (int i = 0; i < arguments.length; i++) {
            if (!arguments[i].matches(frame, attributes[i], captures)) {
                return false;
            }
        }
        return true;
    }
}
