package dev.mp.runtime.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.Test;

/** The os module follows the embedder's policies: the environment it was given, and its IO access. */
class OsModuleTest {

    @Test
    void environmentIsTheEmbeddersAndWritesAreSeenByLaterReads() {
        try (Context context = Context.newBuilder("mp").environment("MP_GIVEN", "given").build()) {
            context.eval("mp", "import os\n");
            assertEquals("given", context.eval("mp", "os.getenv('MP_GIVEN')").asString());
            assertTrue(context.eval("mp", "os.getenv('PATH') is None").asBoolean(), "the host's variables are not given to the context");
            context.eval("mp", "os.environ['MP_SET'] = 'set'\ndel os.environ['MP_GIVEN']\n");
            assertEquals("set", context.eval("mp", "os.getenv('MP_SET')").asString());
            assertEquals("set", context.eval("mp", "os.environ['MP_SET']").asString());
            assertTrue(context.eval("mp", "'MP_GIVEN' not in os.environ and os.getenv('MP_GIVEN') is None").asBoolean());
        }
    }

    @Test
    void fileAccessFollowsTheIoPolicy() {
        try (Context context = Context.newBuilder("mp").build()) {
            PolyglotException e = org.junit.jupiter.api.Assertions.assertThrows(PolyglotException.class,
                    () -> context.eval("mp", "import os\nos.listdir('/')\n"));
            assertEquals("PermissionError: [Errno 1] Operation not permitted: '/'", e.getMessage());
            assertTrue(context.eval("mp", "not os.path.exists('/')").asBoolean(), "exists() reports a denied path as absent");
        }
    }
}
