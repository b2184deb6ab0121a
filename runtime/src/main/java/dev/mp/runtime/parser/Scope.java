package dev.mp.runtime.parser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names of one scope (module, class body, function, lambda or comprehension) and, after resolution,
 * where each lives. Function scopes give every local, cell and free variable a frame slot; parameters
 * take the first slots, in signature order.
 */
final class Scope {
    enum Kind { MODULE, CLASS, FUNCTION }

    /** Where a name is found. */
    enum Binding { LOCAL, CELL, FREE, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, CLASS_LOCAL }

    final Kind kind;
    final Scope parent;
    final String name;
    final List<Scope> children = new ArrayList<>();
    final List<String> parameters = new ArrayList<>();
    final Set<String> assigned = new LinkedHashSet<>();
    final Set<String> used = new LinkedHashSet<>();
    final Set<String> globals = new LinkedHashSet<>();
    final Set<String> nonlocals = new LinkedHashSet<>();
    boolean generator;
    boolean usesSuperOrClass;

    final Map<String, Binding> bindings = new LinkedHashMap<>();
    final Map<String, Integer> slots = new LinkedHashMap<>();
    /** Free variables in closure order. */
    final List<String> freeVars = new ArrayList<>();
    /** This scope's own variables captured by inner scopes. */
    final List<String> cellVars = new ArrayList<>();
    private int nextSlot;

    Scope(Kind kind, Scope parent, String name) {
        this.kind = kind;
        this.parent = parent;
        this.name = name;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    boolean isFunction() {
        return kind == Kind.FUNCTION;
    }

    int slot(String n) {
        return slots.computeIfAbsent(n, k -> nextSlot++);
    }

    /** A fresh slot for interpreter state (generator positions, iterators). */
    int tempSlot() {
        return nextSlot++;
    }

    int slotCount() {
        return nextSlot;
    }

    Binding binding(String n) {
        Binding b = bindings.get(n);
        if (b != null) {
            return b;
        }
        return kind == Kind.MODULE ? Binding.GLOBAL_IMPLICIT : Binding.GLOBAL_IMPLICIT;
    }
}
