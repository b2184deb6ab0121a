package dev.mp.runtime.socket;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import dev.mp.runtime.posix.Libc;

/**
 * One OS socket (an int file descriptor) with the semantics of CPython's {@code socket.socket} on Linux,
 * implemented with FFM downcalls into libc.
 *
 * <h2>Errors</h2>
 * Every failing OS call throws {@link SocketErrnoException} whose message is CPython's text
 * ({@code "[Errno 111] Connection refused"}); see that class for the errno → Python exception mapping.
 * Timeouts throw {@link SocketTimeoutError} ("timed out"); resolver failures {@link SocketGaiError}.
 * Bad Python-level arguments throw {@link IllegalArgumentException} with CPython's message: the binder should
 * raise {@code OverflowError} for messages containing {@code "port must be 0-65535"} or
 * {@code "flowinfo must be 0-1048575"}, {@code TypeError} for "address must be ..." and {@code ValueError}
 * otherwise (negative buffer sizes, "Timeout value out of range", ...).
 * Any operation on a closed socket throws {@code [Errno 9] Bad file descriptor}; the fd number is never
 * passed to libc after {@link #close()}, so a recycled fd number can not be hit by mistake.
 *
 * <h2>Blocking and timeouts</h2>
 * As in CPython: timeout {@code null} (None) = blocking, the fd has O_NONBLOCK cleared; timeout 0 = non-blocking
 * (O_NONBLOCK set, EAGAIN raised as BlockingIOError [Errno 11]); timeout t &gt; 0 = O_NONBLOCK set and every
 * call first waits with {@code poll()}, raising {@link SocketTimeoutError} when t elapses ({@link #sendall}
 * applies t to the whole operation, like CPython &ge; 3.5). EINTR is retried (PEP 475).
 * In blocking mode the wait is also done with {@code poll()}, in slices of at most 100 ms, so a thread blocked
 * in recv/accept/send notices a {@link #close()} from another thread (it then gets EBADF) or a
 * {@link Thread#interrupt()} (it then gets {@link SocketInterruptedException}, unless a
 * {@link #setWaitHook wait hook} is set: that runs between slices and on an interrupt). Data transfer calls use
 * MSG_DONTWAIT after poll reported readiness, so they never block in the kernel. {@code accept()} on a blocking
 * fd shared with another process can still block in the kernel if the other process takes the pending
 * connection between our poll and our accept; it then returns with the next connection.
 * A {@link #close()} while other threads are inside a call marks the socket closed at once ({@link #fileno()}
 * = -1) and the OS close happens when the last such call has returned (within ~100 ms).
 *
 * <p>Sends always use MSG_NOSIGNAL: writing to a closed peer gives EPIPE (BrokenPipeError), never SIGPIPE.
 * New descriptors are created with SOCK_CLOEXEC / MSG_CMSG_CLOEXEC / F_DUPFD_CLOEXEC (non-inheritable, PEP 446).
 *
 * <p>Thread safety: all methods may be called from any thread.
 */
public final class NativeSocket implements AutoCloseable {

    // ---- constants (Linux values) ----
    public static final int AF_UNSPEC = 0;
    public static final int AF_UNIX = 1;
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;

    public static final int SOCK_STREAM = 1;
    public static final int SOCK_DGRAM = 2;
    public static final int SOCK_RAW = 3;
    public static final int SOCK_SEQPACKET = 5;
    public static final int SOCK_NONBLOCK = 0x800;
    public static final int SOCK_CLOEXEC = 0x80000;

    public static final int SOL_SOCKET = 1;
    public static final int SO_DEBUG = 1;
    public static final int SO_REUSEADDR = 2;
    public static final int SO_TYPE = 3;
    public static final int SO_ERROR = 4;
    public static final int SO_DONTROUTE = 5;
    public static final int SO_BROADCAST = 6;
    public static final int SO_SNDBUF = 7;
    public static final int SO_RCVBUF = 8;
    public static final int SO_KEEPALIVE = 9;
    public static final int SO_OOBINLINE = 10;
    public static final int SO_LINGER = 13;
    public static final int SO_REUSEPORT = 15;
    public static final int SO_PASSCRED = 16;
    public static final int SO_PEERCRED = 17;
    public static final int SO_RCVLOWAT = 18;
    public static final int SO_SNDLOWAT = 19;
    public static final int SO_RCVTIMEO = 20;
    public static final int SO_SNDTIMEO = 21;
    public static final int SO_ACCEPTCONN = 30;
    public static final int SO_PROTOCOL = 38;
    public static final int SO_DOMAIN = 39;
    public static final int SCM_RIGHTS = 1;
    public static final int SCM_CREDENTIALS = 2;

    public static final int IPPROTO_IP = 0;
    public static final int IPPROTO_ICMP = 1;
    public static final int IPPROTO_TCP = 6;
    public static final int IPPROTO_UDP = 17;
    public static final int IPPROTO_IPV6 = 41;
    public static final int TCP_NODELAY = 1;
    public static final int TCP_MAXSEG = 2;
    public static final int TCP_KEEPIDLE = 4;
    public static final int TCP_KEEPINTVL = 5;
    public static final int TCP_KEEPCNT = 6;
    public static final int IP_TOS = 1;
    public static final int IP_TTL = 2;
    public static final int IP_MULTICAST_TTL = 33;
    public static final int IP_MULTICAST_LOOP = 34;
    public static final int IPV6_V6ONLY = 26;

    public static final int SHUT_RD = 0;
    public static final int SHUT_WR = 1;
    public static final int SHUT_RDWR = 2;

    /** As in glibc &ge; 2.35 / Linux &ge; 5.4 headers (what CPython's socket.SOMAXCONN reports there). */
    public static final int SOMAXCONN = 4096;

    public static final int MSG_OOB = 0x1;
    public static final int MSG_PEEK = 0x2;
    public static final int MSG_DONTROUTE = 0x4;
    public static final int MSG_CTRUNC = 0x8;
    public static final int MSG_TRUNC = 0x20;
    public static final int MSG_DONTWAIT = 0x40;
    public static final int MSG_EOR = 0x80;
    public static final int MSG_WAITALL = 0x100;
    public static final int MSG_NOSIGNAL = 0x4000;
    public static final int MSG_CMSG_CLOEXEC = 0x40000000;

    public static final int AI_PASSIVE = 0x1;
    public static final int AI_CANONNAME = 0x2;
    public static final int AI_NUMERICHOST = 0x4;
    public static final int AI_V4MAPPED = 0x8;
    public static final int AI_ALL = 0x10;
    public static final int AI_ADDRCONFIG = 0x20;
    public static final int AI_NUMERICSERV = 0x400;
    /** glibc EAI_SYSTEM: the error is in errno. */
    static final int EAI_SYSTEM = -11;

    static final short POLLIN = 0x1;
    static final short POLLOUT = 0x4;
    private static final int F_GETFD = 1;
    private static final int F_SETFD = 2;
    private static final int F_GETFL = 3;
    private static final int F_SETFL = 4;
    private static final int F_DUPFD_CLOEXEC = 1030;
    private static final int FD_CLOEXEC = 1;
    private static final int O_NONBLOCK = 0x800;
    private static final int NI_NUMERICHOST = 1;
    private static final int UNIX_PATH_MAX = 108;

    private static final long SLICE_NANOS = 100_000_000L;
    private static final ValueLayout.OfShort SHORT_BE = JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt INT_BE = JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN);

    // ---- state ----
    private final int fd;
    private final int family;
    private final int type;
    private final int proto;
    private final Object lock = new Object();
    private volatile boolean closed;
    private int users;          // calls in progress (guarded by lock)
    private boolean released;   // the fd was closed at OS level or detached (guarded by lock)
    /** -1 = None (blocking), 0 = non-blocking, &gt;0 = timeout in nanoseconds. */
    private volatile long timeoutNanos;
    private volatile Runnable waitHook;

    /** Result of {@link #accept()}: the new connection and the peer's address. */
    public record Accepted(NativeSocket socket, SockAddr address) {}

    /** Result of {@link #recvfrom}: data and sender address (null when the OS reports none). */
    public record RecvFrom(byte[] data, SockAddr address) {}

    /** Result of {@link #recvfromInto}: number of bytes stored and sender address. */
    public record RecvFromInto(int nbytes, SockAddr address) {}

    /** One entry of {@link #getaddrinfo}: Python's {@code (family, type, proto, canonname, sockaddr)}. */
    public record AddrInfo(int family, int type, int proto, String canonname, SockAddr address) {}

    private NativeSocket(int fd, int family, int type, int proto, long timeoutNanos) {
        this.fd = fd;
        this.family = family;
        this.type = type;
        this.proto = proto;
        this.timeoutNanos = timeoutNanos;
    }

    /**
     * Wraps a new fd with the given default timeout (-1 = None), setting O_NONBLOCK when that is not None (as
     * CPython's init). The default is the running context's {@code socket.getdefaulttimeout()}: passed in, since
     * contexts of one JVM each have their own.
     */
    private static NativeSocket adopt(int fd, int family, int type, int proto, long defaultTimeoutNanos) {
        long t = defaultTimeoutNanos;
        int baseType = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
        if ((type & SOCK_NONBLOCK) != 0) t = 0;
        NativeSocket s = new NativeSocket(fd, family, baseType, proto, t);
        if (t >= 0) {
            try {
                setNonblocking(fd, true);
            } catch (SocketErrnoException e) {
                Libc.closeQuietly(fd);
                throw e;
            }
        }
        return s;
    }

    // =====================================================================================================
    // Creation
    // =====================================================================================================

    /**
     * {@code socket.socket(family, type, proto)}. {@code type} may include SOCK_NONBLOCK (timeout 0). The
     * protocol is reported as given (0 stays 0, as in CPython), not as the kernel chose it.
     */
    public static NativeSocket create(int family, int type, int proto, long defaultTimeoutNanos) {
        MemorySegment es = Libc.errnoSegment();
        int fd = Libc.socket(es, family, type | SOCK_CLOEXEC, proto);
        if (fd < 0) throw SocketErrnoException.of(Libc.errno(es));
        return adopt(fd, family, type, proto, defaultTimeoutNanos);
    }

    /** A blocking socket for the runtime's own use, whatever the program's default timeout. */
    public static NativeSocket create(int family, int type, int proto) {
        return create(family, type, proto, -1);
    }

    /** {@code socket.socket()} = AF_INET, SOCK_STREAM, blocking. */
    public static NativeSocket create() { return create(AF_INET, SOCK_STREAM, 0); }

    /**
     * {@code socket.socket(fileno=fd)}: takes ownership of an existing socket fd (it is closed by {@link #close()}),
     * detecting family, type and protocol from the fd. The fd's O_NONBLOCK flag is only changed if the default
     * timeout is not None. Throws ENOTSOCK / EBADF if fd is not an open socket (the fd is then left alone).
     */
    public static NativeSocket fromFd(int fd) {
        return fromFd(fd, -1, -1, -1, -1);
    }

    /**
     * {@code socket.socket(family, type, proto, fileno=fd)}: as {@link #fromFd(int)}, but a family, type or
     * protocol other than -1 is taken as given instead of being read from the fd (as CPython does).
     */
    public static NativeSocket fromFd(int fd, int family, int type, int proto, long defaultTimeoutNanos) {
        if (fd < 0) throw new IllegalArgumentException("negative file descriptor");
        int typ = getIntOpt(fd, SOL_SOCKET, SO_TYPE); // also checks that fd is an open socket
        int fam = family != -1 ? family : getIntOpt(fd, SOL_SOCKET, SO_DOMAIN);
        int pro = proto != -1 ? proto : getIntOpt(fd, SOL_SOCKET, SO_PROTOCOL);
        return adopt(fd, fam, type != -1 ? type : typ, pro, defaultTimeoutNanos);
    }

    /** {@code socket.socketpair(family, type, proto)}; CPython's defaults are AF_UNIX, SOCK_STREAM, 0. */
    public static NativeSocket[] socketpair(int family, int type, int proto, long defaultTimeoutNanos) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment sv = a.allocate(JAVA_INT, 2);
            MemorySegment es = Libc.errnoSegment();
            if (Libc.socketpair(es, family, type | SOCK_CLOEXEC, proto, sv) < 0) {
                throw SocketErrnoException.of(Libc.errno(es));
            }
            int a0 = sv.getAtIndex(JAVA_INT, 0), a1 = sv.getAtIndex(JAVA_INT, 1);
            NativeSocket s0;
            try {
                s0 = adopt(a0, family, type, proto, defaultTimeoutNanos);
            } catch (RuntimeException e) {
                Libc.closeQuietly(a1);
                throw e;
            }
            try {
                return new NativeSocket[] {s0, adopt(a1, family, type, proto, defaultTimeoutNanos)};
            } catch (RuntimeException e) {
                s0.close();
                throw e;
            }
        }
    }

    /** {@code socket.socketpair()}: AF_UNIX, SOCK_STREAM. */
    public static NativeSocket[] socketpair() { return socketpair(AF_UNIX, SOCK_STREAM, 0, -1); }

    /** {@code socket.dup()}: a new socket object on a dup of the fd (CLOEXEC), with the same timeout. */
    public NativeSocket dup() {
        return new NativeSocket(dupFd(), family, type, proto, timeoutNanos);
    }

    /** Duplicates the fd (F_DUPFD_CLOEXEC) and returns the raw new fd, owned by the caller. */
    public int dupFd() {
        int f = acquire();
        try {
            return dupRaw(f);
        } finally {
            release();
        }
    }

    static int dupRaw(int f) {
        MemorySegment es = Libc.errnoSegment();
        int nfd = Libc.fcntl(es, f, F_DUPFD_CLOEXEC, 0);
        if (nfd < 0) throw SocketErrnoException.of(Libc.errno(es));
        return nfd;
    }

    // =====================================================================================================
    // Attributes, fd lifecycle
    // =====================================================================================================

    public int family() { return family; }
    public int type() { return type; }
    public int proto() { return proto; }

    /** {@code fileno()}: the fd, or -1 once closed or detached. */
    public int fileno() { return closed ? -1 : fd; }

    public boolean isClosed() { return closed; }

    /**
     * {@code close()}: idempotent. Raises only if the OS close fails with something other than ECONNRESET
     * (as CPython). If other threads are inside a call, the OS close is deferred until they return.
     */
    @Override
    public void close() {
        boolean doClose;
        synchronized (lock) {
            if (closed) return;
            closed = true;
            doClose = users == 0 && !released;
            if (doClose) released = true;
        }
        if (doClose) {
            MemorySegment es = Libc.errnoSegment();
            if (Libc.close(es, fd) < 0) {
                int e = Libc.errno(es);
                if (e != Errno.ECONNRESET && e != Errno.EINTR) throw SocketErrnoException.of(e);
            }
        }
    }

    /** {@code detach()}: marks the socket closed without closing the fd, and returns the fd (-1 if closed). */
    public int detach() {
        synchronized (lock) {
            if (closed) return -1;
            closed = true;
            released = true;
            return fd;
        }
    }

    /** Pins the fd for the duration of a call; throws EBADF when closed. Must be paired with {@link #release()}. */
    int acquire() {
        synchronized (lock) {
            if (closed) throw SocketErrnoException.of(Errno.EBADF);
            users++;
            return fd;
        }
    }

    void release() {
        boolean doClose;
        synchronized (lock) {
            users--;
            doClose = closed && users == 0 && !released;
            if (doClose) released = true;
        }
        if (doClose) Libc.closeQuietly(fd);
    }

    /** {@code get_inheritable()}: whether FD_CLOEXEC is clear. */
    public boolean getInheritable() {
        int f = acquire();
        try {
            MemorySegment es = Libc.errnoSegment();
            int r = Libc.fcntl(es, f, F_GETFD, 0);
            if (r < 0) throw SocketErrnoException.of(Libc.errno(es));
            return (r & FD_CLOEXEC) == 0;
        } finally {
            release();
        }
    }

    /** {@code set_inheritable(flag)}. */
    public void setInheritable(boolean inheritable) {
        int f = acquire();
        try {
            MemorySegment es = Libc.errnoSegment();
            int r = Libc.fcntl(es, f, F_GETFD, 0);
            if (r < 0) throw SocketErrnoException.of(Libc.errno(es));
            int n = inheritable ? (r & ~FD_CLOEXEC) : (r | FD_CLOEXEC);
            if (n != r && Libc.fcntl(es, f, F_SETFD, n) < 0) throw SocketErrnoException.of(Libc.errno(es));
        } finally {
            release();
        }
    }

    // =====================================================================================================
    // Timeouts
    // =====================================================================================================

    /** A timeout in seconds (null = None) in nanoseconds (-1 = None); IllegalArgumentException for NaN, negative or huge ones. */
    public static long toNanos(Double seconds) {
        if (seconds == null) return -1;
        double s = seconds;
        if (Double.isNaN(s)) throw new IllegalArgumentException("Invalid value NaN (not a number)");
        if (s < 0) throw new IllegalArgumentException("Timeout value out of range");
        double ns = Math.ceil(s * 1e9);
        if (ns >= Long.MAX_VALUE) throw new IllegalArgumentException("timeout doesn't fit into C timeval");
        return (long) ns;
    }

    /** {@code settimeout(t)}: null = None (blocking). Negative → IllegalArgumentException (ValueError). */
    public void settimeout(Double seconds) {
        long t = toNanos(seconds);
        int f = acquire();
        try {
            setNonblocking(f, t >= 0);
            timeoutNanos = t;
        } finally {
            release();
        }
    }

    /** {@code gettimeout()}: null = None. */
    public Double gettimeout() {
        long t = timeoutNanos;
        return t < 0 ? null : t / 1e9;
    }

    /** {@code setblocking(flag)}: true = settimeout(None), false = settimeout(0.0). */
    public void setblocking(boolean blocking) {
        settimeout(blocking ? null : 0.0);
    }

    /** {@code getblocking()}: {@code gettimeout() != 0}. */
    public boolean getblocking() { return timeoutNanos != 0; }

    private static void setNonblocking(int f, boolean on) {
        MemorySegment es = Libc.errnoSegment();
        int fl = Libc.fcntl(es, f, F_GETFL, 0);
        if (fl < 0) throw SocketErrnoException.of(Libc.errno(es));
        int nfl = on ? (fl | O_NONBLOCK) : (fl & ~O_NONBLOCK);
        if (nfl != fl && Libc.fcntl(es, f, F_SETFL, nfl) < 0) throw SocketErrnoException.of(Libc.errno(es));
    }

    long timeoutNanos() { return timeoutNanos; }

    /**
     * Sets code to run on a thread that is waiting for this socket, once per wait slice (at most every 100 ms)
     * while the socket is not ready; null for none. A language runtime uses it to run pending thread-local
     * actions (cancellation, interrupts, signal handlers); the hook may throw to abandon the waiting call.
     * It also runs when the waiting thread is interrupted, which then no longer abandons the call: if the hook
     * returns normally the wait goes on, as after EINTR (PEP 475).
     */
    public void setWaitHook(Runnable hook) { this.waitHook = hook; }

    private void runWaitHook() {
        Runnable hook = waitHook;
        if (hook != null) hook.run();
    }

    /**
     * The waiting thread was interrupted. Without a wait hook the call is abandoned; with one, the interrupt
     * is taken as the language runtime's (Truffle interrupts a thread to deliver thread-local actions): the
     * hook runs those actions, which may throw, and otherwise the wait goes on, as after EINTR (PEP 475).
     */
    private void interrupted() {
        if (waitHook == null) throw new SocketInterruptedException();
        runWaitHook();
    }

    static long deadlineFor(long timeoutNanos) {
        return timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0;
    }

    /**
     * Waits with poll() until the fd is ready for {@code events}. Returns false when the deadline passed.
     * Polls in slices so that close() from another thread and Thread.interrupt() are noticed.
     */
    private boolean waitFor(int f, short events, boolean hasDeadline, long deadline) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment pfd = a.allocate(Libc.POLLFD);
            MemorySegment es = Libc.errnoSegment();
            while (true) {
                if (closed) throw SocketErrnoException.of(Errno.EBADF);
                if (Thread.interrupted()) interrupted();
                long wait = SLICE_NANOS;
                if (hasDeadline) {
                    long rem = deadline - System.nanoTime();
                    if (rem <= 0) return false;
                    wait = Math.min(wait, rem);
                }
                int ms = (int) ((wait + 999_999) / 1_000_000);
                pfd.set(JAVA_INT, 0, f);
                pfd.set(JAVA_SHORT, 4, events);
                pfd.set(JAVA_SHORT, 6, (short) 0);
                int r = Libc.poll(es, pfd, 1, ms);
                if (r > 0) return true;
                if (r < 0) {
                    int e = Libc.errno(es);
                    if (e != Errno.EINTR) throw SocketErrnoException.of(e);
                }
                runWaitHook();
            }
        }
    }

    /** A raw libc call returning &ge; 0 on success, -1 with errno on failure. */
    @FunctionalInterface
    interface Call {
        long call(int fd, MemorySegment errnoSegment);
    }

    /**
     * CPython's sock_call_ex: unless non-blocking, wait for readiness first (bounded by the deadline when
     * the timeout is &gt; 0), then perform the call; EINTR → retry; EAGAIN in a waiting mode → wait again.
     */
    long io(short events, long timeout, long deadline, Call call) {
        int f = acquire();
        try {
            MemorySegment es = Libc.errnoSegment();
            while (true) {
                if (timeout != 0 && !waitFor(f, events, timeout > 0, deadline)) throw new SocketTimeoutError();
                long r = call.call(f, es);
                if (r >= 0) return r;
                int e = Libc.errno(es);
                if (e == Errno.EINTR) continue;
                if (e == Errno.EAGAIN && timeout != 0) continue;
                throw SocketErrnoException.of(e);
            }
        } finally {
            release();
        }
    }

    long io(short events, Call call) {
        long t = timeoutNanos;
        return io(events, t, deadlineFor(t), call);
    }

    // =====================================================================================================
    // Options
    // =====================================================================================================

    private static int getIntOpt(int f, int level, int opt) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment val = a.allocate(JAVA_INT);
            MemorySegment len = a.allocate(JAVA_INT);
            len.set(JAVA_INT, 0, 4);
            MemorySegment es = Libc.errnoSegment();
            if (Libc.getsockopt(es, f, level, opt, val, len) < 0) throw SocketErrnoException.of(Libc.errno(es));
            return val.get(JAVA_INT, 0);
        }
    }

    /** {@code getsockopt(level, optname)} → int. */
    public int getsockopt(int level, int optname) {
        int f = acquire();
        try {
            return getIntOpt(f, level, optname);
        } finally {
            release();
        }
    }

    /** {@code getsockopt(level, optname, buflen)} → bytes (buflen 1..1024, else OSError as CPython). */
    public byte[] getsockopt(int level, int optname, int buflen) {
        if (buflen <= 0 || buflen > 1024) throw new SocketErrnoException("getsockopt buflen out of range");
        int f = acquire();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment val = a.allocate(buflen);
            MemorySegment len = a.allocate(JAVA_INT);
            len.set(JAVA_INT, 0, buflen);
            MemorySegment es = Libc.errnoSegment();
            if (Libc.getsockopt(es, f, level, optname, val, len) < 0) throw SocketErrnoException.of(Libc.errno(es));
            return val.asSlice(0, len.get(JAVA_INT, 0)).toArray(JAVA_BYTE);
        } finally {
            release();
        }
    }

    /** {@code setsockopt(level, optname, int)}. */
    public void setsockopt(int level, int optname, int value) {
        int f = acquire();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment val = a.allocate(JAVA_INT);
            val.set(JAVA_INT, 0, value);
            MemorySegment es = Libc.errnoSegment();
            if (Libc.setsockopt(es, f, level, optname, val, 4) < 0) throw SocketErrnoException.of(Libc.errno(es));
        } finally {
            release();
        }
    }

    /** {@code setsockopt(level, optname, bytes)}. */
    public void setsockopt(int level, int optname, byte[] value) {
        int f = acquire();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment val = value.length == 0 ? a.allocate(1) : a.allocateFrom(JAVA_BYTE, value);
            MemorySegment es = Libc.errnoSegment();
            if (Libc.setsockopt(es, f, level, optname, val, value.length) < 0) {
                throw SocketErrnoException.of(Libc.errno(es));
            }
        } finally {
            release();
        }
    }

    // =====================================================================================================
    // Connection setup
    // =====================================================================================================

    /** {@code bind(address)}. */
    public void bind(SockAddr address) {
        try (Arena a = Arena.ofConfined()) {
            NativeAddr sa = encode(a, address, "bind");
            int f = acquire();
            try {
                MemorySegment es = Libc.errnoSegment();
                if (Libc.bind(es, f, sa.seg, sa.len) < 0) throw SocketErrnoException.of(Libc.errno(es));
            } finally {
                release();
            }
        }
    }

    /** {@code listen()}: Python's default backlog is {@code min(SOMAXCONN, 128)}. */
    public void listen() { listen(Math.min(SOMAXCONN, 128)); }

    /** {@code listen(backlog)}; a negative backlog is treated as 0 (as CPython). */
    public void listen(int backlog) {
        int f = acquire();
        try {
            MemorySegment es = Libc.errnoSegment();
            if (Libc.listen(es, f, Math.max(backlog, 0)) < 0) throw SocketErrnoException.of(Libc.errno(es));
        } finally {
            release();
        }
    }

    /** {@code accept()} for the runtime's own use: the new socket is blocking. */
    public Accepted accept() {
        return accept(-1);
    }

    /**
     * {@code accept()} → (new socket, peer address). The new socket gets the program's default timeout (None
     * normally) and is blocking then, like Python's socket.accept().
     */
    public Accepted accept(long defaultTimeoutNanos) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment sa = a.allocate(Libc.SOCKADDR_STORAGE_SIZE);
            MemorySegment len = a.allocate(JAVA_INT);
            int nfd = (int) io(POLLIN, (f, es) -> {
                len.set(JAVA_INT, 0, Libc.SOCKADDR_STORAGE_SIZE);
                return Libc.accept4(es, f, sa, len, SOCK_CLOEXEC);
            });
            SockAddr peer = decode(sa, len.get(JAVA_INT, 0));
            return new Accepted(adopt(nfd, family, type, proto, defaultTimeoutNanos), peer);
        }
    }

    /** {@code connect(address)}. */
    public void connect(SockAddr address) {
        connectImpl(address, true);
    }

    /**
     * {@code connect_ex(address)}: returns 0 or the errno instead of raising (EWOULDBLOCK on timeout, EBADF on a
     * closed socket). Address/resolution errors are still thrown, as in CPython.
     */
    public int connectEx(SockAddr address) {
        return connectImpl(address, false);
    }

    private int connectImpl(SockAddr address, boolean raise) {
        try (Arena a = Arena.ofConfined()) {
            NativeAddr sa = encode(a, address, raise ? "connect" : "connect_ex");
            int f;
            try {
                f = acquire();
            } catch (SocketErrnoException e) {
                if (raise) throw e;
                return e.errno();
            }
            try {
                long timeout = timeoutNanos;
                long deadline = deadlineFor(timeout);
                boolean temporaryNonblock = timeout < 0;
                MemorySegment es = Libc.errnoSegment();
                if (temporaryNonblock) setNonblocking(f, true);
                int err;
                try {
                    while (true) {
                        int r = Libc.connect(es, f, sa.seg, sa.len);
                        err = r == 0 ? 0 : Libc.errno(es);
                        // A blocking AF_UNIX connect waits while the listener's backlog is full; emulate that.
                        if (temporaryNonblock && err == Errno.EAGAIN && family == AF_UNIX) {
                            if (closed) { err = Errno.EBADF; break; }
                            if (Thread.interrupted()) interrupted();
                            try { Thread.sleep(10); } catch (InterruptedException ie) { interrupted(); }
                            runWaitHook();
                            continue;
                        }
                        break;
                    }
                    if ((err == Errno.EINTR || err == Errno.EINPROGRESS) && timeout != 0) {
                        if (!waitFor(f, POLLOUT, timeout > 0, deadline)) {
                            if (raise) throw new SocketTimeoutError();
                            return Errno.EWOULDBLOCK;
                        }
                        err = getIntOpt(f, SOL_SOCKET, SO_ERROR);
                        if (err != 0 && temporaryNonblock) {
                            // A failed blocking connect leaves the socket unconnected (listen() and a new
                            // connect() work); after a failed non-blocking one Linux does that on the next connect().
                            Libc.connect(es, f, sa.seg, sa.len);
                        }
                    }
                } finally {
                    if (temporaryNonblock && !closed) setNonblocking(f, false);
                }
                if (err != 0 && raise) throw SocketErrnoException.of(err);
                return err;
            } catch (SocketErrnoException e) {
                if (raise || e instanceof SocketTimeoutError || e instanceof SocketInterruptedException
                        || e instanceof SocketGaiError || e.errno() == 0) {
                    throw e;
                }
                return e.errno();
            } finally {
                release();
            }
        }
    }

    /** {@code shutdown(how)}: SHUT_RD, SHUT_WR or SHUT_RDWR. */
    public void shutdown(int how) {
        int f = acquire();
        try {
            MemorySegment es = Libc.errnoSegment();
            if (Libc.shutdown(es, f, how) < 0) throw SocketErrnoException.of(Libc.errno(es));
        } finally {
            release();
        }
    }

    /** {@code getsockname()}. */
    public SockAddr getsockname() {
        return name(false);
    }

    /** {@code getpeername()}: ENOTCONN ([Errno 107] Transport endpoint is not connected) when not connected. */
    public SockAddr getpeername() {
        return name(true);
    }

    private SockAddr name(boolean peer) {
        int f = acquire();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment sa = a.allocate(Libc.SOCKADDR_STORAGE_SIZE);
            MemorySegment len = a.allocate(JAVA_INT);
            len.set(JAVA_INT, 0, Libc.SOCKADDR_STORAGE_SIZE);
            MemorySegment es = Libc.errnoSegment();
            int r = peer ? Libc.getpeername(es, f, sa, len) : Libc.getsockname(es, f, sa, len);
            if (r < 0) throw SocketErrnoException.of(Libc.errno(es));
            return decode(sa, len.get(JAVA_INT, 0));
        } finally {
            release();
        }
    }

    // =====================================================================================================
    // Data transfer
    // =====================================================================================================

    /** {@code send(data)}. */
    public int send(byte[] data) { return send(data, 0, data.length, 0); }

    /** {@code send(data, flags)} on {@code data[off, off+len)}; returns the number of bytes sent. */
    public int send(byte[] data, int off, int len, int flags) {
        java.util.Objects.checkFromIndexSize(off, len, data.length);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = nativeCopy(a, data, off, len);
            int fl = flags | MSG_NOSIGNAL | MSG_DONTWAIT;
            return (int) io(POLLOUT, (f, es) -> Libc.send(es, f, buf, len, fl));
        }
    }

    /** {@code sendall(data)}. */
    public void sendall(byte[] data) { sendall(data, 0, data.length, 0); }

    /**
     * {@code sendall(data, flags)}: sends everything or raises. With a timeout, the timeout bounds the whole call.
     */
    public void sendall(byte[] data, int off, int len, int flags) {
        java.util.Objects.checkFromIndexSize(off, len, data.length);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = nativeCopy(a, data, off, len);
            int fl = flags | MSG_NOSIGNAL | MSG_DONTWAIT;
            long timeout = timeoutNanos;
            long deadline = deadlineFor(timeout);
            long sent = 0;
            do {
                final long from = sent;
                sent += io(POLLOUT, timeout, deadline, (f, es) -> Libc.send(es, f, buf.asSlice(from), len - from, fl));
            } while (sent < len);
        }
    }

    /** {@code sendto(data, address)}. */
    public int sendto(byte[] data, SockAddr address) { return sendto(data, 0, data.length, 0, address); }

    /** {@code sendto(data, flags, address)}. */
    public int sendto(byte[] data, int off, int len, int flags, SockAddr address) {
        java.util.Objects.checkFromIndexSize(off, len, data.length);
        try (Arena a = Arena.ofConfined()) {
            NativeAddr sa = encode(a, address, "sendto");
            MemorySegment buf = nativeCopy(a, data, off, len);
            int fl = flags | MSG_NOSIGNAL | MSG_DONTWAIT;
            return (int) io(POLLOUT, (f, es) -> Libc.sendto(es, f, buf, len, fl, sa.seg, sa.len));
        }
    }

    /** {@code recv(bufsize)}. */
    public byte[] recv(int bufsize) { return recv(bufsize, 0); }

    /** {@code recv(bufsize, flags)}: up to bufsize bytes; an empty array at EOF. */
    public byte[] recv(int bufsize, int flags) {
        if (bufsize < 0) throw new IllegalArgumentException("negative buffersize in recv");
        if (bufsize == 0) {
            acquire();
            release();
            return new byte[0];
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(bufsize);
            int fl = flags | MSG_DONTWAIT;
            int n = (int) io(POLLIN, (f, es) -> Libc.recv(es, f, buf, bufsize, fl));
            return buf.asSlice(0, n).toArray(JAVA_BYTE);
        }
    }

    /**
     * {@code recv_into(buffer, nbytes, flags)} into {@code buf[off, off+nbytes)}; Python's nbytes=0 means
     * "the whole buffer", which the binder passes as {@code buf.length - off}. Returns bytes received (0 at EOF).
     */
    public int recvInto(byte[] buf, int off, int nbytes, int flags) {
        if (nbytes < 0) throw new IllegalArgumentException("negative buffersize in recv_into");
        if (off < 0 || off > buf.length || nbytes > buf.length - off) {
            throw new IllegalArgumentException("buffer too small for requested bytes");
        }
        if (nbytes == 0) {
            acquire();
            release();
            return 0;
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment nb = a.allocate(nbytes);
            int fl = flags | MSG_DONTWAIT;
            int n = (int) io(POLLIN, (f, es) -> Libc.recv(es, f, nb, nbytes, fl));
            MemorySegment.copy(nb, JAVA_BYTE, 0, buf, off, n);
            return n;
        }
    }

    /** {@code recv_into(buffer)}. */
    public int recvInto(byte[] buf) { return recvInto(buf, 0, buf.length, 0); }

    /** {@code recvfrom(bufsize, flags)} → (data, address). */
    public RecvFrom recvfrom(int bufsize, int flags) {
        if (bufsize < 0) throw new IllegalArgumentException("negative buffersize in recvfrom");
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(Math.max(bufsize, 1));
            MemorySegment sa = a.allocate(Libc.SOCKADDR_STORAGE_SIZE);
            MemorySegment len = a.allocate(JAVA_INT);
            int fl = flags | MSG_DONTWAIT;
            int n = (int) io(POLLIN, (f, es) -> {
                len.set(JAVA_INT, 0, Libc.SOCKADDR_STORAGE_SIZE);
                return Libc.recvfrom(es, f, buf, bufsize, fl, sa, len);
            });
            return new RecvFrom(buf.asSlice(0, n).toArray(JAVA_BYTE), decode(sa, len.get(JAVA_INT, 0)));
        }
    }

    /** {@code recvfrom(bufsize)}. */
    public RecvFrom recvfrom(int bufsize) { return recvfrom(bufsize, 0); }

    /** {@code recvfrom_into(buffer, nbytes, flags)} into {@code buf[off, off+nbytes)}. */
    public RecvFromInto recvfromInto(byte[] buf, int off, int nbytes, int flags) {
        if (nbytes < 0) throw new IllegalArgumentException("negative buffersize in recvfrom_into");
        if (off < 0 || off > buf.length || nbytes > buf.length - off) {
            throw new IllegalArgumentException("nbytes is greater than the length of the buffer");
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment nb = a.allocate(Math.max(nbytes, 1));
            MemorySegment sa = a.allocate(Libc.SOCKADDR_STORAGE_SIZE);
            MemorySegment len = a.allocate(JAVA_INT);
            int fl = flags | MSG_DONTWAIT;
            int n = (int) io(POLLIN, (f, es) -> {
                len.set(JAVA_INT, 0, Libc.SOCKADDR_STORAGE_SIZE);
                return Libc.recvfrom(es, f, nb, nbytes, fl, sa, len);
            });
            MemorySegment.copy(nb, JAVA_BYTE, 0, buf, off, n);
            return new RecvFromInto(n, decode(sa, len.get(JAVA_INT, 0)));
        }
    }

    private static MemorySegment nativeCopy(Arena a, byte[] data, int off, int len) {
        MemorySegment buf = a.allocate(Math.max(len, 1));
        MemorySegment.copy(data, off, buf, JAVA_BYTE, 0, len);
        return buf;
    }

    // =====================================================================================================
    // Host names
    // =====================================================================================================

    /** {@code socket.gethostname()}. */
    public static String gethostname() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(1024);
            MemorySegment es = Libc.errnoSegment();
            if (Libc.gethostname(es, buf, 1023) < 0) throw SocketErrnoException.of(Libc.errno(es));
            return buf.getString(0, StandardCharsets.UTF_8);
        }
    }

    /** {@code socket.gethostbyname(name)}: IPv4 dotted quad, via getaddrinfo. */
    public static String gethostbyname(String name) {
        byte[] sa = resolve(name, AF_INET);
        return (sa[4] & 0xff) + "." + (sa[5] & 0xff) + "." + (sa[6] & 0xff) + "." + (sa[7] & 0xff);
    }

    /**
     * {@code socket.getaddrinfo(host, port, family, type, proto, flags)}. {@code host} or {@code port} may be null
     * (None); the binder passes int ports as decimal strings. Entries with other families than AF_INET/AF_INET6
     * are skipped.
     */
    public static List<AddrInfo> getaddrinfo(String host, String port, int family, int type, int proto, int flags) {
        List<AddrInfo> out = new ArrayList<>();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment hints = a.allocate(Libc.ADDRINFO);
            hints.set(JAVA_INT, Libc.AI_FAMILY, family);
            hints.set(JAVA_INT, Libc.AI_SOCKTYPE, type);
            hints.set(JAVA_INT, Libc.AI_PROTOCOL, proto);
            hints.set(JAVA_INT, Libc.AI_FLAGS, flags);
            MemorySegment node = host == null ? MemorySegment.NULL : a.allocateFrom(host);
            MemorySegment serv = port == null ? MemorySegment.NULL : a.allocateFrom(port);
            MemorySegment res = a.allocate(ValueLayout.ADDRESS);
            MemorySegment es = Libc.errnoSegment();
            int rc = Libc.getaddrinfo(es, node, serv, hints, res);
            if (rc != 0) throw gaiError(rc, Libc.errno(es));
            MemorySegment first = res.get(ValueLayout.ADDRESS, 0);
            try {
                MemorySegment p = first;
                while (!p.equals(MemorySegment.NULL)) {
                    MemorySegment ai = p.reinterpret(Libc.ADDRINFO.byteSize());
                    int fam = ai.get(JAVA_INT, Libc.AI_FAMILY);
                    int alen = ai.get(JAVA_INT, Libc.AI_ADDRLEN);
                    MemorySegment addr = ai.get(ValueLayout.ADDRESS, Libc.AI_ADDR).reinterpret(alen);
                    String canon = Libc.cString(ai.get(ValueLayout.ADDRESS, Libc.AI_CANONNAME));
                    if (fam == AF_INET || fam == AF_INET6) {
                        out.add(new AddrInfo(fam, ai.get(JAVA_INT, Libc.AI_SOCKTYPE), ai.get(JAVA_INT, Libc.AI_PROTOCOL),
                                canon == null ? "" : canon, decode(addr, alen)));
                    }
                    p = ai.get(ValueLayout.ADDRESS, Libc.AI_NEXT);
                }
            } finally {
                Libc.freeaddrinfo(first);
            }
        }
        return out;
    }

    private static SocketErrnoException gaiError(int rc, int errno) {
        if (rc == EAI_SYSTEM) return SocketErrnoException.of(errno);
        return new SocketGaiError(rc, Libc.gaiStrerror(rc));
    }

    /** Resolves host for family (AF_INET or AF_INET6) to raw sockaddr bytes, like CPython's setipaddr(). */
    private static byte[] resolve(String host, int fam) {
        int size = fam == AF_INET ? 16 : 28;
        byte[] sa = new byte[size];
        if (host.isEmpty()) {
            return sa; // INADDR_ANY / in6addr_any
        }
        if (host.equals("<broadcast>")) {
            if (fam != AF_INET) throw new SocketErrnoException("address family mismatched");
            sa[4] = sa[5] = sa[6] = sa[7] = (byte) 0xff;
            return sa;
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment hints = a.allocate(Libc.ADDRINFO);
            hints.set(JAVA_INT, Libc.AI_FAMILY, fam);
            hints.set(JAVA_INT, Libc.AI_SOCKTYPE, SOCK_DGRAM);
            MemorySegment res = a.allocate(ValueLayout.ADDRESS);
            MemorySegment es = Libc.errnoSegment();
            int rc = Libc.getaddrinfo(es, a.allocateFrom(host), MemorySegment.NULL, hints, res);
            if (rc != 0) throw gaiError(rc, Libc.errno(es));
            MemorySegment first = res.get(ValueLayout.ADDRESS, 0);
            try {
                MemorySegment ai = first.reinterpret(Libc.ADDRINFO.byteSize());
                int alen = ai.get(JAVA_INT, Libc.AI_ADDRLEN);
                MemorySegment addr = ai.get(ValueLayout.ADDRESS, Libc.AI_ADDR).reinterpret(alen);
                if (ai.get(JAVA_INT, Libc.AI_FAMILY) != fam || alen < size) {
                    throw new SocketErrnoException("address family mismatched");
                }
                MemorySegment.copy(addr, JAVA_BYTE, 0, sa, 0, size);
                return sa;
            } finally {
                Libc.freeaddrinfo(first);
            }
        }
    }

    // =====================================================================================================
    // Address conversion
    // =====================================================================================================

    record NativeAddr(MemorySegment seg, int len) {}

    private NativeAddr encode(Arena a, SockAddr addr, String caller) {
        return encode(a, family, addr, caller);
    }

    static NativeAddr encode(Arena a, int family, SockAddr addr, String caller) {
        if (addr == null) throw new IllegalArgumentException(caller + "(): address must not be None");
        switch (family) {
            case AF_INET -> {
                if (!(addr instanceof SockAddr.Inet4(String host, int port))) {
                    throw new IllegalArgumentException("AF_INET address must be a pair (host, port)");
                }
                checkPort(port, caller);
                byte[] raw = resolve(host, AF_INET);
                MemorySegment sa = a.allocate(16);
                MemorySegment.copy(raw, 0, sa, JAVA_BYTE, 0, 16);
                sa.set(JAVA_SHORT, 0, (short) AF_INET);
                sa.set(SHORT_BE, 2, (short) port);
                return new NativeAddr(sa, 16);
            }
            case AF_INET6 -> {
                String host;
                int port, flowinfo, scope;
                if (addr instanceof SockAddr.Inet6 i6) {
                    host = i6.host(); port = i6.port(); flowinfo = i6.flowinfo(); scope = i6.scopeId();
                } else if (addr instanceof SockAddr.Inet4 i4) {
                    host = i4.host(); port = i4.port(); flowinfo = 0; scope = 0;
                } else {
                    throw new IllegalArgumentException("AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
                }
                checkPort(port, caller);
                if (flowinfo < 0 || flowinfo > 0xfffff) throw new IllegalArgumentException(caller + "(): flowinfo must be 0-1048575.");
                byte[] raw = resolve(host, AF_INET6);
                MemorySegment sa = a.allocate(28);
                MemorySegment.copy(raw, 0, sa, JAVA_BYTE, 0, 28);
                sa.set(JAVA_SHORT, 0, (short) AF_INET6);
                sa.set(SHORT_BE, 2, (short) port);
                sa.set(INT_BE, 4, flowinfo);
                if (scope != 0) sa.set(JAVA_INT, 24, scope);
                return new NativeAddr(sa, 28);
            }
            case AF_UNIX -> {
                if (!(addr instanceof SockAddr.Unix u)) throw new IllegalArgumentException("AF_UNIX address must be str or bytes");
                byte[] p = u.pathBytes();
                boolean abstractName = p.length > 0 && p[0] == 0;
                if (abstractName ? p.length > UNIX_PATH_MAX : p.length >= UNIX_PATH_MAX) {
                    throw new SocketErrnoException("AF_UNIX path too long");
                }
                MemorySegment sa = a.allocate(2 + UNIX_PATH_MAX);
                sa.set(JAVA_SHORT, 0, (short) AF_UNIX);
                MemorySegment.copy(p, 0, sa, JAVA_BYTE, 2, p.length);
                return new NativeAddr(sa, 2 + p.length);
            }
            default -> throw SocketErrnoException.of(Errno.EAFNOSUPPORT);
        }
    }

    private static void checkPort(int port, String caller) {
        if (port < 0 || port > 0xffff) throw new IllegalArgumentException(caller + "(): port must be 0-65535.");
    }

    /** Converts a kernel sockaddr of length len to a SockAddr; null for an empty address or unknown family. */
    static SockAddr decode(MemorySegment sa, int len) {
        if (len < 2) return null;
        int fam = sa.get(JAVA_SHORT, 0) & 0xffff;
        switch (fam) {
            case AF_INET -> {
                int port = sa.get(SHORT_BE, 2) & 0xffff;
                String host = (sa.get(JAVA_BYTE, 4) & 0xff) + "." + (sa.get(JAVA_BYTE, 5) & 0xff) + "."
                        + (sa.get(JAVA_BYTE, 6) & 0xff) + "." + (sa.get(JAVA_BYTE, 7) & 0xff);
                return new SockAddr.Inet4(host, port);
            }
            case AF_INET6 -> {
                int port = sa.get(SHORT_BE, 2) & 0xffff;
                int flowinfo = sa.get(INT_BE, 4);
                int scope = sa.get(JAVA_INT, 24);
                return new SockAddr.Inet6(numericHost(sa, 28), port, flowinfo, scope);
            }
            case AF_UNIX -> {
                int n = Math.min(len - 2, UNIX_PATH_MAX);
                byte[] p = sa.asSlice(2, n).toArray(JAVA_BYTE);
                if (n > 0 && p[0] == 0) return new SockAddr.Unix(new String(p, StandardCharsets.UTF_8));
                int end = 0;
                while (end < n && p[end] != 0) end++;
                return new SockAddr.Unix(new String(p, 0, end, StandardCharsets.UTF_8));
            }
            default -> {
                return null;
            }
        }
    }

    private static String numericHost(MemorySegment sa, int len) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment in = a.allocate(len);
            MemorySegment.copy(sa, 0, in, 0, len);
            MemorySegment host = a.allocate(1025);
            MemorySegment es = Libc.errnoSegment();
            int rc = Libc.getnameinfo(es, in, len, host, 1025, MemorySegment.NULL, 0, NI_NUMERICHOST);
            if (rc != 0) throw gaiError(rc, Libc.errno(es));
            return host.getString(0, StandardCharsets.UTF_8);
        }
    }

    @Override
    public String toString() {
        return "<socket fd=" + fileno() + ", family=" + family + ", type=" + type + ", proto=" + proto
                + ", timeout=" + gettimeout() + ">";
    }
}
