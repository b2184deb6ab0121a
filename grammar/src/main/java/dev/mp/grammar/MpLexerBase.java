package dev.mp.grammar;

import java.util.ArrayDeque;
import java.util.Deque;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;

/**
 * The indentation-aware part of the mp lexer, as Python's tokenizer does it.
 *
 * <p>Contract: the token stream seen by the parser has a NEWLINE after every logical line (also before EOF),
 * INDENT and DEDENT tokens where the indentation of a logical line grows or shrinks, and no NEWLINE inside
 * brackets or on blank and comment-only lines. Tabs advance to the next multiple of 8; indentation whose
 * meaning depends on the tab size raises a {@link SyntaxProblem} of kind TabError, as CPython does.
 */
public abstract class MpLexerBase extends Lexer {

    private final Deque<Token> pending = new ArrayDeque<>();
    /** Indentation levels: tab size 8 and tab size 1, compared together to detect inconsistent tabs. */
    private final Deque<int[]> indents = new ArrayDeque<>();
    private int bracketDepth;
    private Token lastEmitted;
    private boolean atStart = true;
    private boolean eofSeen;

    protected MpLexerBase(CharStream input) {
        super(input);
        indents.push(new int[] {0, 0});
    }

    @Override
    public Token nextToken() {
        while (pending.isEmpty()) {
            fill();
        }
        Token t = pending.poll();
        lastEmitted = t;
        return t;
    }

    private void fill() {
        Token t = super.nextToken();
        int type = t.getType();
        if (atStart && type != Token.EOF && type != MpLexer.NEWLINE) {
            atStart = false;
            if (t.getCharPositionInLine() > 0) {
                // The first line of a program is indented: the parser reports "unexpected indent".
                indents.push(new int[] {t.getCharPositionInLine(), t.getCharPositionInLine()});
                pending.add(synthetic(MpLexer.INDENT, "", t));
            }
        }
        switch (type) {
            case Token.EOF -> {
                if (!eofSeen) {
                    eofSeen = true;
                    if (lastEmitted != null && lastEmitted.getType() != MpLexer.NEWLINE
                            && !(pending.peekLast() != null && pending.peekLast().getType() == MpLexer.NEWLINE)) {
                        pending.add(synthetic(MpLexer.NEWLINE, "", t));
                    }
                    while (indents.size() > 1) {
                        indents.pop();
                        pending.add(synthetic(MpLexer.DEDENT, "", t));
                    }
                }
                pending.add(t);
            }
            case MpLexer.NEWLINE -> onNewline(t);
            case MpLexer.OPEN_PAREN, MpLexer.OPEN_BRACK, MpLexer.OPEN_BRACE -> {
                bracketDepth++;
                pending.add(t);
            }
            case MpLexer.CLOSE_PAREN, MpLexer.CLOSE_BRACK, MpLexer.CLOSE_BRACE -> {
                if (bracketDepth > 0) {
                    bracketDepth--;
                }
                pending.add(t);
            }
            default -> pending.add(t);
        }
    }

    private void onNewline(Token t) {
        if (bracketDepth > 0) {
            return; // implicit line joining
        }
        int next = _input.LA(1);
        if (next == '\r' || next == '\n' || next == '\f' || next == '#' || next == CharStream.EOF) {
            return; // blank or comment-only line: no logical line ends here
        }
        if (atStart) {
            // Blank lines before the first statement, then the first statement's own indentation.
            atStart = false;
            String ws = indentText(t.getText());
            if (!ws.isEmpty()) {
                indents.push(new int[] {column(ws, 8), column(ws, 1)});
                pending.add(synthetic(MpLexer.INDENT, "", t));
            }
            return;
        }
        CommonToken newline = new CommonToken(t);
        newline.setText("\n");
        pending.add(newline);
        String ws = indentText(t.getText());
        int col = column(ws, 8);
        int alt = column(ws, 1);
        int[] top = indents.peek();
        int line = t.getLine() + 1;
        if (col > top[0]) {
            if (alt <= top[1]) {
                throw tabError(line, ws.length());
            }
            indents.push(new int[] {col, alt});
            pending.add(synthetic(MpLexer.INDENT, ws, t));
        } else if (col == top[0]) {
            if (alt != top[1]) {
                throw tabError(line, ws.length());
            }
        } else {
            while (col < indents.peek()[0]) {
                indents.pop();
                pending.add(synthetic(MpLexer.DEDENT, "", t));
            }
            if (col != indents.peek()[0]) {
                throw new SyntaxProblem(SyntaxProblem.Kind.INDENTATION_ERROR,
                        "unindent does not match any outer indentation level", line, ws.length() + 1, -1);
            }
            if (alt != indents.peek()[1]) {
                throw tabError(line, ws.length());
            }
        }
    }

    private static SyntaxProblem tabError(int line, int col) {
        return new SyntaxProblem(SyntaxProblem.Kind.TAB_ERROR,
                "inconsistent use of tabs and spaces in indentation", line, col + 1, -1);
    }

    private static String indentText(String newlineText) {
        int i = 0;
        while (i < newlineText.length() && (newlineText.charAt(i) == '\r' || newlineText.charAt(i) == '\n')) {
            i++;
        }
        if (i < newlineText.length() && newlineText.charAt(i) == '\f' && i == 0) {
            i++;
        }
        return newlineText.substring(i).replace("\f", "");
    }

    private static int column(String ws, int tabSize) {
        int col = 0;
        for (int i = 0; i < ws.length(); i++) {
            col = ws.charAt(i) == '\t' ? (col / tabSize + 1) * tabSize : col + 1;
        }
        return col;
    }

    private Token synthetic(int type, String text, Token at) {
        CommonToken token = new CommonToken(_tokenFactorySourcePair, type, DEFAULT_TOKEN_CHANNEL,
                at.getStopIndex() + 1, at.getStopIndex());
        token.setText(text);
        boolean afterNewline = at.getType() == MpLexer.NEWLINE;
        token.setLine(afterNewline ? at.getLine() + 1 : at.getLine());
        token.setCharPositionInLine(afterNewline ? 0 : at.getCharPositionInLine());
        return token;
    }
}
