package dev.mp.runtime.nodes.function;

import com.oracle.truffle.api.nodes.ControlFlowException;

/** Unwinds a generator body to its root when it yields; the resumable nodes keep their place in the frame. */
public final class YieldException extends ControlFlowException {
    private static final long serialVersionUID = 1L;
    public final Object value;

    public YieldException(Object value) {
        this.value = value;
    }
}
