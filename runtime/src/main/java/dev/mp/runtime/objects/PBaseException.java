package dev.mp.runtime.objects;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import dev.mp.runtime.MpException;
import dev.mp.runtime.ops.Conversions;

/**
 * An instance of BaseException or a subclass. {@link #traceback()} lists frames innermost first; a frame is
 * added as the exception leaves the statement that raised it in each function (see MpException).
 *
 * <p>To interop it is an exception object whose {@code throwException} raises it, as {@code raise} would.
 */
@ExportLibrary(InteropLibrary.class)
public class PBaseException extends PInstance {
    private PTuple args;
    private Object cause = PNone.NONE;
    private Object context = PNone.NONE;
    private boolean suppressContext;
    private final List<TracebackEntry> traceback = new ArrayList<>();
    private MpException javaException;
    /** Whether this is a SystemError for a Java exception that escaped mp's code (a bug in mp). */
    private boolean internal;

    public PBaseException(PClass cls, PTuple args) {
        super(cls);
        this.args = args;
    }

    /** Whether this is a SystemError made for a Java exception that escaped mp's code (see Errors.internal). */
    public boolean isInternal() {
        return internal;
    }

    public void markInternal() {
        internal = true;
    }

    public PTuple args() {
        return args;
    }

    public void setArgs(PTuple args) {
        this.args = args;
    }

    public Object cause() {
        return cause;
    }

    /** {@code raise ... from cause}: also suppresses the implicit context in the printed traceback. */
    public void setCause(Object cause) {
        this.cause = cause;
        this.suppressContext = true;
    }

    public Object context() {
        return context;
    }

    public void setContext(Object context) {
        this.context = context;
    }

    public boolean suppressContext() {
        return suppressContext;
    }

    public void setSuppressContext(boolean suppressContext) {
        this.suppressContext = suppressContext;
    }

    public List<TracebackEntry> traceback() {
        return traceback;
    }

    /** The Java throwable that carries this exception, made on first raise and reused on re-raise. */
    public MpException javaException() {
        if (javaException == null) {
            javaException = new MpException(this);
        }
        return javaException;
    }

    /** Replaces the carrying throwable (see MpException's location contract). */
    public void setJavaException(MpException carrier) {
        this.javaException = carrier;
    }

    /** The first argument, or null when there are none. */
    public Object firstArg() {
        return args.size() > 0 ? args.get(0) : null;
    }

    @ExportMessage
    boolean isException() {
        return true;
    }

    @ExportMessage
    RuntimeException throwException() {
        throw javaException();
    }

    @ExportMessage
    ExceptionType getExceptionType() {
        return ExceptionType.RUNTIME_ERROR;
    }

    @ExportMessage
    boolean hasExceptionMessage() {
        return true;
    }

    @ExportMessage
    @TruffleBoundary
    Object getExceptionMessage() {
        return Conversions.formatExceptionLine(this);
    }
}
