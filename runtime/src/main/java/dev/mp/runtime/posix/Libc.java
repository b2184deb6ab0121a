package dev.mp.runtime.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * mp's one binding of the C library through FFM (Linux, LP64: x86_64 and aarch64): the calls of sockets, of
 * {@code os} ({@code kill}, {@code uname}), the futex system call's handle, and the C-locale {@code strerror}.
 *
 * <p>Every call that can fail takes the calling thread's errno capture segment ({@link #errnoSegment()})
 * as its first argument; read the captured value with {@link #errno(MemorySegment)} right after the call.
 */
public final class Libc {
    private Libc() {}

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LOOKUP = LINKER.defaultLookup();
    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO_HANDLE = CAPTURE_LAYOUT.varHandle(PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");
    /** The size of an errno capture segment. */
    public static final long CAPTURE_SIZE = CAPTURE_LAYOUT.byteSize();
    private static final ThreadLocal<MemorySegment> CAPTURE =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(CAPTURE_LAYOUT));

    public static final ValueLayout SIZE_T = JAVA_LONG;

    // ---- struct layouts (Linux LP64) ----
    /** struct pollfd { int fd; short events; short revents; } */
    public static final StructLayout POLLFD = MemoryLayout.structLayout(
            JAVA_INT.withName("fd"), JAVA_SHORT.withName("events"), JAVA_SHORT.withName("revents"));
    /** struct iovec { void *iov_base; size_t iov_len; } */
    public static final StructLayout IOVEC = MemoryLayout.structLayout(
            ADDRESS.withName("iov_base"), SIZE_T.withName("iov_len"));
    /** struct msghdr */
    public static final StructLayout MSGHDR = MemoryLayout.structLayout(
            ADDRESS.withName("msg_name"),
            JAVA_INT.withName("msg_namelen"), MemoryLayout.paddingLayout(4),
            ADDRESS.withName("msg_iov"),
            SIZE_T.withName("msg_iovlen"),
            ADDRESS.withName("msg_control"),
            SIZE_T.withName("msg_controllen"),
            JAVA_INT.withName("msg_flags"), MemoryLayout.paddingLayout(4));
    /** struct cmsghdr header; data follows at CMSG_ALIGN(sizeof(struct cmsghdr)) = 16. */
    public static final StructLayout CMSGHDR = MemoryLayout.structLayout(
            SIZE_T.withName("cmsg_len"), JAVA_INT.withName("cmsg_level"), JAVA_INT.withName("cmsg_type"));
    /** struct addrinfo */
    public static final StructLayout ADDRINFO = MemoryLayout.structLayout(
            JAVA_INT.withName("ai_flags"), JAVA_INT.withName("ai_family"),
            JAVA_INT.withName("ai_socktype"), JAVA_INT.withName("ai_protocol"),
            JAVA_INT.withName("ai_addrlen"), MemoryLayout.paddingLayout(4),
            ADDRESS.withName("ai_addr"), ADDRESS.withName("ai_canonname"), ADDRESS.withName("ai_next"));
    /** struct ucred { pid_t pid; uid_t uid; gid_t gid; } */
    public static final StructLayout UCRED = MemoryLayout.structLayout(
            JAVA_INT.withName("pid"), JAVA_INT.withName("uid"), JAVA_INT.withName("gid"));

    public static final long MSG_NAME = MSGHDR.byteOffset(PathElement.groupElement("msg_name"));
    public static final long MSG_NAMELEN = MSGHDR.byteOffset(PathElement.groupElement("msg_namelen"));
    public static final long MSG_IOV = MSGHDR.byteOffset(PathElement.groupElement("msg_iov"));
    public static final long MSG_IOVLEN = MSGHDR.byteOffset(PathElement.groupElement("msg_iovlen"));
    public static final long MSG_CONTROL = MSGHDR.byteOffset(PathElement.groupElement("msg_control"));
    public static final long MSG_CONTROLLEN = MSGHDR.byteOffset(PathElement.groupElement("msg_controllen"));
    public static final long MSG_FLAGS = MSGHDR.byteOffset(PathElement.groupElement("msg_flags"));
    public static final long CMSG_LEN_OFF = CMSGHDR.byteOffset(PathElement.groupElement("cmsg_len"));
    public static final long CMSG_LEVEL_OFF = CMSGHDR.byteOffset(PathElement.groupElement("cmsg_level"));
    public static final long CMSG_TYPE_OFF = CMSGHDR.byteOffset(PathElement.groupElement("cmsg_type"));
    public static final long CMSG_HDR_SIZE = align(CMSGHDR.byteSize());
    public static final long AI_FAMILY = ADDRINFO.byteOffset(PathElement.groupElement("ai_family"));
    public static final long AI_SOCKTYPE = ADDRINFO.byteOffset(PathElement.groupElement("ai_socktype"));
    public static final long AI_PROTOCOL = ADDRINFO.byteOffset(PathElement.groupElement("ai_protocol"));
    public static final long AI_FLAGS = ADDRINFO.byteOffset(PathElement.groupElement("ai_flags"));
    public static final long AI_ADDRLEN = ADDRINFO.byteOffset(PathElement.groupElement("ai_addrlen"));
    public static final long AI_ADDR = ADDRINFO.byteOffset(PathElement.groupElement("ai_addr"));
    public static final long AI_CANONNAME = ADDRINFO.byteOffset(PathElement.groupElement("ai_canonname"));
    public static final long AI_NEXT = ADDRINFO.byteOffset(PathElement.groupElement("ai_next"));

    public static long align(long n) { return (n + 7) & ~7L; }
    public static long cmsgSpace(long dataLen) { return CMSG_HDR_SIZE + align(dataLen); }
    public static long cmsgLen(long dataLen) { return CMSG_HDR_SIZE + dataLen; }

    /** sizeof(struct sockaddr_storage). */
    public static final int SOCKADDR_STORAGE_SIZE = 128;

    // ---- handles ----
    /**
     * A downcall to the libc function {@code name} that captures errno: its first argument is an errno capture
     * segment ({@link #errnoSegment()}, or one of {@link #CAPTURE_SIZE} bytes of the caller's own).
     */
    public static MethodHandle downcallWithErrno(String name, FunctionDescriptor fd, Linker.Option... opts) {
        MemorySegment sym = LOOKUP.find(name).orElseThrow(() -> new UnsatisfiedLinkError("libc symbol " + name));
        Linker.Option[] all = new Linker.Option[opts.length + 1];
        all[0] = CAPTURE_ERRNO;
        System.arraycopy(opts, 0, all, 1, opts.length);
        return LINKER.downcallHandle(sym, fd, all);
    }

    private static MethodHandle plain(String name, FunctionDescriptor fd) {
        return LOOKUP.find(name).map(sym -> LINKER.downcallHandle(sym, fd)).orElse(null);
    }

    // Handles are bound in groups, each on first use: binding one costs about a millisecond, and a program that
    // only waits on a futex or sends a signal should not bind the sockets' thirty.
    /** The socket calls. */
    private static final class Net {
        static final MethodHandle SOCKET = downcallWithErrno("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
        static final MethodHandle SOCKETPAIR = downcallWithErrno("socketpair", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
        static final MethodHandle BIND = downcallWithErrno("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle LISTEN = downcallWithErrno("listen", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
        static final MethodHandle ACCEPT4 = downcallWithErrno("accept4", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
        static final MethodHandle CONNECT = downcallWithErrno("connect", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle SEND = downcallWithErrno("send", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, SIZE_T, JAVA_INT));
        static final MethodHandle RECV = downcallWithErrno("recv", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, SIZE_T, JAVA_INT));
        static final MethodHandle SENDTO = downcallWithErrno("sendto", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, SIZE_T, JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle RECVFROM = downcallWithErrno("recvfrom", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, SIZE_T, JAVA_INT, ADDRESS, ADDRESS));
        static final MethodHandle SENDMSG = downcallWithErrno("sendmsg", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle RECVMSG = downcallWithErrno("recvmsg", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle SHUTDOWN = downcallWithErrno("shutdown", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
        static final MethodHandle CLOSE = downcallWithErrno("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        static final MethodHandle GETSOCKOPT = downcallWithErrno("getsockopt", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
        static final MethodHandle SETSOCKOPT = downcallWithErrno("setsockopt", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle GETSOCKNAME = downcallWithErrno("getsockname", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
        static final MethodHandle GETPEERNAME = downcallWithErrno("getpeername", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
        static final MethodHandle POLL = downcallWithErrno("poll", FunctionDescriptor.of(JAVA_INT, ADDRESS, SIZE_T, JAVA_INT));
        static final MethodHandle FCNTL = downcallWithErrno("fcntl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT),
                Linker.Option.firstVariadicArg(2));
        static final MethodHandle GETHOSTNAME = downcallWithErrno("gethostname", FunctionDescriptor.of(JAVA_INT, ADDRESS, SIZE_T));
        static final MethodHandle GETADDRINFO = downcallWithErrno("getaddrinfo", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        static final MethodHandle FREEADDRINFO = plain("freeaddrinfo", FunctionDescriptor.ofVoid(ADDRESS));
        static final MethodHandle GAI_STRERROR = plain("gai_strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        static final MethodHandle GETNAMEINFO = downcallWithErrno("getnameinfo", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
        static final MethodHandle GETUID = plain("getuid", FunctionDescriptor.of(JAVA_INT));
    }

    /** The error texts. */
    private static final class Messages {
        static final MethodHandle STRERROR = plain("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        static final MethodHandle STRERROR_L = plain("strerror_l", FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS));
        static final MethodHandle NEWLOCALE = plain("newlocale", FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS, ADDRESS));
    }

    /** kill(2). */
    private static final class Processes {
        static final MethodHandle KILL = downcallWithErrno("kill", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    }

    /** uname(2) and glibc's version. */
    private static final class Platform {
        static final MethodHandle UNAME = plain("uname", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        static final MethodHandle GLIBC_VERSION = plain("gnu_get_libc_version", FunctionDescriptor.of(ADDRESS));
    }

    public static MemorySegment errnoSegment() { return CAPTURE.get(); }

    public static int errno(MemorySegment capture) { return (int) ERRNO_HANDLE.get(capture, 0L); }

    private static RuntimeException fatal(Throwable t) {
        if (t instanceof RuntimeException re) return re;
        if (t instanceof Error e) throw e;
        return new IllegalStateException("native call failed", t);
    }

    public static int socket(MemorySegment e, int d, int t, int p) {
        try { return (int) Net.SOCKET.invokeExact(e, d, t, p); } catch (Throwable x) { throw fatal(x); }
    }
    public static int socketpair(MemorySegment e, int d, int t, int p, MemorySegment sv) {
        try { return (int) Net.SOCKETPAIR.invokeExact(e, d, t, p, sv); } catch (Throwable x) { throw fatal(x); }
    }
    public static int bind(MemorySegment e, int fd, MemorySegment sa, int len) {
        try { return (int) Net.BIND.invokeExact(e, fd, sa, len); } catch (Throwable x) { throw fatal(x); }
    }
    public static int listen(MemorySegment e, int fd, int backlog) {
        try { return (int) Net.LISTEN.invokeExact(e, fd, backlog); } catch (Throwable x) { throw fatal(x); }
    }
    public static int accept4(MemorySegment e, int fd, MemorySegment sa, MemorySegment len, int flags) {
        try { return (int) Net.ACCEPT4.invokeExact(e, fd, sa, len, flags); } catch (Throwable x) { throw fatal(x); }
    }
    public static int connect(MemorySegment e, int fd, MemorySegment sa, int len) {
        try { return (int) Net.CONNECT.invokeExact(e, fd, sa, len); } catch (Throwable x) { throw fatal(x); }
    }
    public static long send(MemorySegment e, int fd, MemorySegment buf, long n, int flags) {
        try { return (long) Net.SEND.invokeExact(e, fd, buf, n, flags); } catch (Throwable x) { throw fatal(x); }
    }
    public static long recv(MemorySegment e, int fd, MemorySegment buf, long n, int flags) {
        try { return (long) Net.RECV.invokeExact(e, fd, buf, n, flags); } catch (Throwable x) { throw fatal(x); }
    }
    public static long sendto(MemorySegment e, int fd, MemorySegment buf, long n, int flags, MemorySegment sa, int len) {
        try { return (long) Net.SENDTO.invokeExact(e, fd, buf, n, flags, sa, len); } catch (Throwable x) { throw fatal(x); }
    }
    public static long recvfrom(MemorySegment e, int fd, MemorySegment buf, long n, int flags, MemorySegment sa, MemorySegment len) {
        try { return (long) Net.RECVFROM.invokeExact(e, fd, buf, n, flags, sa, len); } catch (Throwable x) { throw fatal(x); }
    }
    public static long sendmsg(MemorySegment e, int fd, MemorySegment msg, int flags) {
        try { return (long) Net.SENDMSG.invokeExact(e, fd, msg, flags); } catch (Throwable x) { throw fatal(x); }
    }
    public static long recvmsg(MemorySegment e, int fd, MemorySegment msg, int flags) {
        try { return (long) Net.RECVMSG.invokeExact(e, fd, msg, flags); } catch (Throwable x) { throw fatal(x); }
    }
    public static int shutdown(MemorySegment e, int fd, int how) {
        try { return (int) Net.SHUTDOWN.invokeExact(e, fd, how); } catch (Throwable x) { throw fatal(x); }
    }
    public static int close(MemorySegment e, int fd) {
        try { return (int) Net.CLOSE.invokeExact(e, fd); } catch (Throwable x) { throw fatal(x); }
    }
    public static int getsockopt(MemorySegment e, int fd, int level, int opt, MemorySegment val, MemorySegment len) {
        try { return (int) Net.GETSOCKOPT.invokeExact(e, fd, level, opt, val, len); } catch (Throwable x) { throw fatal(x); }
    }
    public static int setsockopt(MemorySegment e, int fd, int level, int opt, MemorySegment val, int len) {
        try { return (int) Net.SETSOCKOPT.invokeExact(e, fd, level, opt, val, len); } catch (Throwable x) { throw fatal(x); }
    }
    public static int getsockname(MemorySegment e, int fd, MemorySegment sa, MemorySegment len) {
        try { return (int) Net.GETSOCKNAME.invokeExact(e, fd, sa, len); } catch (Throwable x) { throw fatal(x); }
    }
    public static int getpeername(MemorySegment e, int fd, MemorySegment sa, MemorySegment len) {
        try { return (int) Net.GETPEERNAME.invokeExact(e, fd, sa, len); } catch (Throwable x) { throw fatal(x); }
    }
    public static int poll(MemorySegment e, MemorySegment fds, long n, int timeoutMs) {
        try { return (int) Net.POLL.invokeExact(e, fds, n, timeoutMs); } catch (Throwable x) { throw fatal(x); }
    }
    public static int fcntl(MemorySegment e, int fd, int cmd, int arg) {
        try { return (int) Net.FCNTL.invokeExact(e, fd, cmd, arg); } catch (Throwable x) { throw fatal(x); }
    }
    public static int gethostname(MemorySegment e, MemorySegment buf, long n) {
        try { return (int) Net.GETHOSTNAME.invokeExact(e, buf, n); } catch (Throwable x) { throw fatal(x); }
    }
    public static int getaddrinfo(MemorySegment e, MemorySegment node, MemorySegment service, MemorySegment hints, MemorySegment res) {
        try { return (int) Net.GETADDRINFO.invokeExact(e, node, service, hints, res); } catch (Throwable x) { throw fatal(x); }
    }
    public static void freeaddrinfo(MemorySegment ai) {
        try { Net.FREEADDRINFO.invokeExact(ai); } catch (Throwable x) { throw fatal(x); }
    }
    public static int getnameinfo(MemorySegment e, MemorySegment sa, int salen, MemorySegment host, int hostlen, MemorySegment serv, int servlen, int flags) {
        try { return (int) Net.GETNAMEINFO.invokeExact(e, sa, salen, host, hostlen, serv, servlen, flags); } catch (Throwable x) { throw fatal(x); }
    }
    public static int getuid() {
        try { return (int) Net.GETUID.invokeExact(); } catch (Throwable x) { throw fatal(x); }
    }

    public static int kill(MemorySegment e, int pid, int signal) {
        try { return (int) Processes.KILL.invokeExact(e, pid, signal); } catch (Throwable x) { throw fatal(x); }
    }

    /** glibc's {@code struct utsname}: six fields of 65 characters (sysname, nodename, release, version, machine, domainname). */
    private static final int UTSNAME_FIELD = 65;

    /**
     * {@code uname(2)}: sysname, nodename, release, version and machine; from the JVM's properties where the C
     * library has no Linux {@code uname} layout (os.version is the release, the version is then empty).
     */
    public static String[] uname() {
        if (Platform.UNAME != null && System.getProperty("os.name").equals("Linux")) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment buffer = arena.allocate(UTSNAME_FIELD * 6L);
                if ((int) Platform.UNAME.invokeExact(buffer) == 0) {
                    String[] fields = new String[5];
                    for (int i = 0; i < fields.length; i++) {
                        fields[i] = buffer.getString(i * (long) UTSNAME_FIELD);
                    }
                    return fields;
                }
            } catch (Throwable x) {
                throw fatal(x);
            }
        }
        String arch = System.getProperty("os.arch");
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return new String[] {System.getProperty("os.name"), host, System.getProperty("os.version"), "",
            arch.equals("amd64") ? "x86_64" : arch};
    }

    /** glibc's version ("2.36"), or null when the C library is not glibc. */
    public static String glibcVersion() {
        if (Platform.GLIBC_VERSION == null) {
            return null;
        }
        try {
            return cString((MemorySegment) Platform.GLIBC_VERSION.invokeExact());
        } catch (Throwable x) {
            throw fatal(x);
        }
    }

    /** Close ignoring errors (EINTR included: on Linux the fd is released anyway). */
    public static void closeQuietly(int fd) {
        if (fd >= 0) close(errnoSegment(), fd);
    }

    public static String gaiStrerror(int code) {
        try {
            MemorySegment p = (MemorySegment) Net.GAI_STRERROR.invokeExact(code);
            return cString(p);
        } catch (Throwable x) { throw fatal(x); }
    }

    private static final ConcurrentHashMap<Integer, String> STRERROR_CACHE = new ConcurrentHashMap<>();
    private static volatile MemorySegment cLocale;

    /**
     * The libc message for errno, in the "C" locale (CPython leaves LC_MESSAGES at "C", so its OSError texts
     * are the untranslated glibc ones even when the JVM's locale is set).
     */
    public static String strerror(int errno) {
        return STRERROR_CACHE.computeIfAbsent(errno, Libc::strerror0);
    }

    private static String strerror0(int errno) {
        try {
            if (Messages.STRERROR_L != null && Messages.NEWLOCALE != null) {
                MemorySegment loc = cLocale;
                if (loc == null) {
                    try (Arena a = Arena.ofConfined()) {
                        // LC_ALL_MASK as glibc defines it: every category bit except LC_ALL (6).
                        int lcAllMask = 0x1FBF;
                        loc = (MemorySegment) Messages.NEWLOCALE.invokeExact(lcAllMask, a.allocateFrom("C"), MemorySegment.NULL);
                    }
                    cLocale = loc;
                }
                if (!loc.equals(MemorySegment.NULL)) {
                    return cString((MemorySegment) Messages.STRERROR_L.invokeExact(errno, loc));
                }
            }
            return cString((MemorySegment) Messages.STRERROR.invokeExact(errno));
        } catch (Throwable x) {
            throw fatal(x);
        }
    }

    public static String cString(MemorySegment p) {
        if (p.equals(MemorySegment.NULL)) return null;
        return p.reinterpret(Long.MAX_VALUE).getString(0, StandardCharsets.UTF_8);
    }
}
