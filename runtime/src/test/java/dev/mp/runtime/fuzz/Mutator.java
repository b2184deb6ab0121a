package dev.mp.runtime.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Makes mutants of a program for the fuzzer: token deletion, duplication and swaps, random bytes, lines deleted,
 * repeated or re-indented, deep nesting, huge literals and numbers at the edges of mp's sizes, and hostile
 * statements (deep recursion, huge allocations) inserted at a line start. Deterministic for a given
 * {@link Random}.
 */
final class Mutator {
    /** Operators of two or three characters, longest first: kept whole as tokens. */
    private static final String[] OPERATORS = {"**=", "//=", ">>=", "<<=", "**", "//", ">>", "<<", "+=", "-=", "*=", "/=", "%=", "&=", "|=",
            "^=", "<=", ">=", "==", "!=", "@=", "->", ":="};
    private static final Pattern NUMBER = Pattern.compile("\\d[\\w.]*");

    /** Numbers at the edges of int, long, array and digit limits. */
    private static final String[] EDGE_NUMBERS = {"0", "-1", "2**31", "2**31 - 1", "2**32", "2**63", "2**63 - 1", "-2**63", "2**64",
            "10**12", "10**30", "-10**30", "2**62", "1e308", "-0.0", "float('nan')", "float('inf')", "10**4300", "True", "None", "'1'",
            "sys.maxsize", "-sys.maxsize - 1"};

    /** Random bytes are drawn from these: brackets, quotes, operators, control and non-ASCII characters. */
    private static final String NOISE = "()[]{}'\"\\:;,.=+-*/%<>!&|^~@#\t\n\r \0\u00e9\u20ac\ud83d\ude00\u200b\u00a0xyz019_";

    /** Statements inserted as they are (at a line start, with that line's indentation). */
    private static final String[] HOSTILE = {
            "import sys; sys.setrecursionlimit(10**6)",
            "def _deep(n): return 0 if n == 0 else 1 + _deep(n - 1)",
            "_deep(10**6) if '_deep' in dir() else None",
            "_x = [0] * 10**12",
            "_x = 'ab' * 2**62",
            "_x = list(range(10**12))",
            "_x = b'x' * 10**12",
            "_x = (1,) * 2**62",
            "_x = '{self}'.format(self=1)",
            "_l = []\nfor _i in range(100000): _l = [_l]\nrepr(_l)",
            "_x = str(10**5000)",
            "_x = int('1' * 5000)",
            "_x = 'a'.center(2**40)",
            "_x = (5).to_bytes(10**12, 'big')",
            "_x = sorted([3, 1, 2], key=lambda v: 1 / 0)",
            "_x = object.__new__(1)",
            "_x = object.__setattr__(object(), 5, 5)",
            "_x = '1fo'.startswith('foo', 10)",
            "_x = [1, 2, 3]; _x.sort(key=lambda v: _x.append(v))",
            "_x = bytearray(b'x'); _x *= 10**12",
            "_x = '%*d' % (2**31, 1)",
            "_x = chr(2**31)",
            "_x = [1, 2][10**30]",
            "raise MemoryError",
            "_x = __import__(5)",
    };

    private final Random random;

    Mutator(Random random) {
        this.random = random;
    }

    /** One mutant of {@code source}: one to three mutations applied in turn. */
    String mutate(String source) {
        String s = source;
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            s = mutateOnce(s);
        }
        return s;
    }

    private String mutateOnce(String source) {
        List<String> tokens = tokens(source);
        List<Integer> solid = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).isBlank()) {
                solid.add(i);
            }
        }
        if (solid.isEmpty()) {
            return source + randomNoise();
        }
        int at = solid.get(random.nextInt(solid.size()));
        switch (random.nextInt(12)) {
            case 0 -> tokens.remove(at);
            case 1 -> tokens.add(at, tokens.get(at));
            case 2 -> {
                int other = solid.get(random.nextInt(solid.size()));
                String t = tokens.get(at);
                tokens.set(at, tokens.get(other));
                tokens.set(other, t);
            }
            case 3 -> tokens.add(at, randomNoise());
            case 4 -> {
                // A number at an edge, or any token replaced by one.
                int target = at;
                for (int i : solid) {
                    if (NUMBER.matcher(tokens.get(i)).matches() && random.nextBoolean()) {
                        target = i;
                        break;
                    }
                }
                tokens.set(target, "(" + EDGE_NUMBERS[random.nextInt(EDGE_NUMBERS.length)] + ")");
            }
            case 5 -> {
                int depth = pickDepth();
                String[] pair = random.nextBoolean() ? new String[] {"(", ")"} : random.nextBoolean() ? new String[] {"[", "]"} : new String[] {"-", ""};
                tokens.set(at, pair[0].repeat(depth) + tokens.get(at) + pair[1].repeat(depth));
            }
            case 6 -> tokens.set(at, hugeLiteral());
            default -> {
                return mutateLines(source);
            }
        }
        return String.join("", tokens);
    }

    private String mutateLines(String source) {
        List<String> lines = new ArrayList<>(List.of(source.split("\n", -1)));
        int at = random.nextInt(lines.size());
        String line = lines.get(at);
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        switch (random.nextInt(5)) {
            case 0 -> lines.remove(at);
            case 1 -> lines.add(at, line);
            case 2 -> lines.set(at, (random.nextBoolean() ? "    " : "") + line.stripLeading());
            case 3 -> {
                int other = random.nextInt(lines.size());
                lines.set(at, lines.get(other));
                lines.set(other, line);
            }
            default -> {
                String statement = HOSTILE[random.nextInt(HOSTILE.length)];
                lines.add(at, indent + statement.replace("\n", "\n" + indent));
            }
        }
        return String.join("\n", lines);
    }

    private int pickDepth() {
        return switch (random.nextInt(4)) {
            case 0 -> 1 + random.nextInt(10);
            case 1 -> 190 + random.nextInt(20);
            case 2 -> 1000 + random.nextInt(1000);
            default -> 20000 + random.nextInt(80000);
        };
    }

    private String hugeLiteral() {
        return switch (random.nextInt(5)) {
            case 0 -> "1".repeat(1000 + random.nextInt(1_000_000));
            case 1 -> "'" + "x".repeat(random.nextInt(2_000_000)) + "'";
            case 2 -> "[" + "1, ".repeat(random.nextInt(200_000)) + "]";
            case 3 -> "0x" + "f".repeat(1 + random.nextInt(100_000));
            default -> "1" + "0".repeat(random.nextInt(400)) + ".5e" + (random.nextBoolean() ? "-" : "") + random.nextInt(100_000);
        };
    }

    private String randomNoise() {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
            if (random.nextInt(10) == 0) {
                sb.appendCodePoint(random.nextInt(0x10FFFF));
            } else {
                int k = random.nextInt(NOISE.length());
                sb.append(NOISE.charAt(k));
            }
        }
        return sb.toString();
    }

    /**
     * Whitespace runs, comments, string literals, names and numbers, operators and single characters: joined again
     * they give the source back. A scanner, not a regular expression, so a megabyte literal needs no deep stack.
     */
    static List<String> tokens(String source) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            int start = i;
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(source.charAt(i))) {
                    i++;
                }
            } else if (c == '#') {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '\'' || c == '"') {
                i = endOfString(source, i);
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                while (i < n && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '_' || source.charAt(i) == '.' && Character.isDigit(c))) {
                    i++;
                }
                if (i < n && (source.charAt(i) == '\'' || source.charAt(i) == '"') && i - start <= 2) {
                    i = endOfString(source, i);
                }
            } else {
                i++;
                for (String op : OPERATORS) {
                    if (source.startsWith(op, start)) {
                        i = start + op.length();
                        break;
                    }
                }
            }
            out.add(source.substring(start, i));
        }
        return out;
    }

    /** The end of the string literal whose quote is at {@code at} (or of the line, or text, when it is unclosed). */
    private static int endOfString(String source, int at) {
        char q = source.charAt(at);
        boolean triple = source.startsWith(String.valueOf(q).repeat(3), at);
        int i = at + (triple ? 3 : 1);
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (triple ? source.startsWith(String.valueOf(q).repeat(3), i) : c == q) {
                return i + (triple ? 3 : 1);
            } else if (!triple && c == '\n') {
                return i;
            } else {
                i++;
            }
        }
        return source.length();
    }
}
