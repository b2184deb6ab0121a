package dev.mp.runtime.nodes;

import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.GenerateWrapper;
import com.oracle.truffle.api.instrumentation.InstrumentableNode;
import com.oracle.truffle.api.instrumentation.ProbeNode;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.instrumentation.Tag;
import com.oracle.truffle.api.interop.NodeLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.NodeUtil;
import com.oracle.truffle.api.source.SourceSection;

import dev.mp.runtime.ops.FrameScope;

/**
 * A node executed for its effect. {@link #line()} is the source line shown for it in tracebacks.
 *
 * <p>A statement with a line is instrumentable and tagged {@link StandardTags.StatementTag}, so tools and
 * {@code ResourceLimits.statementLimit} see every statement run. The body of a function, class or generator
 * (the statement right under its {@link MpRootNode}) is tagged {@link StandardTags.RootTag} and has the root's
 * source section, so debuggers and profilers see the calls. Instrumentation may insert a wrapper between a
 * statement and its parent; {@link #unwrap} gives the statement behind one. A debugger stopped at a statement
 * sees the frame's variables as a {@link FrameScope}.
 */
@GenerateWrapper
@ExportLibrary(NodeLibrary.class)
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
     * Runs the statement in a function body (not a generator's): a {@code return} reached gives its value here,
     * and a {@code break} or {@code continue} {@link dev.mp.runtime.nodes.controlflow.Completion}, instead of
     * unwinding with a JVM exception, which costs more than the rest of a call in the interpreter; null means the
     * statement completed. Blocks, ifs, loops and matches pass what their statements give on; a statement that
     * does not override this runs {@link #execute}, from which those still unwind by exception.
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

    /**
     * The whole source line of the statement, or for the body of a root the root's section; null before the node
     * is adopted or when it has no line.
     */
    @Override
    public SourceSection getSourceSection() {
        if (section == null) {
            if (line > 0 && getRootNode() instanceof MpRootNode root) {
                section = root.source().createSection(line);
            } else if (isRootBody()) {
                section = getRootNode().getSourceSection();
            }
        }
        return section;
    }

    /** Whether this statement is the body of a root (its parent, or its wrapper's parent, is the root). */
    private boolean isRootBody() {
        Node parent = getParent();
        if (parent instanceof WrapperNode) {
            parent = parent.getParent();
        }
        return line <= 0 && parent instanceof MpRootNode;
    }

    /**
     * A statement with a section is instrumentable where a wrapper fits the field holding it (a module's body is
     * held as a block, which a wrapper is not).
     */
    @Override
    public boolean isInstrumentable() {
        return getSourceSection() != null && (line > 0 || NodeUtil.isReplacementSafe(getParent(), this, new MpStatementNodeWrapper(this, null)));
    }

    @Override
    public boolean hasTag(Class<? extends Tag> tag) {
        if (line > 0) {
            return tag == StandardTags.StatementTag.class;
        }
        return tag == StandardTags.RootTag.class;
    }

    @ExportMessage
    final boolean hasScope(Frame frame) {
        return frame != null;
    }

    @ExportMessage
    final Object getScope(Frame frame, @SuppressWarnings("unused") boolean nodeEnter) {
        return FrameScope.of(frame);
    }

    @Override
    public WrapperNode createWrapper(ProbeNode probe) {
        return new MpStatementNodeWrapper(this, probe);
    }
}
