package dev.mp.runtime.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.Test;

/**
 * Process-wide settings a program changes are its own: another context in the same JVM (an embedder's, or the next
 * Process a warm JVM runs) does not see them.
 */
class ContextStateTest {

    @Test
    void socketDefaultTimeoutIsPerContext() {
        try (Context first = permissive(); Context second = permissive()) {
            first.eval("mp", "import socket\nsocket.setdefaulttimeout(2.5)");
            assertEquals("2.5", first.eval("mp", "str(socket.getdefaulttimeout())").asString());
            assertEquals("None", second.eval("mp", "import socket\nstr(socket.getdefaulttimeout())").asString());
            assertEquals("2.5", first.eval("mp", "s = socket.socket()\nt = s.gettimeout()\ns.close()\nstr(t)").asString());
            assertEquals("None", second.eval("mp", "s = socket.socket()\nt = s.gettimeout()\ns.close()\nstr(t)").asString());
        }
    }

    @Test
    void processNameShownAsALockOwnerIsPerContext() {
        try (Context first = permissive(); Context second = permissive()) {
            String program = "import multiprocessing as mp\nlock = mp.RLock()\nlock.acquire()\n";
            first.eval("mp", "import multiprocessing as mp\nmp.current_process().name = 'Renamed'\n" + program);
            second.eval("mp", program);
            assertEquals(true, first.eval("mp", "'Renamed' in repr(lock)").asBoolean(), first.eval("mp", "repr(lock)").asString());
            assertEquals(true, second.eval("mp", "'MainProcess' in repr(lock)").asBoolean(), second.eval("mp", "repr(lock)").asString());
        }
    }

    @Test
    void codecErrorHandlersArePerContext() {
        try (Context first = permissive(); Context second = permissive()) {
            first.eval("mp", "import codecs\ncodecs.register_error('mine', lambda e: ('<%d>' % e.start, e.end))");
            assertEquals("b'a<1>'", first.eval("mp", "repr('a\\xe9'.encode('ascii', 'mine'))").asString());
            String unknown = "import codecs\ntry:\n    'a\\xe9'.encode('ascii', 'mine')\nexcept LookupError as e:\n    r = str(e)\nr";
            assertEquals("unknown error handler name 'mine'", second.eval("mp", unknown).asString());
        }
    }

    private static Context permissive() {
        return Context.newBuilder("mp").allowAllAccess(true).build();
    }
}
