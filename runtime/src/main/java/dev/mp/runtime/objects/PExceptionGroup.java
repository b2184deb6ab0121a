package dev.mp.runtime.objects;

/**
 * An instance of BaseExceptionGroup or a subclass: a message and the non-empty tuple of exceptions it groups,
 * fixed at creation (as in CPython, assigning {@code args} later changes neither).
 */
public final class PExceptionGroup extends PBaseException {
    private final String message;
    private final PTuple exceptions;

    public PExceptionGroup(PClass cls, PTuple args, String message, PTuple exceptions) {
        super(cls, args);
        this.message = message;
        this.exceptions = exceptions;
    }

    public String message() {
        return message;
    }

    public PTuple exceptions() {
        return exceptions;
    }
}
