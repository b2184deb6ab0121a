package dev.mp.runtime.socket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.mp.runtime.socket.NativeSocket.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NativeSocketTest {

    static byte[] b(String s) { return s.getBytes(StandardCharsets.UTF_8); }
    static String s(byte[] b) { return new String(b, StandardCharsets.UTF_8); }

    static byte[] recvExactly(NativeSocket sock, int n) {
        byte[] out = new byte[n];
        int got = 0;
        while (got < n) {
            int r = sock.recvInto(out, got, n - got, 0);
            if (r == 0) throw new AssertionError("EOF after " + got + " bytes");
            got += r;
        }
        return out;
    }

    /** Server echoes one message on an accepted connection; returns what the client got back. */
    private static void echoRoundTrip(NativeSocket server, NativeSocket client, SockAddr connectTo) throws Exception {
        // dedicated threads: the common pool may have a single worker on small machines
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
        CompletableFuture<SockAddr> peer = CompletableFuture.supplyAsync(() -> {
            NativeSocket.Accepted acc = server.accept();
            try (NativeSocket c = acc.socket()) {
                byte[] data;
                while ((data = c.recv(4096)).length > 0) c.sendall(data);
                return acc.address();
            }
        }, pool);
        client.connect(connectTo);
        assertEquals(server.getsockname(), client.getpeername());
        byte[] msg = new byte[200_000];
        for (int i = 0; i < msg.length; i++) msg[i] = (byte) (i * 31);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> client.sendall(msg), pool);
        assertArrayEquals(msg, recvExactly(client, msg.length));
        writer.get(10, TimeUnit.SECONDS);
        client.shutdown(SHUT_WR);
        assertEquals(0, client.recv(10).length, "EOF gives an empty array");
        assertEquals(client.getsockname(), peer.get(10, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tcpEchoIPv4() throws Exception {
        try (NativeSocket server = NativeSocket.create(AF_INET, SOCK_STREAM, 0);
             NativeSocket client = NativeSocket.create(AF_INET, SOCK_STREAM, 0)) {
            server.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
            assertNotEquals(0, server.getsockopt(SOL_SOCKET, SO_REUSEADDR));
            server.bind(new SockAddr.Inet4("127.0.0.1", 0));
            server.listen();
            SockAddr.Inet4 addr = (SockAddr.Inet4) server.getsockname();
            assertEquals("127.0.0.1", addr.host());
            assertTrue(addr.port() > 0);
            assertEquals(0, server.proto(), "the protocol as given, as CPython reports it");
            client.setsockopt(IPPROTO_TCP, TCP_NODELAY, 1);
            assertEquals(1, client.getsockopt(IPPROTO_TCP, TCP_NODELAY));
            echoRoundTrip(server, client, new SockAddr.Inet4("localhost", addr.port()));
        }
    }

    /** A socket bound to [::1]:0, or a skipped test when IPv6 is not configured on this host. */
    private static NativeSocket boundIPv6Loopback() {
        NativeSocket s = null;
        try {
            s = NativeSocket.create(AF_INET6, SOCK_STREAM, 0);
            s.bind(new SockAddr.Inet6("::1", 0));
            return s;
        } catch (SocketErrnoException e) {
            if (s != null) s.close();
            assumeTrue(e.errno() != Errno.EAFNOSUPPORT && e.errno() != Errno.EADDRNOTAVAIL,
                    "IPv6 not configured on this host: " + e.getMessage());
            throw e;
        }
    }

    @Test
    void tcpEchoIPv6() throws Exception {
        try (NativeSocket server = boundIPv6Loopback();
             NativeSocket client = NativeSocket.create(AF_INET6, SOCK_STREAM, 0)) {
            server.listen(5);
            SockAddr.Inet6 addr = (SockAddr.Inet6) server.getsockname();
            assertEquals("::1", addr.host());
            assertEquals(0, addr.flowinfo());
            assertEquals(0, addr.scopeId());
            echoRoundTrip(server, client, new SockAddr.Inet6("::1", addr.port()));
        }
    }

    @Test
    void unixStreamEchoFilesystemAndAbstract() throws Exception {
        Path dir = Files.createTempDirectory("mp-sock-test");
        Path path = dir.resolve("echo.sock");
        try (NativeSocket server = NativeSocket.create(AF_UNIX, SOCK_STREAM, 0);
             NativeSocket client = NativeSocket.create(AF_UNIX, SOCK_STREAM, 0)) {
            server.bind(new SockAddr.Unix(path.toString()));
            server.listen();
            assertEquals(new SockAddr.Unix(path.toString()), server.getsockname());
            echoRoundTrip(server, client, new SockAddr.Unix(path.toString()));
            assertEquals(new SockAddr.Unix(""), client.getsockname(), "unbound client is unnamed");
        } finally {
            Files.deleteIfExists(path);
            Files.deleteIfExists(dir);
        }
        SockAddr.Unix abs = SockAddr.Unix.abstractName("mp-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try (NativeSocket server = NativeSocket.create(AF_UNIX, SOCK_STREAM, 0);
             NativeSocket client = NativeSocket.create(AF_UNIX, SOCK_STREAM, 0)) {
            server.bind(abs);
            server.listen();
            SockAddr.Unix name = (SockAddr.Unix) server.getsockname();
            assertTrue(name.isAbstract());
            assertEquals(abs, name);
            echoRoundTrip(server, client, abs);
        }
    }

    @Test
    void socketpairExchangesBothWays() {
        NativeSocket[] p = NativeSocket.socketpair();
        try (NativeSocket a = p[0]; NativeSocket bb = p[1]) {
            assertEquals(AF_UNIX, a.family());
            assertEquals(SOCK_STREAM, a.type());
            a.sendall(b("ping"));
            assertEquals("ping", s(recvExactly(bb, 4)));
            bb.sendall(b("pong"));
            assertEquals("pong", s(a.recv(100)));
            a.close();
            assertEquals(0, bb.recv(100).length);
        }
    }

    @Test
    void udpSendtoRecvfrom() {
        try (NativeSocket a = NativeSocket.create(AF_INET, SOCK_DGRAM, 0);
             NativeSocket c = NativeSocket.create(AF_INET, SOCK_DGRAM, 0)) {
            a.bind(new SockAddr.Inet4("127.0.0.1", 0));
            c.bind(new SockAddr.Inet4("127.0.0.1", 0));
            assertEquals(0, a.proto(), "the protocol as given, as CPython reports it");
            a.settimeout(5.0);
            c.settimeout(5.0);
            SockAddr aAddr = a.getsockname();
            assertEquals(5, c.sendto(b("hello"), aAddr));
            NativeSocket.RecvFrom r = a.recvfrom(100);
            assertEquals("hello", s(r.data()));
            assertEquals(c.getsockname(), r.address());
            a.sendto(b("world!"), r.address());
            byte[] buf = new byte[64];
            NativeSocket.RecvFromInto ri = c.recvfromInto(buf, 10, 54, 0);
            assertEquals(6, ri.nbytes());
            assertEquals("world!", new String(buf, 10, 6, StandardCharsets.UTF_8));
            assertEquals(aAddr, ri.address());
            // a datagram is truncated to bufsize and the rest is dropped
            c.sendto(b("0123456789"), aAddr);
            assertEquals("0123", s(a.recvfrom(4).data()));
        }
    }

    @Test
    void connectRefusedHasCPythonMessage() {
        // A bound socket that does not listen answers SYNs with RST: a deterministic refused port.
        try (NativeSocket holder = NativeSocket.create(AF_INET, SOCK_STREAM, 0);
             NativeSocket c = NativeSocket.create(AF_INET, SOCK_STREAM, 0);
             NativeSocket c2 = NativeSocket.create(AF_INET, SOCK_STREAM, 0)) {
            holder.bind(new SockAddr.Inet4("127.0.0.1", 0));
            SockAddr target = holder.getsockname();
            SocketErrnoException e = assertThrows(SocketErrnoException.class, () -> c.connect(target));
            assertEquals(111, e.errno());
            assertEquals("[Errno 111] Connection refused", e.getMessage());
            assertEquals("Connection refused", e.strerror());
            assertEquals("ConnectionRefusedError", e.pythonType());
            assertEquals(Errno.ECONNREFUSED, c2.connectEx(target));
            c2.close();
            assertEquals(Errno.EBADF, c2.connectEx(target), "connect_ex on a closed socket returns EBADF");
        }
    }

    @Test
    void connectRefusedWithTimeout() {
        try (NativeSocket holder = NativeSocket.create(AF_INET, SOCK_STREAM, 0);
             NativeSocket c = NativeSocket.create(AF_INET, SOCK_STREAM, 0)) {
            holder.bind(new SockAddr.Inet4("127.0.0.1", 0));
            c.settimeout(2.0);
            SocketErrnoException e = assertThrows(SocketErrnoException.class, () -> c.connect(holder.getsockname()));
            assertEquals("[Errno 111] Connection refused", e.getMessage());
        }
    }

    @Test
    void addressInUse() {
        try (NativeSocket a = NativeSocket.create(AF_INET, SOCK_STREAM, 0);
             NativeSocket c = NativeSocket.create(AF_INET, SOCK_STREAM, 0)) {
            a.bind(new SockAddr.Inet4("127.0.0.1", 0));
            a.listen();
            SocketErrnoException e = assertThrows(SocketErrnoException.class, () -> c.bind(a.getsockname()));
            assertEquals(98, e.errno());
            assertEquals("[Errno 98] Address already in use", e.getMessage());
            assertEquals("OSError", e.pythonType());
        }
    }

    @Test
    void recvTimesOut() {
        NativeSocket[] p = NativeSocket.socketpair();
        try (NativeSocket a = p[0]; NativeSocket bb = p[1]) {
            a.settimeout(0.2);
            assertEquals(0.2, a.gettimeout());
            assertTrue(a.getblocking());
            long t0 = System.nanoTime();
            SocketTimeoutError e = assertThrows(SocketTimeoutError.class, () -> a.recv(10));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals("timed out", e.getMessage());
            assertEquals("TimeoutError", e.pythonType());
            assertEquals(0, e.errno());
            assertTrue(ms >= 190 && ms < 3000, "waited " + ms + " ms");
            // still usable afterwards
            bb.sendall(b("x"));
            assertEquals("x", s(a.recv(10)));
        }
    }

    @Test
    void acceptTimesOut() {
        try (NativeSocket srv = NativeSocket.create(AF_INET, SOCK_STREAM, 0)) {
            srv.bind(new SockAddr.Inet4("127.0.0.1", 0));
            srv.listen();
            srv.settimeout(0.1);
            assertEquals("timed out", assertThrows(SocketTimeoutError.class, srv::accept).getMessage());
        }
    }

    @Test
    void nonBlockingModeRaisesBlockingIOError() {
        NativeSocket[] p = NativeSocket.socketpair();
        try (NativeSocket a = p[0]; NativeSocket bb = p[1]) {
            a.setblocking(false);
            assertEquals(0.0, a.gettimeout());
            assertFalse(a.getblocking());
            SocketErrnoException e = assertThrows(SocketErrnoException.class, () -> a.recv(10));
            assertEquals("[Errno 11] Resource temporarily unavailable", e.getMessage());
            assertEquals("BlockingIOError", e.pythonType());
            a.setblocking(true);
            assertNull(a.gettimeout());
        }
        try (NativeSocket s = NativeSocket.create(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0)) {
            assertEquals(0.0, s.gettimeout());
            assertEquals(SOCK_STREAM, s.type());
        }
    }

    @Test
    void invalidTimeout() {
        try (NativeSocket s = NativeSocket.create()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.settimeout(-1.0));
            assertEquals("Timeout value out of range", e.getMessage());
            IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
                    () -> s.connect(new SockAddr.Inet4("127.0.0.1", 70000)));
            assertEquals("connect(): port must be 0-65535.", p.getMessage());
        }
    }

    @Test
    void everyOperationAfterCloseIsEbadf() {
        NativeSocket s = NativeSocket.create(AF_INET, SOCK_STREAM, 0);
        assertTrue(s.fileno() >= 0);
        s.close();
        s.close(); // idempotent
        assertEquals(-1, s.fileno());
        List<Runnable> ops = List.of(
                () -> s.recv(10), () -> s.send(b("x")), () -> s.sendall(b("x")), s::accept,
                () -> s.bind(new SockAddr.Inet4("127.0.0.1", 0)), () -> s.listen(),
                () -> s.connect(new SockAddr.Inet4("127.0.0.1", 1)), s::getsockname, s::getpeername,
                () -> s.shutdown(SHUT_RDWR), () -> s.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1),
                () -> s.getsockopt(SOL_SOCKET, SO_RCVBUF), () -> s.settimeout(1.0),
                () -> s.recvfrom(10), () -> s.sendto(b("x"), new SockAddr.Inet4("127.0.0.1", 9)),
                () -> s.recvInto(new byte[4]), s::dup);
        for (Runnable op : ops) {
            SocketErrnoException e = assertThrows(SocketErrnoException.class, op::run);
            assertEquals(9, e.errno());
            assertEquals("[Errno 9] Bad file descriptor", e.getMessage());
        }
        assertEquals(-1, s.detach());
    }

    @Test
    void closeFromAnotherThreadWakesBlockedRecvAndAccept() throws Exception {
        NativeSocket[] p = NativeSocket.socketpair();
        NativeSocket srv = NativeSocket.create(AF_INET, SOCK_STREAM, 0);
        srv.bind(new SockAddr.Inet4("127.0.0.1", 0));
        srv.listen();
        try (NativeSocket other = p[1]) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            CompletableFuture<Throwable> r = CompletableFuture.supplyAsync(() -> {
                try { p[0].recv(10); return null; } catch (Throwable t) { return t; }
            }, pool);
            CompletableFuture<Throwable> acc = CompletableFuture.supplyAsync(() -> {
                try { srv.accept(); return null; } catch (Throwable t) { return t; }
            }, pool);
            pool.shutdown();
            Thread.sleep(300);
            assertFalse(r.isDone());
            assertFalse(acc.isDone());
            p[0].close();
            srv.close();
            assertEquals(-1, p[0].fileno());
            for (CompletableFuture<Throwable> f : List.of(r, acc)) {
                Throwable t = f.get(2, TimeUnit.SECONDS);
                assertInstanceOf(SocketErrnoException.class, t);
                assertEquals("[Errno 9] Bad file descriptor", t.getMessage());
            }
            // the deferred OS close happened: the peer sees EOF
            other.settimeout(2.0);
            assertEquals(0, other.recv(10).length);
        }
    }

    @Test
    void sendToClosedPeerIsBrokenPipeNotSigpipe() {
        NativeSocket[] p = NativeSocket.socketpair();
        try (NativeSocket a = p[0]) {
            p[1].close();
            SocketErrnoException e = assertThrows(SocketErrnoException.class, () -> {
                for (int i = 0; i < 100; i++) a.sendall(new byte[65536]);
            });
            assertEquals(Errno.EPIPE, e.errno());
            assertEquals("[Errno 32] Broken pipe", e.getMessage());
            assertEquals("BrokenPipeError", e.pythonType());
        }
    }

    @Test
    void notConnected() {
        try (NativeSocket s = NativeSocket.create()) {
            SocketErrnoException e = assertThrows(SocketErrnoException.class, s::getpeername);
            assertEquals("[Errno 107] Transport endpoint is not connected", e.getMessage());
        }
    }

    @Test
    void hostNames() {
        assertEquals("127.0.0.1", NativeSocket.gethostbyname("localhost"));
        assertEquals("10.1.2.3", NativeSocket.gethostbyname("10.1.2.3"));
        assertFalse(NativeSocket.gethostname().isEmpty());
        List<NativeSocket.AddrInfo> ai = NativeSocket.getaddrinfo("127.0.0.1", "80", AF_INET, SOCK_STREAM, 0, 0);
        assertEquals(new SockAddr.Inet4("127.0.0.1", 80), ai.get(0).address());
        assertEquals(SOCK_STREAM, ai.get(0).type());
        SocketGaiError g = assertThrows(SocketGaiError.class,
                () -> NativeSocket.getaddrinfo("not-a-number", null, 0, 0, 0, AI_NUMERICHOST));
        assertEquals("[Errno -2] Name or service not known", g.getMessage());
        assertEquals("gaierror", g.pythonType());
    }

    @Test
    void fromFdDetectsFamilyTypeAndProto() {
        try (NativeSocket u = NativeSocket.create(AF_INET, SOCK_DGRAM, 0)) {
            u.bind(new SockAddr.Inet4("127.0.0.1", 0));
            try (NativeSocket d = NativeSocket.fromFd(u.dupFd())) {
                assertEquals(AF_INET, d.family());
                assertEquals(SOCK_DGRAM, d.type());
                assertEquals(IPPROTO_UDP, d.proto());
                assertEquals(u.getsockname(), d.getsockname());
                assertNotEquals(u.fileno(), d.fileno());
                assertFalse(d.getInheritable());
                d.setInheritable(true);
                assertTrue(d.getInheritable());
            }
        }
        SocketErrnoException e = assertThrows(SocketErrnoException.class, () -> NativeSocket.fromFd(1_000_000));
        assertEquals("[Errno 9] Bad file descriptor", e.getMessage());
    }

    @Test
    void errnoMapping() {
        assertEquals("ConnectionResetError", SocketErrnoException.pythonTypeFor(Errno.ECONNRESET));
        assertEquals("ConnectionAbortedError", SocketErrnoException.pythonTypeFor(Errno.ECONNABORTED));
        assertEquals("TimeoutError", SocketErrnoException.pythonTypeFor(Errno.ETIMEDOUT));
        assertEquals("FileNotFoundError", SocketErrnoException.pythonTypeFor(Errno.ENOENT));
        assertEquals("PermissionError", SocketErrnoException.pythonTypeFor(Errno.EACCES));
        assertEquals("PermissionError", SocketErrnoException.pythonTypeFor(Errno.EPERM));
        assertEquals("[Errno 104] Connection reset by peer", SocketErrnoException.of(Errno.ECONNRESET).getMessage());
        assertEquals("[Errno 2] No such file or directory", SocketErrnoException.of(Errno.ENOENT).getMessage());
    }

    @Test
    void connectToMissingUnixPathIsFileNotFound() {
        try (NativeSocket s = NativeSocket.create(AF_UNIX, SOCK_STREAM, 0)) {
            SocketErrnoException e = assertThrows(SocketErrnoException.class,
                    () -> s.connect(new SockAddr.Unix("/nonexistent/mp/sock")));
            assertEquals("[Errno 2] No such file or directory", e.getMessage());
            assertEquals("FileNotFoundError", e.pythonType());
            SocketErrnoException tooLong = assertThrows(SocketErrnoException.class,
                    () -> s.connect(new SockAddr.Unix("/" + "x".repeat(200))));
            assertEquals("AF_UNIX path too long", tooLong.getMessage());
        }
    }
}
