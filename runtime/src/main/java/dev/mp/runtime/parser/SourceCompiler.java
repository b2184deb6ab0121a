package dev.mp.runtime.parser;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.tree.TerminalNode;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.source.Source;

import dev.mp.grammar.MpLexer;
import dev.mp.grammar.MpParser;
import dev.mp.grammar.SyntaxProblem;
import dev.mp.runtime.MpException;
import dev.mp.runtime.MpLanguage;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Exceptions;

/**
 * Compiles source text to a Truffle call target: lex and parse with the ANTLR grammar, resolve names, build nodes.
 * Every syntax problem becomes a Python SyntaxError (or IndentationError/TabError) before anything runs.
 */
public final class SourceCompiler {
    private SourceCompiler() {
    }

    /** Parses module code; the call target takes the module as its only argument. */
    public static CallTarget parseModule(MpLanguage language, Source original) {
        return parseModule(language, original, false);
    }

    /**
     * Parses module code. With {@code separateLocals} (for {@code exec}/{@code eval} given a locals mapping of their
     * own) the call target takes the module and that mapping, where the code's names live.
     */
    public static CallTarget parseModule(MpLanguage language, Source original, boolean separateLocals) {
        Source source = SourceDecoding.normalize(redecoded(original));
        String text = source.getCharacters().toString();
        try {
            MpParser.File_inputContext tree = parse(text);
            NestingLimits.check(tree);
            Map<TerminalNode, List<Object>> fstrings = new IdentityHashMap<>();
            java.util.function.Function<String, ParserRuleContext> exprParser = SourceCompiler::parseExpression;
            Map<ParserRuleContext, Scope> scopes = ScopeAnalyzer.analyze(tree, exprParser, fstrings);
            return new NodeBuilder(language, source, scopes, exprParser, fstrings).withSeparateLocals(separateLocals).module(tree).getCallTarget();
        } catch (SyntaxProblem p) {
            throw toPython(p, source);
        } catch (StackOverflowError e) {
            throw tooDeep();
        }
    }

    /**
     * Parses module code. The parser descends recursively; a program nested deeply enough to exhaust the Java stack
     * there is past the 6,000 levels at which CPython's parser gives up with a MemoryError (see
     * {@link NestingLimits}), so it gets the same error.
     */
    private static MpParser.File_inputContext parse(String text) {
        try {
            return parser(text).file_input();
        } catch (StackOverflowError e) {
            throw dev.mp.runtime.ops.Errors.memoryError();
        }
    }

    /**
     * Parses an expression for {@code eval()}: the text must be one expression (a SyntaxError otherwise); the call
     * target takes the module as its only argument and returns the expression's value.
     */
    public static CallTarget parseEval(MpLanguage language, Source source) {
        return parseEval(language, source, false);
    }

    /** Parses an expression for {@code eval()}; {@code separateLocals} as for {@link #parseModule(MpLanguage, Source, boolean)}. */
    public static CallTarget parseEval(MpLanguage language, Source source, boolean separateLocals) {
        try {
            parser(SourceDecoding.normalize(source.getCharacters().toString())).eval_input();
        } catch (SyntaxProblem p) {
            throw toPython(p, source);
        }
        return parseModule(language, source, separateLocals);
    }

    /**
     * Parses one statement typed at the interactive prompt, as CPython compiles in {@code 'single'} mode: the
     * text must hold exactly one statement, and its module-level expression statements show their values
     * (see {@code PrintExpressionNode}). The call target takes the module as its only argument.
     */
    public static CallTarget parseInteractive(MpLanguage language, Source source) {
        return parseInteractive(language, source, false);
    }

    /** Parses one statement for {@code 'single'} mode; {@code separateLocals} as for {@link #parseModule(MpLanguage, Source, boolean)}. */
    public static CallTarget parseInteractive(MpLanguage language, Source source, boolean separateLocals) {
        String text = source.getCharacters().toString();
        try {
            MpParser parser = parser(text);
            MpParser.Single_inputContext tree = parser.single_input();
            Token next = parser.getCurrentToken();
            if (next.getType() != Token.EOF) {
                Token end = parser.getTokenStream().get(next.getTokenIndex() - 1);
                throw new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR, "multiple statements found while compiling a single statement",
                        end.getLine(), end.getCharPositionInLine() + 1, -1);
            }
            NestingLimits.check(tree);
            Map<TerminalNode, List<Object>> fstrings = new IdentityHashMap<>();
            java.util.function.Function<String, ParserRuleContext> exprParser = SourceCompiler::parseExpression;
            Map<ParserRuleContext, Scope> scopes = ScopeAnalyzer.analyze(tree, exprParser, fstrings);
            return new NodeBuilder(language, source, scopes, exprParser, fstrings).withSeparateLocals(separateLocals).interactive(tree, tree)
                    .getCallTarget();
        } catch (SyntaxProblem p) {
            throw toPython(p, source);
        } catch (StackOverflowError e) {
            throw tooDeep();
        }
    }

    /**
     * True when {@code text} is an unfinished statement that more lines could complete, as CPython's
     * {@code codeop.compile_command} decides at the interactive prompt: a bracket, triple-quoted string or
     * backslash continuation is open, a block or a clause is still expected, or a compound statement has
     * not yet been ended by an empty last line. Text with an error that more lines cannot fix is complete
     * (running it reports the error). Text holding several statements (a paste) is unfinished when its last
     * statement is.
     */
    public static boolean isIncomplete(String text) {
        try {
            List<MpParser.StmtContext> statements = parser(text).file_input().stmt();
            return !statements.isEmpty() && statements.getLast().compound_stmt() != null && !text.endsWith("\n");
        } catch (SyntaxProblem p) {
            return p.incompleteInput();
        }
    }

    /**
     * The top-level statements of {@code text}, each as the text of its lines (with the blank and comment
     * lines that follow it), so that a pasted program can run one statement at a time as if typed at the
     * prompt. Text that does not parse is returned whole: running it reports the error.
     */
    public static List<String> statements(String text) {
        List<MpParser.StmtContext> statements;
        try {
            statements = parser(text).file_input().stmt();
        } catch (SyntaxProblem p) {
            return List.of(text);
        }
        List<String> result = new java.util.ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            int start = lineStart(text, statements.get(i).getStart());
            int end = i + 1 < statements.size() ? lineStart(text, statements.get(i + 1).getStart()) : text.length();
            result.add(text.substring(start, end));
        }
        return result;
    }

    /** The index in {@code text} of the start of the line of {@code token} (whose indexes count code points). */
    private static int lineStart(String text, Token token) {
        int index = text.offsetByCodePoints(0, token.getStartIndex());
        return Math.max(text.lastIndexOf('\n', index - 1), text.lastIndexOf('\r', index - 1)) + 1;
    }

    static ParserRuleContext parseExpression(String text) {
        MpParser p = parser(text);
        return p.eval_input();
    }

    /**
     * Starts loading the parser on a daemon thread: ANTLR deserializes the lexer's and the parser's ATN in their
     * class initialisers, a fixed cost of every JVM. Called when the language loads, it overlaps the creation of
     * the engine and the context instead of delaying the first parse. (Warming the prediction DFA by parsing a
     * sample as well was measured: it costs a child JVM more CPU than it saves, as children parse the
     * multiprocessing package anyway.)
     */
    public static void warmUpInBackground() {
        Thread warmUp = new Thread(() -> {
            try {
                Class.forName(MpLexer.class.getName(), true, SourceCompiler.class.getClassLoader());
                Class.forName(MpParser.class.getName(), true, SourceCompiler.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }, "mp-parser-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /** A program nested too deeply for the parser's (recursive) descent, as CPython 3.11 reports it. */
    private static RuntimeException tooDeep() {
        return NestingLimits.tooDeep();
    }

    /** CPython's tokenizer's limit on open brackets (MAXLEVEL): a deeper one is "too many nested parentheses". */
    private static final int MAX_BRACKET_DEPTH = 200;

    private static MpParser parser(String text) {
        MpLexer lexer = new MpLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        checkBracketDepth(tokens);
        MpParser parser = new MpParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(new PythonErrorListener(text));
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.addParseListener(new CompactParseTree());
        return parser;
    }

    /** Reads all tokens and raises CPython's SyntaxError at the first bracket opened past {@link #MAX_BRACKET_DEPTH}. */
    private static void checkBracketDepth(CommonTokenStream tokens) {
        tokens.fill();
        int depth = 0;
        for (Token t : tokens.getTokens()) {
            switch (t.getType()) {
                case MpLexer.OPEN_PAREN, MpLexer.OPEN_BRACK, MpLexer.OPEN_BRACE -> {
                    if (++depth > MAX_BRACKET_DEPTH) {
                        throw new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR, "too many nested parentheses", t.getLine(), t.getCharPositionInLine() + 1, -1);
                    }
                }
                case MpLexer.CLOSE_PAREN, MpLexer.CLOSE_BRACK, MpLexer.CLOSE_BRACE -> depth = Math.max(0, depth - 1);
                default -> {
                }
            }
        }
    }

    /** Turns ANTLR's reports into CPython's messages. */
    private static final class PythonErrorListener extends BaseErrorListener {
        private final String text;

        PythonErrorListener(String text) {
            this.text = text;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int col, String msg, RecognitionException e) {
            Token t = (Token) offendingSymbol;
            MpParser parser = (MpParser) recognizer;
            throw problem(parser, t, line, col);
        }

        private SyntaxProblem problem(MpParser parser, Token t, int line, int col) {
            int type = t == null ? Token.EOF : t.getType();
            if (type == MpLexer.UNTERMINATED_STRING) {
                return new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR, "unterminated string literal (detected at line " + line + ")", line,
                        col + 1, -1);
            }
            if (type == MpLexer.UNTERMINATED_LONG_STRING) {
                int lastLine = (int) text.chars().filter(c -> c == '\n').count() + 1;
                return new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR,
                        "unterminated triple-quoted string literal (detected at line " + lastLine + ")", line, col + 1, -1, true);
            }
            if (type == MpLexer.ERROR_CHAR) {
                int cp = t.getText().codePointAt(0);
                String message = cp < 0x80 ? "invalid syntax" : String.format("invalid character '%s' (U+%04X)", t.getText(), cp);
                // A backslash ending the text continues the line onto one not yet typed.
                boolean continuation = cp == '\\' && text.substring(t.getStopIndex() + 1).isBlank();
                return new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR, message, line, col + 1, -1, continuation);
            }
            if (type == MpLexer.INDENT) {
                // CPython's offset is the width of the indentation, pointing at its last blank.
                String lineText = text.split("\r\n|\r|\n", -1)[t.getLine() - 1];
                int indent = lineText.length() - lineText.stripLeading().length();
                return new SyntaxProblem(SyntaxProblem.Kind.INDENTATION_ERROR, "unexpected indent", t.getLine(), indent, -1);
            }
            Token previous = previousToken(parser, t);
            if (previous != null && previous.getType() == MpLexer.NEWLINE && parser.getExpectedTokens().contains(MpLexer.INDENT)) {
                Token colon = parser.getTokenStream().get(Math.max(0, previous.getTokenIndex() - 1));
                Token head = firstOfLine(parser, colon);
                int errorLine = type == Token.EOF ? line : t.getLine();
                return new SyntaxProblem(SyntaxProblem.Kind.INDENTATION_ERROR,
                        "expected an indented block after " + describe(head) + " on line " + head.getLine(), errorLine,
                        type == Token.EOF ? 1 : t.getCharPositionInLine() + 1, -1, type == Token.EOF || atEndOfInput(parser, t));
            }
            if (type == MpLexer.CLOSE_PAREN || type == MpLexer.CLOSE_BRACK || type == MpLexer.CLOSE_BRACE) {
                SyntaxProblem unmatched = unmatchedBracket(parser, t);
                if (unmatched != null) {
                    return unmatched;
                }
            }
            if (type == Token.EOF || type == MpLexer.DEDENT || (type == MpLexer.NEWLINE && t.getText().isEmpty())) {
                Token open = unclosedBracket(parser);
                if (open != null) {
                    return new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR, "'" + open.getText() + "' was never closed", open.getLine(),
                            open.getCharPositionInLine() + 1, -1, true);
                }
                // The parser wanted more statements or clauses than the text has: more lines could complete it.
                if (type == Token.EOF || atEndOfInput(parser, t)) {
                    return new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR, "invalid syntax", line, col + 1, -1, true);
                }
            }
            Token open = unclosedBracket(parser);
            if (open != null && t != null && t.getLine() > open.getLine()) {
                return new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR, "'" + open.getText() + "' was never closed", open.getLine(),
                        open.getCharPositionInLine() + 1, -1, true);
            }
            if (parser.getContext() instanceof MpParser.Try_stmtContext && parser.getExpectedTokens().contains(MpLexer.EXCEPT)
                    && parser.getExpectedTokens().contains(MpLexer.FINALLY)) {
                Token next = t;
                for (int i = t.getTokenIndex() + 1; next.getType() == MpLexer.DEDENT; i++) {
                    next = parser.getTokenStream().get(i);
                }
                int end = next.getType() == Token.EOF ? -1 : endColumn(next);
                return new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR, "expected 'except' or 'finally' block", next.getLine(),
                        next.getCharPositionInLine() + 1, end);
            }
            if (type == MpLexer.NEWLINE && t.getText().isEmpty() && previous != null) {
                // The NEWLINE the lexer adds at the end of the input: CPython points just past the line's last token.
                return new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR, "invalid syntax", previous.getLine(), endColumn(previous), -1);
            }
            // CPython underlines the whole offending token.
            String text = t.getText();
            int start = t.getCharPositionInLine() + 1;
            int end = type == MpLexer.NEWLINE || text.isEmpty() || text.contains("\n") ? -1 : endColumn(t);
            return new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR, "invalid syntax", t.getLine(), start, end);
        }

        /** The 1-based column just past {@code t}, which lies on one line. */
        private static int endColumn(Token t) {
            return t.getCharPositionInLine() + t.getText().codePointCount(0, t.getText().length()) + 1;
        }

        /** True when only the DEDENTs closing the last blocks and the end of input follow {@code t}, itself a DEDENT. */
        private static boolean atEndOfInput(MpParser parser, Token t) {
            if (t.getType() != MpLexer.DEDENT) {
                return false;
            }
            ((CommonTokenStream) parser.getTokenStream()).fill();
            for (int i = t.getTokenIndex() + 1; ; i++) {
                int type = parser.getTokenStream().get(i).getType();
                if (type == Token.EOF) {
                    return true;
                }
                if (type != MpLexer.DEDENT) {
                    return false;
                }
            }
        }

        private static Token previousToken(MpParser parser, Token t) {
            if (t == null || t.getTokenIndex() <= 0) {
                return null;
            }
            return parser.getTokenStream().get(t.getTokenIndex() - 1);
        }

        private static Token firstOfLine(MpParser parser, Token t) {
            int i = t.getTokenIndex();
            while (i > 0) {
                Token p = parser.getTokenStream().get(i - 1);
                if (p.getType() == MpLexer.NEWLINE || p.getType() == MpLexer.INDENT || p.getType() == MpLexer.DEDENT) {
                    break;
                }
                i--;
            }
            Token first = parser.getTokenStream().get(i);
            if (first.getType() == MpLexer.AT) {
                return first;
            }
            return first;
        }

        private static String describe(Token head) {
            return switch (head.getType()) {
                case MpLexer.DEF -> "function definition";
                case MpLexer.CLASS -> "class definition";
                default -> "'" + head.getText() + "' statement";
            };
        }

        /** CPython's tokenizer errors for a closing bracket {@code close} that no opening bracket matches, or null. */
        private static SyntaxProblem unmatchedBracket(MpParser parser, Token close) {
            java.util.Deque<Token> open = new java.util.ArrayDeque<>();
            for (int i = 0; i < close.getTokenIndex(); i++) {
                Token tok = parser.getTokenStream().get(i);
                switch (tok.getType()) {
                    case MpLexer.OPEN_PAREN, MpLexer.OPEN_BRACK, MpLexer.OPEN_BRACE -> open.push(tok);
                    case MpLexer.CLOSE_PAREN, MpLexer.CLOSE_BRACK, MpLexer.CLOSE_BRACE -> open.poll();
                    default -> {
                    }
                }
            }
            String message;
            if (open.isEmpty()) {
                message = "unmatched '" + close.getText() + "'";
            } else if (!isPair(open.peek().getText(), close.getText())) {
                message = "closing parenthesis '" + close.getText() + "' does not match opening parenthesis '" + open.peek().getText() + "'"
                        + (open.peek().getLine() == close.getLine() ? "" : " on line " + open.peek().getLine());
            } else {
                return null;
            }
            return new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR, message, close.getLine(), close.getCharPositionInLine() + 1, -1);
        }

        private static boolean isPair(String open, String close) {
            return "([{".indexOf(open) == ")]}".indexOf(close);
        }

        private static Token unclosedBracket(MpParser parser) {
            java.util.Deque<Token> open = new java.util.ArrayDeque<>();
            var stream = (CommonTokenStream) parser.getTokenStream();
            stream.fill();
            for (Token tok : stream.getTokens()) {
                switch (tok.getType()) {
                    case MpLexer.OPEN_PAREN, MpLexer.OPEN_BRACK, MpLexer.OPEN_BRACE -> open.push(tok);
                    case MpLexer.CLOSE_PAREN, MpLexer.CLOSE_BRACK, MpLexer.CLOSE_BRACE -> {
                        if (!open.isEmpty()) {
                            open.pop();
                        }
                    }
                    default -> {
                    }
                }
            }
            return open.isEmpty() ? null : open.peekLast();
        }
    }

    /**
     * A file's source that the engine decoded as UTF-8 although it is not (a replacement character shows), decoded
     * again from the file's bytes as PEP 263 says: by its coding line, or a SyntaxError for undecodable bytes.
     */
    private static Source redecoded(Source source) {
        if (source.getPath() == null || !source.hasCharacters()) {
            return source;
        }
        String text = source.getCharacters().toString();
        String head = text.substring(0, Math.min(text.length(), 1024));
        String declared = SourceDecoding.declaredEncoding(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (text.indexOf('\uFFFD') < 0 && (declared == null || SourceDecoding.charset(declared) == java.nio.charset.StandardCharsets.UTF_8)) {
            return source;
        }
        byte[] bytes;
        try {
            bytes = dev.mp.runtime.MpContext.get(null).env().getPublicTruffleFile(source.getPath()).readAllBytes();
        } catch (java.io.IOException | SecurityException | UnsupportedOperationException e) {
            return source;
        }
        return Source.newBuilder(source).content(SourceDecoding.decode(bytes, source.getPath())).build();
    }

    /** A SyntaxError instance with CPython's attributes: (msg, (filename, lineno, offset, text, end_lineno, end_offset)). */
    public static MpException toPython(SyntaxProblem p, Source source) {
        String file = source.getPath() != null ? source.getPath() : source.getName();
        String lineText = p.line() >= 1 && p.line() <= source.getLineCount() ? source.getCharacters(p.line()).toString() : "";
        PTuple details = PTuple.of(file, (long) p.line(), (long) p.column(), lineText, (long) p.line(), (long) p.endColumn());
        PBaseException e = Exceptions.create(BuiltinClasses.exception(p.kind().pythonName), PTuple.of(p.getMessage(), details));
        e.dict().put("msg", p.getMessage());
        e.dict().put("filename", file);
        e.dict().put("lineno", (long) p.line());
        e.dict().put("offset", (long) p.column());
        e.dict().put("end_lineno", (long) p.line());
        e.dict().put("end_offset", (long) p.endColumn());
        e.dict().put("text", lineText);
        e.dict().put("incomplete", p.incompleteInput());
        return e.javaException().atSyntaxErrorLocation(p.line() >= 1 && p.line() <= source.getLineCount() ? source.createSection(p.line()) : null);
    }

}
