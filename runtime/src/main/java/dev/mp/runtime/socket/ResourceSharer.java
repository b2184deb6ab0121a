package dev.mp.runtime.socket;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import dev.mp.runtime.posix.Libc;

/**
 * Hands live file descriptors (sockets, listening or connected) to other processes, in the manner of CPython's
 * {@code multiprocessing.resource_sharer}: the owner registers an fd and gets a token; another process on the
 * same host (running as the same user) redeems the token once and receives the very same open file description
 * through SCM_RIGHTS. No byte of the shared connection's traffic ever flows through the owner; after the
 * hand-off the owner may close its copy or exit.
 *
 * <h2>Owner side</h2>
 * {@link #register(int)} dups the fd (F_DUPFD_CLOEXEC; the caller keeps and may close its own fd) and returns a
 * token. A daemon thread ({@code mp-resource-sharer}) serves requests on an AF_UNIX stream socket that listens on
 * a Linux abstract-namespace name (default) or on a file under {@code java.io.tmpdir}. After a token has been
 * redeemed, the dup is closed, so the owner holds no reference to the resource any more.
 *
 * <h2>Receiver side</h2>
 * {@link #fetch(String)} (static, needs no sharer instance) connects, asks for the id and returns the received fd.
 *
 * <h2>Token format</h2>
 * {@code <address>#<id>}, printable ASCII/UTF-8, safe to pass as a command-line argument or environment value:
 * <ul>
 *   <li>{@code <address>}: {@code @<name>} for an abstract-namespace unix socket (the {@code @} stands for the
 *       leading NUL byte, as in {@code ss -x}), e.g. {@code @mp-rs-4242-5f0c9a1e33d27b10}; or an absolute
 *       filesystem path of the unix socket, e.g. {@code /tmp/mp-rs-4242-5f0c9a1e33d27b10.sock}.</li>
 *   <li>{@code <id>}: 32 lowercase hex digits, a random 128-bit single-use identifier.</li>
 * </ul>
 * The token is split at its last {@code '#'}.
 *
 * <h2>Wire protocol</h2>
 * The receiver connects and sends {@code <id>\n} (ASCII). The owner checks that the peer runs under the same
 * uid (SO_PEERCRED), then answers with one message: the byte {@code 'F'} carrying the fd as SCM_RIGHTS, or
 * {@code 'E'} followed by a UTF-8 error text and no fd. Then both sides close the connection.
 */
public final class ResourceSharer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ResourceSharer.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final double IO_TIMEOUT_SECONDS = 10.0;
    private static ResourceSharer instance;

    private final NativeSocket listener;
    private final String address;      // token form: "@name" or "/path"
    private final Path socketFile;      // null for abstract
    private final Map<String, Integer> pending = new HashMap<>();
    private int inFlight; // fetched ids whose fd is being sent right now (guarded by pending)
    private final Thread server;
    private volatile boolean stopped;

    /** The process-wide sharer, started on first use (listening in the abstract namespace). */
    public static synchronized ResourceSharer instance() {
        if (instance == null || instance.stopped) instance = new ResourceSharer(true);
        return instance;
    }

    /**
     * Starts a sharer. {@code abstractNamespace} true listens on a Linux abstract unix-socket name (nothing on
     * disk, vanishes with the process); false listens on a socket file in {@code java.io.tmpdir} (removed by
     * {@link #close()}).
     */
    public ResourceSharer(boolean abstractNamespace) {
        String name = "mp-rs-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(randomBytes(8));
        SockAddr.Unix addr;
        if (abstractNamespace) {
            addr = SockAddr.Unix.abstractName(name);
            address = "@" + name;
            socketFile = null;
        } else {
            socketFile = Path.of(System.getProperty("java.io.tmpdir"), name + ".sock").toAbsolutePath();
            addr = new SockAddr.Unix(socketFile.toString());
            address = socketFile.toString();
        }
        listener = NativeSocket.create(NativeSocket.AF_UNIX, NativeSocket.SOCK_STREAM, 0);
        try {
            listener.bind(addr);
            listener.listen();
        } catch (RuntimeException e) {
            listener.close();
            throw e;
        }
        server = Thread.ofPlatform().daemon().name("mp-resource-sharer").unstarted(this::serve);
        server.start();
    }

    /** The listening address in token form ({@code @name} or a path). */
    public String address() { return address; }

    /**
     * Registers a descriptor for one hand-off. The fd is duplicated; the caller's fd is untouched and may be
     * closed right away. Returns the token to give to the receiving process.
     */
    public String register(int fd) {
        if (stopped) throw new IllegalStateException("resource sharer is stopped");
        int dup = NativeSocket.dupRaw(fd);
        String id = HexFormat.of().formatHex(randomBytes(16));
        synchronized (pending) {
            pending.put(id, dup);
        }
        return address + "#" + id;
    }

    /** Registers the socket's fd (see {@link #register(int)}); EBADF if the socket is closed. */
    public String register(NativeSocket socket) {
        int f = socket.acquire();
        try {
            return register(f);
        } finally {
            socket.release();
        }
    }

    /** Withdraws a token that was not redeemed, closing the dup. Returns false if unknown or already fetched. */
    public boolean unregister(String token) {
        String id = token.substring(token.lastIndexOf('#') + 1);
        synchronized (pending) {
            Integer fd = pending.remove(id);
            if (fd == null) return false;
            Libc.closeQuietly(fd);
            pending.notifyAll();
            return true;
        }
    }

    /**
     * Number of registered descriptors this process still holds a dup of: not yet fetched, or being sent right
     * now. 0 means every registered resource has been handed over (or withdrawn) and its dup closed.
     */
    public int pendingCount() {
        synchronized (pending) {
            return pending.size() + inFlight;
        }
    }

    /**
     * Waits until {@link #pendingCount()} is 0, e.g. before the owner exits. Returns false on timeout.
     */
    public boolean awaitNoPending(long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + timeoutMillis * 1_000_000L;
        synchronized (pending) {
            while (pending.size() + inFlight > 0) {
                long rem = (end - System.nanoTime()) / 1_000_000L;
                if (rem <= 0) return false;
                pending.wait(rem);
            }
            return true;
        }
    }

    /** Stops serving and closes all unredeemed dups (and the socket file, if any). Idempotent. */
    @Override
    public void close() {
        if (stopped) return;
        stopped = true;
        listener.close();
        synchronized (pending) {
            pending.values().forEach(Libc::closeQuietly);
            pending.clear();
            pending.notifyAll();
        }
        try {
            server.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (socketFile != null) {
            try { Files.deleteIfExists(socketFile); } catch (Exception ignored) { /* best effort */ }
        }
    }

    private void serve() {
        while (!stopped) {
            NativeSocket conn;
            try {
                conn = listener.accept().socket();
            } catch (SocketErrnoException e) {
                if (stopped || e.errno() == Errno.EBADF) return;
                LOG.log(System.Logger.Level.DEBUG, "resource sharer accept failed: {0}", e.getMessage());
                continue;
            } catch (RuntimeException e) {
                if (stopped) return;
                LOG.log(System.Logger.Level.WARNING, "resource sharer accept failed", e);
                continue;
            }
            try (conn) {
                handle(conn);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "resource sharer request failed: {0}", e.getMessage());
            }
        }
    }

    private void handle(NativeSocket conn) {
        conn.settimeout(IO_TIMEOUT_SECONDS);
        String id = readLine(conn, 64);
        if (peerUid(conn) != Libc.getuid()) {
            reject(conn, "permission denied: peer runs as another user");
            return;
        }
        Integer fd;
        synchronized (pending) {
            fd = id == null ? null : pending.remove(id);
            if (fd != null) inFlight++;
        }
        if (fd == null) {
            reject(conn, "unknown or already fetched resource id");
            return;
        }
        try {
            FdPassing.sendFd(conn, fd);
        } finally {
            Libc.closeQuietly(fd);
            synchronized (pending) {
                inFlight--;
                pending.notifyAll();
            }
        }
    }

    private static void reject(NativeSocket conn, String why) {
        byte[] msg = ("E" + why).getBytes(StandardCharsets.UTF_8);
        conn.sendall(msg);
    }

    private static int peerUid(NativeSocket conn) {
        byte[] cred = conn.getsockopt(NativeSocket.SOL_SOCKET, NativeSocket.SO_PEERCRED, (int) Libc.UCRED.byteSize());
        try (Arena a = Arena.ofConfined()) {
            MemorySegment s = a.allocate(Libc.UCRED);
            MemorySegment.copy(cred, 0, s, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, Math.min(cred.length, 12));
            return s.get(java.lang.foreign.ValueLayout.JAVA_INT, 4);
        }
    }

    private static String readLine(NativeSocket conn, int max) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() <= max) {
            byte[] b = conn.recv(max + 1 - sb.length());
            if (b.length == 0) return null;
            String s = new String(b, StandardCharsets.US_ASCII);
            int nl = s.indexOf('\n');
            if (nl >= 0) {
                sb.append(s, 0, nl);
                return sb.toString();
            }
            sb.append(s);
        }
        return null;
    }

    // =====================================================================================================
    // Receiver side
    // =====================================================================================================

    /**
     * Redeems a token produced by {@link #register} in another (or the same) process and returns the received
     * file descriptor, now owned by the caller (close-on-exec set). Wrap it with {@link NativeSocket#fromFd(int)}.
     * Throws {@link SocketErrnoException} if the owner is gone (ECONNREFUSED / ENOENT) or refuses the id.
     */
    public static int fetch(String token) {
        int hash = token.lastIndexOf('#');
        if (hash <= 0 || hash == token.length() - 1) throw new IllegalArgumentException("malformed resource token: " + token);
        String addr = token.substring(0, hash);
        String id = token.substring(hash + 1);
        SockAddr.Unix unix = addr.startsWith("@") ? SockAddr.Unix.abstractName(addr.substring(1)) : new SockAddr.Unix(addr);
        try (NativeSocket s = NativeSocket.create(NativeSocket.AF_UNIX, NativeSocket.SOCK_STREAM, 0)) {
            s.settimeout(IO_TIMEOUT_SECONDS);
            s.connect(unix);
            s.sendall((id + "\n").getBytes(StandardCharsets.US_ASCII));
            FdPassing.Received r = FdPassing.recvFds(s, 512, 1);
            if (r.data().length > 0 && r.data()[0] == 'F' && r.fds().length == 1) {
                return r.fds()[0];
            }
            for (int fd : r.fds()) Libc.closeQuietly(fd);
            String why = r.data().length > 1 && r.data()[0] == 'E'
                    ? new String(r.data(), 1, r.data().length - 1, StandardCharsets.UTF_8)
                    : "no file descriptor received";
            throw new SocketErrnoException("resource sharer: " + why);
        }
    }

    /** {@link #fetch(String)} wrapped as a socket object. */
    public static NativeSocket fetchSocket(String token) {
        int fd = fetch(token);
        try {
            return NativeSocket.fromFd(fd);
        } catch (RuntimeException e) {
            Libc.closeQuietly(fd);
            throw e;
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
