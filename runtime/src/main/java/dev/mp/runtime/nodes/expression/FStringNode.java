package dev.mp.runtime.nodes.expression;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.StringFormatting;

/** An f-string: literal parts and formatted fields, concatenated. */
public final class FStringNode extends MpExpressionNode {

    /** One replacement field: the value, its conversion (0, 'r', 's', 'a') and its format spec (or null). */
    public static final class FieldNode extends MpExpressionNode {
        @Child private MpExpressionNode value;
        private final char conversion;
        @Child private MpExpressionNode spec;

        public FieldNode(MpExpressionNode value, char conversion, MpExpressionNode spec) {
            this.value = value;
            this.conversion = conversion;
            this.spec = spec;
        }

        @Override
        public Object execute(VirtualFrame frame) {
            Object v = value.execute(frame);
            switch (conversion) {
                case 'r' -> v = Conversions.repr(v);
                case 's' -> v = Conversions.str(v);
                case 'a' -> v = dev.mp.runtime.builtins.AsciiRepr.ascii(Conversions.repr(v));
                default -> {
                }
            }
            String s = spec == null ? "" : (String) spec.execute(frame);
            if (s.isEmpty() && v instanceof String str) {
                return str;
            }
            return StringFormatting.format(v, s);
        }
    }

    @Children private final MpExpressionNode[] parts;

    public FStringNode(MpExpressionNode[] parts) {
        this.parts = parts;
    }

    @Override
    @ExplodeLoop
    public Object execute(VirtualFrame frame) {
        String[] pieces = new String[parts.length];
        for (int i = 0; i < parts.length; i++) {
            pieces[i] = (String) parts[i].execute(frame);
        }
        return join(pieces);
    }

    @TruffleBoundary
    private static String join(String[] pieces) {
        return String.join("", pieces);
    }
}
