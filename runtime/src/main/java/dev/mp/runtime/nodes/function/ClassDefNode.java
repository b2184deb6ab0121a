package dev.mp.runtime.nodes.function;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import dev.mp.runtime.nodes.Frames;
import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PFunction;
import dev.mp.runtime.ops.Classes;

/** A {@code class} statement's value: evaluates the bases, runs the body into a namespace, makes the class. */
public final class ClassDefNode extends MpExpressionNode {
    private final String name;
    private final String qualname;
    @Children private final MpExpressionNode[] bases;
    /** Makes the body function, closing over the enclosing scope's cells. */
    @Child private MakeFunctionNode body;

    public ClassDefNode(String name, String qualname, MpExpressionNode[] bases, MakeFunctionNode body) {
        this.name = name;
        this.qualname = qualname;
        this.bases = bases;
        this.body = body;
    }

    @Override
    @ExplodeLoop
    public Object execute(VirtualFrame frame) {
        Object[] baseValues = new Object[bases.length];
        for (int i = 0; i < bases.length; i++) {
            baseValues[i] = bases[i].execute(frame);
        }
        PFunction bodyFunction = (PFunction) body.execute(frame);
        String module = moduleName(frame);
        PDict namespace = new PDict();
        namespace.put("__module__", module);
        namespace.put("__qualname__", qualname);
        bodyFunction.callTarget().call(bodyFunction, namespace);
        return Classes.create(name, qualname, module, baseValues, namespace);
    }

    private static String moduleName(VirtualFrame frame) {
        Object n = Frames.globals(frame).get("__name__");
        return n instanceof String s ? s : "__main__";
    }
}
