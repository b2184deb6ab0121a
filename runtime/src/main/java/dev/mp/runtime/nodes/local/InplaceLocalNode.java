package dev.mp.runtime.nodes.local;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.MpStatementNode;
import dev.mp.runtime.nodes.arithmetic.BinaryOpNode;
import dev.mp.runtime.ops.Arithmetic.BinOp;

/**
 * {@code x op= value} where {@code x} is a local variable of a function that is not a generator, as one node: the
 * commonest statement of a loop ({@code i += 1}) then costs one node's dispatch for the variable instead of an
 * assignment, an in-place expression and a read, each a call the host compiler of the interpreter does not inline.
 * A generator's keeps the general form, whose assignment knows how to suspend.
 */
public final class InplaceLocalNode extends MpStatementNode {
    private final int slot;
    /** Reads the variable again only to raise its UnboundLocalError, located as a read of the name. */
    @Child private ReadLocalNode unboundRead;
    @Child private MpExpressionNode operand;
    @Child private BinaryOpNode operator;

    public InplaceLocalNode(BinOp op, int slot, ReadLocalNode read, MpExpressionNode operand) {
        this.slot = slot;
        this.unboundRead = read;
        this.operand = operand;
        this.operator = BinaryOpNode.create(op, true);
    }

    @Override
    public void execute(VirtualFrame frame) {
        Object current = frame.getObjectStatic(slot);
        if (current == null) {
            CompilerDirectives.transferToInterpreter();
            current = unboundRead.execute(frame);
        }
        frame.setObjectStatic(slot, operator.execute(current, operand.execute(frame)));
    }
}
