package dev.mp.runtime.nodes.expression;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.nodes.MpExpressionNode;

/** {@code a if test else b}. */
public final class ConditionalNode extends MpExpressionNode {
    @Child private MpExpressionNode test;
    @Child private MpExpressionNode then;
    @Child private MpExpressionNode otherwise;

    public ConditionalNode(MpExpressionNode test, MpExpressionNode then, MpExpressionNode otherwise) {
        this.test = test;
        this.then = then;
        this.otherwise = otherwise;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        return test.executeCondition(frame) ? then.execute(frame) : otherwise.execute(frame);
    }
}
