package dev.mp.runtime.nodes.local;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;

import dev.mp.runtime.MpException;
import dev.mp.runtime.objects.ExpressionSpan;

/** Something a value can be assigned to and deleted from: a name, an attribute, an item or a pattern. */
public abstract class AssignTargetNode extends Node {
    /** Where the target is, for the carets of a traceback; null when CPython would not mark it. */
    private ExpressionSpan span;

    /** Sets where this target is; returns this node. */
    public final AssignTargetNode at(ExpressionSpan where) {
        this.span = where;
        return this;
    }

    /** {@code e}, noted as failing at this target (see {@link MpException#failedAt}). */
    protected final MpException failedHere(MpException e) {
        return e.failedAt(span);
    }

    public abstract void assign(VirtualFrame frame, Object value);

    public abstract void delete(VirtualFrame frame);
}
