package dev.mp.launcher;

import java.util.List;

import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

import dev.mp.runtime.parser.SourceCompiler;

/**
 * Tells the line editor when the buffer is a statement ready to run, and where the word being completed is.
 *
 * <p>Enter runs the buffer unless mp's parser finds it unfinished ({@link SourceCompiler#isIncomplete}); then
 * the editor opens a new line, indented like the line just ended and one level more after a {@code :}. A
 * last line holding only that indentation counts as the empty line that ends a compound statement.
 */
final class StatementBoundaries implements Parser {
    /** Spaces per indentation level, as Python's style and REPL use. */
    static final int INDENT = 4;

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) throws EOFError {
        if (context == ParseContext.ACCEPT_LINE && SourceCompiler.isIncomplete(withoutIndentedLastLine(line))) {
            // The editor indents the new line by getOpenBrackets() times its INDENTATION variable, set to 1.
            throw new EOFError(-1, -1, "incomplete input", null, nextIndent(line, cursor), null);
        }
        return new DottedWord(line, cursor);
    }

    /** The buffer with a last line of only blanks emptied: what runs when Enter is pressed there. */
    static String withoutIndentedLastLine(String buffer) {
        int lastLine = buffer.lastIndexOf('\n') + 1;
        return buffer.substring(lastLine).isBlank() ? buffer.substring(0, lastLine) : buffer;
    }

    /** The indentation of the line holding the cursor, plus one level when that line opens a block. */
    private static int nextIndent(String buffer, int cursor) {
        int start = buffer.lastIndexOf('\n', cursor - 1) + 1;
        String line = buffer.substring(start, cursor);
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        return line.stripTrailing().endsWith(":") ? indent + INDENT : indent;
    }

    /** The buffer as one word for completion: the dotted name ({@code q.pu}) that ends at the cursor. */
    private record DottedWord(String line, int cursor) implements CompletingParsedLine {
        @Override
        public String word() {
            int start = cursor;
            while (start > 0 && isNameOrDot(line.charAt(start - 1))) {
                start--;
            }
            return line.substring(start, cursor);
        }

        private static boolean isNameOrDot(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '.';
        }

        @Override
        public int wordCursor() {
            return word().length();
        }

        @Override
        public int wordIndex() {
            return 0;
        }

        @Override
        public List<String> words() {
            return List.of(word());
        }

        /** Names need no quoting: a candidate goes in as it is. */
        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return wordCursor();
        }

        @Override
        public int rawWordLength() {
            return word().length();
        }
    }
}
