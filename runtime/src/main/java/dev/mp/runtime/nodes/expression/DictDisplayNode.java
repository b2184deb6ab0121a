package dev.mp.runtime.nodes.expression;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Types;

/** {@code {k: v, **other}}; a null key marks a {@code **mapping} entry. */
public final class DictDisplayNode extends MpExpressionNode {
    @Children private final MpExpressionNode[] keys;
    @Children private final MpExpressionNode[] values;

    public DictDisplayNode(MpExpressionNode[] keys, MpExpressionNode[] values) {
        this.keys = keys;
        this.values = values;
    }

    @Override
    @ExplodeLoop
    public Object execute(VirtualFrame frame) {
        PDict d = new PDict();
        for (int i = 0; i < values.length; i++) {
            if (keys[i] == null) {
                Object m = values[i].execute(frame);
                PDict other = dev.mp.runtime.ops.Mappings.asDict(m);
                if (other == null) {
                    throw Errors.typeError("'%s' object is not a mapping", Types.typeName(m));
                }
                for (PDict.Entry e : other.entries()) {
                    d.put(e.key, e.value);
                }
            } else {
                Object k = keys[i].execute(frame);
                d.put(k, values[i].execute(frame));
            }
        }
        return d;
    }
}
