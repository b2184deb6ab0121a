package dev.mp.runtime.nodes.function;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.multiprocessing.Reduction;
import dev.mp.runtime.nodes.MpExpressionNode;

/** Makes a function or class typed at the interactive prompt and records its source text for pickling. */
public final class InteractiveDefinitionNode extends MpExpressionNode {
    @Child private MpExpressionNode definition;
    private final String text;

    public InteractiveDefinitionNode(MpExpressionNode definition, String text) {
        this.definition = definition;
        this.text = text;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object value = definition.execute(frame);
        Reduction.rememberInteractiveDefinition(value, text);
        return value;
    }
}
