package dev.mp.runtime.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.MpException;
import dev.mp.runtime.multiprocessing.ResourceKinds;
import dev.mp.runtime.multiprocessing.SharedResource;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Exceptions;
import dev.mp.runtime.socket.PSocket;
import dev.mp.runtime.socket.ResourceSharer;

/**
 * The socket module where golden programs cannot reach: the context's IO policy, cancellation and interrupts
 * of blocked calls, and sockets as {@link SharedResource}s (the cross-process round trip is in
 * {@link SocketHandOffTest}).
 */
// On its own thread, so that a call that cannot be cancelled fails its test instead of hanging the build.
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SocketModuleTest {

    static Context context(IOAccess io, OutputStream out) {
        return Context.newBuilder("mp").allowIO(io).out(out).err(out).build();
    }

    /** Runs code in a fresh context with the given IO policy and returns what it printed. */
    static String run(IOAccess io, String code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context c = context(io, out)) {
            c.eval("mp", code);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static final String TRY_EVERY_WAY_TO_MAKE_A_SOCKET = """
            import socket
            for make in [socket.socket, socket.socketpair, lambda: socket.create_connection(('127.0.0.1', 9)),
                         lambda: socket.create_server(('127.0.0.1', 0)), lambda: socket.getaddrinfo('localhost', 80),
                         lambda: socket.gethostbyname('localhost')]:
                try:
                    make()
                    print('allowed')
                except PermissionError as e:
                    print('PermissionError:', e)
                except OSError as e:
                    print('allowed, then', type(e).__name__)
            """;

    @Test
    void contextWithoutIoCannotMakeSockets() {
        String denied = "PermissionError: socket IO is not allowed by the context's IO policy (IOAccess)\n";
        assertEquals(denied.repeat(6), run(IOAccess.NONE, TRY_EVERY_WAY_TO_MAKE_A_SOCKET));
    }

    @Test
    void fileAccessAloneDoesNotAllowSockets() {
        IOAccess filesOnly = IOAccess.newBuilder().allowHostFileAccess(true).build();
        String out = run(filesOnly, TRY_EVERY_WAY_TO_MAKE_A_SOCKET);
        assertEquals(6, out.lines().filter(l -> l.startsWith("PermissionError: socket IO is not allowed")).count(), out);
    }

    @Test
    void socketAccessAllowsSockets() {
        IOAccess socketsOnly = IOAccess.newBuilder().allowHostSocketAccess(true).build();
        String out = run(socketsOnly, TRY_EVERY_WAY_TO_MAKE_A_SOCKET);
        assertEquals(0, out.lines().filter(l -> l.startsWith("PermissionError")).count(), out);
    }

    // ------------------------------------------------------------------------------------------------------
    // Blocked calls must not make cancellation impossible
    // ------------------------------------------------------------------------------------------------------

    /** Output that counts down a latch once the program has printed {@code marker}. */
    static final class Signalling extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final CountDownLatch seen = new CountDownLatch(1);
        final String marker;

        Signalling(String marker) {
            this.marker = marker;
        }

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
            if (bytes.toString(StandardCharsets.UTF_8).contains(marker)) {
                seen.countDown();
            }
        }
    }

    /**
     * Starts {@code code} on its own thread and returns once that thread is waiting in a socket call, which
     * {@code code} must make right after printing "blocking".
     */
    static Thread startBlocked(Context context, Signalling out, AtomicReference<Throwable> failure) throws InterruptedException {
        Thread runner = new Thread(() -> {
            try {
                context.eval("mp", BLOCKING_PROGRAM);
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        runner.setDaemon(true);
        runner.start();
        assertTrue(out.seen.await(60, TimeUnit.SECONDS), "the program did not start");
        while (Arrays.stream(runner.getStackTrace()).noneMatch(f -> f.getMethodName().equals("waitFor"))) {
            assertTrue(runner.isAlive(), "the program ended instead of blocking");
            Thread.sleep(10);
        }
        return runner;
    }

    private static final String BLOCKING_PROGRAM = """
            import socket
            server = socket.socket()
            server.bind(('127.0.0.1', 0))
            server.listen()
            print('blocking')
            server.accept()
            print('accepted?')
            """;

    @Test
    void interruptReachesAThreadBlockedInAccept() throws Exception {
        Signalling out = new Signalling("blocking");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (Context context = context(IOAccess.ALL, out)) {
            Thread runner = startBlocked(context, out, failure);
            context.interrupt(Duration.ofSeconds(60));
            runner.join();
            PolyglotException e = assertInstanceOf(PolyglotException.class, failure.get());
            assertTrue(e.isInterrupted(), e.toString());
            assertEquals("blocking\n", out.bytes.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void cancellingTheContextEndsABlockedAccept() throws Exception {
        Signalling out = new Signalling("blocking");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Context context = context(IOAccess.ALL, out);
        Thread runner = startBlocked(context, out, failure);
        context.close(true);
        runner.join();
        PolyglotException e = assertInstanceOf(PolyglotException.class, failure.get());
        assertTrue(e.isCancelled(), e.toString());
    }

    // ------------------------------------------------------------------------------------------------------
    // Sockets as shared resources
    // ------------------------------------------------------------------------------------------------------

    @Test
    void shareHandleAndRebuildWithinOneProcess() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = context(IOAccess.ALL, out)) {
            context.initialize("mp");
            context.enter();
            try {
                context.eval("mp", """
                        import socket
                        server = socket.create_server(('127.0.0.1', 0))
                        client = socket.create_connection(server.getsockname())
                        conn, _ = server.accept()
                        """);
                var globals = MpContext.get(null).mainModule().dict();
                SharedResource conn = assertInstanceOf(SharedResource.class, globals.get("conn"));
                assertEquals("socket", conn.resourceKind());
                String handle = conn.shareHandle();
                assertTrue(handle.matches("2:1:0:@mp-rs-\\d+-[0-9a-f]{16}#[0-9a-f]{32}"), handle);
                context.eval("mp", "conn.close()");

                Object moved = ResourceKinds.rebuild("socket", handle, dev.mp.runtime.objects.PNone.NONE);
                assertSame(PSocket.CLASS, ((PSocket) moved).getPythonClass());
                globals.put("moved", moved);
                context.eval("mp", """
                        client.sendall(b'after the hand-off')
                        print(moved.recv(100), moved.getpeername() == client.getsockname(), conn.fileno())
                        moved.close()
                        print(client.recv(100))
                        """);

                MpException closed = assertThrows(MpException.class, conn::shareHandle);
                assertTrue(Exceptions.matches(closed, "OSError"));
                assertEquals("[Errno 9] Bad file descriptor", Conversions.str(closed.pythonException()));
                MpException stale = assertThrows(MpException.class, () -> ResourceKinds.rebuild("socket", handle, dev.mp.runtime.objects.PNone.NONE));
                assertEquals("OSError: resource sharer: unknown or already fetched resource id", stale.getMessage());
            } finally {
                context.leave();
            }
        }
        assertEquals("b'after the hand-off' True -1\nb''\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void rebuildingInAContextWithoutSocketIoIsRefused() {
        String handle;
        try (Context owner = context(IOAccess.ALL, OutputStream.nullOutputStream())) {
            owner.initialize("mp");
            owner.enter();
            try {
                owner.eval("mp", "import socket\na, b = socket.socketpair()");
                handle = ((SharedResource) MpContext.get(null).mainModule().dict().get("a")).shareHandle();
            } finally {
                owner.leave();
            }
        }
        try (Context receiver = context(IOAccess.NONE, OutputStream.nullOutputStream())) {
            receiver.initialize("mp");
            receiver.enter();
            try {
                MpException e = assertThrows(MpException.class, () -> ResourceKinds.rebuild("socket", handle, dev.mp.runtime.objects.PNone.NONE));
                assertEquals("PermissionError: socket IO is not allowed by the context's IO policy (IOAccess)", e.getMessage());
            } finally {
                receiver.leave();
            }
        }
        // The refused receiver did not even connect to the sharer, which still holds the socket for it.
        assertTrue(ResourceSharer.instance().unregister(handle.split(":", 4)[3]));
    }
}
