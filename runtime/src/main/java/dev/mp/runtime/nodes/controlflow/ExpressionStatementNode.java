package dev.mp.runtime.nodes.controlflow;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.MpStatementNode;
import dev.mp.runtime.nodes.function.SuspensionPointNode;

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

    /** A {@code yield} or {@code yield from} statement suspends its generator by giving a {@link Completion.Suspend}. */
    @Override
    public Object executeReturning(VirtualFrame frame) {
        if (expression instanceof SuspensionPointNode suspension) {
            return suspension.executeStatement(frame);
        }
        expression.execute(frame);
        return null;
    }

    @Override
    public Object executeValue(VirtualFrame frame) {
        return expression.execute(frame);
    }
}
