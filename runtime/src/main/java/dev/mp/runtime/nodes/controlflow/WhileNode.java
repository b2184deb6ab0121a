package dev.mp.runtime.nodes.controlflow;

import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.LoopNode;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.MpStatementNode;
import dev.mp.runtime.nodes.function.GeneratorState;

/**
 * {@code while test: body else: orelse}, as a Truffle {@link LoopNode} so that a long-running loop is compiled on
 * the stack (OSR). A generator resumed inside the body skips the test of the iteration it resumes into.
 */
public final class WhileNode extends MpStatementNode {
    @Child private LoopNode loop;
    @Child private MpStatementNode orelse;
    private final int generatorSlot;
    /** In a generator: the slot that says the else clause is running (for a yield in it to resume there); else -1. */
    private final int elseSlot;

    public WhileNode(MpExpressionNode test, MpStatementNode body, MpStatementNode orelse, int generatorSlot, int elseSlot) {
        this(test, body, orelse, generatorSlot, elseSlot, new int[0]);
    }

    /** @param testYields the ids of the yields (and awaits) in the test, which a resumption goes back into */
    public WhileNode(MpExpressionNode test, MpStatementNode body, MpStatementNode orelse, int generatorSlot, int elseSlot, int[] testYields) {
        this.loop = Truffle.getRuntime().createLoopNode(new Iteration(test, body, generatorSlot, testYields));
        this.orelse = orelse;
        this.generatorSlot = generatorSlot;
        this.elseSlot = elseSlot;
    }

    @Override
    public void execute(VirtualFrame frame) {
        Object completion = executeReturning(frame);
        if (completion != null) {
            throw Completion.unwind(completion);
        }
    }

    @Override
    public Object executeReturning(VirtualFrame frame) {
        if (elseSlot >= 0 && GeneratorState.resuming(frame, generatorSlot) && frame.getObjectStatic(elseSlot) == LoopIteration.IN_ELSE) {
            LoopIteration.runElse(frame, orelse, elseSlot);
            return null;
        }
        return LoopIteration.completion(loop.execute(frame), frame, orelse, elseSlot);
    }

    /** One test and run of the body. */
    private static final class Iteration extends LoopIteration {
        @Child private MpExpressionNode test;
        @Child private MpStatementNode body;
        private final int generatorSlot;
        @com.oracle.truffle.api.CompilerDirectives.CompilationFinal(dimensions = 1) private final int[] testYields;

        Iteration(MpExpressionNode test, MpStatementNode body, int generatorSlot, int[] testYields) {
            super("while");
            this.test = test;
            this.body = body;
            this.generatorSlot = generatorSlot;
            this.testYields = testYields;
        }

        @Override
        public Object executeRepeatingWithValue(VirtualFrame frame) {
            if ((!GeneratorState.resuming(frame, generatorSlot) || resumesTest(frame)) && !test.executeCondition(frame)) {
                return ENDED;
            }
            return runBody(body, frame);
        }

        /** Whether the generator being resumed stopped in the test (while await ready():). */
        @com.oracle.truffle.api.nodes.ExplodeLoop
        private boolean resumesTest(VirtualFrame frame) {
            int at = GeneratorState.generator(frame, generatorSlot).suspendedAt;
            for (int id : testYields) {
                if (id == at) {
                    return true;
                }
            }
            return false;
        }
    }
}
