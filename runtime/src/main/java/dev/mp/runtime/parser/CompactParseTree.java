package dev.mp.runtime.parser;

import java.util.List;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.ParseTreeListener;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * A parse listener that stores each finished rule's children in an immutable list of its exact size. ANTLR
 * collects them in an {@code ArrayList} of capacity 10, and most contexts have one child (an expression is a
 * chain of a dozen single-child contexts down to its atom): this more than halves the memory of a parse tree,
 * which for a literal of a million items is most of the memory the program needs, and most of its time in the
 * garbage collector. The tree is read-only once built, so nothing is lost.
 */
final class CompactParseTree implements ParseTreeListener {
    @Override
    public void exitEveryRule(ParserRuleContext ctx) {
        List<ParseTree> children = ctx.children;
        if (children != null) {
            ctx.children = List.copyOf(children);
        }
    }

    @Override
    public void enterEveryRule(ParserRuleContext ctx) {
    }

    @Override
    public void visitTerminal(TerminalNode node) {
    }

    @Override
    public void visitErrorNode(ErrorNode node) {
    }
}
