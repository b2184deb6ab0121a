package dev.mp.launcher;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import dev.mp.grammar.MpLexer;
import dev.mp.grammar.SyntaxProblem;

/**
 * Colours the buffer by mp's own tokens: keywords, strings, numbers and comments (in the colours of
 * CPython 3.14's REPL theme). Text the lexer rejects is left plain from there on.
 */
final class SyntaxHighlighter implements Highlighter {
    static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        AttributedStringBuilder styled = new AttributedStringBuilder();
        MpLexer lexer = new MpLexer(CharStreams.fromString(buffer));
        lexer.removeErrorListeners();
        // Token indexes count code points; offset and codePoints track the same position in chars and code points.
        int offset = 0;
        int codePoints = 0;
        try {
            for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
                if (t.getStopIndex() < t.getStartIndex() || t.getStartIndex() < codePoints) {
                    continue; // INDENT, DEDENT and line ends the lexer adds, not text
                }
                int start = buffer.offsetByCodePoints(offset, t.getStartIndex() - codePoints);
                int end = buffer.offsetByCodePoints(start, t.getStopIndex() + 1 - t.getStartIndex());
                appendBetweenTokens(styled, buffer.substring(offset, start));
                styled.styled(styleOf(t.getType()), buffer.substring(start, end));
                offset = end;
                codePoints = t.getStopIndex() + 1;
            }
        } catch (SyntaxProblem e) {
            // Inconsistent indentation: the rest stays plain, the error shows when the statement runs.
        }
        appendBetweenTokens(styled, buffer.substring(offset));
        return styled.toAttributedString();
    }

    /** Blanks, line joins and comments: a {@code #} outside tokens starts a comment, to the end of its line. */
    private static void appendBetweenTokens(AttributedStringBuilder styled, String text) {
        int hash = text.indexOf('#');
        while (hash >= 0) {
            int lineEnd = text.indexOf('\n', hash);
            int end = lineEnd < 0 ? text.length() : lineEnd;
            styled.append(text.substring(0, hash));
            styled.styled(COMMENT, text.substring(hash, end));
            text = text.substring(end);
            hash = text.indexOf('#');
        }
        styled.append(text);
    }

    private static AttributedStyle styleOf(int tokenType) {
        return switch (tokenType) {
            case MpLexer.STRING, MpLexer.UNTERMINATED_STRING, MpLexer.UNTERMINATED_LONG_STRING -> STRING;
            case MpLexer.DECIMAL_INTEGER, MpLexer.OCT_INTEGER, MpLexer.HEX_INTEGER, MpLexer.BIN_INTEGER, MpLexer.FLOAT_NUMBER,
                 MpLexer.IMAG_NUMBER -> NUMBER;
            default -> Keywords.isKeyword(tokenType) ? KEYWORD : AttributedStyle.DEFAULT;
        };
    }
}
