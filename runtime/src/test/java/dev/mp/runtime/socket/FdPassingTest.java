package dev.mp.runtime.socket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static dev.mp.runtime.socket.NativeSocket.*;
import static org.junit.jupiter.api.Assertions.*;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FdPassingTest {

    static byte[] b(String s) { return s.getBytes(StandardCharsets.UTF_8); }
    static String s(byte[] b) { return new String(b, StandardCharsets.UTF_8); }

    static String recvAll(NativeSocket sock) {
        StringBuilder sb = new StringBuilder();
        byte[] d;
        while ((d = sock.recv(4096)).length > 0) sb.append(s(d));
        return sb.toString();
    }

    static String recvN(NativeSocket sock, int n) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < n) {
            byte[] d = sock.recv(n - sb.length());
            if (d.length == 0) break;
            sb.append(s(d));
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------------------
    // Within one JVM
    // ------------------------------------------------------------------------------------------------------

    @Test
    void scmRightsWithinOneJvm() {
        NativeSocket[] channel = NativeSocket.socketpair();
        NativeSocket[] payload = NativeSocket.socketpair();
        try (NativeSocket tx = channel[0]; NativeSocket rx = channel[1]; NativeSocket keep = payload[0]) {
            rx.settimeout(5.0);
            assertEquals(3, FdPassing.sendFds(tx, b("fds"), new int[] {payload[1].fileno(), payload[1].fileno()}));
            int original = payload[1].fileno();
            payload[1].close(); // the sender's copy is gone; the in-flight references keep the socket alive
            FdPassing.Received r = FdPassing.recvFds(rx, 16, 4);
            assertEquals("fds", s(r.data()));
            assertEquals(2, r.fds().length);
            assertEquals(0, r.msgFlags() & MSG_CTRUNC);
            try (NativeSocket got = NativeSocket.fromFd(r.fds()[0]); NativeSocket got2 = NativeSocket.fromFd(r.fds()[1])) {
                assertNotEquals(original, -1);
                assertFalse(got.getInheritable(), "received fds are close-on-exec");
                got.sendall(b("via passed fd"));
                assertEquals("via passed fd", recvN(keep, 13));
                keep.sendall(b("back"));
                assertEquals("back", recvN(got2, 4));
            }
        }
    }

    @Test
    void passingATcpConnectionWithinOneJvm() {
        try (NativeSocket srv = NativeSocket.create(); NativeSocket client = NativeSocket.create()) {
            srv.bind(new SockAddr.Inet4("127.0.0.1", 0));
            srv.listen();
            client.connect(srv.getsockname());
            NativeSocket conn = srv.accept().socket();
            NativeSocket[] ch = NativeSocket.socketpair();
            try (NativeSocket tx = ch[0]; NativeSocket rx = ch[1]) {
                FdPassing.sendFd(tx, conn.fileno());
                conn.close();
                try (NativeSocket moved = NativeSocket.fromFd(FdPassing.recvFd(rx))) {
                    assertEquals(AF_INET, moved.family());
                    assertEquals(client.getsockname(), moved.getpeername());
                    client.sendall(b("abc"));
                    moved.sendall(moved.recv(10));
                    assertEquals("abc", recvN(client, 3));
                }
            }
        }
    }

    @Test
    void resourceSharerWithinOneJvm() throws InterruptedException {
        NativeSocket[] p = NativeSocket.socketpair();
        try (ResourceSharer sharer = new ResourceSharer(false); NativeSocket a = p[0]) {
            assertTrue(sharer.address().startsWith("/"), sharer.address());
            String token = sharer.register(p[1]);
            assertTrue(token.matches("/.+#[0-9a-f]{32}"), token);
            p[1].close();
            assertEquals(1, sharer.pendingCount());
            try (NativeSocket got = ResourceSharer.fetchSocket(token)) {
                assertTrue(sharer.awaitNoPending(10_000));
                got.sendall(b("hi"));
                assertEquals("hi", recvN(a, 2));
            }
            SocketErrnoException again = assertThrows(SocketErrnoException.class, () -> ResourceSharer.fetch(token));
            assertEquals("resource sharer: unknown or already fetched resource id", again.getMessage());
            String t2 = sharer.register(a);
            assertTrue(sharer.unregister(t2));
            assertFalse(sharer.unregister(t2));
        }
    }

    // ------------------------------------------------------------------------------------------------------
    // Across JVMs
    // ------------------------------------------------------------------------------------------------------

    /** A child JVM running {@link SocketChildMain} with the given arguments. */
    static final class Child extends ChildJvm {
        Child(String... args) throws IOException {
            super(SocketChildMain.class, args);
        }
    }

    @Test
    void connectionHandedToChildJvmKeepsWorkingAfterParentClosesItsCopy() throws Exception {
        ResourceSharer sharer = ResourceSharer.instance();
        try (NativeSocket srv = NativeSocket.create(); NativeSocket client = NativeSocket.create()) {
            srv.bind(new SockAddr.Inet4("127.0.0.1", 0));
            srv.listen();
            client.connect(srv.getsockname());
            client.settimeout(20.0);
            NativeSocket conn = srv.accept().socket();
            String inode = ChildJvm.fdTarget(conn.fileno());
            String token = sharer.register(conn);
            assertTrue(token.matches("@mp-rs-\\d+-[0-9a-f]{16}#[0-9a-f]{32}"), token);
            conn.close();
            assertEquals(-1, conn.fileno(), "parent's copy is closed before the hand-off");
            try (Child child = new Child("echo", token)) {
                child.expect("FETCHED " + AF_INET + " " + SOCK_STREAM);
                // The parent now holds no descriptor at all for the connection: neither its own (closed) nor
                // the sharer's dup (closed right after sending it).
                assertTrue(sharer.awaitNoPending(10_000));
                assertEquals(0, sharer.pendingCount());
                assertEquals(Set.of(), ChildJvm.fdsReferring(inode), "parent still references " + inode);
                assertEquals(-1, conn.fileno());
                client.sendall(b("hello from the client"));
                assertEquals("hello from the client", recvN(client, 21));
                client.shutdown(SHUT_WR);
                assertEquals("", recvAll(client));
                child.expect("DONE");
                assertEquals(0, child.waitExit());
            }
        }
    }

    @Test
    void connectionSurvivesTheExitOfTheProcessThatHandedItOver() throws Exception {
        try (NativeSocket srv = NativeSocket.create()) {
            srv.bind(new SockAddr.Inet4("127.0.0.1", 0));
            srv.listen();
            int port = ((SockAddr.Inet4) srv.getsockname()).port();
            try (Child holder = new Child("hold", String.valueOf(port))) {
                String token = holder.expect("TOKEN ").substring(6);
                NativeSocket ours = srv.accept().socket();
                ours.settimeout(20.0);
                try (ours; Child echo = new Child("echo", token)) {
                    echo.expect("FETCHED");
                    holder.expect("HANDED");
                    assertEquals(0, holder.waitExit(), "the original owner has exited");
                    ours.sendall(b("still alive"));
                    assertEquals("still alive", recvN(ours, 11));
                    ours.shutdown(SHUT_WR);
                    echo.expect("DONE");
                    assertEquals(0, echo.waitExit());
                }
            }
        }
    }

    @Test
    void listeningSocketSharedWithTwoChildrenWhichBothAccept() throws Exception {
        ResourceSharer sharer = ResourceSharer.instance();
        NativeSocket listener = NativeSocket.create();
        listener.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
        listener.bind(new SockAddr.Inet4("127.0.0.1", 0));
        listener.listen();
        SockAddr addr = listener.getsockname();
        String t1 = sharer.register(listener);
        String t2 = sharer.register(listener);
        listener.close();
        assertEquals(-1, listener.fileno());
        try (Child c1 = new Child("accept-one", t1, "child-1"); Child c2 = new Child("accept-one", t2, "child-2")) {
            c1.expect("FETCHED " + addr);
            c2.expect("FETCHED " + addr);
            assertTrue(sharer.awaitNoPending(10_000));
            Set<String> answers = new HashSet<>();
            for (int i = 0; i < 2; i++) {
                try (NativeSocket client = NativeSocket.create()) {
                    client.settimeout(20.0);
                    client.connect(addr);
                    client.sendall(b("req" + i));
                    answers.add(recvAll(client));
                }
            }
            assertEquals(2, answers.size(), answers.toString());
            assertTrue(answers.stream().anyMatch(a -> a.startsWith("child-1:req")), answers.toString());
            assertTrue(answers.stream().anyMatch(a -> a.startsWith("child-2:req")), answers.toString());
            c1.expect("DONE");
            c2.expect("DONE");
            assertEquals(0, c1.waitExit());
            assertEquals(0, c2.waitExit());
        }
        // Both children exited and the parent closed its copy: nobody listens any more.
        try (NativeSocket probe = NativeSocket.create()) {
            assertEquals(Errno.ECONNREFUSED, probe.connectEx(addr));
        }
    }
}
