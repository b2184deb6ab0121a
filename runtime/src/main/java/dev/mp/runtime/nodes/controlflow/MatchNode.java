package dev.mp.runtime.nodes.controlflow;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.MpStatementNode;
import dev.mp.runtime.nodes.function.GeneratorState;

/**
 * {@code match subject: case ...}: evaluates the subject once and runs the body of the first case that selects
 * it; none may. In a generator it remembers the case taken, so a resumption re-enters that body.
 */
public final class MatchNode extends MpStatementNode {
    @Child private MpExpressionNode subject;
    @Children private final MatchCaseNode[] cases;
    private final int generatorSlot;
    /** In a generator, the slot of the case taken (its index plus one); else -1. */
    private final int caseSlot;

    public MatchNode(MpExpressionNode subject, MatchCaseNode[] cases, int generatorSlot, int caseSlot) {
        this.subject = subject;
        this.cases = cases;
        this.generatorSlot = generatorSlot;
        this.caseSlot = caseSlot;
    }

    @Override
    public void execute(VirtualFrame frame) {
        // No saved case while a resumption goes back into the subject itself (match await f():).
        if (generatorSlot >= 0 && GeneratorState.resuming(frame, generatorSlot) && GeneratorState.savedInt(frame, caseSlot) != 0) {
            cases[GeneratorState.savedInt(frame, caseSlot) - 1].body().execute(frame);
            return;
        }
        if (generatorSlot >= 0) {
            frame.setObjectStatic(caseSlot, null);
        }
        MatchCaseNode selected = select(frame);
        if (selected != null) {
            selected.body().execute(frame);
        }
    }

    @Override
    public Object executeReturning(VirtualFrame frame) {
        if (generatorSlot >= 0) {
            return super.executeReturning(frame);
        }
        MatchCaseNode selected = select(frame);
        return selected == null ? null : selected.body().executeReturning(frame);
    }

    @ExplodeLoop
    private MatchCaseNode select(VirtualFrame frame) {
        Object value = subject.execute(frame);
        for (int i = 0; i < cases.length; i++) {
            if (cases[i].selects(frame, value)) {
                if (generatorSlot >= 0) {
                    frame.setObjectStatic(caseSlot, i + 1);
                }
                return cases[i];
            }
        }
        return null;
    }
}
