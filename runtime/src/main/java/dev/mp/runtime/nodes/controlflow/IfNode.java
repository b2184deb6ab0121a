package dev.mp.runtime.nodes.controlflow;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.MpStatementNode;
import dev.mp.runtime.nodes.function.GeneratorState;

/** {@code if test: then else: otherwise} ({@code elif} chains nest). In a generator it remembers the branch. */
public final class IfNode extends MpStatementNode {
    @Child private MpExpressionNode test;
    @Child private MpStatementNode then;
    @Child private MpStatementNode otherwise;
    private final int generatorSlot;
    private final int branchSlot;

    public IfNode(MpExpressionNode test, MpStatementNode then, MpStatementNode otherwise, int generatorSlot, int branchSlot) {
        this.test = test;
        this.then = then;
        this.otherwise = otherwise;
        this.generatorSlot = generatorSlot;
        this.branchSlot = branchSlot;
    }

    @Override
    public void execute(VirtualFrame frame) {
        if (taken(frame)) {
            then.execute(frame);
        } else if (otherwise != null) {
            otherwise.execute(frame);
        }
    }

    @Override
    public Object executeReturning(VirtualFrame frame) {
        if (taken(frame)) {
            return then.executeReturning(frame);
        }
        return otherwise == null ? null : otherwise.executeReturning(frame);
    }

    /** Evaluates the test, or in a generator being resumed into a branch, gives the branch it took. */
    private boolean taken(VirtualFrame frame) {
        boolean taken;
        // No saved branch while a resumption goes back into the test itself (if await ready():).
        if (generatorSlot >= 0 && GeneratorState.resuming(frame, generatorSlot) && GeneratorState.savedInt(frame, branchSlot) != 0) {
            taken = GeneratorState.savedInt(frame, branchSlot) == 1;
        } else {
            if (generatorSlot >= 0) {
                frame.setObjectStatic(branchSlot, null);
            }
            taken = test.executeCondition(frame);
            if (generatorSlot >= 0) {
                frame.setObjectStatic(branchSlot, taken ? 1 : 2);
            }
        }
        return taken;
    }
}
