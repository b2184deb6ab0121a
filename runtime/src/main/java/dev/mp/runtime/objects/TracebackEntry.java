package dev.mp.runtime.objects;

import com.oracle.truffle.api.source.Source;

/**
 * One frame of a traceback: the statement a function was executing when an exception passed through it, and
 * the expression within it when known ({@code span}, else null). The source line is read only when the traceback
 * is printed.
 */
public record TracebackEntry(Source source, int line, String function, ExpressionSpan span) {

    public TracebackEntry(Source source, int line, String function) {
        this(source, line, function, null);
    }

    /** This entry at the failing expression: its first line is the frame's line, as in CPython. */
    public TracebackEntry at(ExpressionSpan expression) {
        return new TracebackEntry(source, expression.line(), function, expression);
    }

    public String file() {
        String path = source.getPath();
        return path != null ? path : source.getName();
    }

    /**
     * The stripped text of the line, or null when the source has no such line or was typed at the prompt
     * (CPython shows no lines for {@code <stdin>}).
     */
    public String sourceLine() {
        if (source.isInteractive() || !source.hasCharacters() || line < 1 || line > source.getLineCount()) {
            return null;
        }
        return source.getCharacters(line).toString().strip();
    }

    /** The caret line under {@link #sourceLine()} (see {@link ExpressionSpan#carets}), or null. */
    public String carets() {
        if (span == null || sourceLine() == null) {
            return null;
        }
        return span.carets(source.getCharacters(line).toString());
    }
}
