package dev.mp.runtime.nodes.controlflow;

import com.oracle.truffle.api.interop.TruffleObject;

import dev.mp.runtime.nodes.function.YieldException;

/**
 * A {@code break} or {@code continue} travelling to its loop as the value of
 * {@link dev.mp.runtime.nodes.MpStatementNode#executeReturning}, as a {@code return}'s value does to its function
 * and a {@link Suspend} to its generator: without unwinding a JVM exception, which costs more than the rest of a
 * call, loop iteration or generator step in the interpreter. A statement run by {@code execute} still unwinds with
 * the exceptions ({@link #unwind}). Valid interop values, as tools may see them as a statement's result.
 */
public final class Completion implements TruffleObject {
    public static final Completion BREAK = new Completion("break");
    public static final Completion CONTINUE = new Completion("continue");

    private final String keyword;

    private Completion(String keyword) {
        this.keyword = keyword;
    }

    /**
     * A generator suspended at a {@code yield} statement, carrying the value it gives. The statements it leaves
     * keep their places in the frame for the resumption, as when a yield unwinds with a {@link YieldException}.
     */
    public static final class Suspend implements TruffleObject {
        public final Object value;

        public Suspend(Object value) {
            this.value = value;
        }
    }

    /**
     * The exception {@code execute} throws for a completion other than null: a break, a continue, a suspension or
     * a return's value.
     */
    public static RuntimeException unwind(Object completion) {
        if (completion == BREAK) {
            return BreakException.INSTANCE;
        }
        if (completion == CONTINUE) {
            return ContinueException.INSTANCE;
        }
        if (completion instanceof Suspend s) {
            return new YieldException(s.value);
        }
        return new ReturnException(completion);
    }

    @Override
    public String toString() {
        return keyword;
    }
}
