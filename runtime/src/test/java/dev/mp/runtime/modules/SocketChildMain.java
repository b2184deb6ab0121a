package dev.mp.runtime.modules;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.io.IOAccess;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.multiprocessing.ResourceKinds;

/**
 * Child-JVM entry point of {@link SocketHandOffTest}: rebuilds the socket whose handle is the first argument,
 * as the unpickler of a child process does, and serves it from mp code: each line received is answered in
 * upper case until the peer shuts down its side. Talks to the test through stdout lines.
 */
public final class SocketChildMain {
    private SocketChildMain() {
    }

    public static void main(String[] args) {
        try (Context context = Context.newBuilder("mp").allowIO(IOAccess.ALL).out(System.out).err(System.err).build()) {
            context.initialize("mp");
            context.enter();
            try {
                Object conn = ResourceKinds.rebuild("socket", args[0], dev.mp.runtime.objects.PNone.NONE);
                MpContext.get(null).mainModule().dict().put("conn", conn);
                context.eval("mp", """
                        print('REBUILT', conn.family, conn.type, conn.proto, conn.getpeername()[0], flush=True)
                        lines = conn.makefile('rb')
                        for line in lines:
                            conn.sendall(line.upper())
                        lines.close()
                        conn.close()
                        print('DONE', flush=True)
                        """);
            } finally {
                context.leave();
            }
        }
    }
}
