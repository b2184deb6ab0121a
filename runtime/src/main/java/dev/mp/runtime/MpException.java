package dev.mp.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.SourceSection;

import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.TracebackEntry;
import dev.mp.runtime.ops.Conversions;

/**
 * The Java throwable that carries a Python exception through the interpreter and out to embedders.
 *
 * <p>Traceback contract: {@link #needsFrameEntry()} is true while the exception has not yet been recorded in
 * the frame it is currently passing through. The innermost statement of each frame records it (see
 * {@link #recordFrame}), and a function boundary re-arms it for the caller's frame.
 *
 * <p>Location contract: an exception is made without a node; when its first traceback entry is recorded, it is
 * replaced by one located at the statement that raised it (see {@link #recordFrame}), so the innermost frame
 * of a guest stack trace has that statement's line.
 *
 * <p>To an embedder it is a PolyglotException: the message is the traceback's last line and the guest frames
 * are the traceback's functions with their lines. A SyntaxError is a parse error located at its line, and
 * incomplete when more input could complete it. It exports no meta object, so the PolyglotException's
 * {@code toString()} does not repeat the class name the message starts with. Other exception messages are
 * Truffle's defaults for an {@link AbstractTruffleException}.
 */
@ExportLibrary(InteropLibrary.class)
public final class MpException extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;

    private final PBaseException pythonException;
    private boolean needsFrameEntry = true;
    /** The expression that failed in the frame being left, until its traceback entry is recorded. */
    private dev.mp.runtime.objects.ExpressionSpan failingExpression;
    /** Where a SyntaxError is in its source; null for other exceptions. */
    private SourceSection syntaxErrorLocation;

    public MpException(PBaseException pythonException) {
        this(pythonException, null);
    }

    private MpException(PBaseException pythonException, Node location) {
        super(location);
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
        failingExpression = null;
    }

    /** Called when the exception is raised again by a {@code raise} statement in the current frame. */
    public void reraiseHere() {
        needsFrameEntry = true;
        failingExpression = null;
    }

    /** Called when a bare {@code raise} re-raises it: its frame is already recorded. */
    public void reraiseBare() {
        needsFrameEntry = false;
    }

    /**
     * Records the statement the exception is leaving in the current frame, if this frame is not recorded yet.
     *
     * @return the exception to throw on: this one, or for the first entry a replacement located at
     *         {@code statement}, which the Python exception carries from then on
     */
    public MpException recordFrame(TracebackEntry entry, Node statement) {
        if (!needsFrameEntry) {
            return this;
        }
        if (failingExpression != null) {
            entry = entry.at(failingExpression);
            failingExpression = null;
        }
        MpException carrier = this;
        if (pythonException.traceback().isEmpty() && getLocation() == null) {
            carrier = new MpException(pythonException, statement);
            pythonException.setJavaException(carrier);
        }
        pythonException.traceback().add(entry);
        carrier.needsFrameEntry = false;
        return carrier;
    }

    /**
     * Notes the expression that failed in the frame whose traceback entry comes next: the innermost one that
     * notes itself, so an operation's own failure wins over the calls and operations around it. A null
     * expression (one CPython does not mark) notes nothing.
     */
    public MpException failedAt(dev.mp.runtime.objects.ExpressionSpan expression) {
        if (expression != null && needsFrameEntry && failingExpression == null) {
            failingExpression = expression;
        }
        return this;
    }

    /** Locates a SyntaxError made by the compiler; returns this exception. */
    public MpException atSyntaxErrorLocation(SourceSection location) {
        this.syntaxErrorLocation = location;
        return this;
    }

    @Override
    public SourceSection getEncapsulatingSourceSection() {
        return syntaxErrorLocation != null ? syntaxErrorLocation : super.getEncapsulatingSourceSection();
    }

    private boolean isSyntaxError() {
        return pythonException.getPythonClass().isSubclassOf(dev.mp.runtime.objects.BuiltinClasses.exception("SyntaxError"));
    }

    @ExportMessage
    @TruffleBoundary
    ExceptionType getExceptionType() {
        return isSyntaxError() ? ExceptionType.PARSE_ERROR : ExceptionType.RUNTIME_ERROR;
    }

    @ExportMessage
    @TruffleBoundary
    boolean isExceptionIncompleteSource() {
        return isSyntaxError() && Boolean.TRUE.equals(pythonException.dict().get("incomplete"));
    }

    /** "TypeError: message", as the last line of a traceback. */
    @Override
    @TruffleBoundary
    public String getMessage() {
        return Conversions.formatExceptionLine(pythonException);
    }

    @ExportMessage
    boolean hasLanguage() {
        return true;
    }

    @ExportMessage
    Class<? extends TruffleLanguage<?>> getLanguage() {
        return MpLanguage.class;
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return getMessage();
    }
}
