package dev.mp.runtime.nodes.function;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.nodes.Frames;
import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.objects.PCell;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PFunction;
import dev.mp.runtime.objects.Signature;
import dev.mp.runtime.ops.ArgumentBinder;

/** {@code def} and {@code lambda}: evaluates the defaults and captures the closure cells into a new function. */
public final class MakeFunctionNode extends MpExpressionNode {
    private final String name;
    private final String qualname;
    private final Signature signature;
    @Children private final MpExpressionNode[] defaults;
    /** One per keyword-only parameter; null where it has no default. */
    @Children private final MpExpressionNode[] kwDefaults;
    /** Slots of the current frame holding the cells this function closes over. */
    @CompilationFinal(dimensions = 1) private final int[] closureSlots;
    private final RootCallTarget callTarget;
    private final boolean generator;
    private final Object doc;
    /** The annotated parameters' names ({@code return} for the return annotation) and their annotations. */
    @CompilationFinal(dimensions = 1) private String[] annotatedNames = new String[0];
    @Children private MpExpressionNode[] annotations = new MpExpressionNode[0];

    public MakeFunctionNode(String name, String qualname, Signature signature, MpExpressionNode[] defaults, MpExpressionNode[] kwDefaults,
                            int[] closureSlots, RootCallTarget callTarget, boolean generator, Object doc) {
        this.name = name;
        this.qualname = qualname;
        this.signature = signature;
        this.defaults = defaults;
        this.kwDefaults = kwDefaults;
        this.closureSlots = closureSlots;
        this.callTarget = callTarget;
        this.generator = generator;
        this.doc = doc;
    }

    /** Sets the annotations, evaluated after the defaults each time the definition runs; returns this node. */
    public MakeFunctionNode withAnnotations(String[] names, MpExpressionNode[] values) {
        this.annotatedNames = names;
        this.annotations = values;
        return this;
    }

    @Override
    @ExplodeLoop
    public Object execute(VirtualFrame frame) {
        Object[] d = new Object[defaults.length];
        for (int i = 0; i < defaults.length; i++) {
            d[i] = defaults[i].execute(frame);
        }
        Object[] kd = new Object[kwDefaults.length];
        for (int i = 0; i < kwDefaults.length; i++) {
            kd[i] = kwDefaults[i] == null ? ArgumentBinder.REQUIRED : kwDefaults[i].execute(frame);
        }
        PDict annotated = null;
        if (annotations.length > 0) {
            annotated = new PDict();
            for (int i = 0; i < annotations.length; i++) {
                annotated.put(annotatedNames[i], annotations[i].execute(frame));
            }
        }
        PCell[] closure = new PCell[closureSlots.length];
        for (int i = 0; i < closureSlots.length; i++) {
            closure[i] = (PCell) frame.getObjectStatic(closureSlots[i]);
        }
        PFunction f = new PFunction(name, qualname, signature, d, kd, closure, Frames.module(frame), callTarget, generator, MpContext.get(this));
        f.setDoc(doc);
        if (annotated != null) {
            f.attributes().put("__annotations__", annotated);
        }
        return f;
    }
}
