package dev.mp.runtime.objects;

/**
 * Where an expression is in its source, for the carets CPython 3.11 prints under the failing expression of a
 * traceback line (PEP 657). Lines are 1-based, columns 0-based in characters; {@code endColumn} is exclusive.
 * A binary operation or a subscript also has an anchor, the operator or the brackets, which is underlined with
 * {@code ^} while the operands get {@code ~}; {@code anchorStart} is -1 when there is none.
 */
public record ExpressionSpan(int line, int column, int endLine, int endColumn, int anchorStart, int anchorEnd) {

    public ExpressionSpan(int line, int column, int endLine, int endColumn) {
        this(line, column, endLine, endColumn, -1, -1);
    }

    /**
     * The caret line for {@code sourceLine} (the unstripped text of {@link #line}) as CPython prints it after the
     * stripped source line, without the leading four spaces; null when the expression spans the whole line, which
     * CPython leaves unmarked.
     */
    public String carets(String sourceLine) {
        String trimmed = sourceLine.stripTrailing();
        String stripped = trimmed.stripLeading();
        int indent = trimmed.length() - stripped.length();
        boolean oneLine = endLine == line;
        int end = oneLine ? Math.min(endColumn, trimmed.length()) : trimmed.length();
        if (column < indent || end <= column) {
            return null;
        }
        boolean anchored = oneLine && anchorStart >= column && anchorEnd > anchorStart && anchorEnd <= end;
        if (end - column >= stripped.length() && !anchored) {
            return null;
        }
        StringBuilder sb = new StringBuilder(" ".repeat(column - indent));
        if (anchored) {
            sb.append("~".repeat(anchorStart - column)).append("^".repeat(anchorEnd - anchorStart)).append("~".repeat(end - anchorEnd));
        } else {
            sb.append("^".repeat(end - column));
        }
        return sb.toString();
    }
}
