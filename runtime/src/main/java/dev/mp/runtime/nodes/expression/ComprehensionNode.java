package dev.mp.runtime.nodes.expression;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.nodes.MpStatementNode;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PSet;

/**
 * The body of a list, set or dict comprehension's function: makes the result in a frame slot, runs the
 * loops (whose innermost statement is a {@link CollectNode}) and returns it.
 */
public final class ComprehensionNode extends MpExpressionNode {
    /** What the comprehension builds. */
    public enum Kind { LIST, SET, DICT }

    private final Kind kind;
    private final int resultSlot;
    @Child private MpStatementNode loops;

    public ComprehensionNode(Kind kind, int resultSlot, MpStatementNode loops) {
        this.kind = kind;
        this.resultSlot = resultSlot;
        this.loops = loops;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        // An async comprehension is a coroutine: resumed, it finds the result it was building in its own frame.
        Object result = frame.getObjectStatic(resultSlot);
        if (result == null) {
            result = switch (kind) {
                case LIST -> new PList();
                case SET -> new PSet(false);
                case DICT -> new PDict();
            };
            frame.setObjectStatic(resultSlot, result);
        }
        loops.execute(frame);
        return result;
    }

    /** Adds one element (or key/value pair) to the comprehension's result. */
    public static final class CollectNode extends MpStatementNode {
        private final int resultSlot;
        @Child private MpExpressionNode element;
        @Child private MpExpressionNode value;

        public CollectNode(int resultSlot, MpExpressionNode element, MpExpressionNode value) {
            this.resultSlot = resultSlot;
            this.element = element;
            this.value = value;
        }

        @Override
        public void execute(VirtualFrame frame) {
            Object result = frame.getObjectStatic(resultSlot);
            if (result instanceof PList l) {
                l.add(element.execute(frame));
            } else if (result instanceof PSet s) {
                s.add(element.execute(frame));
            } else {
                Object k = element.execute(frame);
                ((PDict) result).put(k, value.execute(frame));
            }
        }
    }
}
