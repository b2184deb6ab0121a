package dev.mp.runtime.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.antlr.v4.runtime.ParserRuleContext;

import dev.mp.grammar.SyntaxProblem;

/** Splits an f-string body into literal text and replacement fields, whose expressions it parses. */
final class FStrings {
    private FStrings() {
    }

    /**
     * A replacement field {@code {expr!conv:spec}}; {@code spec} holds literal strings and nested fields, and
     * {@code offset} is where the expression starts in the literal's body.
     */
    record Field(ParserRuleContext expression, char conversion, List<Object> spec, String text, int offset) {
    }

    static List<Object> parse(String body, boolean raw, int line, Function<String, ParserRuleContext> parseExpression) {
        List<Object> parts = new ArrayList<>();
        int[] pos = {0};
        parseInto(body, raw, line, parseExpression, parts, pos, false);
        return parts;
    }

    private static void parseInto(String s, boolean raw, int line, Function<String, ParserRuleContext> parseExpression,
                                  List<Object> parts, int[] pos, boolean inSpec) {
        StringBuilder literal = new StringBuilder();
        int i = pos[0];
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '{') {
                if (!inSpec && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                    literal.append('{');
                    i += 2;
                    continue;
                }
                flush(literal, raw, line, parts);
                int[] p = {i + 1};
                parts.add(field(s, raw, line, parseExpression, p));
                i = p[0];
                continue;
            }
            if (c == '}') {
                if (inSpec) {
                    break;
                }
                if (i + 1 < s.length() && s.charAt(i + 1) == '}') {
                    literal.append('}');
                    i += 2;
                    continue;
                }
                throw error(line, "f-string: single '}' is not allowed");
            }
            if (c == '\\' && !raw && i + 1 < s.length()) {
                literal.append(c).append(s.charAt(i + 1));
                i += 2;
                continue;
            }
            literal.append(c);
            i++;
        }
        flush(literal, raw, line, parts);
        pos[0] = i;
    }

    private static void flush(StringBuilder literal, boolean raw, int line, List<Object> parts) {
        if (!literal.isEmpty()) {
            parts.add(StringLiterals.decodeStr(literal.toString(), raw, line));
            literal.setLength(0);
        }
    }

    private static Field field(String s, boolean raw, int line, Function<String, ParserRuleContext> parseExpression, int[] pos) {
        int i = pos[0];
        int depth = 0;
        char quote = 0;
        int start = i;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (depth == 0 && (c == ':' || (c == '!' && i + 1 < s.length() && s.charAt(i + 1) != '='))) {
                break;
            }
            i++;
        }
        String exprText = s.substring(start, i);
        String original = exprText;
        boolean debug = false;
        String trimmed = exprText.stripTrailing();
        if (trimmed.endsWith("=") && !trimmed.endsWith("==") && !trimmed.endsWith("!=") && !trimmed.endsWith("<=") && !trimmed.endsWith(">=")) {
            debug = true;
            exprText = trimmed.substring(0, trimmed.length() - 1);
        }
        if (exprText.isBlank()) {
            throw error(line, "f-string: empty expression not allowed");
        }
        if (i >= s.length()) {
            throw error(line, "f-string: expecting '}'");
        }
        char conversion = 0;
        if (s.charAt(i) == '!') {
            if (i + 1 >= s.length()) {
                throw error(line, "f-string: expecting '}'");
            }
            conversion = s.charAt(i + 1);
            if (conversion != 'r' && conversion != 's' && conversion != 'a') {
                throw error(line, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            }
            i += 2;
        } else if (debug && (i >= s.length() || s.charAt(i) != ':')) {
            conversion = 'r'; // "{x=}" shows the repr; "{x=:spec}" formats the value with the spec, as CPython does
        }
        List<Object> spec = new ArrayList<>();
        if (i < s.length() && s.charAt(i) == ':') {
            int[] p = {i + 1};
            parseInto(s, raw, line, parseExpression, spec, p, true);
            i = p[0];
        }
        if (i >= s.length() || s.charAt(i) != '}') {
            throw error(line, "f-string: expecting '}'");
        }
        pos[0] = i + 1;
        ParserRuleContext expr = parseExpression.apply("(" + exprText + ")");
        return new Field(expr, conversion, spec, debug ? original : null, start);
    }

    private static SyntaxProblem error(int line, String message) {
        return new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR, message, line, 1, -1);
    }
}
