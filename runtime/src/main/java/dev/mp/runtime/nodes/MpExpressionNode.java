package dev.mp.runtime.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;

import dev.mp.runtime.MpException;
import dev.mp.runtime.objects.ExpressionSpan;
import dev.mp.runtime.ops.Conversions;

/** A node that computes a value. */
public abstract class MpExpressionNode extends Node {
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

    /** The Python truth value of the result. */
    public boolean executeCondition(VirtualFrame frame) {
        return Conversions.isTrue(execute(frame));
    }
}
