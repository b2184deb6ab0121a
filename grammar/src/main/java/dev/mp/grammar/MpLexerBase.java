package dev.mp.grammar;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

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
 *
 * <p>Soft keywords: {@code match} and {@code case} are MATCH and CASE tokens only where they start a match
 * statement or one of its case clauses, and NAME tokens everywhere else ({@code match = re.match(s)}), so the
 * grammar needs no actions. A {@code match} starts a statement when it begins a logical line that ends with a
 * colon outside brackets (no other statement can begin with a name and end with a colon); a {@code case} starts
 * a clause when it begins a logical line at the indentation of a match statement's block.
 */
public abstract class MpLexerBase extends Lexer {

    private final Deque<Token> pending = new ArrayDeque<>();
    /** Indentation levels: tab size 8 and tab size 1, compared together to detect inconsistent tabs. */
    private final Deque<int[]> indents = new ArrayDeque<>();
    private int bracketDepth;
    private Token lastEmitted;
    private boolean atStart = true;
    private boolean eofSeen;
    /** True until a token other than NEWLINE, INDENT or DEDENT is emitted on the current logical line. */
    private boolean atLineStart = true;
    /** A match statement's header line has ended: the INDENT that follows opens its block of cases. */
    private boolean matchBlockExpected;
    /** The indentation columns (tab size 8) of the blocks of the match statements the lexer is inside. */
    private final Deque<Integer> matchBlocks = new ArrayDeque<>();

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
        if (t.getType() == MpLexer.MATCH || t.getType() == MpLexer.CASE) {
            classifySoftKeyword(t);
            return;
        }
        process(t);
    }

    /** Emits {@code t} as a keyword where it starts a match statement or a case clause, else as a NAME. */
    private void classifySoftKeyword(Token t) {
        boolean keyword = false;
        List<Token> rest = List.of();
        if (atLineStart && t.getType() == MpLexer.MATCH) {
            rest = restOfLogicalLine();
            keyword = rest.size() >= 2 && rest.get(rest.size() - 2).getType() == MpLexer.COLON;
            matchBlockExpected = keyword;
        } else if (atLineStart) {
            keyword = !matchBlocks.isEmpty() && matchBlocks.peek() == indents.peek()[0];
        }
        if (!keyword) {
            ((CommonToken) t).setType(MpLexer.NAME);
        }
        process(t);
        for (Token r : rest) {
            process(r);
        }
    }

    /**
     * The raw tokens after the current one up to the NEWLINE that ends its logical line (outside brackets), or
     * up to the end of input; both included. The input is left where lexing that NEWLINE leaves it.
     */
    private List<Token> restOfLogicalLine() {
        List<Token> rest = new ArrayList<>();
        int depth = bracketDepth;
        while (true) {
            Token r = super.nextToken();
            if (r.getType() == MpLexer.MATCH || r.getType() == MpLexer.CASE) {
                ((CommonToken) r).setType(MpLexer.NAME); // not at the start of a line
            }
            rest.add(r);
            switch (r.getType()) {
                case MpLexer.OPEN_PAREN, MpLexer.OPEN_BRACK, MpLexer.OPEN_BRACE -> depth++;
                case MpLexer.CLOSE_PAREN, MpLexer.CLOSE_BRACK, MpLexer.CLOSE_BRACE -> depth = Math.max(0, depth - 1);
                case Token.EOF -> {
                    return rest;
                }
                case MpLexer.NEWLINE -> {
                    if (depth == 0) {
                        return rest;
                    }
                }
                default -> {
                }
            }
        }
    }

    private void process(Token t) {
        int type = t.getType();
        if (type != MpLexer.NEWLINE && type != Token.EOF) {
            atLineStart = false;
        }
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
                    // The last token so far: a soft keyword's look-ahead may have queued the line's tokens unread.
                    Token last = pending.isEmpty() ? lastEmitted : pending.peekLast();
                    if (last != null && last.getType() != MpLexer.NEWLINE) {
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
        atLineStart = true;
        boolean opensMatchBlock = matchBlockExpected;
        matchBlockExpected = false;
        String ws = indentText(t.getText());
        int col = column(ws, 8);
        int alt = column(ws, 1);
        int[] top = indents.peek();
        int line = t.getLine() + 1;
        if (col > top[0]) {
            if (alt <= top[1]) {
                throw tabError(line, ws.length());
            }
            if (indents.size() > MAX_INDENT_LEVELS) {
                throw new SyntaxProblem(SyntaxProblem.Kind.INDENTATION_ERROR, "too many levels of indentation", line, 1, 0);
            }
            indents.push(new int[] {col, alt});
            pending.add(synthetic(MpLexer.INDENT, ws, t));
            if (opensMatchBlock) {
                matchBlocks.push(col);
            }
        } else if (col == top[0]) {
            if (alt != top[1]) {
                throw tabError(line, ws.length());
            }
        } else {
            while (col < indents.peek()[0]) {
                indents.pop();
                pending.add(synthetic(MpLexer.DEDENT, "", t));
            }
            while (!matchBlocks.isEmpty() && matchBlocks.peek() > col) {
                matchBlocks.pop();
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

    /** CPython's tokenizer refuses a 100th level of indentation (MAXINDENT). */
    private static final int MAX_INDENT_LEVELS = 99;

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
