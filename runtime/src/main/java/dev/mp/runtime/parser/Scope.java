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
    /** An {@code async def} or an asynchronous comprehension: its call makes a coroutine (an async generator if it yields). */
    boolean async;
    /** The body holds a {@code yield} (of its own, not of a nested function). */
    boolean yields;
    /** A comprehension's scope (a list, set or dict comprehension or a generator expression). */
    boolean comprehension;
    /** A comprehension's brackets (or a generator argument's call), where CPython reports it. */
    org.antlr.v4.runtime.ParserRuleContext where;
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

    /** What a call of this function returns: 0 a result or a generator, 1 a coroutine, 2 an async generator. */
    int generatorKind() {
        return !async ? 0 : yields ? 2 : 1;
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
