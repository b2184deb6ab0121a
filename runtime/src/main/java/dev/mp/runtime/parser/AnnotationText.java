package dev.mp.runtime.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * The text an annotation keeps under {@code from __future__ import annotations}: CPython stores the expression
 * unparsed, so its spacing is normalised ({@code List[ int ]} is {@code 'List[int]'}, {@code Dict[str,int]} is
 * {@code 'Dict[str, int]'}, {@code int|None} is {@code 'int | None'}) and a plain string literal is written with
 * single quotes. This rebuilds that text from the tokens; an expression with unusual tokens (f-strings, implicit
 * concatenation, lambdas) keeps the spacing rules below, which are those of the expressions annotations use.
 */
final class AnnotationText {
    private AnnotationText() {
    }

    private static final Set<String> OPEN = Set.of("(", "[", "{");
    private static final Set<String> CLOSE = Set.of(")", "]", "}");
    private static final Set<String> BINARY = Set.of("|", "^", "&", "<<", ">>", "+", "-", "*", "/", "%", "//", "**", "@",
            "<", ">", "==", ">=", "<=", "!=", "and", "or", "in", "is", "if", "else", "not", "=", ":=");

    static String of(ParserRuleContext expression) {
        List<Token> tokens = new ArrayList<>();
        collect(expression, tokens);
        StringBuilder out = new StringBuilder();
        String previous = null;
        String previousLiteral = null; // the body of the plain string literal just written, for implicit concatenation
        for (Token token : tokens) {
            String body = token.getType() == dev.mp.grammar.MpLexer.STRING ? plainBody(token.getText()) : null;
            if (body != null && previousLiteral != null) {
                out.setLength(out.length() - previous.length());
                body = previousLiteral + body;
                previous = null;
            }
            previousLiteral = body;
            String text = body != null ? quoted(body) : token.getText();
            if (previous != null && spaceBetween(previous, text, unary(previous, text, out))) {
                out.append(' ');
            }
            out.append(text);
            previous = text;
        }
        return out.toString();
    }

    private static void collect(ParseTree t, List<Token> out) {
        if (t instanceof TerminalNode n) {
            if (n.getSymbol().getType() != Token.EOF && !n.getText().isBlank()) {
                out.add(n.getSymbol());
            }
            return;
        }
        for (int i = 0; i < t.getChildCount(); i++) {
            collect(t.getChild(i), out);
        }
    }

    /** Whether {@code previous} is a sign or unpacking star rather than a binary operator, judged by what came before it. */
    private static boolean unary(String previous, String text, StringBuilder before) {
        if (!previous.equals("-") && !previous.equals("+") && !previous.equals("~") && !previous.equals("*") && !previous.equals("**")) {
            return false;
        }
        String prior = before.substring(0, before.length() - previous.length()).stripTrailing();
        if (prior.isEmpty()) {
            return true;
        }
        char last = prior.charAt(prior.length() - 1);
        return "([{,:=|^&<>+-*/%@~".indexOf(last) >= 0 || prior.endsWith(" not") || prior.endsWith(" and") || prior.endsWith(" or");
    }

    private static boolean spaceBetween(String previous, String next, boolean previousIsUnary) {
        if (previousIsUnary || previous.equals("~") || OPEN.contains(previous) || previous.equals(".")) {
            return false;
        }
        if (CLOSE.contains(next) || next.equals(",") || next.equals(".") || next.equals(":")) {
            return false;
        }
        if ((OPEN.contains(next) && !next.equals("{")) && !BINARY.contains(previous) && !previous.equals(",")) {
            return false; // a call or a subscript
        }
        return true;
    }

    /** The characters of a plain one-line string literal without prefix or escapes, or null for any other literal. */
    private static String plainBody(String literal) {
        char q = literal.charAt(0);
        if (literal.length() < 2 || (q != '"' && q != '\'') || literal.startsWith("\'\'\'") || literal.startsWith("\"\"\"")
                || literal.indexOf('\\') >= 0) {
            return null;
        }
        return literal.substring(1, literal.length() - 1);
    }

    /** A string as repr() writes it: single quotes unless it holds one and no double quote. */
    private static String quoted(String body) {
        if (body.indexOf('\'') >= 0 && body.indexOf('"') < 0) {
            return '"' + body + '"';
        }
        return '\'' + body.replace("'", "\\'") + '\'';
    }
}
