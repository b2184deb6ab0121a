package dev.mp.runtime.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;

import dev.mp.runtime.MpThread;
import dev.mp.runtime.OnMpThread;

/**
 * A program on an {@link MpThread} (as bin/mp runs it) calls mp functions without their call targets and walks
 * mp's own call stack; on any other thread it goes through call targets and Truffle's stack. Both must show the
 * program the same frames.
 */
class MpThreadTest {
    /** Frame walking from functions, methods, generators, lambdas under builtins, class bodies and recursion. */
    private static final String FRAMES = """
            import sys, traceback

            def show():
                f = sys._getframe(1)
                print('caller locals', sorted(k for k in f.f_locals if not k.startswith('__')))
                print('back globals', '__name__' in sys._getframe(2).f_globals)
                for e in traceback.extract_stack()[-3:]:
                    print(e.name, e.lineno, e.line)

            def middle(a, b):
                c = a + b
                show()
                return locals()

            def gen():
                x = 5
                yield sorted(locals())
                yield [(e.name, e.lineno) for e in traceback.extract_stack()[-2:]]

            class Box:
                def get(self):
                    return [(e.name, e.lineno) for e in traceback.extract_stack()[-2:]]

            print(sorted(middle(1, 2)))
            g = gen()
            print(next(g))
            print(next(g))
            print(Box().get())
            print(list(map(lambda v: [e.lineno for e in traceback.extract_stack()[-2:]], [1])))
            class C:
                y = 1
                print(sorted(k for k in locals() if not k.startswith('__')))
            def rec(n):
                return rec(n - 1) if n else len(traceback.extract_stack())
            print(rec(10) - rec(0))
            try:
                rec(100000)
            except RecursionError as e:
                print('RecursionError', e)
            """;

    /** What python3 prints. */
    private static final String EXPECTED = """
            caller locals ['a', 'b', 'c']
            back globals True
            <module> 24 print(sorted(middle(1, 2)))
            middle 12 show()
            show 7 for e in traceback.extract_stack()[-3:]:
            ['a', 'b', 'c']
            ['x']
            [('<module>', 27), ('gen', 18)]
            [('<module>', 28), ('get', 22)]
            [[29, 29]]
            ['y']
            10
            RecursionError maximum recursion depth exceeded
            """;

    @Test
    void framesLookTheSameOnAnMpThreadAndOnAPlainThread() throws Throwable {
        assertEquals(EXPECTED, OnMpThread.call(() -> run(FRAMES)));
        assertEquals(EXPECTED, run(FRAMES));
    }

    /**
     * The proof that an MpThread bypasses call targets: an exception's guest frames (Truffle's, recorded by call
     * targets) miss the functions called directly, while mp's traceback has them all.
     */
    @Test
    void anMpThreadCallsFunctionsWithoutTheirCallTargets() throws Throwable {
        String program = """
                def inner():
                    raise ValueError('deep')

                def outer():
                    inner()

                outer()
                """;
        assertEquals(List.of("inner", "outer", "<module>"), guestFrames(program));
        assertEquals(List.of("<module>"), OnMpThread.call(() -> guestFrames(program)));
    }

    private static List<String> guestFrames(String program) {
        try (Context context = Context.create("mp")) {
            PolyglotException e = assertThrows(PolyglotException.class, () -> context.eval(Source.create("mp", program)));
            assertEquals("ValueError: deep", e.getMessage());
            List<String> frames = new ArrayList<>();
            for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
                if (frame.isGuestFrame()) {
                    frames.add(frame.getRootName());
                }
            }
            return frames;
        }
    }

    private static String run(String program) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("mp").out(out).err(out).build()) {
            context.eval(Source.create("mp", program));
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
