package dev.mp.runtime.ops;

import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PSet;

/**
 * The set operations, each done as CPython does it (which set is walked, which is copied), so that the
 * results hold their members in CPython's order. A result has the type (set or frozenset) of the left operand.
 */
public final class Sets {
    private Sets() {
    }

    public static PSet operator(Arithmetic.BinOp op, PSet a, PSet b) {
        return switch (op) {
            case OR -> union(a, b);
            case AND -> intersection(a, b);
            case SUB -> difference(a, b);
            case XOR -> symmetricDifference(a, b);
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    /** CPython's set_update_internal: a set's members, a dict's keys (after one resize), or the items of any iterable. */
    public static void update(PSet target, Object iterable) {
        if (iterable instanceof PSet other) {
            target.addAll(other);
            return;
        }
        if (iterable instanceof PDict d && !d.isSubclassInstance()) {
            target.reserve(d.size());
            for (PDict.Entry e : d.entries()) {
                target.add(e.key);
            }
            return;
        }
        Iteration.forEach(iterable, target::add);
    }

    /** A new set or frozenset of an iterable's items. */
    public static PSet of(Object iterable, boolean frozen) {
        PSet s = new PSet(frozen);
        update(s, iterable);
        return s;
    }

    public static PSet union(PSet a, Object b) {
        PSet r = a.copy(a.isFrozen());
        update(r, b);
        return r;
    }

    /** CPython's set_intersection: walks the smaller set (or the iterable), keeping what the other holds. */
    public static PSet intersection(PSet a, Object b) {
        PSet r = new PSet(a.isFrozen());
        if (b instanceof PSet other) {
            PSet walked = other.size() > a.size() ? a : other;
            PSet checked = walked == a ? other : a;
            for (Object v : walked.values()) {
                if (checked.contains(v)) {
                    r.add(v);
                }
            }
            return r;
        }
        Iteration.forEach(b, v -> {
            if (a.contains(v)) {
                r.add(v);
            }
        });
        return r;
    }

    /** CPython's set_difference: copies a and discards b's members when a is much larger, else walks a. */
    public static PSet difference(PSet a, Object b) {
        if (!(b instanceof PSet) && !(b instanceof PDict)) {
            PSet r = a.copy(a.isFrozen());
            Iteration.forEach(b, r::remove);
            return r;
        }
        int otherSize = b instanceof PSet s ? s.size() : ((PDict) b).size();
        if ((a.size() >> 2) > otherSize) {
            PSet r = a.copy(a.isFrozen());
            Iteration.forEach(b, r::remove);
            return r;
        }
        PSet r = new PSet(a.isFrozen());
        for (Object v : a.values()) {
            if (!(b instanceof PSet s ? s.contains(v) : ((PDict) b).containsKey(v))) {
                r.add(v);
            }
        }
        return r;
    }

    /** CPython's set_symmetric_difference: a copy of b (as a's type), updated with a. */
    public static PSet symmetricDifference(PSet a, Object b) {
        PSet r = of(b, a.isFrozen());
        symmetricDifferenceUpdate(r, a);
        return r;
    }

    /** Removes each member of other that target holds and adds each it does not, in other's order. */
    public static void symmetricDifferenceUpdate(PSet target, Object other) {
        if (other == target) {
            target.clear();
            return;
        }
        PSet others = other instanceof PSet s ? s : of(other, true);
        for (Object v : others.values()) {
            if (!target.remove(v)) {
                target.add(v);
            }
        }
    }

    /** Removes the items of an iterable (CPython's set_difference_update_internal). */
    public static void differenceUpdate(PSet target, Object other) {
        if (other == target) {
            target.clear();
            return;
        }
        if (other instanceof PSet s) {
            s.values().forEach(target::remove);
        } else {
            Iteration.forEach(other, target::remove);
        }
    }
}
