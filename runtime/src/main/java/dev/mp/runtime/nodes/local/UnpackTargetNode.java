package dev.mp.runtime.nodes.local;

import java.util.List;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.MpException;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import dev.mp.runtime.objects.PList;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Iteration;

/** {@code a, (b, *c), d = value}: iterable unpacking with at most one starred target per level. */
public final class UnpackTargetNode extends AssignTargetNode {
    @Children private final AssignTargetNode[] targets;
    /** The index of the starred target, or -1. */
    private final int starIndex;

    public UnpackTargetNode(AssignTargetNode[] targets, int starIndex) {
        this.targets = targets;
        this.starIndex = starIndex;
    }

    @Override
    @ExplodeLoop
    public void assign(VirtualFrame frame, Object value) {
        Object[] items;
        try {
            items = unpack(value);
        } catch (MpException e) {
            throw failedHere(e);
        }
        if (starIndex < 0) {
            for (int i = 0; i < targets.length; i++) {
                targets[i].assign(frame, items[i]);
            }
            return;
        }
        int after = targets.length - starIndex - 1;
        for (int i = 0; i < starIndex; i++) {
            targets[i].assign(frame, items[i]);
        }
        int starEnd = items.length - after;
        targets[starIndex].assign(frame, new PList(List.of(items).subList(starIndex, starEnd)));
        for (int i = 0; i < after; i++) {
            targets[starIndex + 1 + i].assign(frame, items[starEnd + i]);
        }
    }

    private Object[] unpack(Object value) {
        // An exact tuple of the right length gives its items as they are, as CPython's UNPACK_SEQUENCE does.
        if (starIndex < 0 && value instanceof dev.mp.runtime.objects.PTuple t && t.size() == targets.length
                && t.getPythonClass() == dev.mp.runtime.objects.BuiltinClasses.TUPLE) {
            return t.items();
        }
        Object it = Iteration.iter(value, true);
        if (it == null) {
            throw Errors.typeError("cannot unpack non-iterable %s object", dev.mp.runtime.ops.Types.typeName(value));
        }
        if (starIndex < 0) {
            Object[] items = new Object[targets.length];
            for (int i = 0; i < targets.length; i++) {
                Object o = Iteration.next(it);
                if (o == null) {
                    throw Errors.valueError("not enough values to unpack (expected %d, got %d)", targets.length, i);
                }
                items[i] = o;
            }
            if (Iteration.next(it) != null) {
                throw Errors.valueError("too many values to unpack (expected %d)", targets.length);
            }
            return items;
        }
        List<Object> all = new java.util.ArrayList<>();
        for (Object o = Iteration.next(it); o != null; o = Iteration.next(it)) {
            all.add(o);
        }
        if (all.size() < targets.length - 1) {
            throw Errors.valueError("not enough values to unpack (expected at least %d, got %d)", targets.length - 1, all.size());
        }
        return all.toArray();
    }

    @Override
    public void delete(VirtualFrame frame) {
        for (AssignTargetNode t : targets) {
            t.delete(frame);
        }
    }
}
