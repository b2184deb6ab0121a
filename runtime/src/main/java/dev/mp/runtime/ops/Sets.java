package dev.mp.runtime.ops;

import dev.mp.runtime.objects.PSet;

/** The set operators {@code | & - ^}; the result has the type of the left operand. */
public final class Sets {
    private Sets() {
    }

    public static PSet operator(Arithmetic.BinOp op, PSet a, PSet b) {
        PSet r = new PSet(a.isFrozen());
        switch (op) {
            case OR -> {
                a.values().forEach(r::add);
                b.values().forEach(r::add);
            }
            case AND -> a.values().stream().filter(b::contains).forEach(r::add);
            case SUB -> a.values().stream().filter(v -> !b.contains(v)).forEach(r::add);
            case XOR -> {
                a.values().stream().filter(v -> !b.contains(v)).forEach(r::add);
                b.values().stream().filter(v -> !a.contains(v)).forEach(r::add);
            }
            default -> throw new IllegalArgumentException(op.name());
        }
        return r;
    }
}
