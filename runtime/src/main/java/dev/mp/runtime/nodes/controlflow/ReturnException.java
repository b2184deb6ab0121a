package dev.mp.runtime.nodes.controlflow;

import com.oracle.truffle.api.nodes.ControlFlowException;

/** Unwinds to the function body for {@code return}, carrying the value. */
public final class ReturnException extends ControlFlowException {
    private static final long serialVersionUID = 1L;
    public final Object value;

    public ReturnException(Object value) {
        this.value = value;
    }
}
