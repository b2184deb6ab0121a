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
    public static CallTarget parseModule(MpLanguage language, Source source) {
        String text = source.getCharacters().toString();
        try {
            MpParser.File_inputContext tree = parser(text).file_input();
            Map<TerminalNode, List<Object>> fstrings = new IdentityHashMap<>();
            java.util.function.Function<String, ParserRuleContext> exprParser = SourceCompiler::parseExpression;
            Map<ParserRuleContext, Scope> scopes = ScopeAnalyzer.analyze(tree, exprParser, fstrings);
            return new NodeBuilder(language, source, scopes, exprParser, fstrings).module(tree).getCallTarget();
        } catch (SyntaxProblem p) {
            throw toPython(p, source);
        }
    }

    /** True when {@code text} is an incomplete statement that more lines could complete (for the REPL). */
    public static boolean isIncomplete(String text) {
        try {
            parser(text).file_input();
            return false;
        } catch (SyntaxProblem p) {
            return p.incompleteInput();
        }
    }

    static ParserRuleContext parseExpression(String text) {
        MpParser p = parser(text);
        return p.eval_input();
    }

    private static MpParser parser(String text) {
        MpLexer lexer = new MpLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        MpParser parser = new MpParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(new PythonErrorListener(text));
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        return parser;
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
                return new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR, message, line, col + 1, -1);
            }
            if (type == MpLexer.INDENT) {
                return new SyntaxProblem(SyntaxProblem.Kind.INDENTATION_ERROR, "unexpected indent", line, col + 1, -1);
            }
            Token previous = previousToken(parser, t);
            if (previous != null && previous.getType() == MpLexer.NEWLINE && parser.getExpectedTokens().contains(MpLexer.INDENT)) {
                Token colon = parser.getTokenStream().get(Math.max(0, previous.getTokenIndex() - 1));
                Token head = firstOfLine(parser, colon);
                int errorLine = type == Token.EOF ? line : t.getLine();
                return new SyntaxProblem(SyntaxProblem.Kind.INDENTATION_ERROR,
                        "expected an indented block after " + describe(head) + " on line " + head.getLine(), errorLine,
                        type == Token.EOF ? 1 : t.getCharPositionInLine() + 1, -1, type == Token.EOF);
            }
            if (type == Token.EOF || type == MpLexer.DEDENT || (type == MpLexer.NEWLINE && t.getText().isEmpty())) {
                Token open = unclosedBracket(parser);
                if (open != null) {
                    return new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR, "'" + open.getText() + "' was never closed", open.getLine(),
                            open.getCharPositionInLine() + 1, -1, true);
                }
                boolean incomplete = previous != null && previous.getType() == MpLexer.COLON;
                if (type == Token.EOF) {
                    return new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR, "invalid syntax", line, col + 1, -1, incomplete);
                }
            }
            Token open = unclosedBracket(parser);
            if (open != null && t != null && t.getLine() > open.getLine()) {
                return new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR, "'" + open.getText() + "' was never closed", open.getLine(),
                        open.getCharPositionInLine() + 1, -1, true);
            }
            return new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR, "invalid syntax", t.getLine(), t.getCharPositionInLine() + 1, -1);
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
        e.dict().put("text", lineText);
        e.dict().put("incomplete", p.incompleteInput());
        return e.javaException().atSyntaxErrorLocation(p.line() >= 1 && p.line() <= source.getLineCount() ? source.createSection(p.line()) : null);
    }

}
