package dev.mp.runtime.parser;

import java.util.ArrayDeque;
import java.util.List;

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
        // Iterative: the tree may be deeper than the Java stack allows a recursive walk. A chain of single children
        // (most of an expression's contexts) is followed in place; only the other children wait on the stack.
        ArrayDeque<Visit> pending = new ArrayDeque<>();
        pending.push(new Visit(tree, 0, 0));
        while (!pending.isEmpty()) {
            Visit v = pending.pop();
            ParserRuleContext ctx = v.tree;
            int ast = v.ast;
            int parser = v.parser;
            while (ctx != null) {
                ast += astNodes(ctx);
                parser += parserLevels(ctx);
                if (parser > MAX_PARSER_DEPTH) {
                    throw Errors.memoryError();
                }
                tooDeepToCompile |= ast > maxAstDepth;
                List<ParseTree> children = ctx.children;
                int rule = ctx.getRuleIndex();
                ParserRuleContext next = null;
                if (children == null) {
                    // a leaf
                } else if (children.size() == 1) {
                    next = children.get(0) instanceof ParserRuleContext only ? only : null;
                } else if (rule == MpParser.RULE_atom_expr) {
                    // a.b(c)[d] is Subscript(Call(Attribute(a))): the last trailer is outermost.
                    int trailers = ((MpParser.Atom_exprContext) ctx).trailer().size();
                    int seen = 0;
                    for (int i = 0; i < children.size(); i++) {
                        if (children.get(i) instanceof MpParser.TrailerContext trailer) {
                            pending.push(new Visit(trailer, ast + trailers - 1 - seen, parser));
                            seen++;
                        } else if (children.get(i) instanceof ParserRuleContext atom) {
                            pending.push(new Visit(atom, ast + trailers, parser));
                        }
                    }
                } else if (rule == MpParser.RULE_if_stmt) {
                    // Each elif is an if nested in the else branch of the one before.
                    int elifs = 0;
                    for (int i = 0; i < children.size(); i++) {
                        if (children.get(i) instanceof TerminalNode t && t.getSymbol().getType() == MpParser.ELIF) {
                            elifs++;
                        } else if (children.get(i) instanceof ParserRuleContext child) {
                            pending.push(new Visit(child, ast + elifs, parser + elifs));
                        }
                    }
                } else {
                    for (int i = 0; i < children.size(); i++) {
                        if (children.get(i) instanceof ParserRuleContext child) {
                            pending.push(new Visit(child, ast, parser));
                        }
                    }
                }
                ctx = next;
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

    private record Visit(ParserRuleContext tree, int ast, int parser) {
    }

    /**
     * How many levels of CPython's syntax tree {@code ctx} adds above its children. (Switches on the rule's number:
     * a switch over context classes costs more than the rest of the walk.)
     */
    private static int astNodes(ParserRuleContext ctx) {
        return switch (ctx.getRuleIndex()) {
            case MpParser.RULE_simple_stmt, MpParser.RULE_compound_stmt, MpParser.RULE_lambdef, MpParser.RULE_star_expr, MpParser.RULE_yield_expr,
                 MpParser.RULE_trailer -> 1;
            // An operator, or a chain rule with only its operand (0).
            case MpParser.RULE_expr -> ctx instanceof MpParser.PrimaryExprContext ? 0 : 1;
            case MpParser.RULE_not_test, MpParser.RULE_or_test, MpParser.RULE_and_test, MpParser.RULE_comparison, MpParser.RULE_test,
                 MpParser.RULE_namedexpr_test -> ctx.getChildCount() > 1 ? 1 : 0;
            // (x) is x itself; (), (x,) and (x, y) are tuples; names, constants and displays are nodes.
            case MpParser.RULE_atom -> ctx instanceof MpParser.ParenAtomContext p
                    ? (p.testlist_comp() == null ? (p.yield_expr() == null ? 1 : 0) : p.testlist_comp().COMMA().isEmpty() ? 0 : 1) : 1;
            default -> 0;
        };
    }

    /** How many levels of CPython's parser's recursion {@code ctx} adds (see the class comment). */
    private static int parserLevels(ParserRuleContext ctx) {
        return switch (ctx.getRuleIndex()) {
            case MpParser.RULE_expr -> ctx instanceof MpParser.UnaryExprContext ? 1 : ctx instanceof MpParser.PowerExprContext ? 2 : 0;
            case MpParser.RULE_not_test, MpParser.RULE_test -> ctx.getChildCount() > 1 ? 1 : 0;
            case MpParser.RULE_lambdef -> 2;
            default -> 0;
        };
    }
}
