package dev.mp.runtime.nodes.function;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.nodes.MpExpressionNode;

/** Makes a function or class whose code is in no file (the prompt, an embedder's string) and records its source for pickling. */
public final class RecordedDefinitionNode extends MpExpressionNode {
    @Child private MpExpressionNode definition;
    private final String text;

    public RecordedDefinitionNode(MpExpressionNode definition, String text) {
        this.definition = definition;
        this.text = text;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object value = definition.execute(frame);
        MpContext.get(this).sourcesWithoutFile().rememberDefinition(value, text);
        return value;
    }
}
