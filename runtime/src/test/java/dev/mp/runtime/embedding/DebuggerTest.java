package dev.mp.runtime.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;

import dev.mp.runtime.OnMpThread;

/**
 * {@code breakpoint()}'s pdb and cProfile's counts, the same on an {@link dev.mp.runtime.MpThread} (bin/mp's program
 * thread, whose calls bypass call targets until a debugger starts) and on an embedder's plain thread; the
 * expected text is python3's for the same program and commands.
 */
class DebuggerTest {
    private static final String PROGRAM = """
            def add(a, b):
                c = a + b
                return c

            def main():
                x = 40
                breakpoint()
                y = add(x, 2)
                print('y is', y)

            main()
            """;

    private static final String COMMANDS = "s\ns\nw\nu\np x\nd\nn\nx\nr\nc\n";

    /** What python3 prints for prog.mp and COMMANDS (its directory left out of the file names). */
    private static final String SESSION = """
            > prog.mp(8)main()
            -> y = add(x, 2)
            (Pdb) --Call--
            > prog.mp(1)add()
            -> def add(a, b):
            (Pdb) > prog.mp(2)add()
            -> c = a + b
            (Pdb)   prog.mp(11)<module>()
            -> main()
              prog.mp(8)main()
            -> y = add(x, 2)
            > prog.mp(2)add()
            -> c = a + b
            (Pdb) > prog.mp(8)main()
            -> y = add(x, 2)
            (Pdb) 40
            (Pdb) > prog.mp(2)add()
            -> c = a + b
            (Pdb) > prog.mp(3)add()
            -> return c
            (Pdb) *** NameError: name 'x' is not defined
            (Pdb) --Return--
            > prog.mp(3)add()->42
            -> return c
            (Pdb) y is 42
            """;

    private static final String LISTED = """
            def scale(items, factor):
                out = []
                for i in items:
                    out.append(i * factor)
                return out


            def main():
                data = {'k': list(range(3)), 'name': 'x' * 3}
                breakpoint()
                r = scale([1, 2], 10)
                print(r)


            main()
            """;

    /** python3's session for LISTED: listings, pp, breakpoints, and an assignment that reaches the function. */
    private static final String LISTED_SESSION = """
            > prog.mp(11)main()
            -> r = scale([1, 2], 10)
            (Pdb)   6  \t
              7  \t
              8  \tdef main():
              9  \t    data = {'k': list(range(3)), 'name': 'x' * 3}
             10  \t    breakpoint()
             11  ->\t    r = scale([1, 2], 10)
             12  \t    print(r)
             13  \t
             14  \t
             15  \tmain()
            [EOF]
            (Pdb) [EOF]
            (Pdb)   8  \tdef main():
              9  \t    data = {'k': list(range(3)), 'name': 'x' * 3}
             10  \t    breakpoint()
             11  ->\t    r = scale([1, 2], 10)
             12  \t    print(r)
            (Pdb) {'k': [0, 1, 2], 'name': 'xxx'}
            (Pdb) Breakpoint 1 at prog.mp:5
            (Pdb) Num Type         Disp Enb   Where
            1   breakpoint   keep yes   at prog.mp:5
            (Pdb) *** Blank or comment
            (Pdb) > prog.mp(5)scale()
            -> return out
            (Pdb) [10, 20]
            (Pdb) (Pdb) [0]
            """;

    @Test
    void listingsBreakpointsAndAssignmentsAsPython() throws Throwable {
        String commands = "l\nl\nll\npp data\nb 5\nb\nb 7\nc\np out\n!out = [0]\nc\n";
        assertEquals(LISTED_SESSION, OnMpThread.call(() -> run(LISTED, commands)));
        assertEquals(LISTED_SESSION, run(LISTED, commands));
    }

    private static final String PROFILED = """
            import cProfile
            def fib(n):
                return n if n < 2 else fib(n - 1) + fib(n - 2)
            def gen():
                yield 1
                yield 2
            p = cProfile.Profile()
            p.enable()
            fib(8)
            list(gen())
            p.disable()
            p.create_stats()
            for k, v in sorted(p.stats.items()):
                if k[0] != '~':
                    print(k[1:], v[:2], sorted((c[1:], s[:2]) for c, s in v[4].items()))
            """;

    private static final String COUNTS = """
            (2, 'fib') (1, 67) [((2, 'fib'), (66, 2))]
            (4, 'gen') (3, 3) []
            """;

    @Test
    void breakpointStepsTheSameOnAPlainThread() {
        assertEquals(SESSION, run(PROGRAM, COMMANDS));
    }

    @Test
    void breakpointStepsTheSameOnAnMpThread() throws Throwable {
        assertEquals(SESSION, OnMpThread.call(() -> run(PROGRAM, COMMANDS)));
    }

    @Test
    void profileCountsAreExactOnBothKindsOfThread() throws Throwable {
        assertEquals(COUNTS, run(PROFILED, ""));
        assertEquals(COUNTS, OnMpThread.call(() -> run(PROFILED, "")));
    }

    private static String run(String program, String input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("mp").out(out).err(out)
                .in(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8))).build()) {
            context.eval(Source.newBuilder("mp", program, "prog.mp").buildLiteral());
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
