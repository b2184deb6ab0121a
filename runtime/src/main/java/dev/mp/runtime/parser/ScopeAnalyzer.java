package dev.mp.runtime.parser;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

import dev.mp.grammar.MpParser;
import dev.mp.grammar.MpParserBaseVisitor;
import dev.mp.grammar.SyntaxProblem;

/**
 * The resolver pass: finds every scope in a module's parse tree, what each binds and uses, and then where
 * each name lives (local, cell, free, global or builtin) before any node is built.
 */
final class ScopeAnalyzer extends MpParserBaseVisitor<Void> {
    private final Map<ParserRuleContext, Scope> scopes = new IdentityHashMap<>();
    private final java.util.function.Function<String, ParserRuleContext> expressionParser;
    private final Map<org.antlr.v4.runtime.tree.TerminalNode, java.util.List<Object>> fstrings;
    private Scope current;

    private ScopeAnalyzer(java.util.function.Function<String, ParserRuleContext> expressionParser,
                          Map<org.antlr.v4.runtime.tree.TerminalNode, java.util.List<Object>> fstrings) {
        this.expressionParser = expressionParser;
        this.fstrings = fstrings;
    }

    /**
     * @param fstrings receives the parsed parts of every f-string, for the node builder to reuse
     */
    static Map<ParserRuleContext, Scope> analyze(ParserRuleContext module, java.util.function.Function<String, ParserRuleContext> expressionParser,
                                                 Map<org.antlr.v4.runtime.tree.TerminalNode, java.util.List<Object>> fstrings) {
        ScopeAnalyzer a = new ScopeAnalyzer(expressionParser, fstrings);
        a.current = new Scope(Scope.Kind.MODULE, null, "<module>");
        a.scopes.put(module, a.current);
        a.visit(module);
        resolve(a.current);
        return a.scopes;
    }

    private Scope enter(ParserRuleContext ctx, Scope.Kind kind, String name) {
        Scope s = new Scope(kind, current, name);
        scopes.put(ctx, s);
        current = s;
        return s;
    }

    private void bind(String name, ParserRuleContext ctx) {
        if (current.globals.contains(name) || current.nonlocals.contains(name)) {
            current.used.add(name);
        }
        current.assigned.add(name);
    }

    private void bindTarget(ParseTree tree, String what) {
        bindShape(TargetShape.of(tree, what));
    }

    private void bindShape(TargetShape shape) {
        switch (shape) {
            case TargetShape.Name n -> bind(n.name(), n.ctx());
            case TargetShape.Sequence s -> s.elements().forEach(this::bindShape);
            case TargetShape.Starred s -> bindShape(s.target());
            case TargetShape.Attribute a -> visit(a.expr());
            case TargetShape.Subscript s -> visit(s.expr());
        }
    }

    @Override
    public Void visitStringAtom(MpParser.StringAtomContext ctx) {
        for (org.antlr.v4.runtime.tree.TerminalNode tn : ctx.STRING()) {
            StringLiterals.Literal lit = StringLiterals.split(tn.getText());
            if (lit.formatted()) {
                java.util.List<Object> parts = FStrings.parse(lit.body(), lit.raw(), tn.getSymbol().getLine(), expressionParser);
                fstrings.put(tn, parts);
                visitFields(parts);
            }
        }
        return null;
    }

    private void visitFields(java.util.List<Object> parts) {
        for (Object p : parts) {
            if (p instanceof FStrings.Field f) {
                visit(f.expression());
                visitFields(f.spec());
            }
        }
    }

    @Override
    public Void visitNameAtom(MpParser.NameAtomContext ctx) {
        current.used.add(ctx.NAME().getText());
        return null;
    }

    @Override
    public Void visitExpr_stmt(MpParser.Expr_stmtContext ctx) {
        if (ctx.yield_expr() != null && ctx.assignment() != null) {
            // The grammar lets a yield expression be followed by an assignment only to word these errors as CPython.
            if (ctx.assignment() instanceof MpParser.AssignStmtContext) {
                throw NodeBuilder.error(ctx.yield_expr(), "assignment to yield expression not possible");
            }
            if (ctx.assignment() instanceof MpParser.AugAssignStmtContext aug) {
                throw NodeBuilder.error(aug.augassign(), "invalid syntax");
            }
            throw NodeBuilder.error(ctx.assignment().getStart(), "invalid syntax");
        }
        switch (ctx.assignment()) {
            case null -> visitChildren(ctx);
            case MpParser.AssignStmtContext a -> {
                for (MpParser.Assign_valueContext v : a.assign_value()) {
                    visit(v);
                }
                bindTarget(ctx.testlist_star_expr(), "=");
                List<MpParser.Assign_valueContext> values = a.assign_value();
                for (int i = 0; i < values.size() - 1; i++) {
                    bindTarget(values.get(i), "=");
                }
            }
            case MpParser.AnnAssignStmtContext a -> {
                TargetShape shape;
                try {
                    shape = TargetShape.of(ctx.testlist_star_expr(), "=");
                } catch (SyntaxProblem notATarget) {
                    throw NodeBuilder.error(ctx.testlist_star_expr(), "illegal target for annotation");
                }
                if (shape instanceof TargetShape.Sequence sequence) {
                    throw NodeBuilder.error(ctx.testlist_star_expr(), "only single target (not "
                            + (sequence.ctx() instanceof MpParser.ListAtomContext || sequence.ctx().getParent() instanceof MpParser.ListAtomContext
                            ? "list" : "tuple") + ") can be annotated");
                }
                if (a.assign_value() != null) {
                    visit(a.assign_value());
                }
                visit(a.test());
                bindTarget(ctx.testlist_star_expr(), "=");
            }
            case MpParser.AugAssignStmtContext a -> {
                visitChildren(ctx);
                bindTarget(ctx.testlist_star_expr(), "=");
            }
            default -> throw new IllegalStateException("unknown assignment " + ctx.assignment().getClass());
        }
        return null;
    }

    @Override
    public Void visitDel_stmt(MpParser.Del_stmtContext ctx) {
        bindTarget(ctx.exprlist(), "del");
        return null;
    }

    @Override
    public Void visitFor_stmt(MpParser.For_stmtContext ctx) {
        if (ctx.ASYNC() != null && !current.async) {
            throw firstLineError(ctx, "'async for' outside async function");
        }
        visit(ctx.testlist());
        bindTarget(ctx.exprlist(), "for");
        ctx.block().forEach(this::visit);
        return null;
    }

    @Override
    public Void visitWith_stmt(MpParser.With_stmtContext ctx) {
        if (ctx.ASYNC() != null && !current.async) {
            throw firstLineError(ctx, "'async with' outside async function");
        }
        return visitChildren(ctx);
    }

    /** A SyntaxError underlined from the start of a compound statement to the end of its first line, as CPython's. */
    private static SyntaxProblem firstLineError(ParserRuleContext ctx, String message) {
        org.antlr.v4.runtime.Token start = ctx.getStart();
        org.antlr.v4.runtime.CharStream text = start.getInputStream();
        int i = start.getStartIndex();
        int columns = 0;
        int length = 0;
        while (i < text.size()) {
            int c = text.getText(org.antlr.v4.runtime.misc.Interval.of(i, i)).codePointAt(0);
            if (c == '\n' || c == '\r') {
                break;
            }
            columns++;
            if (!Character.isWhitespace(c)) {
                length = columns;
            }
            i++;
        }
        return new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR, message, start.getLine(), start.getCharPositionInLine() + 1,
                start.getCharPositionInLine() + 1 + length);
    }

    /** {@code await}: allowed in an async function, where it also makes the comprehensions around it asynchronous. */
    @Override
    public Void visitAtom_expr(MpParser.Atom_exprContext ctx) {
        if (ctx.AWAIT() != null) {
            makeAsync(current, ctx);
        }
        return visitChildren(ctx);
    }

    @Override
    public Void visitWith_item(MpParser.With_itemContext ctx) {
        visit(ctx.test());
        if (ctx.expr() != null) {
            bindTarget(ctx.expr(), "with");
        }
        return null;
    }

    @Override
    public Void visitExcept_clause(MpParser.Except_clauseContext ctx) {
        if (ctx.test() != null) {
            visit(ctx.test());
        }
        if (ctx.NAME() != null) {
            bind(ctx.NAME().getText(), ctx);
        }
        return null;
    }

    @Override
    public Void visitImportName(MpParser.ImportNameContext ctx) {
        for (MpParser.Dotted_as_nameContext d : ctx.dotted_as_name()) {
            bind(d.NAME() != null ? d.NAME().getText() : d.dotted_name().NAME(0).getText(), d);
        }
        return null;
    }

    @Override
    public Void visitImportFrom(MpParser.ImportFromContext ctx) {
        if (ctx.import_as_names() != null) {
            for (MpParser.Import_as_nameContext n : ctx.import_as_names().import_as_name()) {
                bind(n.NAME(n.NAME().size() - 1).getText(), n);
            }
        }
        return null;
    }

    @Override
    public Void visitGlobal_stmt(MpParser.Global_stmtContext ctx) {
        ctx.NAME().forEach(n -> {
            String name = n.getText();
            if (current.parameters.contains(name)) {
                throw new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR, "name '" + name + "' is parameter and global",
                        ctx.getStart().getLine(), ctx.getStart().getCharPositionInLine() + 1, -1);
            }
            if (current.assigned.contains(name) || current.used.contains(name)) {
                throw new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR,
                        "name '" + name + "' is " + (current.assigned.contains(name) ? "assigned to" : "used") + " before global declaration",
                        ctx.getStart().getLine(), ctx.getStart().getCharPositionInLine() + 1, -1);
            }
            if (current.nonlocals.contains(name)) {
                throw new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR, "name '" + name + "' is nonlocal and global",
                        ctx.getStart().getLine(), ctx.getStart().getCharPositionInLine() + 1, -1);
            }
            current.globals.add(name);
        });
        return null;
    }

    @Override
    public Void visitNonlocal_stmt(MpParser.Nonlocal_stmtContext ctx) {
        if (current.kind == Scope.Kind.MODULE) {
            throw new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR, "nonlocal declaration not allowed at module level",
                    ctx.getStart().getLine(), ctx.getStart().getCharPositionInLine() + 1, -1);
        }
        ctx.NAME().forEach(n -> {
            String name = n.getText();
            if (current.globals.contains(name) || current.parameters.contains(name)) {
                throw new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR,
                        "name '" + name + "' is " + (current.globals.contains(name) ? "nonlocal and global" : "parameter and nonlocal"),
                        ctx.getStart().getLine(), ctx.getStart().getCharPositionInLine() + 1, -1);
            }
            current.nonlocals.add(name);
        });
        return null;
    }

    // Patterns of match statements: captured names are bound like assignment targets; the names before a dot
    // (value and class patterns, mapping keys) are used.

    @Override
    public Void visitCapturePattern(MpParser.CapturePatternContext ctx) {
        bindCapture(ctx.NAME().getText(), ctx);
        return null;
    }

    @Override
    public Void visitMaybe_star_pattern(MpParser.Maybe_star_patternContext ctx) {
        if (ctx.NAME() != null) {
            bindCapture(ctx.NAME().getText(), ctx);
            return null;
        }
        return visitChildren(ctx);
    }

    @Override
    public Void visitPattern(MpParser.PatternContext ctx) {
        visit(ctx.or_pattern());
        if (ctx.target != null && TargetShape.unwrap(ctx.target) instanceof MpParser.PrimaryExprContext p && p.atom_expr().trailer().isEmpty()
                && p.atom_expr().atom() instanceof MpParser.NameAtomContext n) {
            bindCapture(n.NAME().getText(), ctx);
        }
        return null;
    }

    @Override
    public Void visitMappingPattern(MpParser.MappingPatternContext ctx) {
        ctx.key_value_pattern().forEach(this::visit);
        if (ctx.NAME() != null) {
            bindCapture(ctx.NAME().getText(), ctx);
        }
        return null;
    }

    @Override
    public Void visitValuePattern(MpParser.ValuePatternContext ctx) {
        current.used.add(ctx.NAME(0).getText());
        return null;
    }

    @Override
    public Void visitClassPattern(MpParser.ClassPatternContext ctx) {
        current.used.add(ctx.NAME(0).getText());
        return visitChildren(ctx);
    }

    @Override
    public Void visitKey_value_pattern(MpParser.Key_value_patternContext ctx) {
        if (!ctx.NAME().isEmpty()) {
            current.used.add(ctx.NAME(0).getText());
        }
        visit(ctx.pattern());
        return null;
    }

    private void bindCapture(String name, ParserRuleContext ctx) {
        if (!name.equals("_")) {
            bind(name, ctx);
        }
    }

    @Override
    public Void visitYield_expr(MpParser.Yield_exprContext ctx) {
        if (current.kind != Scope.Kind.FUNCTION) {
            throw NodeBuilder.error(ctx, "'yield' outside function");
        }
        current.generator = true;
        current.yields = true;
        if (current.async && ctx.FROM() != null && !current.comprehension) {
            throw NodeBuilder.error(ctx, "'yield from' inside async function");
        }
        return visitChildren(ctx);
    }

    @Override
    public Void visitNamedexpr_test(MpParser.Namedexpr_testContext ctx) {
        if (ctx.test().size() == 2) {
            visit(ctx.test(1));
            TargetShape shape = TargetShape.of(ctx.test(0), ":=");
            if (shape instanceof TargetShape.Name n) {
                bindNamedExpression(n.name(), ctx);
            }
            return null;
        }
        return visitChildren(ctx);
    }

    /** {@code f(name := value)}: an assignment expression as a call argument. */
    @Override
    public Void visitNamedArgument(MpParser.NamedArgumentContext ctx) {
        visit(ctx.test());
        bindNamedExpression(ctx.NAME().getText(), ctx);
        return null;
    }

    /**
     * Binds the target of {@code name := value}: in the scope that contains the comprehensions and generator
     * expressions it appears in (PEP 572), else in the current one.
     */
    private void bindNamedExpression(String name, ParserRuleContext where) {
        Scope target = current;
        while (target.name.startsWith("<") && (target.name.endsWith("comp>") || target.name.equals("<genexpr>")) && target.parent != null) {
            // A comprehension's own names are its iteration variables (walrus targets bind in the scope outside).
            if (target.comprehension && target.assigned.contains(name)) {
                throw NodeBuilder.error(where, "assignment expression cannot rebind comprehension iteration variable '" + name + "'");
            }
            target = target.parent;
        }
        target.assigned.add(name);
        current.used.add(name);
    }

    @Override
    public Void visitFuncdef(MpParser.FuncdefContext ctx) {
        bind(ctx.NAME().getText(), ctx);
        if (ctx.paramlist() != null) {
            for (MpParser.ParamContext p : ctx.paramlist().param()) {
                if (p instanceof MpParser.PlainParamContext pp) {
                    pp.test().forEach(this::visit);
                }
            }
        }
        if (ctx.test() != null) {
            visit(ctx.test());
        }
        Scope outer = current;
        Scope s = enter(ctx, Scope.Kind.FUNCTION, ctx.NAME().getText());
        s.async = ctx.ASYNC() != null;
        s.generator = s.async;
        if (ctx.paramlist() != null) {
            for (MpParser.ParamContext p : ctx.paramlist().param()) {
                String name = switch (p) {
                    case MpParser.PlainParamContext pp -> pp.NAME().getText();
                    case MpParser.StarParamContext sp -> sp.NAME() == null ? null : sp.NAME().getText();
                    case MpParser.KwStarParamContext kp -> kp.NAME().getText();
                    default -> null;
                };
                if (name != null) {
                    if (s.parameters.contains(name)) {
                        throw new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR, "duplicate argument '" + name + "' in function definition",
                                p.getStart().getLine(), p.getStart().getCharPositionInLine() + 1, -1);
                    }
                    s.parameters.add(name);
                    s.assigned.add(name);
                }
            }
        }
        visit(ctx.block());
        current = outer;
        return null;
    }

    @Override
    public Void visitLambdef(MpParser.LambdefContext ctx) {
        if (ctx.lambda_params() != null) {
            for (MpParser.Lambda_paramContext p : ctx.lambda_params().lambda_param()) {
                if (p instanceof MpParser.LambdaPlainParamContext lp && lp.test() != null) {
                    visit(lp.test());
                }
            }
        }
        Scope outer = current;
        Scope s = enter(ctx, Scope.Kind.FUNCTION, "<lambda>");
        if (ctx.lambda_params() != null) {
            for (MpParser.Lambda_paramContext p : ctx.lambda_params().lambda_param()) {
                String name = switch (p) {
                    case MpParser.LambdaPlainParamContext lp -> lp.NAME().getText();
                    case MpParser.LambdaStarParamContext sp -> sp.NAME() == null ? null : sp.NAME().getText();
                    case MpParser.LambdaKwStarParamContext kp -> kp.NAME().getText();
                    default -> null;
                };
                if (name != null) {
                    s.parameters.add(name);
                    s.assigned.add(name);
                }
            }
        }
        visit(ctx.test());
        current = outer;
        return null;
    }

    @Override
    public Void visitClassdef(MpParser.ClassdefContext ctx) {
        bind(ctx.NAME().getText(), ctx);
        if (ctx.arglist() != null) {
            visit(ctx.arglist());
        }
        Scope outer = current;
        enter(ctx, Scope.Kind.CLASS, ctx.NAME().getText());
        visit(ctx.block());
        current = outer;
        return null;
    }

    /** A comprehension: its first iterable belongs to the enclosing scope, the rest to its own. */
    private void comprehension(ParserRuleContext owner, String kind, MpParser.Comp_forContext comp, Runnable element) {
        visit(comp.or_test(0));
        Scope outer = current;
        Scope s = enter(owner, Scope.Kind.FUNCTION, "<" + kind + ">");
        s.parameters.add(".0");
        s.assigned.add(".0");
        s.comprehension = true;
        if (kind.equals("genexpr")) {
            s.generator = true;
            s.yields = true;
        }
        s.where = owner instanceof MpParser.PositionalArgumentContext ? owner.getParent().getParent() : owner.getParent();
        if (!comp.ASYNC().isEmpty()) {
            makeAsync(s, owner);
        }
        int tests = 0;
        for (int i = 0; i < comp.getChildCount(); i++) {
            ParseTree c = comp.getChild(i);
            if (c instanceof MpParser.ExprlistContext e) {
                bindTarget(e, "for");
            } else if (c instanceof MpParser.Or_testContext o) {
                if (tests++ > 0) {
                    visit(o);
                }
            }
        }
        element.run();
        current = outer;
    }

    /**
     * An {@code await} or {@code async for} in {@code s}: the comprehensions around it become asynchronous, up to a
     * generator expression (an async generator wherever it is) or the function, which must be async.
     */
    private static void makeAsync(Scope s, ParserRuleContext at) {
        Scope c = s;
        while (c.comprehension) {
            c.async = true;
            c.generator = true;
            if (c.name.equals("<genexpr>")) {
                return;
            }
            c = c.parent;
        }
        if (c.async) {
            return;
        }
        if (s.comprehension) {
            throw NodeBuilder.error(s.where, "asynchronous comprehension outside of an asynchronous function");
        }
        throw NodeBuilder.error(at, c.kind == Scope.Kind.FUNCTION ? "'await' outside async function" : "'await' outside function");
    }

    @Override
    public Void visitTestlist_comp(MpParser.Testlist_compContext ctx) {
        if (ctx.comp_for() == null) {
            return visitChildren(ctx);
        }
        boolean list = ctx.getParent() instanceof MpParser.ListAtomContext;
        comprehension(ctx, list ? "listcomp" : "genexpr", ctx.comp_for(), () -> visit(ctx.getChild(0)));
        return null;
    }

    @Override
    public Void visitDictMaker(MpParser.DictMakerContext ctx) {
        if (ctx.comp_for() == null) {
            return visitChildren(ctx);
        }
        comprehension(ctx, "dictcomp", ctx.comp_for(), () -> visit(ctx.dict_item(0)));
        return null;
    }

    @Override
    public Void visitSetMaker(MpParser.SetMakerContext ctx) {
        if (ctx.comp_for() == null) {
            return visitChildren(ctx);
        }
        comprehension(ctx, "setcomp", ctx.comp_for(), () -> visit(ctx.getChild(0)));
        return null;
    }

    @Override
    public Void visitPositionalArgument(MpParser.PositionalArgumentContext ctx) {
        if (ctx.comp_for() == null) {
            return visitChildren(ctx);
        }
        comprehension(ctx, "genexpr", ctx.comp_for(), () -> visit(ctx.test()));
        return null;
    }

    /** Decides the binding of every name, innermost scopes after their parents. */
    private static void resolve(Scope s) {
        if (s.kind == Scope.Kind.FUNCTION) {
            for (String p : s.parameters) {
                s.slot(p);
            }
        }
        java.util.Set<String> names = new java.util.LinkedHashSet<>(s.assigned);
        names.addAll(s.used);
        names.addAll(s.globals);
        names.addAll(s.nonlocals);
        for (String n : names) {
            if (s.globals.contains(n)) {
                s.bindings.put(n, Scope.Binding.GLOBAL_EXPLICIT);
            } else if (s.nonlocals.contains(n)) {
                if (!declareFree(s, n)) {
                    throw new SyntaxProblem(SyntaxProblem.Kind.SYNTAX_ERROR, "no binding for nonlocal '" + n + "' found", 1, 1, -1);
                }
            } else if (s.kind == Scope.Kind.MODULE) {
                s.bindings.put(n, Scope.Binding.GLOBAL_IMPLICIT);
            } else if (s.assigned.contains(n)) {
                s.bindings.put(n, s.kind == Scope.Kind.CLASS ? Scope.Binding.CLASS_LOCAL : Scope.Binding.LOCAL);
                if (s.kind == Scope.Kind.FUNCTION) {
                    s.slot(n);
                }
            } else if (!declareFree(s, n)) {
                s.bindings.put(n, Scope.Binding.GLOBAL_IMPLICIT);
            }
        }
        for (Scope child : s.children) {
            resolve(child);
        }
    }

    /** Makes {@code n} a free variable of {@code s} if an enclosing function binds it; false if none does. */
    private static boolean declareFree(Scope s, String n) {
        Scope owner = s.parent;
        while (owner != null && owner.kind != Scope.Kind.MODULE) {
            if (owner.kind == Scope.Kind.FUNCTION && (owner.assigned.contains(n) && !owner.globals.contains(n) || owner.nonlocals.contains(n))) {
                break;
            }
            if (owner.kind == Scope.Kind.FUNCTION && owner.globals.contains(n)) {
                return false;
            }
            owner = owner.parent;
        }
        if (owner == null || owner.kind == Scope.Kind.MODULE) {
            return false;
        }
        // Every function scope between s and owner passes the cell through as a free variable.
        Scope x = s;
        while (x != owner) {
            if (!x.freeVars.contains(n)) {
                x.freeVars.add(n);
            }
            if (x.bindings.get(n) != Scope.Binding.CLASS_LOCAL) {
                x.bindings.put(n, Scope.Binding.FREE);
            }
            x = x.parent;
        }
        if (!owner.cellVars.contains(n) && owner.bindings.get(n) != Scope.Binding.FREE) {
            owner.cellVars.add(n);
            owner.bindings.put(n, Scope.Binding.CELL);
        }
        return true;
    }
}
