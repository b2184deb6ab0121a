package dev.mp.runtime;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.PExceptionGroup;
import dev.mp.runtime.objects.TracebackEntry;
import dev.mp.runtime.ops.Conversions;

/**
 * Formats an exception with its chained causes and contexts in CPython's traceback format. {@link #chunks} gives
 * the pieces {@code traceback.format_exception} returns: each header, frame, separator and exception line.
 */
public final class TracebackPrinter {
    private TracebackPrinter() {
    }

    public static void print(PBaseException e, PrintStream err) {
        err.print(format(e));
    }

    public static String format(PBaseException e) {
        return String.join("", chunks(e, null, true));
    }

    /**
     * The traceback of {@code e} in pieces, as {@code traceback.format_exception(e, limit=limit, chain=chain)}: a
     * positive {@code limit} keeps that many frames from the outermost, a negative one that many from the
     * innermost, null keeps all; {@code chain} includes the causes and contexts.
     */
    public static List<String> chunks(PBaseException e, Integer limit, boolean chain) {
        List<String> out = new ArrayList<>();
        append(e, out, limit, chain, new IdentityHashMap<>());
        return out;
    }

    private static void append(PBaseException e, List<String> out, Integer limit, boolean chain, Map<Object, Boolean> seen) {
        append(e, out, limit, chain, seen, new GroupNesting());
    }

    /** How deep in exception groups the printing is (CPython's _ExceptionPrintContext): lines inside a group are boxed. */
    private static final class GroupNesting {
        int depth;
        boolean needClose;

        String indent() {
            return " ".repeat(2 * depth);
        }

        /** Adds {@code text} with every line (blank ones too) indented and behind the margin character. */
        void emit(List<String> out, String text, char margin) {
            if (depth == 0) {
                out.add(text);
                return;
            }
            String prefix = indent() + margin + " ";
            StringBuilder sb = new StringBuilder();
            for (String line : text.split("(?<=\n)")) {
                sb.append(prefix).append(line);
            }
            out.add(sb.toString());
        }

        void emit(List<String> out, List<String> texts) {
            for (String text : texts) {
                emit(out, text, '|');
            }
        }
    }

    private static final int MAX_GROUP_WIDTH = 15;
    private static final int MAX_GROUP_DEPTH = 10;

    private static void append(PBaseException e, List<String> out, Integer limit, boolean chain, Map<Object, Boolean> seen, GroupNesting nesting) {
        seen.put(e, Boolean.TRUE);
        if (chain && e.cause() instanceof PBaseException cause && !seen.containsKey(cause)) {
            append(cause, out, limit, true, seen, nesting);
            nesting.emit(out, "\nThe above exception was the direct cause of the following exception:\n\n", '|');
        } else if (chain && !e.suppressContext() && e.context() instanceof PBaseException context && !seen.containsKey(context)) {
            append(context, out, limit, true, seen, nesting);
            nesting.emit(out, "\nDuring handling of the above exception, another exception occurred:\n\n", '|');
        }
        // Stored innermost first; printed outermost first.
        List<TracebackEntry> tb = e.traceback().reversed();
        if (limit != null) {
            int n = Math.min(Math.abs(limit), tb.size());
            tb = limit >= 0 ? tb.subList(0, n) : tb.subList(tb.size() - n, tb.size());
        }
        List<String> frames = new ArrayList<>();
        appendFrames(tb, frames);
        if (!(e instanceof PExceptionGroup group)) {
            if (!tb.isEmpty()) {
                nesting.emit(out, "Traceback (most recent call last):\n", '|');
                nesting.emit(out, frames);
            }
            nesting.emit(out, exceptionOnly(e));
            if (e.isInternal()) {
                nesting.emit(out, dev.mp.runtime.ops.Errors.INTERNAL_ERROR_HINT + "\n", '|');
            }
        } else if (nesting.depth > MAX_GROUP_DEPTH) {
            nesting.emit(out, "... (max_group_depth is " + MAX_GROUP_DEPTH + ")\n", '|');
        } else {
            appendGroup(group, tb, frames, out, limit, chain, seen, nesting);
        }
    }

    /** A group: its traceback and line, then each sub-exception in a numbered box (at most 15, then a count). */
    private static void appendGroup(PExceptionGroup group, List<TracebackEntry> tb, List<String> frames, List<String> out, Integer limit,
                                    boolean chain, Map<Object, Boolean> seen, GroupNesting nesting) {
        boolean topLevel = nesting.depth == 0;
        if (topLevel) {
            nesting.depth++;
        }
        if (!tb.isEmpty()) {
            nesting.emit(out, "Exception Group Traceback (most recent call last):\n", topLevel ? '+' : '|');
            nesting.emit(out, frames);
        }
        nesting.emit(out, exceptionOnly(group));
        int count = group.exceptions().size();
        int shown = count <= MAX_GROUP_WIDTH ? count : MAX_GROUP_WIDTH + 1;
        nesting.needClose = false;
        for (int i = 0; i < shown; i++) {
            boolean last = i == shown - 1;
            if (last) {
                nesting.needClose = true; // a nested group may close the box instead
            }
            boolean truncated = i >= MAX_GROUP_WIDTH;
            out.add(nesting.indent() + (i == 0 ? "+-" : "  ") + "+---------------- " + (truncated ? "..." : String.valueOf(i + 1))
                    + " ----------------\n");
            nesting.depth++;
            if (!truncated) {
                append((PBaseException) group.exceptions().get(i), out, limit, chain, seen, nesting);
            } else {
                int remaining = count - MAX_GROUP_WIDTH;
                nesting.emit(out, "and " + remaining + " more exception" + (remaining > 1 ? "s" : "") + "\n", '|');
            }
            if (last && nesting.needClose) {
                out.add(nesting.indent() + "+------------------------------------\n");
                nesting.needClose = false;
            }
            nesting.depth--;
        }
        if (topLevel) {
            nesting.depth = 0;
        }
    }

    /**
     * The frames, outermost first, with runs of one line repeated more than three times cut as CPython does:
     * three copies, then "[Previous line repeated n more times]" (a deep recursion prints a few lines, not a
     * million).
     */
    private static void appendFrames(List<TracebackEntry> tb, List<String> out) {
        TracebackEntry last = null;
        int count = 0;
        for (TracebackEntry entry : tb) {
            if (last == null || !sameLine(last, entry)) {
                appendRepeated(count, out);
                last = entry;
                count = 0;
            }
            count++;
            if (count <= 3) {
                out.add(frame(entry));
            }
        }
        appendRepeated(count, out);
    }

    private static boolean sameLine(TracebackEntry a, TracebackEntry b) {
        return a.line() == b.line() && java.util.Objects.equals(a.file(), b.file()) && java.util.Objects.equals(a.function(), b.function());
    }

    private static void appendRepeated(int count, List<String> out) {
        if (count > 3) {
            int more = count - 3;
            out.add("  [Previous line repeated " + more + " more time" + (more > 1 ? "s" : "") + "]\n");
        }
    }

    private static String frame(TracebackEntry entry) {
        StringBuilder sb = new StringBuilder();
        sb.append("  File \"").append(entry.file()).append("\", line ").append(entry.line()).append(", in ")
                .append(entry.function()).append('\n');
        String line = entry.sourceLine();
        if (line != null && !line.isEmpty()) {
            sb.append("    ").append(line).append('\n');
            String carets = entry.carets();
            if (carets != null) {
                sb.append("    ").append(carets).append('\n');
            }
        }
        return sb.toString();
    }

    /** The last part of a traceback, as {@code traceback.format_exception_only}: "Kind: message", or a SyntaxError's location and caret. */
    public static List<String> exceptionOnly(PBaseException e) {
        if (e.getPythonClass().isSubclassOf(BuiltinClasses.exception("SyntaxError")) && e.dict().get("lineno") != null) {
            return syntaxError(e);
        }
        Object notes = e.dict().get("__notes__");
        if (notes == null) {
            return List.of(Conversions.formatExceptionLine(e) + "\n");
        }
        // PEP 678: the notes, one line each, after the exception's line
        List<String> out = new ArrayList<>();
        out.add(Conversions.formatExceptionLine(e) + "\n");
        if (notes instanceof dev.mp.runtime.objects.PList || notes instanceof dev.mp.runtime.objects.PTuple) {
            for (Object note : dev.mp.runtime.ops.Iteration.toArray(notes)) {
                for (String line : Conversions.str(note).split("\n", -1)) {
                    out.add(line + "\n");
                }
            }
        } else {
            out.add(Conversions.repr(notes) + "\n");
        }
        return out;
    }

    /** CPython's layout for syntax errors: the file and line, the source line, a caret, then "Kind: message". */
    private static List<String> syntaxError(PBaseException e) {
        List<String> out = new ArrayList<>();
        out.add("  File \"" + Conversions.str(e.dict().get("filename")) + "\", line " + Conversions.str(e.dict().get("lineno")) + "\n");
        String text = Conversions.str(e.dict().get("text"));
        String stripped = text.stripLeading();
        if (!stripped.isBlank()) {
            int removed = text.length() - stripped.length();
            long offset = (Long) e.dict().get("offset");
            out.add("    " + stripped.stripTrailing() + "\n");
            // An offset inside the stripped indentation (an unexpected indent) gets no caret, as in CPython.
            if (offset - 1 - removed >= 0) {
                long end = e.dict().get("end_offset") instanceof Long l && l > offset ? l : offset + 1;
                end = Math.min(end, text.stripTrailing().length() + 1);
                out.add("    " + " ".repeat((int) (offset - 1 - removed)) + "^".repeat((int) Math.max(1, end - offset)) + "\n");
            }
        }
        out.add(e.getPythonClass().name() + ": " + Conversions.str(e.dict().get("msg")) + "\n");
        return out;
    }
}
