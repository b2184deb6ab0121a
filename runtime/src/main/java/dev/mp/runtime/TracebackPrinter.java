package dev.mp.runtime;

import java.io.PrintStream;
import java.util.List;

import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.TracebackEntry;
import dev.mp.runtime.ops.Conversions;

/** Prints an exception with its chained causes and contexts, in CPython's traceback format. */
public final class TracebackPrinter {
    private TracebackPrinter() {
    }

    public static void print(PBaseException e, PrintStream err) {
        err.print(format(e));
    }

    public static String format(PBaseException e) {
        StringBuilder sb = new StringBuilder();
        append(e, sb, new java.util.IdentityHashMap<>());
        return sb.toString();
    }

    private static void append(PBaseException e, StringBuilder sb, java.util.Map<Object, Boolean> seen) {
        seen.put(e, Boolean.TRUE);
        if (e.cause() instanceof PBaseException cause && !seen.containsKey(cause)) {
            append(cause, sb, seen);
            sb.append("\nThe above exception was the direct cause of the following exception:\n\n");
        } else if (!e.suppressContext() && e.context() instanceof PBaseException context && !seen.containsKey(context)) {
            append(context, sb, seen);
            sb.append("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
        List<TracebackEntry> tb = e.traceback();
        if (!tb.isEmpty()) {
            sb.append("Traceback (most recent call last):\n");
            for (int i = tb.size() - 1; i >= 0; i--) {
                TracebackEntry entry = tb.get(i);
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
            }
        }
        if (e.getPythonClass().isSubclassOf(dev.mp.runtime.objects.BuiltinClasses.exception("SyntaxError")) && e.dict().get("lineno") != null) {
            appendSyntaxError(e, sb);
            return;
        }
        sb.append(Conversions.formatExceptionLine(e)).append('\n');
    }

    /** CPython's layout for syntax errors: the file and line, the source line, a caret, then "Kind: message". */
    private static void appendSyntaxError(PBaseException e, StringBuilder sb) {
        sb.append("  File \"").append(Conversions.str(e.dict().get("filename"))).append("\", line ").append(Conversions.str(e.dict().get("lineno")))
                .append('\n');
        String text = Conversions.str(e.dict().get("text"));
        String stripped = text.stripLeading();
        if (!stripped.isBlank()) {
            int removed = text.length() - stripped.length();
            long offset = (Long) e.dict().get("offset");
            sb.append("    ").append(stripped.stripTrailing()).append('\n');
            // An offset inside the stripped indentation (an unexpected indent) gets no caret, as in CPython.
            if (offset - 1 - removed >= 0) {
                sb.append("    ").append(" ".repeat((int) (offset - 1 - removed))).append("^\n");
            }
        }
        sb.append(e.getPythonClass().name()).append(": ").append(Conversions.str(e.dict().get("msg"))).append('\n');
    }
}
