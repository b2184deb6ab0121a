package dev.mp.runtime.parser;

import java.util.ArrayList;
import java.util.List;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

import dev.mp.grammar.MpParser;
import dev.mp.grammar.SyntaxProblem;

/**
 * The shape of an assignment target, read off the expression parse tree: a name, an attribute, a
 * subscript, a tuple/list pattern or a starred target. Anything else is Python's "cannot assign" error.
 */
sealed interface TargetShape {
    record Name(String name, ParserRuleContext ctx) implements TargetShape {
    }

    /** {@code object.name}: the atom_expr and the index of the last trailer. */
    record Attribute(MpParser.Atom_exprContext expr, String name) implements TargetShape {
    }

    /** {@code object[index]}. */
    record Subscript(MpParser.Atom_exprContext expr) implements TargetShape {
    }

    record Sequence(List<TargetShape> elements, ParserRuleContext ctx) implements TargetShape {
    }

    record Starred(TargetShape target, ParserRuleContext ctx) implements TargetShape {
    }

    static TargetShape of(ParseTree tree, String what) {
        ParseTree t = unwrap(tree);
        if (t instanceof MpParser.Star_exprContext s) {
            return new Starred(of(s.expr(), what), s);
        }
        if (t instanceof MpParser.Testlist_star_exprContext || t instanceof MpParser.ExprlistContext
                || t instanceof MpParser.TestlistContext || t instanceof MpParser.Testlist_compContext) {
            ParserRuleContext ctx = (ParserRuleContext) t;
            List<TargetShape> elements = new ArrayList<>();
            for (ParseTree c : ctx.children) {
                if (!(c instanceof TerminalNode)) {
                    if (c instanceof MpParser.Comp_forContext) {
                        ParserRuleContext display = ctx.getParent() instanceof MpParser.AtomContext atom ? atom : ctx;
                        throw invalid(display, what, display instanceof MpParser.ListAtomContext ? "list comprehension" : "generator expression");
                    }
                    elements.add(of(c, what));
                }
            }
            return new Sequence(elements, ctx);
        }
        if (t instanceof MpParser.PrimaryExprContext p) {
            MpParser.Atom_exprContext ae = p.atom_expr();
            if (ae.AWAIT() != null) {
                throw invalid(ae, what, "await expression");
            }
            if (ae.trailer().isEmpty()) {
                return ofAtom(ae.atom(), what);
            }
            MpParser.TrailerContext last = ae.trailer(ae.trailer().size() - 1);
            if (last instanceof MpParser.AttributeTrailerContext a) {
                return new Attribute(ae, a.NAME().getText());
            }
            if (last instanceof MpParser.SubscriptTrailerContext) {
                return new Subscript(ae);
            }
            throw invalid(ae, what, "function call");
        }
        throw invalid((ParserRuleContext) t, what, kindOf(t));
    }

    /** How CPython names an expression that is not a target; "expression" for the operators. */
    private static String kindOf(ParseTree t) {
        if (t instanceof MpParser.TestContext test && test.getChildCount() > 1) {
            return "conditional expression";
        }
        if (t instanceof MpParser.LambdefContext) {
            return "lambda";
        }
        if (t instanceof MpParser.ComparisonContext) {
            return "comparison";
        }
        if (t instanceof MpParser.Or_testContext || t instanceof MpParser.And_testContext || t instanceof MpParser.Not_testContext) {
            return "boolean expression"; // worded "expression" in the message, without the '==' hint
        }
        return "expression";
    }

    private static TargetShape ofAtom(MpParser.AtomContext atom, String what) {
        if (atom instanceof MpParser.NameAtomContext n) {
            return new Name(n.NAME().getText(), n);
        }
        if (atom instanceof MpParser.ParenAtomContext p && p.testlist_comp() != null) {
            MpParser.Testlist_compContext tc = p.testlist_comp();
            if (tc.comp_for() == null && tc.COMMA().isEmpty()) {
                return of(tc.getChild(0), what);
            }
            return of(tc, what);
        }
        if (atom instanceof MpParser.ListAtomContext l && l.testlist_comp() != null) {
            TargetShape s = of(l.testlist_comp(), what);
            return s instanceof Sequence ? s : new Sequence(List.of(s), l);
        }
        if (atom instanceof MpParser.ParenAtomContext p && p.yield_expr() != null) {
            throw invalid(p.yield_expr(), what, "yield expression");
        }
        if (atom instanceof MpParser.ParenAtomContext || atom instanceof MpParser.ListAtomContext) {
            return new Sequence(List.of(), atom);
        }
        String kind = switch (atom) {
            case MpParser.NumberAtomContext n -> "literal";
            case MpParser.StringAtomContext s -> "literal";
            case MpParser.NoneAtomContext n -> "None";
            case MpParser.TrueAtomContext n -> "True";
            case MpParser.FalseAtomContext n -> "False";
            case MpParser.EllipsisAtomContext n -> "ellipsis";
            case MpParser.BraceAtomContext b -> b.dictorsetmaker() instanceof MpParser.SetMakerContext ? "set display" : "dict literal";
            default -> "expression";
        };
        throw invalid(atom, what, kind);
    }

    /** Descends through the single-child expression rules to the one that matters. */
    static ParseTree unwrap(ParseTree tree) {
        ParseTree t = tree;
        while (true) {
            if (t instanceof MpParser.TestContext || t instanceof MpParser.Or_testContext || t instanceof MpParser.And_testContext
                    || t instanceof MpParser.Not_testContext || t instanceof MpParser.ComparisonContext
                    || t instanceof MpParser.Namedexpr_testContext || t instanceof MpParser.Testlist_star_exprContext
                    || t instanceof MpParser.ExprlistContext || t instanceof MpParser.TestlistContext
                    || t instanceof MpParser.Assign_valueContext) {
                if (t.getChildCount() == 1 && !(t.getChild(0) instanceof TerminalNode)) {
                    t = t.getChild(0);
                    continue;
                }
            }
            return t;
        }
    }

    private static SyntaxProblem invalid(ParserRuleContext ctx, String what, String kind) {
        boolean equalsHint = what.equals("=") && (kind.equals("literal") || kind.equals("expression") || kind.equals("function call")
                || kind.equals("yield expression") || kind.equals("list comprehension") || kind.equals("await expression"));
        if (kind.equals("boolean expression")) {
            kind = "expression";
        }
        String message = what.equals("del") ? "cannot delete " + kind : "cannot assign to " + kind
                + (equalsHint ? " here. Maybe you meant '==' instead of '='?" : "");
        if (kind.equals("None") || kind.equals("True") || kind.equals("False")) {
            message = "cannot assign to " + kind;
        }
        return NodeBuilder.error(ctx, message);
    }
}
