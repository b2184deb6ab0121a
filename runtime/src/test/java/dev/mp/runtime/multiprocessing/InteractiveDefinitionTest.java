package dev.mp.runtime.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;

/**
 * A function typed at the interactive prompt can be a Process target: there is no script for the child to
 * re-run, so prompt definitions travel as source. CPython fails here with "Can't get attribute 'f' on
 * <module '__main__'>" (gh-116403).
 */
class InteractiveDefinitionTest {
    private static Source prompt(String line) {
        return Source.newBuilder("mp", line, "<stdin>").interactive(true).buildLiteral();
    }

    @Test
    void functionsDefinedAtThePromptRunInAChild() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("mp").out(out).allowAllAccess(true).build()) {
            context.eval(prompt("from multiprocessing import Process, Queue"));
            context.eval(prompt("def twice(x): return 2 * x"));
            context.eval(prompt("def f(q):\n    q.put(twice(21))\n"));
            context.eval(prompt("class Box:\n    def __init__(self, v):\n        self.v = v\n"));
            context.eval(prompt("def g(q, box): q.put(box.v + 1)"));
            context.eval(prompt("q = Queue(); p = Process(target=f, args=(q,)); p.start(); print(q.get()); p.join()"));
            context.eval(prompt("p = Process(target=g, args=(q, Box(41))); p.start(); print(q.get()); p.join(); print(p.exitcode)"));
        }
        // Only the printed lines: how results are echoed at the prompt is the REPL's business.
        String printed = out.toString(StandardCharsets.UTF_8).replaceAll("(?m)^None\n", "");
        assertEquals("42\n42\n0\n", printed);
    }
}
