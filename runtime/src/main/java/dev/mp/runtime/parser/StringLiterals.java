package dev.mp.runtime.parser;

import java.io.ByteArrayOutputStream;

import dev.mp.grammar.SyntaxProblem;
import dev.mp.runtime.objects.PBytes;

/** Decodes string and bytes literals: prefixes, quotes and escape sequences, as Python does. */
final class StringLiterals {
    private StringLiterals() {
    }

    /** A literal's parts: its prefix letters (lower case) and the text between the quotes. */
    record Literal(String prefix, String body) {
        boolean raw() {
            return prefix.contains("r");
        }

        boolean bytes() {
            return prefix.contains("b");
        }

        boolean formatted() {
            return prefix.contains("f");
        }
    }

    static Literal split(String token) {
        int p = 0;
        while (p < token.length() && token.charAt(p) != '\'' && token.charAt(p) != '"') {
            p++;
        }
        String prefix = token.substring(0, p).toLowerCase();
        String rest = token.substring(p);
        int q = rest.startsWith("\"\"\"") || rest.startsWith("'''") ? 3 : 1;
        return new Literal(prefix, rest.substring(q, rest.length() - q));
    }

    /** The value of a str literal body (not an f-string). */
    static String decodeStr(String body, boolean raw, int line) {
        if (raw || body.indexOf('\\') < 0) {
            return raw ? body : body;
        }
        StringBuilder sb = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                sb.append(c);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case '\n' -> { }
                case '\r' -> {
                    if (i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\\' -> sb.append('\\');
                case '\'' -> sb.append('\'');
                case '"' -> sb.append('"');
                case 'a' -> sb.append('\u0007');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'v' -> sb.append('\u000b');
                case 'x' -> {
                    sb.appendCodePoint(hex(body, i + 1, 2, line, "\\xXX"));
                    i += 2;
                }
                case 'u' -> {
                    sb.appendCodePoint(hex(body, i + 1, 4, line, "\\uXXXX"));
                    i += 4;
                }
                case 'U' -> {
                    int cp = hex(body, i + 1, 8, line, "\\UXXXXXXXX");
                    if (cp > 0x10ffff) {
                        throw new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR,
                                "(unicode error) 'unicodeescape' codec can't decode bytes: illegal Unicode character", line, 1, -1);
                    }
                    sb.appendCodePoint(cp);
                    i += 8;
                }
                case 'N' -> {
                    int close = body.indexOf('}', i);
                    String name = close > i + 1 ? body.substring(i + 2, close) : "";
                    int cp;
                    try {
                        cp = Character.codePointOf(name);
                    } catch (IllegalArgumentException ex) {
                        throw new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR,
                                "(unicode error) 'unicodeescape' codec can't decode bytes: unknown Unicode character name", line, 1, -1);
                    }
                    sb.appendCodePoint(cp);
                    i = close;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = 0;
                        int n = 0;
                        while (n < 3 && i < body.length() && body.charAt(i) >= '0' && body.charAt(i) <= '7') {
                            v = v * 8 + (body.charAt(i) - '0');
                            i++;
                            n++;
                        }
                        i--;
                        sb.appendCodePoint(v);
                    } else {
                        sb.append('\\').append(e);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static int hex(String s, int from, int n, int line, String form) {
        if (from + n > s.length()) {
            throw truncated(line, form);
        }
        try {
            return Integer.parseUnsignedInt(s.substring(from, from + n), 16);
        } catch (NumberFormatException e) {
            throw truncated(line, form);
        }
    }

    private static SyntaxProblem truncated(int line, String form) {
        return new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR,
                "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated " + form + " escape", line, 1, -1);
    }

    /** The value of a bytes literal body. */
    static PBytes decodeBytes(String body, boolean raw, int line) {
        for (int i = 0; i < body.length(); i++) {
            if (body.charAt(i) > 0x7f) {
                throw new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR, "bytes can only contain ASCII literal characters", line, 1, -1);
            }
        }
        String decoded = raw ? body : decodeStrForBytes(body, line);
        ByteArrayOutputStream out = new ByteArrayOutputStream(decoded.length());
        for (int i = 0; i < decoded.length(); i++) {
            out.write(decoded.charAt(i) & 0xff);
        }
        return new PBytes(out.toByteArray());
    }

    private static String decodeStrForBytes(String body, int line) {
        // \\u and \\N are not escapes in bytes literals.
        return decodeStr(body.replace("\\u", "\\\\u").replace("\\U", "\\\\U").replace("\\N", "\\\\N"), false, line);
    }
}
