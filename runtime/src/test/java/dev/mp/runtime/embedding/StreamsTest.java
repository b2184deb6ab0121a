package dev.mp.runtime.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.Test;

/** The streams given to Context.Builder are the script's standard streams, for every way of using them. */
class StreamsTest {

    @Test
    void printSysStreamsAndInputUseTheContextStreams() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayInputStream in = new ByteArrayInputStream("alice\nbob\ncarol\n".getBytes(StandardCharsets.UTF_8));
        try (Context context = Context.newBuilder("mp").out(out).err(err).in(in).build()) {
            context.eval("mp", """
                    import sys
                    name = input('who? ')
                    print('hello', name, 'é😀')
                    sys.stdout.write('written\\n')
                    sys.stderr.write('to err\\n')
                    print('printed to err', file=sys.stderr)
                    print('next:', sys.stdin.readline(), end='')
                    print('rest:', [line.strip() for line in sys.stdin])
                    try:
                        input()
                    except EOFError as e:
                        print('EOFError:', e)
                    """);
        }
        assertEquals("who? hello alice é😀\nwritten\nnext: bob\nrest: ['carol']\nEOFError: EOF when reading a line\n",
                out.toString(StandardCharsets.UTF_8));
        assertEquals("to err\nprinted to err\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void tracebacksOfTheMainProgramGoToTheContextErrorStream() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("mp").out(out).err(err).option("mp.Main", "true").build()) {
            context.eval("mp", "print('before')\n1 / 0\n");
        } catch (org.graalvm.polyglot.PolyglotException exit) {
            assertEquals(1, exit.getExitStatus());
        }
        assertEquals("before\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("ZeroDivisionError: division by zero", err.toString(StandardCharsets.UTF_8).strip().lines().reduce((a, b) -> b).orElse(""));
    }
}
