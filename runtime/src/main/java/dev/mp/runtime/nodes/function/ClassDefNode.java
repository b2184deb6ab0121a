package dev.mp.runtime.nodes.function;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.nodes.Frames;
import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.objects.PFunction;
import dev.mp.runtime.ops.Classes;

/**
 * A {@code class} statement's value: evaluates the bases and class keywords (the metaclass among them), then
 * {@link Classes#classStatement} runs the body into the namespace and calls the metaclass.
 */
public final class ClassDefNode extends MpExpressionNode {
    private final String name;
    private final String qualname;
    @Children private final MpExpressionNode[] bases;
    private final String[] keywordNames;
    @Children private final MpExpressionNode[] keywordValues;
    /** Makes the body function, closing over the enclosing scope's cells. */
    @Child private MakeFunctionNode body;

    public ClassDefNode(String name, String qualname, MpExpressionNode[] bases, String[] keywordNames, MpExpressionNode[] keywordValues,
                        MakeFunctionNode body) {
        this.name = name;
        this.qualname = qualname;
        this.bases = bases;
        this.keywordNames = keywordNames;
        this.keywordValues = keywordValues;
        this.body = body;
    }

    @Override
    @ExplodeLoop
    public Object execute(VirtualFrame frame) {
        Object[] baseValues = new Object[bases.length];
        for (int i = 0; i < bases.length; i++) {
            baseValues[i] = bases[i].execute(frame);
        }
        Object[] keywords = new Object[keywordValues.length];
        for (int i = 0; i < keywordValues.length; i++) {
            keywords[i] = keywordValues[i].execute(frame);
        }
        PFunction bodyFunction = (PFunction) body.execute(frame);
        return Classes.classStatement(MpContext.get(this), bodyFunction, name, qualname, moduleName(frame), baseValues, keywordNames, keywords);
    }

    private static String moduleName(VirtualFrame frame) {
        Object n = Frames.globals(frame).get("__name__");
        return n instanceof String s ? s : "__main__";
    }
}
