package dev.mp.runtime.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.Test;

/** Files whose size the system reports as 0 but that have content, such as those of /proc, read to their end. */
class SpecialFilesTest {

    @Test
    void procFilesReadToTheirEnd() {
        try (Context context = Context.newBuilder("mp").allowAllAccess(true).build()) {
            assertEquals("State:", context.eval("mp", """
                    with open('/proc/self/status') as f:
                        states = [line.split()[0] for line in f if line.startswith('State:')]
                    states[0]
                    """).asString());
            assertEquals(true, context.eval("mp", "open('/proc/self/stat', 'rb').read().split(b' ')[0].isdigit()").asBoolean());
            assertEquals(4, context.eval("mp", "len(open('/proc/self/stat').read(4))").asInt());
        }
    }
}
