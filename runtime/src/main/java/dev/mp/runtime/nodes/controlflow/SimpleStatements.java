package dev.mp.runtime.nodes.controlflow;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.Frames;
import dev.mp.runtime.nodes.MpStatementNode;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Namespaces;

/** The statements with no children worth a file of their own: pass, break, continue, return, assert, and the set-up of annotations. */
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

        @Override
        public Object executeReturning(VirtualFrame frame) {
            return Completion.BREAK;
        }
    }

    public static final class ContinueNode extends MpStatementNode {
        @Override
        public void execute(VirtualFrame frame) {
            throw ContinueException.INSTANCE;
        }

        @Override
        public Object executeReturning(VirtualFrame frame) {
            return Completion.CONTINUE;
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


    /**
     * CPython's SETUP_ANNOTATIONS, first in a module or class body that annotates names: gives the namespace an
     * empty {@code __annotations__} dict unless it has one (a namespace that runs again keeps what it has, as a
     * session at the prompt does).
     */
    public static final class SetupAnnotationsNode extends MpStatementNode {
        private final boolean classBody;

        public SetupAnnotationsNode(boolean classBody) {
            this.classBody = classBody;
        }

        @Override
        public void execute(VirtualFrame frame) {
            Object namespace = classBody ? Frames.classNamespace(frame) : Frames.globals(frame);
            if (Namespaces.get(namespace, "__annotations__") == null) {
                Namespaces.put(namespace, "__annotations__", new PDict());
            }
        }
    }
}
