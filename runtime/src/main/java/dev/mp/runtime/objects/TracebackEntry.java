package dev.mp.runtime.objects;

import com.oracle.truffle.api.source.Source;

/**
 * One frame of a traceback: the statement a function was executing when an exception passed through it.
 * The source line is read only when the traceback is printed.
 */
public record TracebackEntry(Source source, int line, String function) {

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
}
