package dev.mp.runtime.nodes.controlflow;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.MpStatementNode;
import dev.mp.runtime.nodes.arithmetic.BinaryOpNode;
import dev.mp.runtime.nodes.attribute.GetAttributeNode;
import dev.mp.runtime.nodes.attribute.SetAttributeNode;
import dev.mp.runtime.ops.Arithmetic;
import dev.mp.runtime.ops.Sequences;

/** {@code obj.attr op= value} and {@code obj[index] op= value}: the object and index are evaluated once. */
public final class AugAssignNode extends MpStatementNode {
    @Child private BinaryOpNode operator;
    @Child private MpExpressionNode object;
    /** Null for an attribute target. */
    @Child private MpExpressionNode index;
    /** For an attribute target: its read and its store; else null. */
    @Child private GetAttributeNode read;
    @Child private SetAttributeNode store;
    @Child private MpExpressionNode value;

    public AugAssignNode(Arithmetic.BinOp op, MpExpressionNode object, MpExpressionNode index, String attribute, MpExpressionNode value) {
        this.operator = BinaryOpNode.create(op, true);
        this.object = object;
        this.index = index;
        if (index == null) {
            this.read = GetAttributeNode.create(attribute);
            this.store = SetAttributeNode.create(attribute);
        }
        this.value = value;
    }

    @Override
    public void execute(VirtualFrame frame) {
        Object o = object.execute(frame);
        if (index == null) {
            Object current = read.execute(o);
            store.execute(o, operator.execute(current, value.execute(frame)));
        } else {
            Object i = index.execute(frame);
            Object current = Sequences.getItem(o, i);
            Sequences.setItem(o, i, operator.execute(current, value.execute(frame)));
        }
    }
}
