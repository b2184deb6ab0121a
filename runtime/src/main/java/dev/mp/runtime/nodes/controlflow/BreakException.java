package dev.mp.runtime.nodes.controlflow;

import com.oracle.truffle.api.nodes.ControlFlowException;

/** Unwinds to the innermost loop for {@code break}. */
public final class BreakException extends ControlFlowException {
    private static final long serialVersionUID = 1L;
    public static final BreakException INSTANCE = new BreakException();
}
