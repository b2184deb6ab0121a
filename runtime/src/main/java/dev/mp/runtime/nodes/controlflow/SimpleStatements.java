package dev.mp.runtime.nodes.controlflow;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.MpStatementNode;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.ops.Errors;

/** The statements with no children worth a file of their own: pass, break, continue, return, assert. */
public final class SimpleStatements {
    private SimpleStatements() {
    }

    /** {@code pass}, and {@code global}/{@code nonlocal}, which act only at resolution time. */
    public static final class PassNode extends MpStatementNode {
        @Override
        public void execute(VirtualFrame frame) {
        }
    }

    public static final class BreakNode extends MpStatementNode {
        @Override
        public void execute(VirtualFrame frame) {
            throw BreakException.INSTANCE;
        }
    }

    public static final class ContinueNode extends MpStatementNode {
        @Override
        public void execute(VirtualFrame frame) {
            throw ContinueException.INSTANCE;
        }
    }

    public static final class ReturnNode extends MpStatementNode {
        @Child private MpExpressionNode value;

        public ReturnNode(MpExpressionNode value) {
            this.value = value;
        }

        @Override
        public void execute(VirtualFrame frame) {
            throw new ReturnException(executeReturning(frame));
        }

        @Override
        public Object executeReturning(VirtualFrame frame) {
            return value == null ? PNone.NONE : value.execute(frame);
        }
    }

    public static final class AssertNode extends MpStatementNode {
        @Child private MpExpressionNode test;
        @Child private MpExpressionNode message;

        public AssertNode(MpExpressionNode test, MpExpressionNode message) {
            this.test = test;
            this.message = message;
        }

        @Override
        public void execute(VirtualFrame frame) {
            if (!test.executeCondition(frame)) {
                if (message == null) {
                    throw Errors.raise(BuiltinClasses.exception("AssertionError"));
                }
                throw Errors.raise(BuiltinClasses.exception("AssertionError"), message.execute(frame));
            }
        }
    }

}
