package dev.mp.runtime.nodes.controlflow;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.modules.Streams;
import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.MpStatementNode;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.ops.Conversions;

/**
 * An expression statement of module-level code typed at the interactive prompt (CPython's PRINT_EXPR): its
 * value is shown by {@link #displayhook}.
 */
public final class PrintExpressionNode extends MpStatementNode {
    @Child private MpExpressionNode expression;

    public PrintExpressionNode(MpExpressionNode expression) {
        this.expression = expression;
    }

    @Override
    public void execute(VirtualFrame frame) {
        displayhook(MpContext.get(this), expression.execute(frame));
    }

    /**
     * CPython's default {@code sys.displayhook}: None shows nothing; any other value is written to standard
     * output as its repr and a newline, and becomes {@code builtins._} ({@code _} is None while repr runs).
     */
    public static void displayhook(MpContext context, Object value) {
        if (value == PNone.NONE) {
            return;
        }
        context.builtins().dict().put("_", PNone.NONE);
        Streams.writeStdout(context, Conversions.repr(value) + "\n");
        context.builtins().dict().put("_", value);
    }
}
