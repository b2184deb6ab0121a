package dev.mp.runtime.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;

/**
 * Contexts of one engine share the code parsed from one {@link Source}: caches in that code (attribute reads,
 * method look-ups, globals) must never answer one context with another context's classes or values.
 */
class SharedCodeTest {
    private static final Source PROGRAM = Source.create("mp", """
            class Box:
                def __init__(self, v):
                    self.v = v

                def get(self):
                    return self.v * factor

            def run(n):
                b = Box(n)
                total = 0
                for i in range(200):
                    b.v += 1
                    total += b.get() + b.v
                return total
            """);

    @Test
    void eachContextSeesItsOwnClassesAndGlobals() {
        try (Engine engine = Engine.create("mp")) {
            for (int round = 0; round < 2; round++) {
                for (int factor = 1; factor <= 3; factor++) {
                    try (Context context = Context.newBuilder("mp").engine(engine).build()) {
                        context.getBindings("mp").putMember("factor", factor);
                        context.eval(PROGRAM);
                        long expected = 0;
                        long v = 10L * factor;
                        for (int i = 0; i < 200; i++) {
                            v++;
                            expected += v * factor + v;
                        }
                        assertEquals(expected, context.eval("mp", "run(" + 10 * factor + ")").asLong(), "factor " + factor);
                    }
                }
            }
        }
    }
}
