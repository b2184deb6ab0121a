package dev.mp.runtime.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.Test;

/** The streams an embedder gives a context receive what its child processes print, not the JVM's stdout. */
class ChildStreamsTest {
    @Test
    void childOutputReachesTheContextsStreams() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("mp").out(out).err(err).allowAllAccess(true).build()) {
            context.eval("mp", """
                    import sys
                    from multiprocessing import Process

                    def speak(n):
                        print('child', n, 'on stdout')
                        print('child', n, 'on stderr', file=sys.stderr)

                    p = Process(target=speak, args=(1,))
                    p.start()
                    p.join()
                    print('parent after join', p.exitcode)
                    """);
        }
        assertEquals("child 1 on stdout\nparent after join 0\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("child 1 on stderr\n", err.toString(StandardCharsets.UTF_8));
    }
}
