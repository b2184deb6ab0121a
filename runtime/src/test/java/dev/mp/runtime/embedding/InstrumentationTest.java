package dev.mp.runtime.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;

/**
 * With statements instrumented (a statement limit far above what the scripts run puts a wrapper around every
 * statement), scripts behave as without: the value of the last expression, generators resuming mid-body,
 * traceback lines and guest stack frames.
 */
class InstrumentationTest {
    private static final ResourceLimits GENEROUS = ResourceLimits.newBuilder().statementLimit(10_000_000, null).build();

    @Test
    void resultsAndGeneratorsAreUnchanged() {
        try (Context context = Context.newBuilder("mp").resourceLimits(GENEROUS).build()) {
            assertEquals(6, context.eval("mp", "x = 2\nx * 3").asInt());
            assertEquals("[0, 1, 10, 2, 20]", context.eval("mp", """
                    def pairs(n):
                        for i in range(n):
                            yield i
                            if i:
                                yield i * 10
                    str(list(pairs(3)))
                    """).asString());
        }
    }

    @Test
    void tracebacksKeepTheirLines() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String program = """
                def check(n):
                    if n > 2:
                        raise ValueError(n)
                    return n

                for i in range(5):
                    check(i)
                """;
        try (Context context = Context.newBuilder("mp").resourceLimits(GENEROUS).err(err).option("mp.Main", "true").build()) {
            context.eval(Source.newBuilder("mp", program, "checks.mp").buildLiteral());
        } catch (PolyglotException exit) {
            assertEquals(1, exit.getExitStatus());
        }
        assertEquals("""
                Traceback (most recent call last):
                  File "checks.mp", line 7, in <module>
                    check(i)
                  File "checks.mp", line 3, in check
                    raise ValueError(n)
                ValueError: 3
                """, err.toString(StandardCharsets.UTF_8));

        try (Context context = Context.newBuilder("mp").resourceLimits(GENEROUS).build()) {
            PolyglotException e = assertThrows(PolyglotException.class, () -> context.eval(Source.newBuilder("mp", program, "checks.mp").buildLiteral()));
            List<String> frames = new ArrayList<>();
            for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
                if (frame.isGuestFrame()) {
                    frames.add(frame.getRootName() + ":" + frame.getSourceLocation().getStartLine());
                }
            }
            assertEquals(List.of("check:3", "<module>:7"), frames);
        }
    }
}
