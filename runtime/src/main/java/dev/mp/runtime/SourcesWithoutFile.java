package dev.mp.runtime;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * The source texts of one context's code that is in no file (the prompt, an embedder's string): its functions
 * and classes and its top-level imports, in the order they ran. Pickling sends a child process such a function
 * or class as source, since the child has no file to import it from; the child runs the imports and
 * definitions again.
 *
 * <p>Definitions are held weakly: one that is no longer reachable is dropped. Each distinct import text is kept
 * once. Safe to use from the context's threads at once.
 */
public final class SourcesWithoutFile {
    /** {definition, or null for an import; its source text}, in the order they ran. */
    private record Entry(WeakReference<Object> definition, String text) {
    }

    private final List<Entry> entries = new ArrayList<>();

    SourcesWithoutFile() {
    }

    /** Records the source of a function or class just defined by code in no file. */
    @TruffleBoundary
    public synchronized void rememberDefinition(Object value, String text) {
        entries.removeIf(e -> e.definition() != null && e.definition().get() == null);
        entries.add(new Entry(new WeakReference<>(value), text));
    }

    /** Records a top-level import of such code, which its functions may need; each distinct text once. */
    @TruffleBoundary
    public synchronized void rememberImport(String text) {
        for (Entry e : entries) {
            if (e.definition() == null && e.text().equals(text)) {
                return;
            }
        }
        entries.add(new Entry(null, text));
    }

    /**
     * When {@code value} is one of the recorded definitions that {@code stillBound} accepts: the source of every
     * such definition and of every import, in order, one per line (a child defines them all again, so they may
     * call each other). Null for anything else.
     */
    @TruffleBoundary
    public synchronized String sourceOf(Object value, Predicate<Object> stillBound) {
        StringBuilder all = new StringBuilder();
        boolean found = false;
        for (Entry e : entries) {
            if (e.definition() == null) {
                all.append(e.text()).append('\n');
                continue;
            }
            Object defined = e.definition().get();
            if (defined == null || !stillBound.test(defined)) {
                continue;
            }
            found |= defined == value;
            all.append(e.text()).append('\n');
        }
        return found ? all.toString() : null;
    }
}
