package dev.mp.runtime.parser;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.FrameSlotKind;
import com.oracle.truffle.api.source.Source;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

import dev.mp.grammar.MpParser;
import dev.mp.grammar.SyntaxProblem;
import dev.mp.runtime.MpLanguage;
import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.MpStatementNode;
import dev.mp.runtime.nodes.arithmetic.CompareOpNode;
import dev.mp.runtime.nodes.controlflow.AssignNode;
import dev.mp.runtime.nodes.controlflow.AugAssignNode;
import dev.mp.runtime.nodes.controlflow.BlockNode;
import dev.mp.runtime.nodes.controlflow.DeleteNode;
import dev.mp.runtime.nodes.controlflow.ExpressionStatementNode;
import dev.mp.runtime.nodes.controlflow.AsyncForNode;
import dev.mp.runtime.nodes.controlflow.AsyncWithNode;
import dev.mp.runtime.nodes.controlflow.ForNode;
import dev.mp.runtime.nodes.controlflow.IfNode;
import dev.mp.runtime.nodes.controlflow.ImportNode;
import dev.mp.runtime.nodes.controlflow.MatchCaseNode;
import dev.mp.runtime.nodes.controlflow.MatchNode;
import dev.mp.runtime.nodes.controlflow.PrintExpressionNode;
import dev.mp.runtime.nodes.controlflow.RaiseNode;
import dev.mp.runtime.nodes.controlflow.SimpleStatements;
import dev.mp.runtime.nodes.controlflow.TryNode;
import dev.mp.runtime.nodes.controlflow.WhileNode;
import dev.mp.runtime.nodes.controlflow.WithNode;
import dev.mp.runtime.nodes.expression.AttributeNode;
import dev.mp.runtime.nodes.expression.BinaryNode;
import dev.mp.runtime.nodes.expression.CallNode;
import dev.mp.runtime.nodes.expression.CompareNode;
import dev.mp.runtime.nodes.expression.ComprehensionNode;
import dev.mp.runtime.nodes.expression.ConditionalNode;
import dev.mp.runtime.nodes.expression.DictDisplayNode;
import dev.mp.runtime.nodes.expression.DisplayNode;
import dev.mp.runtime.nodes.expression.FStringNode;
import dev.mp.runtime.nodes.expression.GetIterNode;
import dev.mp.runtime.nodes.expression.InplaceNode;
import dev.mp.runtime.nodes.local.InplaceLocalNode;
import dev.mp.runtime.nodes.expression.LiteralNode;
import dev.mp.runtime.nodes.expression.LogicalNode;
import dev.mp.runtime.nodes.expression.MethodCallNode;
import dev.mp.runtime.nodes.expression.SliceNode;
import dev.mp.runtime.nodes.expression.SubscriptNode;
import dev.mp.runtime.nodes.expression.SuperNode;
import dev.mp.runtime.nodes.expression.UnaryNode;
import dev.mp.runtime.nodes.function.ClassDefNode;
import dev.mp.runtime.nodes.function.FunctionRootNode;
import dev.mp.runtime.nodes.function.GeneratorBodyRootNode;
import dev.mp.runtime.nodes.function.MakeFunctionNode;
import dev.mp.runtime.nodes.function.ModuleRootNode;
import dev.mp.runtime.nodes.function.ResumableValueNode;
import dev.mp.runtime.nodes.function.YieldFromNode;
import dev.mp.runtime.nodes.function.YieldNode;
import dev.mp.runtime.nodes.local.AssignTargetNode;
import dev.mp.runtime.nodes.local.AttributeTargetNode;
import dev.mp.runtime.nodes.local.CellTargetNode;
import dev.mp.runtime.nodes.local.ClassNameTargetNode;
import dev.mp.runtime.nodes.local.GlobalTargetNode;
import dev.mp.runtime.nodes.local.LocalTargetNode;
import dev.mp.runtime.nodes.local.ReadCellNode;
import dev.mp.runtime.nodes.local.ReadClassNameNode;
import dev.mp.runtime.nodes.local.ReadGlobalNode;
import dev.mp.runtime.nodes.local.ReadLocalNode;
import dev.mp.runtime.nodes.local.SubscriptTargetNode;
import dev.mp.runtime.nodes.local.UnpackTargetNode;
import dev.mp.runtime.nodes.pattern.PatternNode;
import dev.mp.runtime.objects.ExpressionSpan;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PSingleton;
import dev.mp.runtime.objects.Signature;
import dev.mp.runtime.ops.Arithmetic.BinOp;

/**
 * Builds Truffle nodes from a parse tree whose scopes {@link ScopeAnalyzer} has resolved. Syntax the
 * grammar accepts but Python rejects is reported here as a {@link SyntaxProblem}.
 */
final class NodeBuilder {
    private final MpLanguage language;
    private final Source source;
    private final Map<ParserRuleContext, Scope> scopes;
    private final java.util.function.Function<String, ParserRuleContext> expressionParser;
    private Scope scope;
    private String qualnamePrefix = "";
    /** The frame slot holding the generator, while building a generator body; else -1. */
    private int generatorSlot = -1;
    private int yieldIds;
    private int loopDepth;
    /** The scope and loop depth of the innermost {@code except*} handler being built (break, continue and return may not leave it); null outside one. */
    private Scope exceptStarScope;
    private int exceptStarLoops;
    /** Building a statement typed at the prompt: module-level expression statements show their values. */
    private boolean interactive;
    /**
     * Module code for {@code exec}/{@code eval} with a separate locals mapping: its names live in that mapping (frame
     * argument 1), read as a class body reads (locals, then globals, then builtins), as CPython's LOAD_NAME does.
     */
    private boolean separateLocals;
    /** {@code from __future__ import annotations} was seen: annotations are kept as their source text. */
    private boolean futureAnnotations;
    /** No statement but the docstring and future imports came yet: a future import is still allowed. */
    private boolean futureAllowed;
    /** The features {@code from __future__ import} accepts (only annotations changes anything here). */
    private static final java.util.Set<String> FUTURE_FEATURES = java.util.Set.of("nested_scopes", "generators", "division",
            "absolute_import", "with_statement", "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations");
    private final Map<TerminalNode, List<Object>> fstringCache;

    NodeBuilder(MpLanguage language, Source source, Map<ParserRuleContext, Scope> scopes,
                java.util.function.Function<String, ParserRuleContext> expressionParser, Map<TerminalNode, List<Object>> fstringCache) {
        this.fstringCache = fstringCache;
        this.language = language;
        this.source = source;
        this.scopes = scopes;
        this.expressionParser = expressionParser;
    }

    /** A SyntaxError at {@code ctx}, underlined over its whole extent when that is on one line, as CPython does. */
    static SyntaxProblem error(ParserRuleContext ctx, String message) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        int end = stop != null && stop.getLine() == start.getLine() && !stop.getText().contains("\n")
                ? stop.getCharPositionInLine() + stop.getText().codePointCount(0, stop.getText().length()) + 1 : -1;
        return new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR, message, start.getLine(), start.getCharPositionInLine() + 1, end);
    }

    static SyntaxProblem error(Token t, String message) {
        return new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR, message, t.getLine(), t.getCharPositionInLine() + 1, -1);
    }

    /** Builds module code whose names live in a separate locals mapping (see {@link #separateLocals}). */
    NodeBuilder withSeparateLocals(boolean value) {
        separateLocals = value;
        return this;
    }

    /** Whether names of the current scope live in a namespace mapping: a class body's, or separate locals. */
    private boolean namesInNamespace() {
        return scope.kind == Scope.Kind.CLASS || separateLocals && scope.kind == Scope.Kind.MODULE;
    }

    // ---------------------------------------------------------------- modules and blocks

    ModuleRootNode module(MpParser.File_inputContext ctx) {
        scope = scopes.get(ctx);
        List<MpStatementNode> body = new ArrayList<>();
        String doc = ctx.stmt().isEmpty() ? null : docstring(ctx.stmt(0).simple_stmts());
        if (doc != null) {
            body.add(new AssignNode(new AssignTargetNode[] {nameTarget("__doc__")}, new LiteralNode(doc)));
        }
        if (hasAnnotations(ctx)) {
            body.add(new SimpleStatements.SetupAnnotationsNode(separateLocals));
        }
        futureAllowed = true;
        // ctx.stmt() builds a new list on each call and ctx.stmt(i) searches from the first child: read them once.
        List<MpParser.StmtContext> statements = ctx.stmt();
        for (int i = 0; i < statements.size(); i++) {
            statement(statements.get(i), body);
            if (i == 0 && doc != null) {
                futureAllowed = true; // the docstring may come before future imports
            }
        }
        BlockNode block = new BlockNode(body.toArray(new MpStatementNode[0]), -1, -1);
        return new ModuleRootNode(language, descriptor(scope), source, block);
    }

    ModuleRootNode interactive(MpParser.Single_inputContext ctx, ParserRuleContext scopeKey) {
        scope = scopes.get(scopeKey);
        interactive = true;
        List<MpStatementNode> body = new ArrayList<>();
        if (hasAnnotations(ctx)) {
            body.add(new SimpleStatements.SetupAnnotationsNode(separateLocals));
        }
        futureAllowed = true;
        if (ctx.simple_stmts() != null) {
            simpleStatements(ctx.simple_stmts(), body);
        } else if (ctx.compound_stmt() != null) {
            body.add(compound(ctx.compound_stmt()));
        }
        return new ModuleRootNode(language, descriptor(scope), source,
                new BlockNode(body.toArray(new MpStatementNode[0]), -1, -1));
    }

    private void statement(MpParser.StmtContext s, List<MpStatementNode> out) {
        if (s.simple_stmts() != null) {
            simpleStatements(s.simple_stmts(), out);
        } else {
            out.add(compound(s.compound_stmt()));
        }
    }

    private void simpleStatements(MpParser.Simple_stmtsContext ctx, List<MpStatementNode> out) {
        for (MpParser.Simple_stmtContext s : ctx.simple_stmt()) {
            out.add(simple(s).atLine(s.getStart().getLine()));
            futureAllowed &= futureImport(s) != null;
        }
    }

    /** The {@code from __future__ import ...} statement {@code s} is, or null. */
    private static MpParser.ImportFromContext futureImport(MpParser.Simple_stmtContext s) {
        return s.getChild(0) instanceof MpParser.ImportFromContext f && f.dotted_name() != null
                && f.dotted_name().getText().equals("__future__") && f.import_level().getChildCount() == 0 ? f : null;
    }

    /**
     * Checks a future import where the compiler reads it (CPython's messages), and takes note of the features
     * that change how the rest of the module is built.
     */
    private void future(MpParser.ImportFromContext f) {
        if (!futureAllowed || scope.kind != Scope.Kind.MODULE) {
            throw error(f, "from __future__ imports must occur at the beginning of the file");
        }
        if (f.import_as_names() == null) {
            throw error(f, "future feature * is not defined");
        }
        for (MpParser.Import_as_nameContext n : f.import_as_names().import_as_name()) {
            String feature = n.NAME(0).getText();
            if (feature.equals("braces")) {
                throw error(f.getStart(), "not a chance");
            }
            if (!FUTURE_FEATURES.contains(feature)) {
                throw error(f.getStart(), "future feature " + feature + " is not defined");
            }
            futureAnnotations |= feature.equals("annotations");
        }
    }

    /**
     * Whether a module or class body annotates a target anywhere outside the functions and classes it defines:
     * then it starts by making its {@code __annotations__} dict (CPython's SETUP_ANNOTATIONS).
     */
    private static boolean hasAnnotations(ParseTree t) {
        if (t instanceof MpParser.Expr_stmtContext e) {
            return e.assignment() instanceof MpParser.AnnAssignStmtContext;
        }
        // Only statements hold annotated assignments: expressions are not searched, as they can be huge (a list
        // literal of a million items), and functions and classes make their own annotations.
        if (!(t instanceof MpParser.File_inputContext || t instanceof MpParser.Single_inputContext || t instanceof MpParser.StmtContext
                || t instanceof MpParser.Simple_stmtsContext || t instanceof MpParser.Simple_stmtContext
                || t instanceof MpParser.Compound_stmtContext || t instanceof MpParser.If_stmtContext || t instanceof MpParser.While_stmtContext
                || t instanceof MpParser.For_stmtContext || t instanceof MpParser.Try_stmtContext || t instanceof MpParser.With_stmtContext
                || t instanceof MpParser.Match_stmtContext || t instanceof MpParser.Case_blockContext || t instanceof MpParser.BlockContext)) {
            return false;
        }
        for (int i = 0; i < t.getChildCount(); i++) {
            if (hasAnnotations(t.getChild(i))) {
                return true;
            }
        }
        return false;
    }

    /** An annotation's value: the evaluated expression, or under {@code from __future__ import annotations} its text. */
    private MpExpressionNode annotation(MpParser.TestContext t) {
        if (futureAnnotations) {
            return new LiteralNode(AnnotationText.of(t));
        }
        return expr(t);
    }

    private BlockNode block(MpParser.BlockContext ctx) {
        List<MpStatementNode> body = new ArrayList<>();
        if (ctx.simple_stmts() != null) {
            simpleStatements(ctx.simple_stmts(), body);
        } else {
            for (MpParser.StmtContext s : ctx.stmt()) {
                statement(s, body);
            }
        }
        return blockOf(body);
    }

    private BlockNode blockOf(List<MpStatementNode> body) {
        int indexSlot = generatorSlot >= 0 ? scope.tempSlot() : -1;
        return new BlockNode(body.toArray(new MpStatementNode[0]), generatorSlot, indexSlot);
    }

    private int temp() {
        return generatorSlot >= 0 ? scope.tempSlot() : -1;
    }

    /**
     * In a generator, the operands (in evaluation order) with those evaluated before the last one that holds a yield
     * wrapped in {@link ResumableValueNode}s, so that resuming into that yield does not evaluate them again. Literals
     * and locals are left as they are: reading them again gives the same value.
     */
    private MpExpressionNode[] resumable(MpExpressionNode... operands) {
        if (generatorSlot < 0) {
            return operands;
        }
        int last = -1;
        for (int i = 0; i < operands.length; i++) {
            if (operands[i] != null && yieldIds(operands[i]).length > 0) {
                last = i;
            }
        }
        for (int i = 0; i < last; i++) {
            MpExpressionNode o = operands[i];
            if (o != null && !(o instanceof LiteralNode) && !(o instanceof ReadLocalNode)) {
                operands[i] = new ResumableValueNode(o, scope.tempSlot(), generatorSlot, yieldIds(o));
            }
        }
        return operands;
    }

    /** The ids of the yields in an expression (not in the functions it defines, which are other roots). */
    private static int[] yieldIds(MpExpressionNode node) {
        List<Integer> ids = new ArrayList<>();
        node.accept(n -> {
            if (n instanceof dev.mp.runtime.nodes.function.SuspensionPointNode point) {
                ids.add(point.id());
            }
            return true;
        });
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A slot for a loop's iteration state, in any scope. */
    private int loopSlot() {
        return scope.tempSlot();
    }

    // ---------------------------------------------------------------- simple statements

    private MpStatementNode simple(MpParser.Simple_stmtContext s) {
        ParseTree c = s.getChild(0);
        if (c instanceof MpParser.Expr_stmtContext e) {
            return exprStatement(e);
        }
        if (c instanceof MpParser.Pass_stmtContext) {
            return new SimpleStatements.PassNode();
        }
        if (c instanceof MpParser.Del_stmtContext d) {
            TargetShape shape = TargetShape.of(d.exprlist(), "del");
            List<AssignTargetNode> targets = new ArrayList<>();
            if (shape instanceof TargetShape.Sequence seq && !(TargetShape.unwrap(d.exprlist()) instanceof MpParser.PrimaryExprContext)) {
                seq.elements().forEach(t -> targets.add(target(t)));
            } else {
                targets.add(target(shape));
            }
            return new DeleteNode(targets.toArray(new AssignTargetNode[0]));
        }
        if (c instanceof MpParser.Flow_stmtContext f) {
            return flow(f);
        }
        if (c instanceof MpParser.Import_stmtContext i) {
            MpParser.ImportFromContext future = futureImport(s);
            if (future != null) {
                future(future);
            }
            MpStatementNode node = importStatement(i);
            if (definedWithoutFile() && scope.kind == Scope.Kind.MODULE) {
                String text = source.getCharacters().subSequence(i.start.getStartIndex(), i.stop.getStopIndex() + 1).toString();
                return new dev.mp.runtime.nodes.controlflow.RecordedImportNode(node, text);
            }
            return node;
        }
        if (c instanceof MpParser.Global_stmtContext || c instanceof MpParser.Nonlocal_stmtContext) {
            return new SimpleStatements.PassNode();
        }
        MpParser.Assert_stmtContext a = (MpParser.Assert_stmtContext) c;
        return new SimpleStatements.AssertNode(expr(a.test(0)), a.test().size() > 1 ? expr(a.test(1)) : null);
    }

    private MpStatementNode exprStatement(MpParser.Expr_stmtContext e) {
        MpParser.AssignmentContext assignment = e.assignment();
        if (assignment == null) {
            if (interactive && scope.kind == Scope.Kind.MODULE) {
                return new PrintExpressionNode(expr(e.getChild(0)));
            }
            return new ExpressionStatementNode(expr(e.getChild(0)));
        }
        MpParser.Testlist_star_exprContext first = e.testlist_star_expr();
        if (assignment instanceof MpParser.AssignStmtContext a) {
            List<MpParser.Assign_valueContext> values = a.assign_value();
            MpExpressionNode value = expr(values.getLast());
            List<AssignTargetNode> targets = new ArrayList<>();
            targets.add(target(TargetShape.of(first, "=")));
            for (int i = 0; i < values.size() - 1; i++) {
                targets.add(target(TargetShape.of(values.get(i), "=")));
            }
            return new AssignNode(targets.toArray(new AssignTargetNode[0]), value);
        }
        if (assignment instanceof MpParser.AnnAssignStmtContext a) {
            return annotatedAssignment(first, a);
        }
        MpParser.AugAssignStmtContext a = (MpParser.AugAssignStmtContext) assignment;
        String opText = a.augassign().getText();
        BinOp op = BinOp.fromSymbol(opText.substring(0, opText.length() - 1));
        MpExpressionNode value = expr(a.getChild(1));
        TargetShape shape = TargetShape.of(first, "=");
        switch (shape) {
            case TargetShape.Name n -> {
                MpExpressionNode read = readName(n.name()).at(span(n.ctx()));
                if (read instanceof ReadLocalNode local && !scope.generator) {
                    return new InplaceLocalNode(op, scope.slot(n.name()), local, value);
                }
                return new AssignNode(new AssignTargetNode[] {target(shape)}, new InplaceNode(op, read, value));
            }
            case TargetShape.Attribute at -> {
                return new AugAssignNode(op, trailersExcept(at.expr(), 1), null, at.name(), value);
            }
            case TargetShape.Subscript sb -> {
                MpParser.SubscriptTrailerContext t = (MpParser.SubscriptTrailerContext) sb.expr().trailer(sb.expr().trailer().size() - 1);
                return new AugAssignNode(op, trailersExcept(sb.expr(), 1), subscriptIndex(t.subscriptlist()), null, value);
            }
            default -> throw error(first, "'" + (shape instanceof TargetShape.Sequence ? "tuple" : "starred")
                    + "' is an illegal expression for augmented assignment");
        }
    }

    /**
     * {@code target: annotation [= value]}. In a module or class body the annotation is evaluated (after the
     * assignment) and, for a plain name, stored in the namespace's {@code __annotations__}; in a function it is
     * not evaluated at all, as in CPython.
     */
    private MpStatementNode annotatedAssignment(MpParser.Testlist_star_exprContext first, MpParser.AnnAssignStmtContext a) {
        TargetShape shape = TargetShape.of(first, "="); // checked by the ScopeAnalyzer
        if (!(shape instanceof TargetShape.Name) && !(shape instanceof TargetShape.Attribute) && !(shape instanceof TargetShape.Subscript)) {
            throw error(first, "illegal target for annotation");
        }
        List<MpStatementNode> parts = new ArrayList<>();
        if (a.assign_value() != null) {
            parts.add(new AssignNode(new AssignTargetNode[] {target(shape)}, expr(a.assign_value())));
        } else if (scope.kind != Scope.Kind.FUNCTION) {
            // Without a value, the parts of an attribute or subscript target are still evaluated.
            switch (shape) {
                case TargetShape.Attribute at -> parts.add(new ExpressionStatementNode(trailersExcept(at.expr(), 1)));
                case TargetShape.Subscript sb -> {
                    MpParser.SubscriptTrailerContext t = (MpParser.SubscriptTrailerContext) sb.expr().trailer(sb.expr().trailer().size() - 1);
                    parts.add(new ExpressionStatementNode(trailersExcept(sb.expr(), 1)));
                    parts.add(new ExpressionStatementNode(subscriptIndex(t.subscriptlist())));
                }
                default -> {
                }
            }
        }
        if (scope.kind != Scope.Kind.FUNCTION) {
            // A name in parentheses is not a simple target: its annotation is evaluated but not stored.
            boolean simpleName = shape instanceof TargetShape.Name n && first.getText().equals(n.name());
            if (simpleName) {
                String name = ((TargetShape.Name) shape).name();
                parts.add(new AssignNode(new AssignTargetNode[] {new SubscriptTargetNode(readName("__annotations__"), new LiteralNode(name))},
                        annotation(a.test())));
            } else if (!futureAnnotations) {
                parts.add(new ExpressionStatementNode(annotation(a.test())));
            }
        }
        return parts.isEmpty() ? new SimpleStatements.PassNode() : parts.size() == 1 ? parts.get(0) : blockOf(parts);
    }

    private MpStatementNode flow(MpParser.Flow_stmtContext f) {
        if (f instanceof MpParser.BreakStmtContext) {
            if (loopDepth == 0) {
                throw error(f, "'break' outside loop");
            }
            checkNotLeavingExceptStar(f, true);
            return new SimpleStatements.BreakNode();
        }
        if (f instanceof MpParser.ContinueStmtContext) {
            if (loopDepth == 0) {
                throw error(f, "'continue' not properly in loop");
            }
            checkNotLeavingExceptStar(f, true);
            return new SimpleStatements.ContinueNode();
        }
        if (f instanceof MpParser.ReturnStmtContext r) {
            if (scope.kind != Scope.Kind.FUNCTION) {
                throw error(f, "'return' outside function");
            }
            checkNotLeavingExceptStar(r.testlist_star_expr() != null ? r.testlist_star_expr() : f, false);
            if (r.testlist_star_expr() != null && scope.generatorKind() == 2) {
                throw error(f, "'return' with value in async generator");
            }
            return new SimpleStatements.ReturnNode(r.testlist_star_expr() == null ? null : expr(r.testlist_star_expr()));
        }
        if (f instanceof MpParser.RaiseStmtContext r) {
            return new RaiseNode(r.test().isEmpty() ? null : expr(r.test(0)), r.test().size() > 1 ? expr(r.test(1)) : null);
        }
        return new ExpressionStatementNode(expr(((MpParser.YieldStmtContext) f).yield_expr()));
    }

    private MpStatementNode importStatement(MpParser.Import_stmtContext i) {
        if (i instanceof MpParser.ImportNameContext in) {
            List<MpStatementNode> imports = new ArrayList<>();
            for (MpParser.Dotted_as_nameContext d : in.dotted_as_name()) {
                String module = d.dotted_name().getText();
                boolean aliased = d.NAME() != null;
                String bound = aliased ? d.NAME().getText() : d.dotted_name().NAME(0).getText();
                imports.add(new ImportNode(module, 0, null, aliased, new AssignTargetNode[] {nameTarget(bound)}).atLine(d.getStart().getLine()));
            }
            return imports.size() == 1 ? imports.get(0) : blockOf(imports);
        }
        MpParser.ImportFromContext f = (MpParser.ImportFromContext) i;
        int level = 0;
        for (ParseTree c : f.import_level().children == null ? List.<ParseTree>of() : f.import_level().children) {
            level += c.getText().length();
        }
        String module = f.dotted_name() == null ? "" : f.dotted_name().getText();
        if (f.import_as_names() == null) {
            if (scope.kind != Scope.Kind.MODULE) {
                throw error(f, "import * only allowed at module level");
            }
            return new ImportNode(module, level, new String[] {"*"}, false, new AssignTargetNode[0]);
        }
        List<String> names = new ArrayList<>();
        List<AssignTargetNode> targets = new ArrayList<>();
        for (MpParser.Import_as_nameContext n : f.import_as_names().import_as_name()) {
            names.add(n.NAME(0).getText());
            targets.add(nameTarget(n.NAME(n.NAME().size() - 1).getText()));
        }
        return new ImportNode(module, level, names.toArray(new String[0]), false, targets.toArray(new AssignTargetNode[0]));
    }

    // ---------------------------------------------------------------- compound statements

    private MpStatementNode compound(MpParser.Compound_stmtContext c) {
        futureAllowed = false;
        ParseTree s = c.getChild(0);
        MpStatementNode node;
        if (s instanceof MpParser.If_stmtContext i) {
            node = ifStatement(i);
        } else if (s instanceof MpParser.While_stmtContext w) {
            MpExpressionNode test = expr(w.namedexpr_test());
            loopDepth++;
            BlockNode body = block(w.block(0));
            loopDepth--;
            node = new WhileNode(test, body, w.block().size() > 1 ? block(w.block(1)) : null, generatorSlot,
                    generatorSlot >= 0 && w.block().size() > 1 ? temp() : -1, generatorSlot >= 0 ? yieldIds(test) : new int[0]);
        } else if (s instanceof MpParser.For_stmtContext f && f.ASYNC() != null) {
            MpExpressionNode iterable = expr(f.testlist());
            AssignTargetNode target = target(TargetShape.of(f.exprlist(), "for"));
            loopDepth++;
            BlockNode body = block(f.block(0));
            loopDepth--;
            node = asyncFor(target, iterable, body, f.block().size() > 1 ? block(f.block(1)) : null);
        } else if (s instanceof MpParser.For_stmtContext f) {
            MpExpressionNode iterable = expr(f.testlist());
            AssignTargetNode target = target(TargetShape.of(f.exprlist(), "for"));
            loopDepth++;
            BlockNode body = block(f.block(0));
            loopDepth--;
            node = new ForNode(target, iterable, body, f.block().size() > 1 ? block(f.block(1)) : null, generatorSlot, loopSlot());
        } else if (s instanceof MpParser.Try_stmtContext t) {
            node = tryStatement(t);
        } else if (s instanceof MpParser.With_stmtContext w) {
            node = withStatement(w, 0);
        } else if (s instanceof MpParser.FuncdefContext f) {
            node = new AssignNode(new AssignTargetNode[] {nameTarget(f.NAME().getText())}, recordedWithoutFile(f, function(f, List.of())));
        } else if (s instanceof MpParser.ClassdefContext k) {
            node = new AssignNode(new AssignTargetNode[] {nameTarget(k.NAME().getText())}, recordedWithoutFile(k, classDef(k, List.of())));
        } else if (s instanceof MpParser.Match_stmtContext m) {
            node = matchStatement(m);
        } else {
            MpParser.DecoratedContext d = (MpParser.DecoratedContext) s;
            List<MpExpressionNode> decorators = new ArrayList<>();
            for (MpParser.DecoratorContext dc : d.decorator()) {
                decorators.add(expr(dc.namedexpr_test()));
            }
            if (d.funcdef() != null) {
                node = new AssignNode(new AssignTargetNode[] {nameTarget(d.funcdef().NAME().getText())},
                        recordedWithoutFile(d, function(d.funcdef(), decorators)));
            } else {
                node = new AssignNode(new AssignTargetNode[] {nameTarget(d.classdef().NAME().getText())},
                        recordedWithoutFile(d, classDef(d.classdef(), decorators)));
            }
            return node.atLine(d.funcdef() != null ? d.funcdef().getStart().getLine() : d.classdef().getStart().getLine());
        }
        return node.atLine(c.getStart().getLine());
    }

    /**
     * An if statement, its elif clauses nested in the else branch as CPython does. The clauses are built in order and
     * then nested from the last one, without recursion: a chain of thousands of elifs is neither quadratic nor deep.
     */
    private MpStatementNode ifStatement(MpParser.If_stmtContext i) {
        List<MpParser.Namedexpr_testContext> conditions = i.namedexpr_test();
        List<MpParser.BlockContext> blocks = i.block();
        int n = conditions.size();
        MpExpressionNode[] tests = new MpExpressionNode[n];
        BlockNode[] thens = new BlockNode[n];
        for (int k = 0; k < n; k++) {
            tests[k] = expr(conditions.get(k));
            thens[k] = block(blocks.get(k));
        }
        MpStatementNode otherwise = blocks.size() > n ? block(blocks.get(n)) : null;
        for (int k = n - 1; k >= 0; k--) {
            MpStatementNode node = new IfNode(tests[k], thens[k], otherwise, generatorSlot, temp());
            otherwise = k == 0 ? node : node.atLine(conditions.get(k).getStart().getLine());
        }
        return otherwise;
    }

    private MpStatementNode matchStatement(MpParser.Match_stmtContext m) {
        MpParser.Subject_exprContext subject = m.subject_expr();
        if (subject.COMMA().isEmpty() && subject.star_expr().size() == 1) {
            throw error(subject, "invalid syntax");
        }
        MpExpressionNode value = tupleOrSingle(subject, subject.children);
        List<MpParser.Case_blockContext> clauses = m.case_block();
        MatchCaseNode[] cases = new MatchCaseNode[clauses.size()];
        for (int i = 0; i < cases.length; i++) {
            MpParser.Case_blockContext clause = clauses.get(i);
            // A case that matches everything must be the last one or have a guard.
            PatternBuilder patterns = new PatternBuilder(this, clause.guard != null || i == cases.length - 1);
            PatternNode pattern = patterns.patterns(clause.patterns());
            AssignTargetNode[] targets = patterns.capturedNames().stream().map(this::nameTarget).toArray(AssignTargetNode[]::new);
            MpExpressionNode guard = clause.guard == null ? null : expr(clause.guard);
            cases[i] = new MatchCaseNode(pattern, targets, guard, block(clause.block()), clause.patterns().getStart().getLine(),
                    clause.guard == null ? -1 : clause.guard.getStart().getLine());
        }
        return new MatchNode(value, cases, generatorSlot, temp());
    }

    private MpStatementNode tryStatement(MpParser.Try_stmtContext t) {
        BlockNode body = block(t.block(0));
        List<MpParser.Except_clauseContext> clauses = t.except_clause();
        List<MpParser.BlockContext> blocks = t.block();
        int n = clauses.size();
        MpExpressionNode[] types = new MpExpressionNode[n];
        AssignTargetNode[] names = new AssignTargetNode[n];
        MpStatementNode[] handlers = new MpStatementNode[n];
        boolean star = n > 0 && clauses.get(0).STAR() != null;
        for (int k = 0; k < n; k++) {
            MpParser.Except_clauseContext ec = clauses.get(k);
            checkExceptStar(ec, star);
            if (ec.test() == null && k < n - 1) {
                throw error(ec, "default 'except:' must be last");
            }
            types[k] = ec.test() == null ? null : expr(ec.test());
            if (star) {
                types[k].at(span(ec.test())); // where a bad except* type is reported
            }
            names[k] = ec.NAME() == null ? null : nameTarget(ec.NAME().getText());
            Scope outerStarScope = exceptStarScope;
            int outerStarLoops = exceptStarLoops;
            if (star) {
                exceptStarScope = scope;
                exceptStarLoops = loopDepth;
            }
            handlers[k] = block(blocks.get(k + 1));
            exceptStarScope = outerStarScope;
            exceptStarLoops = outerStarLoops;
        }
        int next = n + 1;
        MpStatementNode orelse = null;
        MpStatementNode fin = null;
        for (int c = 0; c < t.getChildCount(); c++) {
            if (t.getChild(c) instanceof TerminalNode tn) {
                if (tn.getSymbol().getType() == dev.mp.grammar.MpLexer.ELSE) {
                    orelse = block(t.block(next++));
                } else if (tn.getSymbol().getType() == dev.mp.grammar.MpLexer.FINALLY) {
                    fin = block(t.block(next++));
                }
            }
        }
        int stateSlot = -1;
        if (generatorSlot >= 0) {
            stateSlot = scope.tempSlot();
            scope.tempSlot();
            scope.tempSlot();
        }
        return star ? TryNode.withStarHandlers(body, types, names, handlers, orelse, fin, generatorSlot, stateSlot)
                : new TryNode(body, types, names, handlers, orelse, fin, generatorSlot, stateSlot);
    }

    /** An except clause of a try whose first clause is {@code except*} when {@code star}: all of one kind, each with a type. */
    private static void checkExceptStar(MpParser.Except_clauseContext ec, boolean star) {
        Token keyword = ec.getStart();
        if ((ec.STAR() != null) != star) {
            int width = ec.STAR() != null ? ec.STAR().getSymbol().getCharPositionInLine() + 1 - keyword.getCharPositionInLine() : 6;
            throw new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR, "cannot have both 'except' and 'except*' on the same 'try'", keyword.getLine(),
                    keyword.getCharPositionInLine() + 1, keyword.getCharPositionInLine() + 1 + width);
        }
        if (star && ec.test() == null) {
            throw error(nextToken(ec), "expected one or more exception types");
        }
    }

    /** The token after {@code ctx}: the ':' that ends an except clause. */
    private static Token nextToken(ParserRuleContext ctx) {
        ParserRuleContext parent = ctx.getParent();
        for (int i = 0; i < parent.getChildCount() - 1; i++) {
            if (parent.getChild(i) == ctx && parent.getChild(i + 1) instanceof TerminalNode tn) {
                return tn.getSymbol();
            }
        }
        return ctx.getStop();
    }

    /** break and continue may not leave an except* handler, nor may return (CPython's compiler rule). */
    private void checkNotLeavingExceptStar(ParserRuleContext at, boolean loopJump) {
        if (exceptStarScope == scope && (!loopJump || loopDepth == exceptStarLoops)) {
            throw error(at, "'break', 'continue' and 'return' cannot appear in an except* block");
        }
    }

    private MpStatementNode withStatement(MpParser.With_stmtContext w, int index) {
        MpParser.With_itemContext item = w.with_item(index);
        MpExpressionNode manager = expr(item.test());
        AssignTargetNode target = item.expr() == null ? null : target(TargetShape.of(item.expr(), "with"));
        MpStatementNode body = index + 1 < w.with_item().size() ? withStatement(w, index + 1).atLine(w.getStart().getLine()) : block(w.block());
        if (w.ASYNC() != null) {
            return new AsyncWithNode(manager, target, body, generatorSlot, scope.tempSlot(), scope.tempSlot(), scope.tempSlot(), ++yieldIds,
                    ++yieldIds, scope.tempSlot(), scope.tempSlot());
        }
        return new WithNode(manager, target, body, generatorSlot, temp());
    }

    /** {@code async for}: each item is an await of {@code __anext__} on the iterator kept in a slot. */
    private MpStatementNode asyncFor(AssignTargetNode target, MpExpressionNode iterable, BlockNode body, MpStatementNode orelse) {
        int iteratorSlot = scope.tempSlot();
        YieldFromNode next = new YieldFromNode(++yieldIds, generatorSlot, scope.tempSlot(), new AsyncForNode.Anext(iteratorSlot), true);
        return new AsyncForNode(target, iterable, next, body, orelse, generatorSlot, iteratorSlot);
    }

    // ---------------------------------------------------------------- functions and classes

    private String qualname(String name) {
        return qualnamePrefix + name;
    }

    /** Whether this code is in no file a child process could run again: the prompt, or an embedder's string. */
    private boolean definedWithoutFile() {
        return source.isInteractive()
                || (source.getPath() == null && !source.getName().startsWith(dev.mp.runtime.modules.ModuleLoader.LIBRARY_ROOT));
    }

    /**
     * A top-level def or class whose code is not in a file (typed at the prompt, or a string an embedder
     * evaluated) remembers its text: a child process cannot re-run such code as it re-runs a script, so the
     * function or class is pickled as its source.
     */
    private MpExpressionNode recordedWithoutFile(ParserRuleContext definition, MpExpressionNode value) {
        if (!definedWithoutFile() || scope.kind != Scope.Kind.MODULE) {
            return value;
        }
        String text = source.getCharacters().subSequence(definition.start.getStartIndex(), definition.stop.getStopIndex() + 1).toString();
        return new dev.mp.runtime.nodes.function.RecordedDefinitionNode(value, text);
    }

    private MpExpressionNode function(MpParser.FuncdefContext f, List<MpExpressionNode> decorators) {
        List<ParamInfo> params = new ArrayList<>();
        if (f.paramlist() != null) {
            for (MpParser.ParamContext p : f.paramlist().param()) {
                params.add(switch (p) {
                    case MpParser.PlainParamContext pp -> new ParamInfo(0, pp.NAME().getText(), pp.ASSIGN() == null ? null : pp.test(pp.test().size() - 1), p);
                    case MpParser.StarParamContext sp -> new ParamInfo(1, sp.NAME() == null ? null : sp.NAME().getText(), null, p);
                    case MpParser.KwStarParamContext kp -> new ParamInfo(2, kp.NAME().getText(), null, p);
                    default -> new ParamInfo(3, null, null, p);
                });
            }
        }
        // Annotations are evaluated in the enclosing scope, in the order written, the return annotation last.
        List<String> annotatedNames = new ArrayList<>();
        List<MpExpressionNode> annotations = new ArrayList<>();
        if (f.paramlist() != null) {
            for (MpParser.ParamContext p : f.paramlist().param()) {
                MpParser.TestContext annotation = switch (p) {
                    case MpParser.PlainParamContext pp -> pp.COLON() == null ? null : pp.test(0);
                    case MpParser.StarParamContext sp -> sp.test();
                    case MpParser.KwStarParamContext kp -> kp.test();
                    default -> null;
                };
                if (annotation != null) {
                    annotatedNames.add(p.getChild(p instanceof MpParser.PlainParamContext ? 0 : 1).getText());
                    annotations.add(annotation(annotation));
                }
            }
        }
        if (f.test() != null) {
            annotatedNames.add("return");
            annotations.add(annotation(f.test()));
        }
        String doc = docstring(f.block());
        MpExpressionNode value = makeFunction(f, f.NAME().getText(), params, () -> block(f.block()), doc)
                .withAnnotations(annotatedNames.toArray(new String[0]), annotations.toArray(new MpExpressionNode[0]));
        for (int i = decorators.size() - 1; i >= 0; i--) {
            value = new CallNode(decorators.get(i), new MpExpressionNode[] {value}, new boolean[1], new String[0], new MpExpressionNode[0],
                    new MpExpressionNode[0]);
        }
        return value;
    }

    private static String docstring(MpParser.BlockContext b) {
        List<MpParser.StmtContext> stmts = b.stmt();
        MpParser.Simple_stmtsContext first = b.simple_stmts() != null ? b.simple_stmts()
                : !stmts.isEmpty() && stmts.get(0).simple_stmts() != null ? stmts.get(0).simple_stmts() : null;
        return docstring(first);
    }

    /** The docstring a body's first statement makes (a plain string literal), or null. */
    private static String docstring(MpParser.Simple_stmtsContext first) {
        if (first == null) {
            return null;
        }
        ParseTree t = TargetShape.unwrap(first.simple_stmt(0).getChild(0).getChild(0));
        if (t instanceof MpParser.PrimaryExprContext p && p.atom_expr().trailer().isEmpty() && p.atom_expr().atom() instanceof MpParser.StringAtomContext s) {
            StringLiterals.Literal lit = StringLiterals.split(s.STRING(0).getText());
            if (!lit.bytes() && !lit.formatted()) {
                return StringLiterals.decodeStr(lit.body(), lit.raw(), s.getStart().getLine());
            }
        }
        return null;
    }

    /** A parameter: kind 0 plain, 1 star (name may be null for a bare *), 2 double star, 3 slash. */
    private record ParamInfo(int kind, String name, ParseTree defaultValue, ParserRuleContext ctx) {
    }

    private MakeFunctionNode makeFunction(ParserRuleContext owner, String name, List<ParamInfo> params,
                                          java.util.function.Supplier<MpStatementNode> bodyBuilder, String doc) {
        List<String> names = new ArrayList<>();
        List<MpExpressionNode> defaults = new ArrayList<>();
        List<MpExpressionNode> kwDefaults = new ArrayList<>();
        int positional = 0;
        int posOnly = 0;
        boolean varArgs = false;
        boolean kwOnly = false;
        boolean varKw = false;
        int kwOnlyCount = 0;
        for (ParamInfo p : params) {
            switch (p.kind) {
                case 3 -> {
                    if (kwOnly || posOnly > 0 || positional == 0) {
                        throw error(p.ctx, positional == 0 ? "at least one argument must precede /" : "/ must be ahead of *");
                    }
                    posOnly = positional;
                }
                case 1 -> {
                    if (kwOnly) {
                        throw error(p.ctx, "* argument may appear only once");
                    }
                    kwOnly = true;
                    if (p.name != null) {
                        names.add(p.name);
                        varArgs = true;
                    }
                }
                case 2 -> {
                    names.add(p.name);
                    varKw = true;
                }
                default -> {
                    if (varKw) {
                        throw error(p.ctx, "arguments cannot follow var-keyword argument");
                    }
                    names.add(p.name);
                    if (kwOnly) {
                        kwOnlyCount++;
                        kwDefaults.add(p.defaultValue == null ? null : expr(p.defaultValue));
                    } else {
                        positional++;
                        if (p.defaultValue != null) {
                            defaults.add(expr(p.defaultValue));
                        } else if (!defaults.isEmpty()) {
                            throw error(p.ctx, "non-default argument follows default argument");
                        }
                    }
                }
            }
        }
        if (kwOnly && !varArgs && kwOnlyCount == 0) {
            throw error(owner, "named arguments must follow bare *");
        }
        Signature sig = new Signature(names.toArray(new String[0]), positional, posOnly, varArgs, kwOnlyCount, varKw);

        Scope outer = scope;
        String outerPrefix = qualnamePrefix;
        int outerGenerator = generatorSlot;
        int outerLoops = loopDepth;
        Scope inner = scopes.get(owner);
        String qualname = qualname(name);
        scope = inner;
        qualnamePrefix = qualname + ".<locals>.";
        loopDepth = 0;
        generatorSlot = inner.generator ? inner.tempSlot() : -1;
        for (String fv : inner.freeVars) {
            inner.slot(fv);
        }
        for (String cv : inner.cellVars) {
            inner.slot(cv);
        }
        MpStatementNode body = bodyBuilder.get();
        int[] cellSlots = inner.cellVars.stream().mapToInt(inner::slot).toArray();
        int[] freeSlots = inner.freeVars.stream().mapToInt(inner::slot).toArray();
        RootCallTarget generatorBody = null;
        if (generatorSlot >= 0) {
            generatorBody = new GeneratorBodyRootNode(language, name, source, body).getCallTarget();
        }
        FunctionRootNode root = new FunctionRootNode(language, descriptor(inner), name, source, inner.parameters.size(), cellSlots, freeSlots,
                generatorSlot >= 0 ? null : body, generatorSlot, generatorBody, inner.generatorKind());
        scope = outer;
        qualnamePrefix = outerPrefix;
        generatorSlot = outerGenerator;
        loopDepth = outerLoops;
        int[] closureSlots = inner.freeVars.stream().mapToInt(outer::slot).toArray();
        return new MakeFunctionNode(name, qualname, sig, defaults.toArray(new MpExpressionNode[0]), kwDefaults.toArray(new MpExpressionNode[0]),
                closureSlots, root.getCallTarget(), inner.generator, doc == null ? PNone.NONE : doc);
    }

    /**
     * The frame layout of a scope; each variable's slot carries its name, for locals(). The slots are static
     * (read and written with the frame's {@code *Static} accessors): an object slot of another kind checks its tag
     * on every access, which was a sixth of a simple loop's time on the fallback runtime.
     */
    private static FrameDescriptor descriptor(Scope s) {
        String[] names = new String[s.slotCount()];
        s.slots.forEach((name, slot) -> names[slot] = name);
        FrameDescriptor.Builder b = FrameDescriptor.newBuilder(names.length);
        for (String name : names) {
            b.addSlot(FrameSlotKind.Static, name, null);
        }
        return b.build();
    }

    private MpExpressionNode classDef(MpParser.ClassdefContext k, List<MpExpressionNode> decorators) {
        List<MpExpressionNode> bases = new ArrayList<>();
        List<String> keywordNames = new ArrayList<>();
        List<MpExpressionNode> keywordValues = new ArrayList<>();
        if (k.arglist() != null) {
            for (MpParser.ArgumentContext a : k.arglist().argument()) {
                if (a instanceof MpParser.PositionalArgumentContext p) {
                    bases.add(expr(p.test()));
                } else if (a instanceof MpParser.KeywordArgumentContext kw) {
                    keywordNames.add(kw.NAME().getText());
                    keywordValues.add(expr(kw.test()));
                } else {
                    throw error(a, "class keyword arguments are not supported");
                }
            }
        }
        String name = k.NAME().getText();
        String qualname = qualname(name);
        Scope outer = scope;
        String outerPrefix = qualnamePrefix;
        int outerGenerator = generatorSlot;
        int outerLoops = loopDepth;
        Scope inner = scopes.get(k);
        scope = inner;
        qualnamePrefix = qualname + ".";
        generatorSlot = -1;
        loopDepth = 0;
        for (String fv : inner.freeVars) {
            inner.slot(fv);
        }
        MpStatementNode body = block(k.block());
        if (hasAnnotations(k.block())) {
            body = new BlockNode(new MpStatementNode[] {new SimpleStatements.SetupAnnotationsNode(true), body}, -1, -1);
        }
        String classDoc = docstring(k.block());
        if (classDoc != null) {
            body = new BlockNode(new MpStatementNode[] {new AssignNode(new AssignTargetNode[] {nameTarget("__doc__")}, new LiteralNode(classDoc)), body},
                    -1, -1);
        }
        int[] freeSlots = inner.freeVars.stream().mapToInt(inner::slot).toArray();
        FunctionRootNode root = new FunctionRootNode(language, descriptor(inner), name, source, 0, new int[0], freeSlots, body, -1, null);
        root.markClassBody();
        scope = outer;
        qualnamePrefix = outerPrefix;
        generatorSlot = outerGenerator;
        loopDepth = outerLoops;
        int[] closureSlots = inner.freeVars.stream().mapToInt(outer::slot).toArray();
        MakeFunctionNode bodyFunction = new MakeFunctionNode(name, qualname, Signature.positional(), new MpExpressionNode[0],
                new MpExpressionNode[0], closureSlots, root.getCallTarget(), false, PNone.NONE);
        MpExpressionNode value = new ClassDefNode(name, qualname, bases.toArray(new MpExpressionNode[0]), keywordNames.toArray(new String[0]),
                keywordValues.toArray(new MpExpressionNode[0]), bodyFunction);
        for (int i = decorators.size() - 1; i >= 0; i--) {
            value = new CallNode(decorators.get(i), new MpExpressionNode[] {value}, new boolean[1], new String[0], new MpExpressionNode[0],
                    new MpExpressionNode[0]);
        }
        return value;
    }

    // ---------------------------------------------------------------- names and targets

    MpExpressionNode readName(String name) {
        Scope.Binding b = scope.binding(name);
        MpExpressionNode node = switch (b) {
            case LOCAL -> new ReadLocalNode(scope.slot(name), name);
            case CELL -> new ReadCellNode(scope.slot(name), name, false);
            case FREE -> new ReadCellNode(scope.slot(name), name, true);
            default -> new ReadGlobalNode(name);
        };
        if (namesInNamespace() && b != Scope.Binding.GLOBAL_EXPLICIT) {
            return new ReadClassNameNode(name, b == Scope.Binding.FREE ? node : new ReadGlobalNode(name));
        }
        return node;
    }

    private AssignTargetNode nameTarget(String name) {
        return switch (scope.binding(name)) {
            case LOCAL -> new LocalTargetNode(scope.slot(name), name);
            case CELL, FREE -> new CellTargetNode(scope.slot(name), name);
            case CLASS_LOCAL -> new ClassNameTargetNode(name);
            default -> namesInNamespace() && scope.binding(name) != Scope.Binding.GLOBAL_EXPLICIT ? new ClassNameTargetNode(name)
                    : new GlobalTargetNode(name);
        };
    }

    private AssignTargetNode target(TargetShape shape) {
        return switch (shape) {
            case TargetShape.Name n -> nameTarget(n.name());
            case TargetShape.Attribute a -> new AttributeTargetNode(trailersExcept(a.expr(), 1), a.name()).at(span(a.expr()));
            case TargetShape.Subscript s -> {
                MpParser.SubscriptTrailerContext t = (MpParser.SubscriptTrailerContext) s.expr().trailer(s.expr().trailer().size() - 1);
                yield new SubscriptTargetNode(trailersExcept(s.expr(), 1), subscriptIndex(t.subscriptlist())).at(anchored(span(s.expr()), t.start, t.stop));
            }
            case TargetShape.Starred st -> throw error(st.ctx(), "starred assignment target must be in a list or tuple");
            case TargetShape.Sequence seq -> {
                AssignTargetNode[] targets = new AssignTargetNode[seq.elements().size()];
                int star = -1;
                for (int i = 0; i < targets.length; i++) {
                    TargetShape e = seq.elements().get(i);
                    if (e instanceof TargetShape.Starred st) {
                        if (star >= 0) {
                            throw error(st.ctx(), "multiple starred expressions in assignment");
                        }
                        star = i;
                        targets[i] = target(st.target());
                    } else {
                        targets[i] = target(e);
                    }
                }
                yield new UnpackTargetNode(targets, star).at(span(seq.ctx()));
            }
        };
    }

    // ---------------------------------------------------------------- expressions

    MpExpressionNode expr(ParseTree tree) {
        ParseTree t = tree;
        if (t instanceof TerminalNode) {
            throw new IllegalStateException("terminal " + t.getText());
        }
        switch (t) {
            case MpParser.Assign_valueContext a:
                return expr(a.getChild(0));
            case MpParser.Testlist_star_exprContext l:
                return tupleOrSingle(l, l.children);
            case MpParser.TestlistContext l:
                return tupleOrSingle(l, l.children);
            case MpParser.ExprlistContext l:
                return tupleOrSingle(l, l.children);
            case MpParser.Namedexpr_testContext n:
                if (n.test().size() == 2) {
                    TargetShape shape = TargetShape.of(n.test(0), ":=");
                    if (!(shape instanceof TargetShape.Name nm)) {
                        throw error(n, "cannot use assignment expressions with " + "expression");
                    }
                    return new dev.mp.runtime.nodes.expression.NamedExprNode(nameTarget(nm.name()), expr(n.test(1)));
                }
                return expr(n.test(0));
            case MpParser.TestContext x:
                if (x.lambdef() != null) {
                    return lambda(x.lambdef());
                }
                if (x.or_test().size() == 2) {
                    MpExpressionNode[] parts = resumable(expr(x.or_test(1)), expr(x.or_test(0)), expr(x.test()));
                    return new ConditionalNode(parts[0], parts[1], parts[2]);
                }
                return expr(x.or_test(0));
            case MpParser.Or_testContext o:
                return o.and_test().size() == 1 ? expr(o.and_test(0)) : new LogicalNode(false, resumable(exprs(o.and_test())));
            case MpParser.And_testContext a:
                return a.not_test().size() == 1 ? expr(a.not_test(0)) : new LogicalNode(true, resumable(exprs(a.not_test())));
            case MpParser.Not_testContext n:
                return n.NOT() != null ? new UnaryNode(UnaryNode.Op.NOT, expr(n.not_test())).at(span(n)) : expr(n.comparison());
            case MpParser.ComparisonContext c:
                if (c.comp_op().isEmpty()) {
                    return expr(c.expr(0));
                }
                List<MpParser.Comp_opContext> compOps = c.comp_op();
                CompareOpNode.Op[] ops = new CompareOpNode.Op[compOps.size()];
                for (int i = 0; i < ops.length; i++) {
                    ops[i] = compareOp(compOps.get(i));
                }
                return new CompareNode(ops, resumable(exprs(c.expr()))).at(span(c));
            case MpParser.Star_exprContext s:
                throw error(s, "can't use starred expression here");
            case MpParser.PrimaryExprContext p:
                return atomExpr(p.atom_expr());
            case MpParser.PowerExprContext p:
                MpExpressionNode[] power = resumable(expr(p.expr(0)), expr(p.expr(1)));
                return new BinaryNode(BinOp.POW, power[0], power[1]).at(anchored(p, ((TerminalNode) p.getChild(1)).getSymbol()));
            case MpParser.UnaryExprContext u:
                return unary(u);
            case MpParser.BinaryExprContext b:
                MpExpressionNode[] operands = resumable(expr(b.expr(0)), expr(b.expr(1)));
                return new BinaryNode(BinOp.fromSymbol(b.op.getText()), operands[0], operands[1]).at(anchored(b, b.op));
            case MpParser.Yield_exprContext y:
                return yieldExpr(y);
            case MpParser.LambdefContext l:
                return lambda(l);
            default:
                throw error((ParserRuleContext) t, "invalid syntax");
        }
    }

    private MpExpressionNode unary(MpParser.UnaryExprContext u) {
        String op = u.op.getText();
        if (op.equals("-") && u.expr() instanceof MpParser.PrimaryExprContext p && p.atom_expr().trailer().isEmpty()
                && p.atom_expr().atom() instanceof MpParser.NumberAtomContext n) {
            Object v = number(n.number());
            if (v instanceof Long l && l != 0) {
                return new LiteralNode(-l);
            }
            if (v instanceof BigInteger b) {
                return new LiteralNode(dev.mp.runtime.ops.Conversions.normalize(b.negate()));
            }
        }
        return new UnaryNode(op.equals("-") ? UnaryNode.Op.NEG : op.equals("+") ? UnaryNode.Op.POS : UnaryNode.Op.INVERT, expr(u.expr())).at(span(u));
    }

    /** Where {@code ctx} is in the source, for the carets of a traceback. */
    ExpressionSpan span(ParserRuleContext ctx) {
        return span(ctx.start, ctx.stop);
    }

    /** From the start of {@code first} to the end of {@code last}. */
    private ExpressionSpan span(Token first, Token last) {
        String text = last.getText();
        int newline = text.lastIndexOf('\n');
        int endLine = last.getLine() + (int) text.chars().filter(ch -> ch == '\n').count();
        int endColumn = newline < 0 ? last.getCharPositionInLine() + text.codePointCount(0, text.length())
                : text.codePointCount(newline + 1, text.length());
        return new ExpressionSpan(sourceLine(first.getLine()), sourceColumn(first.getLine(), first.getCharPositionInLine()),
                sourceLine(endLine), sourceColumn(endLine, endColumn));
    }

    /** Where a field of an f-string being built starts (see {@link #fieldOrigin}); null outside f-strings. */
    private int[] fieldOrigin;

    private int sourceLine(int line) {
        return fieldOrigin == null ? line : fieldOrigin[0] + line - 1;
    }

    private int sourceColumn(int line, int column) {
        return fieldOrigin == null || line != 1 ? column : fieldOrigin[1] + column;
    }

    /** {@code ctx}, with the operator token underlined as its anchor. */
    private ExpressionSpan anchored(ParserRuleContext ctx, Token operator) {
        return anchored(span(ctx), operator, operator);
    }

    /** {@code whole}, with the tokens from {@code first} to {@code last} as its anchor when all are on its first line. */
    private ExpressionSpan anchored(ExpressionSpan whole, Token first, Token last) {
        ExpressionSpan anchor = span(first, last);
        if (anchor.line() != whole.line() || anchor.endLine() != whole.line()) {
            return whole;
        }
        return new ExpressionSpan(whole.line(), whole.column(), whole.endLine(), whole.endColumn(), anchor.column(), anchor.endColumn());
    }

    private MpExpressionNode[] exprs(List<? extends ParseTree> list) {
        MpExpressionNode[] out = new MpExpressionNode[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = expr(list.get(i));
        }
        return out;
    }

    private static CompareOpNode.Op compareOp(MpParser.Comp_opContext c) {
        return switch (c.getText()) {
            case "<" -> CompareOpNode.Op.LT;
            case "<=" -> CompareOpNode.Op.LE;
            case "==" -> CompareOpNode.Op.EQ;
            case "!=", "<>" -> CompareOpNode.Op.NE;
            case ">" -> CompareOpNode.Op.GT;
            case ">=" -> CompareOpNode.Op.GE;
            case "in" -> CompareOpNode.Op.IN;
            case "notin" -> CompareOpNode.Op.NOT_IN;
            case "is" -> CompareOpNode.Op.IS;
            default -> CompareOpNode.Op.IS_NOT;
        };
    }

    private MpExpressionNode tupleOrSingle(ParserRuleContext ctx, List<ParseTree> children) {
        List<ParseTree> elements = new ArrayList<>();
        boolean comma = false;
        for (ParseTree c : children) {
            if (c instanceof TerminalNode) {
                comma = true;
            } else {
                elements.add(c);
            }
        }
        if (!comma && elements.size() == 1) {
            if (elements.get(0) instanceof MpParser.Star_exprContext s) {
                // A starred value makes a tuple only with a comma (x = *y, ...), as in CPython.
                throw error(s, ctx instanceof MpParser.Testlist_compContext ? "cannot use starred expression here" : "can't use starred expression here");
            }
            return expr(elements.get(0));
        }
        return display(DisplayNode.Kind.TUPLE, elements);
    }

    private MpExpressionNode display(DisplayNode.Kind kind, List<ParseTree> elements) {
        MpExpressionNode[] values = new MpExpressionNode[elements.size()];
        boolean[] starred = new boolean[elements.size()];
        for (int i = 0; i < values.length; i++) {
            ParseTree e = elements.get(i);
            if (e instanceof MpParser.Star_exprContext s) {
                starred[i] = true;
                values[i] = expr(s.expr());
            } else {
                values[i] = expr(e);
            }
        }
        return new DisplayNode(kind, resumable(values), starred);
    }

    private MpExpressionNode atomExpr(MpParser.Atom_exprContext ae) {
        MpExpressionNode value = trailersExcept(ae, 0);
        if (ae.AWAIT() != null) {
            // The scope analysis allowed it: this is a coroutine (or an async comprehension) with a generator slot.
            value = new YieldFromNode(++yieldIds, generatorSlot, scope.tempSlot(), value, true).at(span(ae));
        }
        return value;
    }

    /** The value of an atom with all but its last {@code drop} trailers applied. */
    private MpExpressionNode trailersExcept(MpParser.Atom_exprContext ae, int drop) {
        List<MpParser.TrailerContext> trailers = ae.trailer();
        int n = trailers.size() - drop;
        MpExpressionNode node = null;
        int i = 0;
        if (n >= 1 && trailers.get(0) instanceof MpParser.CallTrailerContext call && ae.atom() instanceof MpParser.NameAtomContext name
                && name.NAME().getText().equals("super") && call.arglist() == null && scope.kind == Scope.Kind.FUNCTION
                && scope.binding("super") == Scope.Binding.GLOBAL_IMPLICIT) {
            int firstSlot = scope.parameters.isEmpty() ? -1 : scope.slot(scope.parameters.get(0));
            node = new SuperNode(firstSlot);
            i = 1;
        } else {
            node = atom(ae.atom());
        }
        for (; i < n; i++) {
            MpParser.TrailerContext t = trailers.get(i);
            if (t instanceof MpParser.AttributeTrailerContext a) {
                if (i + 1 < n && trailers.get(i + 1) instanceof MpParser.CallTrailerContext call) {
                    node = call(node, a.NAME().getText(), call.arglist()).at(span(ae.start, call.stop));
                    ((MethodCallNode) node).withAttributeAt(span(ae.start, a.stop));
                    i++;
                } else {
                    node = new AttributeNode(node, a.NAME().getText()).at(span(ae.start, a.stop));
                }
            } else if (t instanceof MpParser.CallTrailerContext c) {
                node = call(node, null, c.arglist()).at(span(ae.start, c.stop));
            } else {
                MpParser.SubscriptTrailerContext sub = (MpParser.SubscriptTrailerContext) t;
                MpExpressionNode[] subscripted = resumable(node, subscriptIndex(sub.subscriptlist()));
                node = new SubscriptNode(subscripted[0], subscripted[1]).at(anchored(span(ae.start, sub.stop), sub.start, sub.stop));
            }
        }
        return node;
    }

    private MpExpressionNode subscriptIndex(MpParser.SubscriptlistContext list) {
        List<MpParser.SubscriptContext> subs = list.subscript();
        if (subs.size() == 1 && list.COMMA().isEmpty()) {
            return subscript(subs.get(0));
        }
        MpExpressionNode[] items = new MpExpressionNode[subs.size()];
        for (int i = 0; i < items.length; i++) {
            items[i] = subscript(subs.get(i));
        }
        return new DisplayNode(DisplayNode.Kind.TUPLE, items, new boolean[items.length]);
    }

    private MpExpressionNode subscript(MpParser.SubscriptContext s) {
        if (s instanceof MpParser.IndexSubscriptContext i) {
            return expr(i.test());
        }
        MpParser.SliceSubscriptContext sl = (MpParser.SliceSubscriptContext) s;
        return new SliceNode(sl.lower == null ? none() : expr(sl.lower), sl.upper == null ? none() : expr(sl.upper),
                sl.step == null ? none() : expr(sl.step));
    }

    private static MpExpressionNode none() {
        return new LiteralNode(PNone.NONE);
    }

    private MpExpressionNode call(MpExpressionNode receiverOrCallee, String method, MpParser.ArglistContext args) {
        List<MpExpressionNode> positional = new ArrayList<>();
        List<Boolean> starred = new ArrayList<>();
        List<String> kwNames = new ArrayList<>();
        List<MpExpressionNode> kwValues = new ArrayList<>();
        List<MpExpressionNode> kwStar = new ArrayList<>();
        List<Integer> mappingsBefore = new ArrayList<>();
        if (args != null) {
            for (MpParser.ArgumentContext a : args.argument()) {
                switch (a) {
                    case MpParser.PositionalArgumentContext p -> {
                        if (!kwNames.isEmpty() || !kwStar.isEmpty()) {
                            throw error(p, kwStar.isEmpty() ? "positional argument follows keyword argument"
                                    : "positional argument follows keyword argument unpacking");
                        }
                        if (p.comp_for() != null) {
                            if (args.argument().size() > 1) {
                                throw error(p, "Generator expression must be parenthesized");
                            }
                            positional.add(comprehension(p, "genexpr", p.comp_for(), p.test(), null));
                        } else {
                            positional.add(expr(p.test()));
                        }
                        starred.add(false);
                    }
                    case MpParser.NamedArgumentContext n -> {
                        if (!kwNames.isEmpty() || !kwStar.isEmpty()) {
                            throw error(n, kwStar.isEmpty() ? "positional argument follows keyword argument"
                                    : "positional argument follows keyword argument unpacking");
                        }
                        positional.add(new dev.mp.runtime.nodes.expression.NamedExprNode(nameTarget(n.NAME().getText()), expr(n.test())));
                        starred.add(false);
                    }
                    case MpParser.StarArgumentContext s -> {
                        if (!kwStar.isEmpty()) {
                            throw error(s, "iterable argument unpacking follows keyword argument unpacking");
                        }
                        positional.add(expr(s.test()));
                        starred.add(true);
                    }
                    case MpParser.KeywordArgumentContext k -> {
                        if (kwNames.contains(k.NAME().getText())) {
                            throw error(k, "keyword argument repeated: " + k.NAME().getText());
                        }
                        kwNames.add(k.NAME().getText());
                        kwValues.add(expr(k.test()));
                        mappingsBefore.add(kwStar.size());
                    }
                    default -> kwStar.add(expr(((MpParser.KwStarArgumentContext) a).test()));
                }
            }
        }
        boolean[] starFlags = new boolean[starred.size()];
        for (int i = 0; i < starFlags.length; i++) {
            starFlags[i] = starred.get(i);
        }
        // The operands in evaluation order: keywords and ** mappings as written.
        List<MpExpressionNode> inOrder = new ArrayList<>();
        inOrder.add(receiverOrCallee);
        inOrder.addAll(positional);
        int[] before = mappingsBefore.stream().mapToInt(Integer::intValue).toArray();
        for (int j = 0, k = 0; j <= kwStar.size(); j++) {
            for (; k < before.length && before[k] == j; k++) {
                inOrder.add(kwValues.get(k));
            }
            if (j < kwStar.size()) {
                inOrder.add(kwStar.get(j));
            }
        }
        MpExpressionNode[] all = resumable(inOrder.toArray(new MpExpressionNode[0]));
        receiverOrCallee = all[0];
        int p = 1;
        MpExpressionNode[] pos = Arrays.copyOfRange(all, p, p += positional.size());
        String[] names = kwNames.toArray(new String[0]);
        MpExpressionNode[] values = new MpExpressionNode[kwValues.size()];
        MpExpressionNode[] stars = new MpExpressionNode[kwStar.size()];
        for (int j = 0, k = 0; j <= stars.length; j++) {
            for (; k < before.length && before[k] == j; k++) {
                values[k] = all[p++];
            }
            if (j < stars.length) {
                stars[j] = all[p++];
            }
        }
        CallNode call = method != null ? new MethodCallNode(receiverOrCallee, method, pos, starFlags, names, values, stars)
                : new CallNode(receiverOrCallee, pos, starFlags, names, values, stars);
        return stars.length == 0 ? call : call.withKeywordOrder(before);
    }

    private MpExpressionNode atom(MpParser.AtomContext a) {
        switch (a) {
            case MpParser.NameAtomContext n:
                return readName(n.NAME().getText()).at(span(n));
            case MpParser.NumberAtomContext n:
                return new LiteralNode(number(n.number()));
            case MpParser.StringAtomContext s:
                return strings(s.STRING());
            case MpParser.NoneAtomContext n:
                return new LiteralNode(PNone.NONE);
            case MpParser.TrueAtomContext n:
                return new LiteralNode(Boolean.TRUE);
            case MpParser.FalseAtomContext n:
                return new LiteralNode(Boolean.FALSE);
            case MpParser.EllipsisAtomContext n:
                return new LiteralNode(PSingleton.ELLIPSIS);
            case MpParser.ParenAtomContext p:
                if (p.yield_expr() != null) {
                    return expr(p.yield_expr());
                }
                if (p.testlist_comp() == null) {
                    return new DisplayNode(DisplayNode.Kind.TUPLE, new MpExpressionNode[0], new boolean[0]);
                }
                MpParser.Testlist_compContext tc = p.testlist_comp();
                if (tc.comp_for() != null) {
                    return comprehension(tc, "genexpr", tc.comp_for(), tc.getChild(0), null);
                }
                return tupleOrSingle(tc, tc.children);
            case MpParser.ListAtomContext l:
                if (l.testlist_comp() == null) {
                    return new DisplayNode(DisplayNode.Kind.LIST, new MpExpressionNode[0], new boolean[0]);
                }
                MpParser.Testlist_compContext lc = l.testlist_comp();
                if (lc.comp_for() != null) {
                    return comprehension(lc, "listcomp", lc.comp_for(), lc.getChild(0), null);
                }
                return display(DisplayNode.Kind.LIST, elementsOf(lc));
            default:
                return brace((MpParser.BraceAtomContext) a);
        }
    }

    private static List<ParseTree> elementsOf(ParserRuleContext ctx) {
        List<ParseTree> out = new ArrayList<>();
        for (ParseTree c : ctx.children) {
            if (!(c instanceof TerminalNode)) {
                out.add(c);
            }
        }
        return out;
    }

    private MpExpressionNode brace(MpParser.BraceAtomContext b) {
        if (b.dictorsetmaker() == null) {
            return new DictDisplayNode(new MpExpressionNode[0], new MpExpressionNode[0]);
        }
        if (b.dictorsetmaker() instanceof MpParser.SetMakerContext s) {
            if (s.comp_for() != null) {
                return comprehension(s, "setcomp", s.comp_for(), s.getChild(0), null);
            }
            return display(DisplayNode.Kind.SET, elementsOf(s));
        }
        MpParser.DictMakerContext d = (MpParser.DictMakerContext) b.dictorsetmaker();
        if (d.comp_for() != null) {
            MpParser.Dict_itemContext item = d.dict_item(0);
            if (item.test().isEmpty()) {
                throw error(item, "dict unpacking cannot be used in dict comprehension");
            }
            return comprehension(d, "dictcomp", d.comp_for(), item.test(0), item.test(1));
        }
        List<MpExpressionNode> keys = new ArrayList<>();
        List<MpExpressionNode> values = new ArrayList<>();
        for (MpParser.Dict_itemContext item : d.dict_item()) {
            if (item.test().isEmpty()) {
                keys.add(null);
                values.add(expr(item.expr()));
            } else {
                keys.add(expr(item.test(0)));
                values.add(expr(item.test(1)));
            }
        }
        MpExpressionNode[] interleaved = new MpExpressionNode[keys.size() * 2];
        for (int i = 0; i < keys.size(); i++) {
            interleaved[2 * i] = keys.get(i);
            interleaved[2 * i + 1] = values.get(i);
        }
        resumable(interleaved);
        MpExpressionNode[] keyNodes = new MpExpressionNode[keys.size()];
        MpExpressionNode[] valueNodes = new MpExpressionNode[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            keyNodes[i] = interleaved[2 * i];
            valueNodes[i] = interleaved[2 * i + 1];
        }
        return new DictDisplayNode(keyNodes, valueNodes);
    }

    /** A comprehension: a nested function over the first iterable, called at once. */
    private MpExpressionNode comprehension(ParserRuleContext owner, String kind, MpParser.Comp_forContext comp, ParseTree element,
                                           ParseTree value) {
        MpExpressionNode firstIterable = expr(comp.or_test(0));
        boolean generator = kind.equals("genexpr");
        MakeFunctionNode make = makeFunction(owner, "<" + kind + ">", List.of(new ParamInfo(0, ".0", null, owner)), () -> {
            int resultSlot = generator ? -1 : scope.tempSlot();
            MpStatementNode innermost;
            if (generator) {
                innermost = new ExpressionStatementNode(new YieldNode(++yieldIds, generatorSlot, expr(element), scope.generatorKind() == 2));
            } else {
                innermost = new ComprehensionNode.CollectNode(resultSlot, expr(element), value == null ? null : expr(value));
            }
            innermost.atLine(owner.getStart().getLine());
            // Build the loops from the innermost outwards.
            List<Object[]> clauses = new ArrayList<>();
            List<ParseTree> ifs = new ArrayList<>();
            MpParser.ExprlistContext target = null;
            MpParser.Or_testContext iterable = null;
            boolean async = false;
            boolean nextAsync = false;
            for (int i = 0; i < comp.getChildCount(); i++) {
                ParseTree c = comp.getChild(i);
                if (c instanceof TerminalNode tn && tn.getSymbol().getType() == dev.mp.grammar.MpLexer.ASYNC) {
                    nextAsync = true;
                } else if (c instanceof MpParser.ExprlistContext e) {
                    if (target != null) {
                        clauses.add(new Object[] {target, iterable, new ArrayList<>(ifs), async});
                        ifs.clear();
                    }
                    target = e;
                    iterable = null;
                    async = nextAsync;
                    nextAsync = false;
                } else if (c instanceof MpParser.Or_testContext o) {
                    if (iterable == null) {
                        iterable = o;
                    } else {
                        ifs.add(o);
                    }
                }
            }
            clauses.add(new Object[] {target, iterable, new ArrayList<>(ifs), async});
            MpStatementNode body = innermost;
            for (int c = clauses.size() - 1; c >= 0; c--) {
                Object[] clause = clauses.get(c);
                @SuppressWarnings("unchecked")
                List<ParseTree> conditions = (List<ParseTree>) clause[2];
                for (int k = conditions.size() - 1; k >= 0; k--) {
                    body = new IfNode(expr(conditions.get(k)), body, null, generatorSlot, temp()).atLine(owner.getStart().getLine());
                }
                MpExpressionNode iter = c == 0 ? new ReadLocalNode(scope.slot(".0"), ".0") : expr((ParseTree) clause[1]);
                AssignTargetNode t = target(TargetShape.of((ParseTree) clause[0], "for"));
                body = ((Boolean) clause[3] ? asyncFor(t, iter, blockOf(List.of(body)), null)
                        : new ForNode(t, iter, blockOf(List.of(body)), null, generatorSlot, loopSlot())).atLine(owner.getStart().getLine());
            }
            if (generator) {
                return blockOf(List.of(body));
            }
            MpStatementNode loops = body;
            return new SimpleStatements.ReturnNode(new ComprehensionNode(
                    kind.equals("listcomp") ? ComprehensionNode.Kind.LIST : kind.equals("setcomp") ? ComprehensionNode.Kind.SET
                            : ComprehensionNode.Kind.DICT, resultSlot, loops)).atLine(owner.getStart().getLine());
        }, null);
        ExpressionSpan where = span(bracketed(owner));
        boolean firstAsync = comp.getChild(0) instanceof TerminalNode tn && tn.getSymbol().getType() == dev.mp.grammar.MpLexer.ASYNC;
        MpExpressionNode argument = generator && !firstAsync ? new GetIterNode(firstIterable).at(where) : firstIterable;
        MpExpressionNode call = new CallNode(make, new MpExpressionNode[] {argument}, new boolean[1], new String[0], new MpExpressionNode[0],
                new MpExpressionNode[0]).at(where);
        if (!generator && scopes.get(owner).async) {
            // an asynchronous list, set or dict comprehension is a coroutine, awaited where it stands
            call = new YieldFromNode(++yieldIds, generatorSlot, scope.tempSlot(), call, true).at(where);
        }
        return call;
    }

    /** A comprehension with its brackets, or a generator argument with the call's parentheses, as CPython locates them. */
    private static ParserRuleContext bracketed(ParserRuleContext comprehension) {
        ParserRuleContext parent = comprehension.getParent();
        return comprehension instanceof MpParser.PositionalArgumentContext ? parent.getParent() : parent;
    }

    private MpExpressionNode lambda(MpParser.LambdefContext l) {
        List<ParamInfo> params = new ArrayList<>();
        if (l.lambda_params() != null) {
            for (MpParser.Lambda_paramContext p : l.lambda_params().lambda_param()) {
                params.add(switch (p) {
                    case MpParser.LambdaPlainParamContext pp -> new ParamInfo(0, pp.NAME().getText(), pp.test(), p);
                    case MpParser.LambdaStarParamContext sp -> new ParamInfo(1, sp.NAME() == null ? null : sp.NAME().getText(), null, p);
                    case MpParser.LambdaKwStarParamContext kp -> new ParamInfo(2, kp.NAME().getText(), null, p);
                    default -> new ParamInfo(3, null, null, p);
                });
            }
        }
        // In a block, so a failure in the body records the lambda's own traceback entry.
        return makeFunction(l, "<lambda>", params,
                () -> blockOf(List.of(new SimpleStatements.ReturnNode(expr(l.test())).atLine(l.getStart().getLine()))), null);
    }

    private MpExpressionNode yieldExpr(MpParser.Yield_exprContext y) {
        if (y.FROM() != null) {
            return new YieldFromNode(++yieldIds, generatorSlot, scope.tempSlot(), expr(y.test()));
        }
        return new YieldNode(++yieldIds, generatorSlot, y.testlist_star_expr() == null ? null : expr(y.testlist_star_expr()),
                scope.generatorKind() == 2);
    }

    // ---------------------------------------------------------------- literals

    static Object number(MpParser.NumberContext n) {
        Token t = n.getStart();
        String text = t.getText().replace("_", "");
        switch (t.getType()) {
            case dev.mp.grammar.MpLexer.DECIMAL_INTEGER:
                if (text.length() > 1 && text.charAt(0) == '0' && !text.chars().allMatch(ch -> ch == '0')) {
                    throw error(t, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
                }
                if (text.length() > dev.mp.runtime.ops.IntDigits.THRESHOLD && dev.mp.runtime.ops.IntDigits.exceedsLimit(text)) {
                    throw error(t, dev.mp.runtime.ops.IntDigits.literalMessage(text));
                }
                return parseInt(text, 10);
            case dev.mp.grammar.MpLexer.HEX_INTEGER:
                return parseInt(text.substring(2), 16);
            case dev.mp.grammar.MpLexer.OCT_INTEGER:
                return parseInt(text.substring(2), 8);
            case dev.mp.grammar.MpLexer.BIN_INTEGER:
                return parseInt(text.substring(2), 2);
            case dev.mp.grammar.MpLexer.FLOAT_NUMBER:
                return Double.parseDouble(text);
            default: // IMAG_NUMBER: digits or a float, then j
                return new dev.mp.runtime.objects.PComplex(0.0, Double.parseDouble(text.substring(0, text.length() - 1)));
        }
    }

    private static Object parseInt(String digits, int radix) {
        BigInteger b = new BigInteger(digits, radix);
        return dev.mp.runtime.ops.Conversions.normalize(b);
    }

    /** Adjacent string literals, concatenated: a str, bytes or f-string. */
    MpExpressionNode strings(List<TerminalNode> literals) {
        List<MpExpressionNode> parts = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        Boolean bytes = null;
        java.io.ByteArrayOutputStream byteParts = new java.io.ByteArrayOutputStream();
        boolean formatted = false;
        for (TerminalNode tn : literals) {
            StringLiterals.Literal lit = StringLiterals.split(tn.getText());
            int line = tn.getSymbol().getLine();
            if (bytes != null && bytes != lit.bytes()) {
                throw error(tn.getSymbol(), "cannot mix bytes and nonbytes literals");
            }
            bytes = lit.bytes();
            if (lit.bytes()) {
                byte[] b = StringLiterals.decodeBytes(lit.body(), lit.raw(), line).bytes();
                byteParts.write(b, 0, b.length);
            } else if (lit.formatted()) {
                formatted = true;
                for (Object part : fstringParts(tn, lit, line)) {
                    if (part instanceof String str) {
                        pending.append(str);
                    } else {
                        if (!pending.isEmpty()) {
                            parts.add(new LiteralNode(pending.toString()));
                            pending.setLength(0);
                        }
                        FStrings.Field f = (FStrings.Field) part;
                        if (f.text() != null) {
                            parts.add(new LiteralNode(f.text()));
                        }
                        parts.add(field(f, tn.getSymbol(), lit));
                    }
                }
            } else {
                pending.append(StringLiterals.decodeStr(lit.body(), lit.raw(), line));
            }
        }
        if (Boolean.TRUE.equals(bytes)) {
            return new LiteralNode(new dev.mp.runtime.objects.PBytes(byteParts.toByteArray()));
        }
        if (!formatted) {
            // Interned: equal string constants are one object (so `"a" is "a"`), as CPython's constants are.
            return new LiteralNode(pending.toString().intern());
        }
        if (!pending.isEmpty()) {
            parts.add(new LiteralNode(pending.toString()));
        }
        return new FStringNode(parts.toArray(new MpExpressionNode[0]));
    }

    private List<Object> fstringParts(TerminalNode tn, StringLiterals.Literal lit, int line) {
        return fstringCache.computeIfAbsent(tn, k -> FStrings.parse(lit.body(), lit.raw(), line, expressionParser));
    }

    private MpExpressionNode field(FStrings.Field f, Token literal, StringLiterals.Literal lit) {
        MpExpressionNode spec = null;
        if (!f.spec().isEmpty()) {
            List<MpExpressionNode> specParts = new ArrayList<>();
            for (Object p : f.spec()) {
                specParts.add(p instanceof String str ? new LiteralNode(str) : field((FStrings.Field) p, literal, lit));
            }
            spec = new FStringNode(specParts.toArray(new MpExpressionNode[0]));
        }
        ParserRuleContext e = f.expression();
        int[] outer = fieldOrigin;
        fieldOrigin = fieldOrigin(f, literal, lit);
        try {
            return new FStringNode.FieldNode(expr(((MpParser.Eval_inputContext) e).testlist()), f.conversion(), spec);
        } finally {
            fieldOrigin = outer;
        }
    }

    /**
     * Line and column in the source of the {@code (} that FStrings puts before a field's expression to parse it
     * on its own: the expression's tokens are at line 1, from column 1, of that text.
     */
    private int[] fieldOrigin(FStrings.Field f, Token literal, StringLiterals.Literal lit) {
        String text = literal.getText();
        int bodyStart = lit.prefix().length() + (text.startsWith("\"\"\"", lit.prefix().length()) || text.startsWith("'''", lit.prefix().length()) ? 3 : 1);
        // The newlines before the field, found in the body's newline index: counting them in the text before each
        // field would make an f-string of many fields quadratic.
        if (newlinesOf != lit.body()) {
            newlinesOf = lit.body();
            newlines = java.util.stream.IntStream.range(0, lit.body().length()).filter(k -> lit.body().charAt(k) == '\n').toArray();
        }
        int before = java.util.Arrays.binarySearch(newlines, f.offset());
        int count = before >= 0 ? before : -before - 1; // the newlines at indexes below the field's offset
        int line = literal.getLine() + count;
        int column = count == 0 ? literal.getCharPositionInLine() + bodyStart + f.offset() : f.offset() - newlines[count - 1] - 1;
        return new int[] {line, column - 1};
    }

    /** The f-string body whose newline indexes {@link #newlines} holds (compared by identity). */
    private String newlinesOf;
    private int[] newlines;
}
