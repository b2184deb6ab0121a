package dev.mp.runtime.nodes.controlflow;

import com.oracle.truffle.api.nodes.ControlFlowException;

/** Unwinds to the innermost loop for {@code continue}. */
public final class ContinueException extends ControlFlowException {
    private static final long serialVersionUID = 1L;
    public static final ContinueException INSTANCE = new ContinueException();
}
