package dev.mp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

/** Colours by mp's own tokens; the text itself is never changed. */
class SyntaxHighlighterTest {
    private final SyntaxHighlighter highlighter = new SyntaxHighlighter();

    /** The style of every character of the first occurrence of {@code part}, which must be one style. */
    private static AttributedStyle styleOf(AttributedString line, String part) {
        int start = line.toString().indexOf(part);
        AttributedStyle style = line.styleAt(start);
        for (int i = start; i < start + part.length(); i++) {
            assertEquals(style, line.styleAt(i), "style of '" + part + "' at " + i);
        }
        return style;
    }

    @Test
    void keywordsStringsNumbersAndComments() {
        String text = "if done == 'yes':  # a comment\n    return 0x1F + 2.5j\nelse:\n    print(\"#not a comment\")";
        AttributedString line = highlighter.highlight(null, text);
        assertEquals(text, line.toString());
        assertEquals(SyntaxHighlighter.KEYWORD, styleOf(line, "if"));
        assertEquals(SyntaxHighlighter.KEYWORD, styleOf(line, "return"));
        assertEquals(SyntaxHighlighter.KEYWORD, styleOf(line, "else"));
        assertEquals(AttributedStyle.DEFAULT, styleOf(line, "done"));
        assertEquals(AttributedStyle.DEFAULT, styleOf(line, "print"));
        assertEquals(SyntaxHighlighter.STRING, styleOf(line, "'yes'"));
        assertEquals(SyntaxHighlighter.STRING, styleOf(line, "\"#not a comment\""));
        assertEquals(SyntaxHighlighter.NUMBER, styleOf(line, "0x1F"));
        assertEquals(SyntaxHighlighter.NUMBER, styleOf(line, "2.5j"));
        assertEquals(SyntaxHighlighter.COMMENT, styleOf(line, "# a comment"));
    }

    @Test
    void softKeywordsAreKeywordsOnlyWhereTheyStartAMatchStatementOrACase() {
        String text = "match command.split():\n    case [action, *rest] if rest:\n        case = match = re.match(action)";
        AttributedString line = highlighter.highlight(null, text);
        assertEquals(text, line.toString());
        assertEquals(SyntaxHighlighter.KEYWORD, styleOf(line, "match"));
        assertEquals(SyntaxHighlighter.KEYWORD, styleOf(line, "case"));
        assertEquals(SyntaxHighlighter.KEYWORD, styleOf(line, "if"));
        assertEquals(AttributedStyle.DEFAULT, line.styleAt(text.indexOf("case =")));
        assertEquals(AttributedStyle.DEFAULT, line.styleAt(text.indexOf("match =")));
        assertEquals(AttributedStyle.DEFAULT, line.styleAt(text.indexOf("match(action)")));
    }

    @Test
    void unfinishedInputIsColouredAsFarAsItGoes() {
        AttributedString open = highlighter.highlight(null, "x = '''an open string\nstill open");
        assertEquals(SyntaxHighlighter.STRING, styleOf(open, "'''an open string\nstill open"));
        // Inconsistent dedent: the lexer stops; what follows stays plain and the text is kept.
        String text = "if x:\n        a = 1\n    b = 'c'";
        AttributedString bad = highlighter.highlight(null, text);
        assertEquals(text, bad.toString());
        assertEquals(SyntaxHighlighter.KEYWORD, styleOf(bad, "if"));
    }

    @Test
    void namesOutsideTheAsciiRangeKeepTheirPlace() {
        AttributedString line = highlighter.highlight(null, "π = '😀' + 3.14 # ünïcode\nif π: pass");
        assertEquals(SyntaxHighlighter.STRING, styleOf(line, "'😀'"));
        assertEquals(SyntaxHighlighter.NUMBER, styleOf(line, "3.14"));
        assertEquals(SyntaxHighlighter.COMMENT, styleOf(line, "# ünïcode"));
        assertEquals(SyntaxHighlighter.KEYWORD, styleOf(line, "pass"));
    }
}
