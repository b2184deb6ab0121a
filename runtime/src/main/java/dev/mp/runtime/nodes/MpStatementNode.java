package dev.mp.runtime.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.GenerateWrapper;
import com.oracle.truffle.api.instrumentation.InstrumentableNode;
import com.oracle.truffle.api.instrumentation.ProbeNode;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.instrumentation.Tag;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.SourceSection;

/**
 * A node executed for its effect. {@link #line()} is the source line shown for it in tracebacks.
 *
 * <p>A statement with a line is instrumentable and tagged {@link StandardTags.StatementTag}, so tools and
 * {@code ResourceLimits.statementLimit} see every statement run. Instrumentation may insert a wrapper
 * between a statement and its parent; {@link #unwrap} gives the statement behind one.
 */
@GenerateWrapper
public abstract class MpStatementNode extends Node implements InstrumentableNode {
    private int line;
    private SourceSection section;

    public abstract void execute(VirtualFrame frame);

    /** Runs the statement for the value of an expression statement (the result of an eval); others give null. */
    public Object executeValue(VirtualFrame frame) {
        execute(frame);
        return null;
    }

    /**
     * Runs the statement as the last one of a function body: a {@code return} reached in tail position (through
     * blocks and ifs) gives its value here instead of unwinding with a {@code ReturnException}, which costs a
     * JVM exception per call; null means the statement completed without returning.
     */
    public Object executeReturning(VirtualFrame frame) {
        execute(frame);
        return null;
    }

    public final int line() {
        return line;
    }

    public final MpStatementNode atLine(int line) {
        this.line = line;
        return this;
    }

    /** The statement itself, or the one behind an instrumentation wrapper. */
    public static MpStatementNode unwrap(MpStatementNode node) {
        return node instanceof WrapperNode wrapper ? (MpStatementNode) wrapper.getDelegateNode() : node;
    }

    /** The whole source line of the statement; null before the node is adopted or when it has no line. */
    @Override
    public SourceSection getSourceSection() {
        if (section == null && line > 0 && getRootNode() instanceof MpRootNode root) {
            section = root.source().createSection(line);
        }
        return section;
    }

    @Override
    public boolean isInstrumentable() {
        return getSourceSection() != null;
    }

    @Override
    public boolean hasTag(Class<? extends Tag> tag) {
        return tag == StandardTags.StatementTag.class;
    }

    @Override
    public WrapperNode createWrapper(ProbeNode probe) {
        return new MpStatementNodeWrapper(this, probe);
    }
}
