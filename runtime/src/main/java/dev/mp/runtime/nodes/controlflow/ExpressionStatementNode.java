package dev.mp.runtime.nodes.controlflow;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.MpStatementNode;

/** An expression evaluated for its effect. */
public final class ExpressionStatementNode extends MpStatementNode {
    @Child private MpExpressionNode expression;

    public ExpressionStatementNode(MpExpressionNode expression) {
        this.expression = expression;
    }

    @Override
    public void execute(VirtualFrame frame) {
        expression.execute(frame);
    }

    @Override
    public Object executeValue(VirtualFrame frame) {
        return expression.execute(frame);
    }
}
