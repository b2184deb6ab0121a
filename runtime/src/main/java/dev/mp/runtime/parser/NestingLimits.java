package dev.mp.runtime.parser;

import java.util.ArrayDeque;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

import dev.mp.grammar.MpParser;
import dev.mp.runtime.MpException;
import dev.mp.runtime.ops.Errors;

/**
 * CPython 3.11's limits on how deeply a program may nest, checked on the parse tree before anything is built
 * from it, so that a program nested thousands deep gets CPython's error at once instead of costing time and
 * memory that grow with the square of its depth (the qualified names of 100,000 nested lambdas alone are
 * gigabytes):
 * <ul>
 * <li>CPython's parser keeps at most 6,000 nested calls of its rules (pegen's MAXSTACK) and raises a bare
 * {@code MemoryError} beyond. Only constructs it parses by recursion count: a unary operator, {@code not},
 * a conditional expression and an {@code elif} one level each, a lambda and a {@code **} two; operator chains,
 * attribute, call and subscript chains it parses in a loop. Outside these levels a statement costs about 32,
 * so the limit is reached at 5,968 nested levels.</li>
 * <li>CPython's compiler visits the syntax tree recursively and raises
 * {@code RecursionError: maximum recursion depth exceeded during compilation} when a node is deeper than three
 * times the recursion limit, counted from three times the current depth of Python calls. A top-level statement
 * is at depth 1, each operator, call, attribute, subscript, display, conditional, lambda or {@code elif} adds
 * one, and a name or constant is a node too.</li>
 * </ul>
 * Brackets (200) and indentation (100 levels) are limited earlier, by the tokenizer, as in CPython.
 */
final class NestingLimits {
    /** The deepest parser nesting accepted: CPython's MAXSTACK less what a statement itself costs. */
    static final int MAX_PARSER_DEPTH = 5967;

    private NestingLimits() {
    }

    /**
     * Raises CPython's MemoryError or RecursionError when {@code tree} nests past the limits, for a compilation
     * started {@code callDepth} Python calls deep with recursion limit {@code recursionLimit}.
     */
    static void check(ParserRuleContext tree) {
        dev.mp.runtime.MpContext context = dev.mp.runtime.MpContext.current();
        check(tree, context == null ? 0 : context.depth, context == null ? 1000 : context.recursionLimit);
    }

    static void check(ParserRuleContext tree, int callDepth, int recursionLimit) {
        long maxAstDepth = 3L * recursionLimit - 3L * callDepth;
        boolean tooDeepToCompile = false;
        // Iterative: the tree may be deeper than the Java stack allows a recursive walk.
        ArrayDeque<Visit> pending = new ArrayDeque<>();
        pending.push(new Visit(tree, 0, 0));
        while (!pending.isEmpty()) {
            Visit v = pending.pop();
            if (!(v.tree instanceof ParserRuleContext ctx)) {
                continue;
            }
            int ast = v.ast + astNodes(ctx);
            int parser = v.parser + parserLevels(ctx);
            if (parser > MAX_PARSER_DEPTH) {
                throw Errors.memoryError();
            }
            tooDeepToCompile |= ast > maxAstDepth;
            if (ctx.children == null) {
                continue;
            }
            switch (ctx) {
                case MpParser.Atom_exprContext a -> {
                    // a.b(c)[d] is Subscript(Call(Attribute(a))): the last trailer is outermost.
                    int trailers = a.trailer().size();
                    int seen = 0;
                    for (ParseTree child : ctx.children) {
                        if (child instanceof MpParser.TrailerContext) {
                            pending.push(new Visit(child, ast + trailers - 1 - seen, parser));
                            seen++;
                        } else {
                            pending.push(new Visit(child, ast + trailers, parser));
                        }
                    }
                }
                case MpParser.If_stmtContext i -> {
                    // Each elif is an if nested in the else branch of the one before.
                    int elifs = 0;
                    for (ParseTree child : ctx.children) {
                        if (child instanceof TerminalNode t && t.getSymbol().getType() == MpParser.ELIF) {
                            elifs++;
                        }
                        pending.push(new Visit(child, ast + elifs, parser + elifs));
                    }
                }
                default -> {
                    for (ParseTree child : ctx.children) {
                        pending.push(new Visit(child, ast, parser));
                    }
                }
            }
        }
        if (tooDeepToCompile) {
            throw tooDeep();
        }
    }

    /** CPython's error for a program nested deeper than its compiler's recursion allows. */
    static MpException tooDeep() {
        return Errors.make("RecursionError", "maximum recursion depth exceeded during compilation");
    }

    private record Visit(ParseTree tree, int ast, int parser) {
    }

    /** How many levels of CPython's syntax tree {@code ctx} adds above its children. */
    private static int astNodes(ParserRuleContext ctx) {
        return switch (ctx) {
            case MpParser.Simple_stmtContext s -> 1;
            case MpParser.Compound_stmtContext s -> 1;
            case MpParser.BinaryExprContext e -> 1;
            case MpParser.PowerExprContext e -> 1;
            case MpParser.UnaryExprContext e -> 1;
            case MpParser.Not_testContext n -> n.NOT() != null ? 1 : 0;
            case MpParser.Or_testContext o -> o.getChildCount() > 1 ? 1 : 0;
            case MpParser.And_testContext a -> a.getChildCount() > 1 ? 1 : 0;
            case MpParser.ComparisonContext c -> c.getChildCount() > 1 ? 1 : 0;
            case MpParser.TestContext t -> t.getChildCount() > 1 ? 1 : 0;
            case MpParser.Namedexpr_testContext n -> n.getChildCount() > 1 ? 1 : 0;
            case MpParser.LambdefContext l -> 1;
            case MpParser.Star_exprContext s -> 1;
            case MpParser.Yield_exprContext y -> 1;
            case MpParser.TrailerContext t -> 1;
            // (x) is x itself; (), (x,) and (x, y) are tuples.
            case MpParser.ParenAtomContext p -> p.testlist_comp() == null ? (p.yield_expr() == null ? 1 : 0) : p.testlist_comp().COMMA().isEmpty() ? 0 : 1;
            case MpParser.AtomContext a -> 1;
            default -> 0;
        };
    }

    /** How many levels of CPython's parser's recursion {@code ctx} adds (see the class comment). */
    private static int parserLevels(ParserRuleContext ctx) {
        return switch (ctx) {
            case MpParser.UnaryExprContext e -> 1;
            case MpParser.Not_testContext n -> n.NOT() != null ? 1 : 0;
            case MpParser.TestContext t -> t.getChildCount() > 1 ? 1 : 0;
            case MpParser.LambdefContext l -> 2;
            case MpParser.PowerExprContext e -> 2;
            default -> 0;
        };
    }
}
