package dev.mp.runtime.nodes.pattern;

import java.util.Arrays;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.objects.PList;
import dev.mp.runtime.ops.Iteration;
import dev.mp.runtime.ops.Patterns;
import dev.mp.runtime.ops.Sequences;

/**
 * {@code [p1, p2, *rest]} or {@code (p1, p2)}: matches a sequence (not a str, bytes or bytearray) of the right
 * length whose items match. As CPython does, the items are taken by unpacking the subject, except when the only
 * starred sub-pattern is {@code *_}: then the items around it are indexed (from the end after it), so a long
 * sequence is not copied.
 */
public final class SequencePatternNode extends PatternNode {
    /** The sub-patterns other than the starred one, in order; null where a sub-pattern is {@code _}. */
    @Children private final PatternNode[] elements;
    /** How many sub-patterns precede the starred one, or -1 when there is none. */
    private final int star;
    /** The capture index of the starred name, or -1 for {@code *_} (or no star). */
    private final int starCapture;
    private final boolean onlyWildcards;

    public SequencePatternNode(PatternNode[] elements, int star, int starCapture) {
        this.elements = elements;
        this.star = star;
        this.starCapture = starCapture;
        this.onlyWildcards = starCapture < 0 && Arrays.stream(elements).allMatch(e -> e == null);
    }

    @Override
    public boolean matches(VirtualFrame frame, Object subject, Object[] captures) {
        if (!Patterns.isSequence(subject)) {
            return false;
        }
        long length = Sequences.len(subject);
        if (star < 0 ? length != elements.length : length < elements.length) {
            return false;
        }
        if (onlyWildcards) {
            return true;
        }
        if (star >= 0 && starCapture < 0) {
            return matchIndexed(frame, subject, captures);
        }
        Object[] items = Iteration.toArray(subject);
        if (items.length != length) {
            return false;
        }
        for (int i = 0; i < elements.length; i++) {
            int at = star < 0 || i < star ? i : items.length - (elements.length - i);
            if (elements[i] != null && !elements[i].matches(frame, items[at], captures)) {
                return false;
            }
        }
        if (star >= 0) {
            captures[starCapture] = new PList(Arrays.copyOfRange(items, star, items.length - (elements.length - star)));
        }
        return true;
    }

    private boolean matchIndexed(VirtualFrame frame, Object subject, Object[] captures) {
        for (int i = 0; i < elements.length; i++) {
            if (elements[i] != null) {
                long index = i < star ? i : i - elements.length;
                if (!elements[i].matches(frame, Sequences.getItem(subject, index), captures)) {
                    return false;
                }
            }
        }
        return true;
    }
}
