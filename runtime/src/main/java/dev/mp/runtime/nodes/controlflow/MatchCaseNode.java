package dev.mp.runtime.nodes.controlflow;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.Node;

import dev.mp.runtime.MpException;
import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.MpStatementNode;
import dev.mp.runtime.nodes.local.AssignTargetNode;
import dev.mp.runtime.nodes.pattern.PatternNode;

/**
 * One {@code case pattern if guard: body} of a match statement. The names the pattern captures are assigned
 * only once all of it has matched, before the guard runs (so a failing guard leaves them bound, as in CPython).
 * Errors while matching or in the guard are reported at the line of the pattern or of the guard.
 */
public final class MatchCaseNode extends Node {
    @Child private PatternNode pattern;
    /** The targets of the captured names, in the order of their capture indexes. */
    @Children private final AssignTargetNode[] captureTargets;
    @Child private MpExpressionNode guard;
    @Child private MpStatementNode body;
    private final int patternLine;
    private final int guardLine;

    public MatchCaseNode(PatternNode pattern, AssignTargetNode[] captureTargets, MpExpressionNode guard, MpStatementNode body, int patternLine,
                         int guardLine) {
        this.pattern = pattern;
        this.captureTargets = captureTargets;
        this.guard = guard;
        this.body = body;
        this.patternLine = patternLine;
        this.guardLine = guardLine;
    }

    /** Whether the subject matches the pattern and the guard holds; binds the captured names when the pattern matches. */
    @ExplodeLoop
    boolean selects(VirtualFrame frame, Object subject) {
        Object[] captures = new Object[captureTargets.length];
        try {
            if (!pattern.matches(frame, subject, captures)) {
                return false;
            }
        } catch (MpException e) {
            throw BlockNode.recordLine(e, this, patternLine);
        }
        for (int i = 0; i < captureTargets.length; i++) {
            captureTargets[i].assign(frame, captures[i]);
        }
        try {
            return guard == null || guard.executeCondition(frame);
        } catch (MpException e) {
            throw BlockNode.recordLine(e, this, guardLine);
        }
    }

    MpStatementNode body() {
        return body;
    }
}
