package dev.mp.runtime.modules;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.Source;

import dev.mp.runtime.nodes.CallStack;
import dev.mp.runtime.nodes.MpRootNode;
import dev.mp.runtime.nodes.MpStatementNode;
import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.objects.TracebackEntry;

/**
 * Frames as the {@code traceback} module's extract functions see them: each a tuple (filename, lineno, name,
 * line), outermost first; line is the stripped source line or None.
 */
final class StackEntries {
    private StackEntries() {
    }

    /** The frames of the mp code running now, outermost first; the innermost is the caller of the builtin. */
    @TruffleBoundary
    static PList ofRunningCode() {
        List<Object> frames = new ArrayList<>();
        CallStack stack = CallStack.current();
        if (stack != null) {
            for (int i = 0; i < stack.size(); i++) {
                MpRootNode root = stack.root(i);
                frames.add(entry(new TracebackEntry(root.source(), statementLine(stack.callNode(i)), root.getName())));
            }
            return new PList(frames);
        }
        Truffle.getRuntime().iterateFrames(instance -> {
            Node call = instance.getCallNode();
            if (instance.getCallTarget() instanceof com.oracle.truffle.api.RootCallTarget target
                    && target.getRootNode() instanceof MpRootNode root) {
                frames.add(entry(new TracebackEntry(root.source(), statementLine(call), root.getName())));
            }
            return null;
        });
        return new PList(frames.reversed());
    }

    /**
     * The text of the source that code running now was loaded from under the name {@code filename} (a module's
     * __file__), or None when no running frame comes from it: how a class's source is found even when the file
     * cannot be read (a string source, an embedder without file access).
     */
    @TruffleBoundary
    static Object sourceText(String filename) {
        CallStack stack = CallStack.current();
        if (stack != null) {
            for (int i = stack.size() - 1; i >= 0; i--) {
                Object text = sourceText(stack.root(i), filename);
                if (text != null) {
                    return text;
                }
            }
            return PNone.NONE;
        }
        Object text = Truffle.getRuntime().iterateFrames(instance -> instance.getCallTarget() instanceof com.oracle.truffle.api.RootCallTarget target
                && target.getRootNode() instanceof MpRootNode root ? sourceText(root, filename) : null);
        return text == null ? PNone.NONE : text;
    }

    /** The text of the source {@code root} was loaded from, when that source is named {@code filename}; else null. */
    private static String sourceText(MpRootNode root, String filename) {
        if (root.source() != null && root.source().hasCharacters() && filename.equals(new TracebackEntry(root.source(), 0, "").file())) {
            return root.source().getCharacters().toString();
        }
        return null;
    }

    /** The frames an exception passed through, outermost first (its traceback). */
    @TruffleBoundary
    static PList ofException(PBaseException e) {
        List<Object> frames = new ArrayList<>();
        for (TracebackEntry entry : e.traceback().reversed()) {
            frames.add(entry(entry));
        }
        return new PList(frames);
    }

    /** The frames of a traceback object, outermost first. */
    @TruffleBoundary
    static PList ofTraceback(dev.mp.runtime.builtins.TracebackType.PTraceback tb) {
        List<Object> frames = new ArrayList<>();
        for (TracebackEntry entry : tb.innermostFirst().reversed()) {
            frames.add(entry(entry));
        }
        return new PList(frames);
    }

    /** The line of the statement that contains {@code node}, or 0 when unknown. */
    static int statementLine(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof MpStatementNode statement && statement.line() > 0) {
                return statement.line();
            }
        }
        return 0;
    }

    private static PTuple entry(TracebackEntry entry) {
        Source source = entry.source();
        String line = source == null ? null : entry.sourceLine();
        return PTuple.of(entry.file(), (long) entry.line(), entry.function(), line == null ? PNone.NONE : line);
    }
}
