package dev.mp.runtime.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.multiprocessing.SharedResource;
import dev.mp.runtime.socket.ChildJvm;

/**
 * A connection accepted by mp code is handed to a child JVM the way multiprocessing hands a socket to a
 * {@code Process}: {@link SharedResource#shareHandle()} here, {@code ResourceKinds.rebuild} there
 * ({@link SocketChildMain}). The parent closes its copy right after the hand-off, before the child has even
 * fetched it, and ends up holding no descriptor of the connection at all.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SocketHandOffTest {

    @Test
    void acceptedConnectionServedByAChildJvmAfterTheParentClosedIt() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("mp").allowIO(IOAccess.ALL).out(out).err(out).build()) {
            context.initialize("mp");
            context.enter();
            try {
                context.eval("mp", """
                        import socket
                        server = socket.create_server(('127.0.0.1', 0))
                        client = socket.create_connection(server.getsockname(), timeout=60)
                        conn, address = server.accept()
                        server.close()
                        """);
                var globals = MpContext.get(null).mainModule().dict();
                SharedResource conn = (SharedResource) globals.get("conn");
                String connection = ChildJvm.fdTarget((int) context.eval("mp", "conn.fileno()").asLong());
                String handle = conn.shareHandle();
                context.eval("mp", "conn.close()");
                assertEquals(-1, context.eval("mp", "conn.fileno()").asLong());
                assertEquals(1, ChildJvm.fdsReferring(connection).size(), "only the sharer's duplicate is left");

                try (ChildJvm child = new ChildJvm(SocketChildMain.class, handle)) {
                    child.expect("REBUILT 2 1 0 127.0.0.1");
                    // The sharer closes its duplicate once it has sent it; then this process holds nothing.
                    while (!ChildJvm.fdsReferring(connection).isEmpty()) {
                        Thread.sleep(10);
                    }
                    String answer = context.eval("mp", """
                            replies = client.makefile('r')
                            client.sendall(b'first line\\nsecond line\\n')
                            answer = replies.readline() + replies.readline()
                            client.shutdown(socket.SHUT_WR)
                            answer += repr(replies.read())
                            answer
                            """).asString();
                    assertEquals("FIRST LINE\nSECOND LINE\n''", answer);
                    child.expect("DONE");
                    assertEquals(0, child.waitExit());
                }
            } finally {
                context.leave();
            }
        }
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }
}
