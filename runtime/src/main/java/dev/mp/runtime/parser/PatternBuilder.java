package dev.mp.runtime.parser;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

import dev.mp.grammar.MpLexer;
import dev.mp.grammar.MpParser;
import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.expression.AttributeNode;
import dev.mp.runtime.nodes.expression.LiteralNode;
import dev.mp.runtime.nodes.pattern.CapturePatternNode;
import dev.mp.runtime.nodes.pattern.ClassPatternNode;
import dev.mp.runtime.nodes.pattern.MappingPatternNode;
import dev.mp.runtime.nodes.pattern.OrPatternNode;
import dev.mp.runtime.nodes.pattern.PatternNode;
import dev.mp.runtime.nodes.pattern.SequencePatternNode;
import dev.mp.runtime.nodes.pattern.SingletonPatternNode;
import dev.mp.runtime.nodes.pattern.ValuePatternNode;
import dev.mp.runtime.nodes.pattern.WildcardPatternNode;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.ops.Arithmetic;
import dev.mp.runtime.ops.Conversions;

/**
 * Builds the pattern of one {@code case} clause, with the checks CPython's compiler makes: a capture or
 * wildcard that would make later cases (or alternatives) unreachable, a name bound twice, alternatives binding
 * different names, repeated mapping keys and class-pattern attributes. Gives every captured name an index in
 * the case's captures array ({@link #capturedNames()}).
 */
final class PatternBuilder {
    private static final String WILDCARD = "_";

    private final NodeBuilder nodes;
    /** Every name the pattern captures, in order of first capture; its position is its capture index. */
    private final Map<String, Integer> indexes = new LinkedHashMap<>();
    /** The names bound so far on the way through the pattern (an alternative starts from those before it). */
    private Set<String> bound = new HashSet<>();
    /** False while building a part of the pattern that must not match everything (see CPython's allow_irrefutable). */
    private boolean irrefutableAllowed;

    PatternBuilder(NodeBuilder nodes, boolean irrefutableAllowed) {
        this.nodes = nodes;
        this.irrefutableAllowed = irrefutableAllowed;
    }

    /** The captured names in the order of their capture indexes. */
    List<String> capturedNames() {
        return new ArrayList<>(indexes.keySet());
    }

    PatternNode patterns(MpParser.PatternsContext ctx) {
        return ctx.pattern() != null ? pattern(ctx.pattern()) : sequence(ctx.open_sequence_pattern().maybe_star_pattern());
    }

    private PatternNode pattern(MpParser.PatternContext ctx) {
        PatternNode or = or(ctx.or_pattern());
        if (ctx.target == null) {
            return or;
        }
        String name = bareName(ctx.target);
        if (name == null) {
            throw NodeBuilder.error(ctx.target, ctx.target.getStart().getType() == MpLexer.NAME ? "invalid syntax" : "invalid pattern target");
        }
        if (name.equals(WILDCARD)) {
            throw NodeBuilder.error(ctx.target, "cannot use '_' as a target");
        }
        return new CapturePatternNode(or, capture(name, ctx.target.getStart()));
    }

    private PatternNode or(MpParser.Or_patternContext ctx) {
        List<MpParser.Closed_patternContext> alternatives = ctx.closed_pattern();
        if (alternatives.size() == 1) {
            return closed(alternatives.get(0));
        }
        boolean allowed = irrefutableAllowed;
        Set<String> before = bound;
        Set<String> control = null;
        PatternNode[] nodesOfAlternatives = new PatternNode[alternatives.size()];
        for (int i = 0; i < nodesOfAlternatives.length; i++) {
            bound = new HashSet<>(before);
            irrefutableAllowed = allowed && i == nodesOfAlternatives.length - 1;
            nodesOfAlternatives[i] = closed(alternatives.get(i));
            Set<String> added = new HashSet<>(bound);
            added.removeAll(before);
            if (control == null) {
                control = added;
            } else if (!added.equals(control)) {
                throw NodeBuilder.error(lastLeaf(alternatives.get(i)), "alternative patterns bind different names");
            }
        }
        bound = new HashSet<>(before);
        bound.addAll(control);
        irrefutableAllowed = allowed;
        return new OrPatternNode(nodesOfAlternatives);
    }

    /** The start of the innermost, last sub-pattern of {@code ctx}: where CPython reports alternatives that differ. */
    private static Token lastLeaf(ParserRuleContext ctx) {
        ParserRuleContext node = ctx;
        while (true) {
            ParserRuleContext last = null;
            for (int i = node.getChildCount() - 1; i >= 0 && last == null; i--) {
                if (node.getChild(i) instanceof ParserRuleContext child) {
                    last = child;
                }
            }
            if (last == null) {
                return node.getStart();
            }
            node = last;
        }
    }

    private PatternNode closed(MpParser.Closed_patternContext ctx) {
        return switch (ctx) {
            case MpParser.LiteralPatternContext l -> literal(l.literal_pattern());
            case MpParser.CapturePatternContext c -> capturePattern(c);
            case MpParser.ValuePatternContext v -> new ValuePatternNode(dottedName(v.NAME()));
            case MpParser.GroupPatternContext g -> pattern(g.pattern());
            case MpParser.TuplePatternContext t -> sequence(t.open_sequence_pattern() == null ? List.of() : t.open_sequence_pattern().maybe_star_pattern());
            case MpParser.ListPatternContext l -> sequence(l.maybe_star_pattern());
            case MpParser.MappingPatternContext m -> mapping(m);
            default -> classPattern((MpParser.ClassPatternContext) ctx);
        };
    }

    /** A bare name: a capture, or the wildcard {@code _}; either matches everything. */
    private PatternNode capturePattern(MpParser.CapturePatternContext ctx) {
        Token name = ctx.NAME().getSymbol();
        boolean wildcard = name.getText().equals(WILDCARD);
        if (!irrefutableAllowed) {
            throw NodeBuilder.error(ctx, wildcard ? "wildcard makes remaining patterns unreachable"
                    : "name capture '" + name.getText() + "' makes remaining patterns unreachable");
        }
        return wildcard ? new WildcardPatternNode() : new CapturePatternNode(null, capture(name.getText(), name));
    }

    /** A pattern inside a sequence, mapping or class pattern: there, matching everything is no error. */
    private PatternNode subpattern(MpParser.PatternContext ctx) {
        boolean allowed = irrefutableAllowed;
        irrefutableAllowed = true;
        PatternNode node = pattern(ctx);
        irrefutableAllowed = allowed;
        return node;
    }

    private int capture(String name, Token at) {
        if (!bound.add(name)) {
            throw NodeBuilder.error(at, "multiple assignments to name '" + name + "' in pattern");
        }
        return indexes.computeIfAbsent(name, n -> indexes.size());
    }

    /** A capture by {@code *name}: CPython underlines the whole star pattern when the name is bound twice. */
    private int capture(String name, ParserRuleContext starPattern) {
        if (!bound.add(name)) {
            throw NodeBuilder.error(starPattern, "multiple assignments to name '" + name + "' in pattern");
        }
        return indexes.computeIfAbsent(name, n -> indexes.size());
    }

    private PatternNode sequence(List<MpParser.Maybe_star_patternContext> items) {
        int star = -1;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).NAME() != null) {
                if (star >= 0) {
                    throw NodeBuilder.error(items.get(i), "multiple starred names in sequence pattern");
                }
                star = i;
            }
        }
        List<PatternNode> elements = new ArrayList<>();
        int starCapture = -1;
        for (MpParser.Maybe_star_patternContext item : items) {
            if (item.NAME() != null) {
                String name = item.NAME().getText();
                starCapture = name.equals(WILDCARD) ? -1 : capture(name, item);
            } else {
                PatternNode element = subpattern(item.pattern());
                elements.add(element instanceof WildcardPatternNode ? null : element);
            }
        }
        return new SequencePatternNode(elements.toArray(new PatternNode[0]), star, starCapture);
    }

    private PatternNode mapping(MpParser.MappingPatternContext ctx) {
        List<MpExpressionNode> keys = new ArrayList<>();
        List<PatternNode> values = new ArrayList<>();
        PDict literalKeys = new PDict();
        for (MpParser.Key_value_patternContext item : ctx.key_value_pattern()) {
            MpExpressionNode key;
            if (item.literal_pattern() != null) {
                Object constant = constant(item.literal_pattern(), "mapping pattern keys may only match literals and attribute lookups");
                if (literalKeys.containsKey(constant)) {
                    throw NodeBuilder.error(ctx, "mapping pattern checks duplicate key (" + Conversions.repr(constant) + ")");
                }
                literalKeys.put(constant, constant);
                key = new LiteralNode(constant);
            } else {
                key = dottedName(item.NAME());
            }
            keys.add(key);
        }
        for (MpParser.Key_value_patternContext item : ctx.key_value_pattern()) {
            values.add(subpattern(item.pattern()));
        }
        int restCapture = -1;
        if (ctx.NAME() != null) {
            Token rest = ctx.NAME().getSymbol();
            if (rest.getText().equals(WILDCARD)) {
                throw NodeBuilder.error(rest, "invalid syntax");
            }
            restCapture = capture(rest.getText(), rest);
        }
        return new MappingPatternNode(keys.toArray(new MpExpressionNode[0]), values.toArray(new PatternNode[0]), restCapture);
    }

    private PatternNode classPattern(MpParser.ClassPatternContext ctx) {
        List<PatternNode> arguments = new ArrayList<>();
        List<String> keywords = new ArrayList<>();
        Set<String> attributes = new LinkedHashSet<>();
        int positional = 0;
        for (MpParser.Class_argumentContext argument : ctx.class_argument()) {
            if (argument instanceof MpParser.KeywordPatternContext keyword) {
                String name = keyword.NAME().getText();
                if (!attributes.add(name)) {
                    throw NodeBuilder.error(keyword, "attribute name repeated in class pattern: " + name);
                }
                keywords.add(name);
            } else if (!keywords.isEmpty()) {
                throw NodeBuilder.error(argument, "positional patterns follow keyword patterns");
            } else {
                positional++;
            }
        }
        MpExpressionNode cls = dottedName(ctx.NAME());
        for (MpParser.Class_argumentContext argument : ctx.class_argument()) {
            arguments.add(subpattern(argument instanceof MpParser.KeywordPatternContext keyword ? keyword.pattern()
                    : ((MpParser.PositionalPatternContext) argument).pattern()));
        }
        return new ClassPatternNode(cls, arguments.toArray(new PatternNode[0]), positional, keywords.toArray(new String[0]), nodes.span(ctx));
    }

    private PatternNode literal(MpParser.Literal_patternContext ctx) {
        if (ctx.NONE() != null) {
            return new SingletonPatternNode(PNone.NONE);
        }
        if (ctx.TRUE() != null || ctx.FALSE() != null) {
            return new SingletonPatternNode(ctx.TRUE() != null);
        }
        return new ValuePatternNode(new LiteralNode(constant(ctx, "patterns may only match literals and attribute lookups")));
    }

    /** The value of a literal pattern; an f-string is no literal, and a complex one must be a real plus an imaginary number. */
    private Object constant(MpParser.Literal_patternContext ctx, String notLiteral) {
        if (ctx.NONE() != null) {
            return PNone.NONE;
        }
        if (ctx.TRUE() != null || ctx.FALSE() != null) {
            return ctx.TRUE() != null;
        }
        if (!ctx.STRING().isEmpty()) {
            for (TerminalNode s : ctx.STRING()) {
                if (StringLiterals.split(s.getText()).formatted()) {
                    throw NodeBuilder.error(ctx, notLiteral);
                }
            }
            return ((LiteralNode) nodes.strings(ctx.STRING())).value();
        }
        if (ctx.number().size() == 2) {
            if (ctx.number(0).IMAG_NUMBER() != null) {
                throw NodeBuilder.error(ctx, "real number required in complex literal");
            }
            if (ctx.number(1).IMAG_NUMBER() == null) {
                throw NodeBuilder.error(ctx.number(1), "imaginary number required in complex literal");
            }
        }
        Object value = NodeBuilder.number(ctx.number(0));
        value = ctx.getStart().getType() == MpLexer.MINUS ? Arithmetic.negate(value) : value;
        if (ctx.number().size() == 2) {
            Object imaginary = NodeBuilder.number(ctx.number(1));
            boolean minus = ctx.getChild(ctx.getChildCount() - 2).getText().equals("-");
            value = Arithmetic.binary(minus ? Arithmetic.BinOp.SUB : Arithmetic.BinOp.ADD, value, imaginary);
        }
        return value;
    }

    /** {@code a.b.c} in a value, class or mapping-key pattern: read at match time. */
    private MpExpressionNode dottedName(List<TerminalNode> names) {
        MpExpressionNode node = nodes.readName(names.get(0).getText());
        for (int i = 1; i < names.size(); i++) {
            node = new AttributeNode(node, names.get(i).getText());
        }
        return node;
    }

    /** The name an expression consists of, or null when it is anything else. */
    private static String bareName(ParserRuleContext expr) {
        if (expr instanceof MpParser.PrimaryExprContext p && p.atom_expr().trailer().isEmpty() && p.atom_expr().AWAIT() == null
                && p.atom_expr().atom() instanceof MpParser.NameAtomContext n) {
            return n.NAME().getText();
        }
        return null;
    }
}
