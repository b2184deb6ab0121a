package dev.mp.runtime.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;

/** A node executed for its effect. {@link #line()} is the source line shown for it in tracebacks. */
public abstract class MpStatementNode extends Node {
    private int line;

    public abstract void execute(VirtualFrame frame);

    public final int line() {
        return line;
    }

    public final MpStatementNode atLine(int line) {
        this.line = line;
        return this;
    }
}
