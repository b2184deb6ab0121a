package dev.mp.runtime.nodes.expression;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PSet;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Iteration;

/** A list, tuple or set display such as {@code [a, *b, c]}. */
public final class DisplayNode extends MpExpressionNode {
    /** What the display builds. */
    public enum Kind { LIST, TUPLE, SET }

    private final Kind kind;
    @Children private final MpExpressionNode[] elements;
    /** Which elements are {@code *iterable} and are spliced in. */
    @CompilationFinal(dimensions = 1) private final boolean[] starred;
    private final boolean anyStarred;
    /**
     * A set display of more than two constants, which CPython compiles to a constant frozenset merged into a
     * new set: its members then take the frozenset's layout, which can differ from adding them one by one.
     */
    private final boolean constantSet;

    public DisplayNode(Kind kind, MpExpressionNode[] elements, boolean[] starred) {
        this.kind = kind;
        this.elements = elements;
        this.starred = starred;
        boolean any = false;
        for (boolean s : starred) {
            any |= s;
        }
        this.anyStarred = any;
        boolean allLiterals = kind == Kind.SET && !any && elements.length > 2;
        for (MpExpressionNode e : elements) {
            allLiterals &= e instanceof LiteralNode || e instanceof UnaryNode u && u.isFoldedConstant();
        }
        this.constantSet = allLiterals;
    }

    @Override
    @ExplodeLoop
    public Object execute(VirtualFrame frame) {
        if (!anyStarred) {
            Object[] values = new Object[elements.length];
            for (int i = 0; i < elements.length; i++) {
                values[i] = elements[i].execute(frame);
            }
            return build(values);
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < elements.length; i++) {
            Object v = elements[i].execute(frame);
            if (starred[i]) {
                Iteration.checkRoomFor(v, values.size());
                Iteration.forEach(v, values::add);
            } else {
                values.add(v);
            }
        }
        return build(values.toArray());
    }

    private Object build(Object[] values) {
        switch (kind) {
            case LIST:
                return new PList(values);
            case TUPLE:
                return values.length == 0 ? PTuple.EMPTY : new PTuple(values);
            default:
                PSet s = new PSet(constantSet);
                for (Object v : values) {
                    s.add(v);
                }
                if (constantSet) {
                    // The compiler's constant merging rebuilds the frozenset from its own iteration order.
                    PSet rebuilt = new PSet(true);
                    for (Object v : s.values()) {
                        rebuilt.add(v);
                    }
                    PSet merged = new PSet(false);
                    merged.addAll(rebuilt);
                    return merged;
                }
                return s;
        }
    }
}
