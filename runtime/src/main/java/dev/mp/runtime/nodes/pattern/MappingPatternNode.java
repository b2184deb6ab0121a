package dev.mp.runtime.nodes.pattern;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.ops.Patterns;
import dev.mp.runtime.ops.Sequences;

/**
 * {@code {key: p, ..., **rest}}: matches a mapping that has every key (others are allowed) with values that
 * match; {@code **rest} captures a new dict of the other items.
 */
public final class MappingPatternNode extends PatternNode {
    @Children private final MpExpressionNode[] keys;
    @Children private final PatternNode[] values;
    /** The capture index of the {@code **} name, or -1. */
    private final int restCapture;

    public MappingPatternNode(MpExpressionNode[] keys, PatternNode[] values, int restCapture) {
        this.keys = keys;
        this.values = values;
        this.restCapture = restCapture;
    }

    @Override
    @ExplodeLoop
    public boolean matches(VirtualFrame frame, Object subject, Object[] captures) {
        if (!Patterns.isMapping(subject)) {
            return false;
        }
        PDict mapping = (PDict) subject;
        if (keys.length > 0 && Sequences.len(mapping) < keys.length) {
            return false;
        }
        Object[] keyValues = new Object[keys.length];
        for (int i = 0; i < keys.length; i++) {
            keyValues[i] = keys[i].execute(frame);
        }
        Object[] found = Patterns.mappingValues(mapping, keyValues);
        if (found == null) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (!values[i].matches(frame, found[i], captures)) {
                return false;
            }
        }
        if (restCapture >= 0) {
            captures[restCapture] = Patterns.mappingRest(mapping, keyValues);
        }
        return true;
    }
}
