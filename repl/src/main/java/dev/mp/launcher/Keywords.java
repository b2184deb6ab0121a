package dev.mp.launcher;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

import dev.mp.grammar.MpLexer;

/**
 * Python's keywords, as mp's lexer defines them (each is a token of its own), with the soft keywords
 * {@code match} and {@code case}, which are offered for completion as CPython's completer offers them. The
 * lexer gives those two their keyword tokens only where they start a match statement or a case clause, so they
 * are highlighted there and not where they are names ({@code match = re.match(s)}).
 */
final class Keywords {
    private Keywords() {
    }

    /** The keywords, sorted. */
    static final SortedSet<String> ALL = collect();

    /** True when the token type is a keyword's. */
    static boolean isKeyword(int tokenType) {
        String literal = MpLexer.VOCABULARY.getLiteralName(tokenType);
        return literal != null && ALL.contains(literal.substring(1, literal.length() - 1));
    }

    private static SortedSet<String> collect() {
        SortedSet<String> keywords = new TreeSet<>();
        for (int type = 1; type <= MpLexer.VOCABULARY.getMaxTokenType(); type++) {
            String literal = MpLexer.VOCABULARY.getLiteralName(type);
            // Literal names are quoted: 'if', '+='. A keyword is one spelled with letters only.
            if (literal != null && literal.matches("'[A-Za-z]+'")) {
                keywords.add(literal.substring(1, literal.length() - 1));
            }
        }
        return Collections.unmodifiableSortedSet(keywords);
    }
}
