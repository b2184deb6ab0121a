package dev.mp.runtime.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.GenerateWrapper;
import com.oracle.truffle.api.instrumentation.InstrumentableNode;
import com.oracle.truffle.api.instrumentation.ProbeNode;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.instrumentation.Tag;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.NodeUtil;
import com.oracle.truffle.api.source.SourceSection;

import dev.mp.runtime.MpException;
import dev.mp.runtime.objects.ExpressionSpan;
import dev.mp.runtime.ops.Conversions;

/**
 * A node that computes a value. An expression with a span (the kinds a traceback marks: calls, operators,
 * subscripts, attributes) is instrumentable, tagged {@link StandardTags.ExpressionTag}, and a call also
 * {@link StandardTags.CallTag}, with the span as its source section.
 */
@GenerateWrapper
public abstract class MpExpressionNode extends Node implements InstrumentableNode {
    /** Where this expression is, for the carets of a traceback; null for the kinds CPython does not mark. */
    private ExpressionSpan span;

    /** Sets where this expression is; returns this node. */
    public final MpExpressionNode at(ExpressionSpan where) {
        this.span = where;
        return this;
    }

    protected final ExpressionSpan span() {
        return span;
    }

    /** {@code e}, noted as failing at this expression (see {@link MpException#failedAt}). */
    protected final MpException failedHere(MpException e) {
        return e.failedAt(span);
    }

    public abstract Object execute(VirtualFrame frame);

    @Override
    public SourceSection getSourceSection() {
        if (span == null || !(getRootNode() instanceof MpRootNode root) || !root.source().hasCharacters()) {
            return null;
        }
        var source = root.source();
        if (span.line() < 1 || span.endLine() > source.getLineCount()) {
            return null;
        }
        int endColumn = Math.min(span.endColumn(), source.getLineLength(span.endLine()));
        if (span.line() == span.endLine() && endColumn <= span.column()) {
            return null;
        }
        return source.createSection(span.line(), span.column() + 1, span.endLine(), Math.max(1, endColumn));
    }

    /** Instrumentable where it has a section and a wrapper fits the field holding it. */
    @Override
    public boolean isInstrumentable() {
        return span != null && getSourceSection() != null && NodeUtil.isReplacementSafe(getParent(), this, new MpExpressionNodeWrapper(this, null));
    }

    @Override
    public boolean hasTag(Class<? extends Tag> tag) {
        if (tag == StandardTags.ExpressionTag.class) {
            return true;
        }
        return tag == StandardTags.CallTag.class && (this instanceof dev.mp.runtime.nodes.expression.CallNode
                || this instanceof dev.mp.runtime.nodes.expression.MethodCallNode);
    }

    @Override
    public WrapperNode createWrapper(ProbeNode probe) {
        return new MpExpressionNodeWrapper(this, probe);
    }

    /** The Python truth value of the result. */
    public boolean executeCondition(VirtualFrame frame) {
        return Conversions.isTrue(execute(frame));
    }
}
