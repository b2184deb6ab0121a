package dev.mp.runtime;

import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.nodes.Node;

import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.TracebackEntry;
import dev.mp.runtime.ops.Conversions;

/**
 * The Java throwable that carries a Python exception through the interpreter and out to embedders.
 *
 * <p>Traceback contract: {@link #needsFrameEntry()} is true while the exception has not yet been recorded in
 * the frame it is currently passing through. The innermost statement of each frame records it (see
 * {@link #recordFrame}), and a function boundary re-arms it for the caller's frame.
 */
public final class MpException extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;

    private final PBaseException pythonException;
    private boolean needsFrameEntry = true;

    public MpException(PBaseException pythonException) {
        super((Node) null);
        this.pythonException = pythonException;
    }

    public PBaseException pythonException() {
        return pythonException;
    }

    public boolean needsFrameEntry() {
        return needsFrameEntry;
    }

    /** Called as the exception leaves a function: the caller's frame must be recorded next. */
    public void leaveFrame() {
        needsFrameEntry = true;
    }

    /** Called when the exception is raised again by a {@code raise} statement in the current frame. */
    public void reraiseHere() {
        needsFrameEntry = true;
    }

    /** Called when a bare {@code raise} re-raises it: its frame is already recorded. */
    public void reraiseBare() {
        needsFrameEntry = false;
    }

    public void recordFrame(TracebackEntry entry) {
        if (needsFrameEntry) {
            pythonException.traceback().add(entry);
            needsFrameEntry = false;
        }
    }

    /** "TypeError: message", as the last line of a traceback. */
    @Override
    public String getMessage() {
        return Conversions.formatExceptionLine(pythonException);
    }
}
