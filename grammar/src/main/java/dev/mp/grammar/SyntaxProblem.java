package dev.mp.grammar;

/**
 * A syntax error found while lexing or parsing, with the Python exception class it becomes.
 *
 * <p>Lines are 1-based; columns are 1-based offsets in code points, as CPython's {@code SyntaxError.offset};
 * {@code endColumn} is -1 when unknown.
 */
public final class SyntaxProblem extends RuntimeException {

    /** The Python exception class that reports the problem. */
    public enum Kind {
        SYNTAX_ERROR("SyntaxError"),
        INDENTATION_ERROR("IndentationError"),
        TAB_ERROR("TabError");

        public final String pythonName;

        Kind(String pythonName) {
            this.pythonName = pythonName;
        }
    }

    private final Kind kind;
    private final int line;
    private final int column;
    private final int endColumn;
    /** True when the input ended inside a construct; the REPL then asks for another line. */
    private final boolean incompleteInput;

    public SyntaxProblem(Kind kind, String message, int line, int column, int endColumn) {
        this(kind, message, line, column, endColumn, false);
    }

    public SyntaxProblem(Kind kind, String message, int line, int column, int endColumn, boolean incompleteInput) {
        super(message, null, false, false);
        this.kind = kind;
        this.line = line;
        this.column = column;
        this.endColumn = endColumn;
        this.incompleteInput = incompleteInput;
    }

    public Kind kind() {
        return kind;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public int endColumn() {
        return endColumn;
    }

    public boolean incompleteInput() {
        return incompleteInput;
    }
}
