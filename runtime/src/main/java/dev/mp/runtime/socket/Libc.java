package dev.mp.runtime.socket;

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
 * Package-private FFM downcalls into libc (Linux, LP64: x86_64 and aarch64).
 *
 * <p>Every call that can fail takes the calling thread's errno capture segment ({@link #errnoSegment()})
 * as its first argument; read the captured value with {@link #errno(MemorySegment)} right after the call.
 */
final class Libc {
    private Libc() {}

    static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LOOKUP = LINKER.defaultLookup();
    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO_HANDLE = CAPTURE_LAYOUT.varHandle(PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");
    private static final ThreadLocal<MemorySegment> CAPTURE =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(CAPTURE_LAYOUT));

    static final ValueLayout SIZE_T = JAVA_LONG;

    // ---- struct layouts (Linux LP64) ----
    /** struct pollfd { int fd; short events; short revents; } */
    static final StructLayout POLLFD = MemoryLayout.structLayout(
            JAVA_INT.withName("fd"), JAVA_SHORT.withName("events"), JAVA_SHORT.withName("revents"));
    /** struct iovec { void *iov_base; size_t iov_len; } */
    static final StructLayout IOVEC = MemoryLayout.structLayout(
            ADDRESS.withName("iov_base"), SIZE_T.withName("iov_len"));
    /** struct msghdr */
    static final StructLayout MSGHDR = MemoryLayout.structLayout(
            ADDRESS.withName("msg_name"),
            JAVA_INT.withName("msg_namelen"), MemoryLayout.paddingLayout(4),
            ADDRESS.withName("msg_iov"),
            SIZE_T.withName("msg_iovlen"),
            ADDRESS.withName("msg_control"),
            SIZE_T.withName("msg_controllen"),
            JAVA_INT.withName("msg_flags"), MemoryLayout.paddingLayout(4));
    /** struct cmsghdr header; data follows at CMSG_ALIGN(sizeof(struct cmsghdr)) = 16. */
    static final StructLayout CMSGHDR = MemoryLayout.structLayout(
            SIZE_T.withName("cmsg_len"), JAVA_INT.withName("cmsg_level"), JAVA_INT.withName("cmsg_type"));
    /** struct addrinfo */
    static final StructLayout ADDRINFO = MemoryLayout.structLayout(
            JAVA_INT.withName("ai_flags"), JAVA_INT.withName("ai_family"),
            JAVA_INT.withName("ai_socktype"), JAVA_INT.withName("ai_protocol"),
            JAVA_INT.withName("ai_addrlen"), MemoryLayout.paddingLayout(4),
            ADDRESS.withName("ai_addr"), ADDRESS.withName("ai_canonname"), ADDRESS.withName("ai_next"));
    /** struct ucred { pid_t pid; uid_t uid; gid_t gid; } */
    static final StructLayout UCRED = MemoryLayout.structLayout(
            JAVA_INT.withName("pid"), JAVA_INT.withName("uid"), JAVA_INT.withName("gid"));

    static final long MSG_NAME = MSGHDR.byteOffset(PathElement.groupElement("msg_name"));
    static final long MSG_NAMELEN = MSGHDR.byteOffset(PathElement.groupElement("msg_namelen"));
    static final long MSG_IOV = MSGHDR.byteOffset(PathElement.groupElement("msg_iov"));
    static final long MSG_IOVLEN = MSGHDR.byteOffset(PathElement.groupElement("msg_iovlen"));
    static final long MSG_CONTROL = MSGHDR.byteOffset(PathElement.groupElement("msg_control"));
    static final long MSG_CONTROLLEN = MSGHDR.byteOffset(PathElement.groupElement("msg_controllen"));
    static final long MSG_FLAGS = MSGHDR.byteOffset(PathElement.groupElement("msg_flags"));
    static final long CMSG_LEN_OFF = CMSGHDR.byteOffset(PathElement.groupElement("cmsg_len"));
    static final long CMSG_LEVEL_OFF = CMSGHDR.byteOffset(PathElement.groupElement("cmsg_level"));
    static final long CMSG_TYPE_OFF = CMSGHDR.byteOffset(PathElement.groupElement("cmsg_type"));
    static final long CMSG_HDR_SIZE = align(CMSGHDR.byteSize());
    static final long AI_FAMILY = ADDRINFO.byteOffset(PathElement.groupElement("ai_family"));
    static final long AI_SOCKTYPE = ADDRINFO.byteOffset(PathElement.groupElement("ai_socktype"));
    static final long AI_PROTOCOL = ADDRINFO.byteOffset(PathElement.groupElement("ai_protocol"));
    static final long AI_FLAGS = ADDRINFO.byteOffset(PathElement.groupElement("ai_flags"));
    static final long AI_ADDRLEN = ADDRINFO.byteOffset(PathElement.groupElement("ai_addrlen"));
    static final long AI_ADDR = ADDRINFO.byteOffset(PathElement.groupElement("ai_addr"));
    static final long AI_CANONNAME = ADDRINFO.byteOffset(PathElement.groupElement("ai_canonname"));
    static final long AI_NEXT = ADDRINFO.byteOffset(PathElement.groupElement("ai_next"));

    static long align(long n) { return (n + 7) & ~7L; }
    static long cmsgSpace(long dataLen) { return CMSG_HDR_SIZE + align(dataLen); }
    static long cmsgLen(long dataLen) { return CMSG_HDR_SIZE + dataLen; }

    /** sizeof(struct sockaddr_storage). */
    static final int SOCKADDR_STORAGE_SIZE = 128;

    // ---- handles ----
    private static MethodHandle h(String name, FunctionDescriptor fd, Linker.Option... opts) {
        MemorySegment sym = LOOKUP.find(name).orElseThrow(() -> new UnsatisfiedLinkError("libc symbol " + name));
        Linker.Option[] all = new Linker.Option[opts.length + 1];
        all[0] = CAPTURE_ERRNO;
        System.arraycopy(opts, 0, all, 1, opts.length);
        return LINKER.downcallHandle(sym, fd, all);
    }

    private static MethodHandle plain(String name, FunctionDescriptor fd) {
        return LOOKUP.find(name).map(sym -> LINKER.downcallHandle(sym, fd)).orElse(null);
    }

    private static final MethodHandle SOCKET = h("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle SOCKETPAIR = h("socketpair", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle BIND = h("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle LISTEN = h("listen", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle ACCEPT4 = h("accept4", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
    private static final MethodHandle CONNECT = h("connect", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle SEND = h("send", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, SIZE_T, JAVA_INT));
    private static final MethodHandle RECV = h("recv", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, SIZE_T, JAVA_INT));
    private static final MethodHandle SENDTO = h("sendto", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, SIZE_T, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle RECVFROM = h("recvfrom", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, SIZE_T, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle SENDMSG = h("sendmsg", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle RECVMSG = h("recvmsg", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle SHUTDOWN = h("shutdown", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle CLOSE = h("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle GETSOCKOPT = h("getsockopt", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle SETSOCKOPT = h("setsockopt", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle GETSOCKNAME = h("getsockname", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle GETPEERNAME = h("getpeername", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle POLL = h("poll", FunctionDescriptor.of(JAVA_INT, ADDRESS, SIZE_T, JAVA_INT));
    private static final MethodHandle FCNTL = h("fcntl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT),
            Linker.Option.firstVariadicArg(2));
    private static final MethodHandle GETHOSTNAME = h("gethostname", FunctionDescriptor.of(JAVA_INT, ADDRESS, SIZE_T));
    private static final MethodHandle GETADDRINFO = h("getaddrinfo", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    private static final MethodHandle FREEADDRINFO = plain("freeaddrinfo", FunctionDescriptor.ofVoid(ADDRESS));
    private static final MethodHandle GAI_STRERROR = plain("gai_strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    private static final MethodHandle GETNAMEINFO = h("getnameinfo", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    private static final MethodHandle STRERROR = plain("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    private static final MethodHandle STRERROR_L = plain("strerror_l", FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS));
    private static final MethodHandle NEWLOCALE = plain("newlocale", FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle GETUID = plain("getuid", FunctionDescriptor.of(JAVA_INT));

    static MemorySegment errnoSegment() { return CAPTURE.get(); }

    static int errno(MemorySegment capture) { return (int) ERRNO_HANDLE.get(capture, 0L); }

    private static RuntimeException fatal(Throwable t) {
        if (t instanceof RuntimeException re) return re;
        if (t instanceof Error e) throw e;
        return new IllegalStateException("native call failed", t);
    }

    static int socket(MemorySegment e, int d, int t, int p) {
        try { return (int) SOCKET.invokeExact(e, d, t, p); } catch (Throwable x) { throw fatal(x); }
    }
    static int socketpair(MemorySegment e, int d, int t, int p, MemorySegment sv) {
        try { return (int) SOCKETPAIR.invokeExact(e, d, t, p, sv); } catch (Throwable x) { throw fatal(x); }
    }
    static int bind(MemorySegment e, int fd, MemorySegment sa, int len) {
        try { return (int) BIND.invokeExact(e, fd, sa, len); } catch (Throwable x) { throw fatal(x); }
    }
    static int listen(MemorySegment e, int fd, int backlog) {
        try { return (int) LISTEN.invokeExact(e, fd, backlog); } catch (Throwable x) { throw fatal(x); }
    }
    static int accept4(MemorySegment e, int fd, MemorySegment sa, MemorySegment len, int flags) {
        try { return (int) ACCEPT4.invokeExact(e, fd, sa, len, flags); } catch (Throwable x) { throw fatal(x); }
    }
    static int connect(MemorySegment e, int fd, MemorySegment sa, int len) {
        try { return (int) CONNECT.invokeExact(e, fd, sa, len); } catch (Throwable x) { throw fatal(x); }
    }
    static long send(MemorySegment e, int fd, MemorySegment buf, long n, int flags) {
        try { return (long) SEND.invokeExact(e, fd, buf, n, flags); } catch (Throwable x) { throw fatal(x); }
    }
    static long recv(MemorySegment e, int fd, MemorySegment buf, long n, int flags) {
        try { return (long) RECV.invokeExact(e, fd, buf, n, flags); } catch (Throwable x) { throw fatal(x); }
    }
    static long sendto(MemorySegment e, int fd, MemorySegment buf, long n, int flags, MemorySegment sa, int len) {
        try { return (long) SENDTO.invokeExact(e, fd, buf, n, flags, sa, len); } catch (Throwable x) { throw fatal(x); }
    }
    static long recvfrom(MemorySegment e, int fd, MemorySegment buf, long n, int flags, MemorySegment sa, MemorySegment len) {
        try { return (long) RECVFROM.invokeExact(e, fd, buf, n, flags, sa, len); } catch (Throwable x) { throw fatal(x); }
    }
    static long sendmsg(MemorySegment e, int fd, MemorySegment msg, int flags) {
        try { return (long) SENDMSG.invokeExact(e, fd, msg, flags); } catch (Throwable x) { throw fatal(x); }
    }
    static long recvmsg(MemorySegment e, int fd, MemorySegment msg, int flags) {
        try { return (long) RECVMSG.invokeExact(e, fd, msg, flags); } catch (Throwable x) { throw fatal(x); }
    }
    static int shutdown(MemorySegment e, int fd, int how) {
        try { return (int) SHUTDOWN.invokeExact(e, fd, how); } catch (Throwable x) { throw fatal(x); }
    }
    static int close(MemorySegment e, int fd) {
        try { return (int) CLOSE.invokeExact(e, fd); } catch (Throwable x) { throw fatal(x); }
    }
    static int getsockopt(MemorySegment e, int fd, int level, int opt, MemorySegment val, MemorySegment len) {
        try { return (int) GETSOCKOPT.invokeExact(e, fd, level, opt, val, len); } catch (Throwable x) { throw fatal(x); }
    }
    static int setsockopt(MemorySegment e, int fd, int level, int opt, MemorySegment val, int len) {
        try { return (int) SETSOCKOPT.invokeExact(e, fd, level, opt, val, len); } catch (Throwable x) { throw fatal(x); }
    }
    static int getsockname(MemorySegment e, int fd, MemorySegment sa, MemorySegment len) {
        try { return (int) GETSOCKNAME.invokeExact(e, fd, sa, len); } catch (Throwable x) { throw fatal(x); }
    }
    static int getpeername(MemorySegment e, int fd, MemorySegment sa, MemorySegment len) {
        try { return (int) GETPEERNAME.invokeExact(e, fd, sa, len); } catch (Throwable x) { throw fatal(x); }
    }
    static int poll(MemorySegment e, MemorySegment fds, long n, int timeoutMs) {
        try { return (int) POLL.invokeExact(e, fds, n, timeoutMs); } catch (Throwable x) { throw fatal(x); }
    }
    static int fcntl(MemorySegment e, int fd, int cmd, int arg) {
        try { return (int) FCNTL.invokeExact(e, fd, cmd, arg); } catch (Throwable x) { throw fatal(x); }
    }
    static int gethostname(MemorySegment e, MemorySegment buf, long n) {
        try { return (int) GETHOSTNAME.invokeExact(e, buf, n); } catch (Throwable x) { throw fatal(x); }
    }
    static int getaddrinfo(MemorySegment e, MemorySegment node, MemorySegment service, MemorySegment hints, MemorySegment res) {
        try { return (int) GETADDRINFO.invokeExact(e, node, service, hints, res); } catch (Throwable x) { throw fatal(x); }
    }
    static void freeaddrinfo(MemorySegment ai) {
        try { FREEADDRINFO.invokeExact(ai); } catch (Throwable x) { throw fatal(x); }
    }
    static int getnameinfo(MemorySegment e, MemorySegment sa, int salen, MemorySegment host, int hostlen, MemorySegment serv, int servlen, int flags) {
        try { return (int) GETNAMEINFO.invokeExact(e, sa, salen, host, hostlen, serv, servlen, flags); } catch (Throwable x) { throw fatal(x); }
    }
    static int getuid() {
        try { return (int) GETUID.invokeExact(); } catch (Throwable x) { throw fatal(x); }
    }

    /** Close ignoring errors (EINTR included: on Linux the fd is released anyway). */
    static void closeQuietly(int fd) {
        if (fd >= 0) close(errnoSegment(), fd);
    }

    static String gaiStrerror(int code) {
        try {
            MemorySegment p = (MemorySegment) GAI_STRERROR.invokeExact(code);
            return cString(p);
        } catch (Throwable x) { throw fatal(x); }
    }

    private static final ConcurrentHashMap<Integer, String> STRERROR_CACHE = new ConcurrentHashMap<>();
    private static volatile MemorySegment cLocale;

    /**
     * The libc message for errno, in the "C" locale (CPython leaves LC_MESSAGES at "C", so its OSError texts
     * are the untranslated glibc ones even when the JVM's locale is set).
     */
    static String strerror(int errno) {
        return STRERROR_CACHE.computeIfAbsent(errno, Libc::strerror0);
    }

    private static String strerror0(int errno) {
        try {
            if (STRERROR_L != null && NEWLOCALE != null) {
                MemorySegment loc = cLocale;
                if (loc == null) {
                    try (Arena a = Arena.ofConfined()) {
                        // LC_ALL_MASK as glibc defines it: every category bit except LC_ALL (6).
                        int lcAllMask = 0x1FBF;
                        loc = (MemorySegment) NEWLOCALE.invokeExact(lcAllMask, a.allocateFrom("C"), MemorySegment.NULL);
                    }
                    cLocale = loc;
                }
                if (!loc.equals(MemorySegment.NULL)) {
                    return cString((MemorySegment) STRERROR_L.invokeExact(errno, loc));
                }
            }
            return cString((MemorySegment) STRERROR.invokeExact(errno));
        } catch (Throwable x) {
            throw fatal(x);
        }
    }

    static String cString(MemorySegment p) {
        if (p.equals(MemorySegment.NULL)) return null;
        return p.reinterpret(Long.MAX_VALUE).getString(0, StandardCharsets.UTF_8);
    }
}
