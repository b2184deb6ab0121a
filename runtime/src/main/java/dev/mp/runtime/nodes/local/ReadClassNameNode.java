package dev.mp.runtime.nodes.local;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.nodes.Frames;
import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.ops.Namespaces;

/**
 * Reads a name in a class body (or in code run with a separate locals mapping): the namespace first, then the
 * enclosing scope's lookup.
 */
public final class ReadClassNameNode extends MpExpressionNode {
    private final String name;
    @Child private MpExpressionNode fallback;

    public ReadClassNameNode(String name, MpExpressionNode fallback) {
        this.name = name.intern(); // namespace keys from source are interned too: compared by identity
        this.fallback = fallback;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object v = Namespaces.get(Frames.classNamespace(frame), name);
        return v != null ? v : fallback.execute(frame);
    }
}
