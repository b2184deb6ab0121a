package dev.mp.launcher;

import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion of the dotted name before the cursor: keywords, builtins and the names of {@code __main__};
 * after a dot, the attributes of the object named before it ({@code q.pu} offers {@code put} and
 * {@code put_nowait}). Names come from {@code dir()} evaluated in the session's context, and only a dotted
 * name is ever evaluated, never a call.
 */
final class NameCompleter implements Completer {
    private static final Pattern DOTTED_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*(\\.[\\p{L}_][\\p{L}\\p{N}_]*)*");

    private final Context context;

    NameCompleter(Context context) {
        this.context = context;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String word = line.word().substring(0, line.wordCursor());
        int dot = word.lastIndexOf('.');
        if (dot < 0) {
            SortedSet<String> names = new TreeSet<>(Keywords.ALL);
            names.addAll(names("dir()"));
            names.addAll(names("dir(__builtins__)"));
            for (String name : names) {
                if (name.startsWith(word)) {
                    candidates.add(candidate("", name));
                }
            }
            return;
        }
        String owner = word.substring(0, dot);
        String attribute = word.substring(dot + 1);
        if (!DOTTED_NAME.matcher(owner).matches()) {
            return;
        }
        for (String name : names("dir(" + owner + ")")) {
            // As Python's rlcompleter: _private names once the prefix starts with _, __special ones with __.
            boolean hidden = attribute.isEmpty() ? name.startsWith("_") : attribute.equals("_") && name.startsWith("__");
            if (name.startsWith(attribute) && !hidden) {
                candidates.add(candidate(owner + ".", name));
            }
        }
    }

    private static Candidate candidate(String qualifier, String name) {
        // Not "complete": no space is added after the name, as Python's completer adds none.
        return new Candidate(qualifier + name, name, null, null, null, null, false);
    }

    /** The names a {@code dir(...)} expression lists, or none when evaluating it fails. */
    private Collection<String> names(String dirExpression) {
        try {
            Value joined = context.eval(Source.create("mp", "'\\n'.join(" + dirExpression + ")"));
            return joined.isString() && !joined.asString().isEmpty() ? List.of(joined.asString().split("\n")) : List.of();
        } catch (PolyglotException e) {
            return List.of();
        }
    }
}
