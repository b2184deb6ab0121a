package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.moduleFunction;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.MpException;
import dev.mp.runtime.builtins.IntEnumType;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBoxed;
import dev.mp.runtime.objects.PByteArray;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Exceptions;
import dev.mp.runtime.ops.Iteration;
import dev.mp.runtime.ops.Sequences;
import dev.mp.runtime.ops.Types;
import dev.mp.runtime.socket.NativeSocket;
import dev.mp.runtime.socket.SockAddr;
import dev.mp.runtime.socket.SocketErrnoException;
import dev.mp.runtime.socket.SocketGaiError;
import dev.mp.runtime.socket.SocketTimeoutError;

/**
 * The {@code socket} module over {@link NativeSocket}: the constants, the {@link PSocket socket type}, the
 * exceptions ({@code error} is OSError, {@code timeout} is TimeoutError, {@code gaierror}, {@code herror}) and
 * the functions create_connection, create_server, socketpair, getaddrinfo, gethostname, gethostbyname and the
 * default timeout. The families and socket types are members of the IntEnums {@code AddressFamily} and
 * {@code SocketKind}, as in CPython; the other constants (including the MsgFlag and AddressInfo flags) are plain ints.
 *
 * <p>Also the helpers the socket objects share: running a {@link NativeSocket} call with its Java errors
 * turned into CPython's exceptions ({@link #call}), the IO-policy check, and address conversion between
 * Python values and {@link SockAddr}.
 */
final class SocketModule {
    private SocketModule() {
    }

    static final PClass GAIERROR = PClass.create("gaierror", "gaierror", "socket", new PClass[] {BuiltinClasses.exception("OSError")});
    static final PClass HERROR = PClass.create("herror", "herror", "socket", new PClass[] {BuiltinClasses.exception("OSError")});

    /** The address families mp's sockets support, as on Linux. */
    static final IntEnumType ADDRESS_FAMILY = IntEnumType.define("socket", "AddressFamily",
            new String[] {"AF_UNSPEC", "AF_UNIX", "AF_INET", "AF_INET6"},
            new long[] {NativeSocket.AF_UNSPEC, NativeSocket.AF_UNIX, NativeSocket.AF_INET, NativeSocket.AF_INET6});

    /** The socket types, with the flags that may be or-ed into a type, as on Linux. */
    static final IntEnumType SOCKET_KIND = IntEnumType.define("socket", "SocketKind",
            new String[] {"SOCK_STREAM", "SOCK_DGRAM", "SOCK_RAW", "SOCK_SEQPACKET", "SOCK_NONBLOCK", "SOCK_CLOEXEC"},
            new long[] {NativeSocket.SOCK_STREAM, NativeSocket.SOCK_DGRAM, NativeSocket.SOCK_RAW, NativeSocket.SOCK_SEQPACKET,
                NativeSocket.SOCK_NONBLOCK, NativeSocket.SOCK_CLOEXEC});

    /** The other int constants of the module, as on Linux. */
    private static final Object[] CONSTANTS = {
        "SOL_SOCKET", NativeSocket.SOL_SOCKET, "SO_DEBUG", NativeSocket.SO_DEBUG, "SO_REUSEADDR", NativeSocket.SO_REUSEADDR,
        "SO_TYPE", NativeSocket.SO_TYPE, "SO_ERROR", NativeSocket.SO_ERROR, "SO_DONTROUTE", NativeSocket.SO_DONTROUTE,
        "SO_BROADCAST", NativeSocket.SO_BROADCAST, "SO_SNDBUF", NativeSocket.SO_SNDBUF, "SO_RCVBUF", NativeSocket.SO_RCVBUF,
        "SO_KEEPALIVE", NativeSocket.SO_KEEPALIVE, "SO_OOBINLINE", NativeSocket.SO_OOBINLINE, "SO_LINGER", NativeSocket.SO_LINGER,
        "SO_REUSEPORT", NativeSocket.SO_REUSEPORT, "SO_PASSCRED", NativeSocket.SO_PASSCRED,
        "SO_PEERCRED", NativeSocket.SO_PEERCRED, "SO_RCVLOWAT", NativeSocket.SO_RCVLOWAT,
        "SO_SNDLOWAT", NativeSocket.SO_SNDLOWAT, "SO_RCVTIMEO", NativeSocket.SO_RCVTIMEO,
        "SO_SNDTIMEO", NativeSocket.SO_SNDTIMEO, "SO_ACCEPTCONN", NativeSocket.SO_ACCEPTCONN,
        "SO_PROTOCOL", NativeSocket.SO_PROTOCOL, "SO_DOMAIN", NativeSocket.SO_DOMAIN,
        "SCM_RIGHTS", NativeSocket.SCM_RIGHTS, "SCM_CREDENTIALS", NativeSocket.SCM_CREDENTIALS,
        "IPPROTO_IP", NativeSocket.IPPROTO_IP, "IPPROTO_ICMP", NativeSocket.IPPROTO_ICMP, "IPPROTO_TCP", NativeSocket.IPPROTO_TCP,
        "IPPROTO_UDP", NativeSocket.IPPROTO_UDP, "IPPROTO_IPV6", NativeSocket.IPPROTO_IPV6,
        "TCP_NODELAY", NativeSocket.TCP_NODELAY, "TCP_MAXSEG", NativeSocket.TCP_MAXSEG,
        "TCP_KEEPIDLE", NativeSocket.TCP_KEEPIDLE, "TCP_KEEPINTVL", NativeSocket.TCP_KEEPINTVL,
        "TCP_KEEPCNT", NativeSocket.TCP_KEEPCNT,
        "IP_TOS", NativeSocket.IP_TOS, "IP_TTL", NativeSocket.IP_TTL, "IP_MULTICAST_TTL", NativeSocket.IP_MULTICAST_TTL,
        "IP_MULTICAST_LOOP", NativeSocket.IP_MULTICAST_LOOP, "IPV6_V6ONLY", NativeSocket.IPV6_V6ONLY,
        "SHUT_RD", NativeSocket.SHUT_RD, "SHUT_WR", NativeSocket.SHUT_WR, "SHUT_RDWR", NativeSocket.SHUT_RDWR,
        "SOMAXCONN", NativeSocket.SOMAXCONN,
        "MSG_OOB", NativeSocket.MSG_OOB, "MSG_PEEK", NativeSocket.MSG_PEEK, "MSG_DONTROUTE", NativeSocket.MSG_DONTROUTE,
        "MSG_CTRUNC", NativeSocket.MSG_CTRUNC, "MSG_TRUNC", NativeSocket.MSG_TRUNC, "MSG_DONTWAIT", NativeSocket.MSG_DONTWAIT,
        "MSG_EOR", NativeSocket.MSG_EOR, "MSG_WAITALL", NativeSocket.MSG_WAITALL, "MSG_NOSIGNAL", NativeSocket.MSG_NOSIGNAL,
        "MSG_CMSG_CLOEXEC", NativeSocket.MSG_CMSG_CLOEXEC,
        "AI_PASSIVE", NativeSocket.AI_PASSIVE, "AI_CANONNAME", NativeSocket.AI_CANONNAME,
        "AI_NUMERICHOST", NativeSocket.AI_NUMERICHOST, "AI_V4MAPPED", NativeSocket.AI_V4MAPPED, "AI_ALL", NativeSocket.AI_ALL,
        "AI_ADDRCONFIG", NativeSocket.AI_ADDRCONFIG, "AI_NUMERICSERV", NativeSocket.AI_NUMERICSERV,
    };

    /** The running program's {@code socket.getdefaulttimeout()} in nanoseconds (-1 for None). */
    static long defaultTimeoutNanos() {
        MpContext context = MpContext.current();
        return context == null ? -1 : context.socketDefaultTimeoutNanos();
    }

    static void populate(PModule m) {
        PDict d = m.dict();
        for (int i = 0; i < CONSTANTS.length; i += 2) {
            d.put(CONSTANTS[i], (long) (int) CONSTANTS[i + 1]);
        }
        for (IntEnumType enumType : new IntEnumType[] {ADDRESS_FAMILY, SOCKET_KIND}) {
            d.put(enumType.type().name(), enumType.type());
            for (Map.Entry<String, Object> e : enumType.type().dict().entrySet()) {
                if (e.getValue() instanceof PBoxed) {
                    d.put(e.getKey(), e.getValue());
                }
            }
        }
        d.put("has_ipv6", Boolean.TRUE);
        d.put("socket", PSocket.CLASS);
        d.put("SocketType", PSocket.CLASS);
        d.put("error", BuiltinClasses.exception("OSError"));
        d.put("timeout", BuiltinClasses.exception("TimeoutError"));
        d.put("gaierror", GAIERROR);
        d.put("herror", HERROR);

        moduleFunction(m, "socketpair", "family=None, type=" + NativeSocket.SOCK_STREAM + ", proto=0", a -> {
            checkSocketIOAllowed();
            int family = a[0] == PNone.NONE ? NativeSocket.AF_UNIX : intArg(a[0]);
            int type = intArg(a[1]);
            int proto = intArg(a[2]);
            NativeSocket[] pair = call(() -> NativeSocket.socketpair(family, type, proto, defaultTimeoutNanos()));
            return PTuple.of(new PSocket(pair[0]), new PSocket(pair[1]));
        });
        moduleFunction(m, "create_connection", "address, timeout=?, source_address=None", a -> createConnection(a[0], a[1], a[2]));
        moduleFunction(m, "create_server", "address, *, family=" + NativeSocket.AF_INET + ", backlog=None, reuse_port=False, dualstack_ipv6=False",
                a -> createServer(a[0], intArg(a[1]), a[2], Conversions.isTrue(a[3]), Conversions.isTrue(a[4])));
        moduleFunction(m, "getaddrinfo", "host, port, family=0, type=0, proto=0, flags=0",
                a -> getaddrinfo(a[0], a[1], intArg(a[2]), intArg(a[3]), intArg(a[4]), intArg(a[5])));
        moduleFunction(m, "gethostname", "", a -> call(NativeSocket::gethostname));
        moduleFunction(m, "gethostbyname", "hostname, /", a -> {
            String host = nameArg(a[0]);
            if (host == null) {
                throw Errors.typeError("gethostbyname() argument 1 must be str, bytes or bytearray, not %s", Types.typeName(a[0]));
            }
            checkSocketIOAllowed();
            return call(() -> NativeSocket.gethostbyname(host));
        });
        moduleFunction(m, "getdefaulttimeout", "", a -> {
            long t = defaultTimeoutNanos();
            return t < 0 ? PNone.NONE : (Object) (t / 1e9);
        });
        moduleFunction(m, "setdefaulttimeout", "timeout, /", a -> {
            Double t = timeoutArg(a[0]);
            long nanos = call(() -> NativeSocket.toNanos(t));
            MpContext.current().setSocketDefaultTimeoutNanos(nanos);
            return PNone.NONE;
        });
    }

    // =====================================================================================================
    // Errors and policy
    // =====================================================================================================

    /**
     * Raises PermissionError unless the context's IO policy allows socket IO (an embedder's
     * {@code IOAccess.NONE}, or an IOAccess without socket access, forbids it).
     */
    static void checkSocketIOAllowed() {
        if (!MpContext.get(null).env().isSocketIOAllowed()) {
            throw Errors.make("PermissionError", "socket IO is not allowed by the context's IO policy (IOAccess)");
        }
    }

    /** Runs a {@link NativeSocket} operation, raising its failures as CPython's exceptions. */
    static <T> T call(Supplier<T> operation) {
        try {
            return dev.mp.runtime.MpContext.get(null).gil().releaseWhile(operation);
        } catch (SocketErrnoException | IllegalArgumentException e) {
            throw pythonError(e);
        }
    }

    /** {@link #call} for an operation without a result. */
    static void run(Runnable operation) {
        try {
            dev.mp.runtime.MpContext.get(null).gil().releaseWhile(operation);
        } catch (SocketErrnoException | IllegalArgumentException e) {
            throw pythonError(e);
        }
    }

    /**
     * The Python exception for a failure of the socket layer: TimeoutError("timed out"), gaierror, the
     * OSError subclass its errno picks, or for argument errors the OverflowError, TypeError or ValueError
     * CPython raises for that message (see {@link NativeSocket}).
     */
    static MpException pythonError(RuntimeException e) {
        if (e instanceof SocketTimeoutError) {
            return Errors.make("TimeoutError", "timed out");
        }
        if (e instanceof SocketGaiError g) {
            return Errors.raise(GAIERROR, (long) g.errno(), g.strerror());
        }
        if (e instanceof SocketErrnoException s) {
            return s.errno() == 0 ? Errors.make("OSError", s.getMessage()) : Errors.osError(s.errno(), s.strerror(), null);
        }
        String message = e.getMessage();
        if (message.contains("port must be 0-65535") || message.contains("flowinfo must be 0-1048575")) {
            return Errors.overflowError(message);
        }
        if (message.contains("address must be")) {
            return Errors.typeError(message);
        }
        return Errors.valueError(message);
    }

    // =====================================================================================================
    // Arguments
    // =====================================================================================================

    /** A Python int as a C int, with CPython's OverflowError messages. */
    static int intArg(Object o) {
        Object v = Conversions.index(o);
        if (v instanceof BigInteger b) {
            throw Errors.overflowError(b.signum() > 0 ? "signed integer is greater than maximum" : "signed integer is less than minimum");
        }
        long l = (Long) v;
        if (l > Integer.MAX_VALUE) {
            throw Errors.overflowError("signed integer is greater than maximum");
        }
        if (l < Integer.MIN_VALUE) {
            throw Errors.overflowError("signed integer is less than minimum");
        }
        return (int) l;
    }

    /** A timeout in seconds: None (null), a float, or an int, as CPython's settimeout takes them. */
    static Double timeoutArg(Object o) {
        if (o == PNone.NONE) {
            return null;
        }
        if (o instanceof Double d) {
            return d;
        }
        Object v = Conversions.index(o);
        if (v instanceof BigInteger) {
            throw Errors.overflowError("timestamp too large to convert to C _PyTime_t");
        }
        return (double) (Long) v;
    }

    /** A host name or service given as str, bytes or bytearray; null for anything else. */
    private static String nameArg(Object o) {
        if (o instanceof String s) {
            return s;
        }
        if (o instanceof PBytes || o instanceof PByteArray) {
            return new String(Sequences.bytesOf(o), StandardCharsets.UTF_8);
        }
        return null;
    }

    // =====================================================================================================
    // Addresses
    // =====================================================================================================

    /**
     * Converts a Python address for a socket of {@code family}: a (host, port) pair for AF_INET, (host, port[,
     * flowinfo[, scope_id]]) for AF_INET6, a str or bytes path for AF_UNIX. Raises CPython's TypeError or
     * OverflowError for malformed addresses; {@code caller} is the method name CPython puts in its messages.
     */
    static SockAddr sockAddr(int family, Object address, String caller) {
        switch (family) {
            case NativeSocket.AF_INET -> {
                if (!(address instanceof PTuple t)) {
                    throw Errors.typeError("%s(): AF_INET address must be tuple, not %s", caller, Types.typeName(address));
                }
                if (t.size() != 2) {
                    throw Errors.typeError("AF_INET address must be a pair (host, port)");
                }
                return new SockAddr.Inet4(addressHost(t.get(0)), port(t.get(1), caller));
            }
            case NativeSocket.AF_INET6 -> {
                if (!(address instanceof PTuple t)) {
                    throw Errors.typeError("%s(): AF_INET6 address must be tuple, not %s", caller, Types.typeName(address));
                }
                if (t.size() < 2 || t.size() > 4) {
                    throw Errors.typeError("AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
                }
                String host = addressHost(t.get(0));
                int port = port(t.get(1), caller);
                long flowinfo = t.size() > 2 ? Conversions.asLong(t.get(2)) : 0;
                if (flowinfo < 0 || flowinfo > 0xfffff) {
                    throw Errors.overflowError("%s(): flowinfo must be 0-1048575.", caller);
                }
                int scopeId = t.size() > 3 ? intArg(t.get(3)) : 0;
                return new SockAddr.Inet6(host, port, (int) flowinfo, scopeId);
            }
            case NativeSocket.AF_UNIX -> {
                if (address instanceof String path) {
                    return new SockAddr.Unix(path);
                }
                if (address instanceof PBytes || address instanceof PByteArray) {
                    return new SockAddr.Unix(new String(Sequences.bytesOf(address), StandardCharsets.UTF_8));
                }
                throw Errors.typeError("a bytes-like object is required, not '%s'", Types.typeName(address));
            }
            default -> throw Errors.make("OSError", "%s(): bad family", caller);
        }
    }

    private static String addressHost(Object host) {
        if (host instanceof String s) {
            return s;
        }
        if (host instanceof PBytes || host instanceof PByteArray) {
            return new String(Sequences.bytesOf(host), StandardCharsets.US_ASCII);
        }
        throw Errors.typeError("str, bytes or bytearray expected, not %s", Types.typeName(host));
    }

    private static int port(Object port, String caller) {
        Object v = Conversions.index(port);
        if (v instanceof BigInteger || (Long) v < 0 || (Long) v > 0xffff) {
            throw Errors.overflowError("%s(): port must be 0-65535.", caller);
        }
        return (int) (long) (Long) v;
    }

    /** The Python value of an address: a tuple for IP families, str (bytes if abstract) for AF_UNIX, None if none. */
    static Object address(SockAddr address) {
        if (address == null) {
            return PNone.NONE;
        }
        return switch (address) {
            case SockAddr.Inet4 a -> PTuple.of(a.host(), (long) a.port());
            case SockAddr.Inet6 a -> PTuple.of(a.host(), (long) a.port(), (long) a.flowinfo() & 0xffffffffL, (long) a.scopeId() & 0xffffffffL);
            case SockAddr.Unix u -> u.isAbstract() ? new PBytes(u.pathBytes()) : u.path();
        };
    }

    // =====================================================================================================
    // Functions
    // =====================================================================================================

    private static PList getaddrinfo(Object host, Object port, int family, int type, int proto, int flags) {
        String node = host == PNone.NONE ? null : nameArg(host);
        if (node == null && host != PNone.NONE) {
            throw Errors.typeError("getaddrinfo() argument 1 must be string or None");
        }
        String service = port == PNone.NONE ? null : Types.isInt(port) ? Conversions.str(Conversions.index(port)) : nameArg(port);
        if (service == null && port != PNone.NONE) {
            throw Errors.make("OSError", "Int or String expected");
        }
        checkSocketIOAllowed();
        List<NativeSocket.AddrInfo> infos = call(() -> NativeSocket.getaddrinfo(node, service, family, type, proto, flags));
        PList out = new PList();
        for (NativeSocket.AddrInfo info : infos) {
            out.add(PTuple.of(ADDRESS_FAMILY.member(info.family()), SOCKET_KIND.member(info.type()), (long) info.proto(), info.canonname(),
                    address(info.address())));
        }
        return out;
    }

    /**
     * {@code create_connection(address, timeout, source_address)}: tries each address getaddrinfo gives for
     * the host until one connects; raises the last error otherwise (as CPython without {@code all_errors}).
     */
    private static PSocket createConnection(Object address, Object timeout, Object sourceAddress) {
        Object[] hostPort = Iteration.toArray(address);
        if (hostPort.length != 2) {
            throw Errors.valueError(hostPort.length > 2 ? "too many values to unpack (expected 2)"
                    : "not enough values to unpack (expected 2, got " + hostPort.length + ")");
        }
        MpException last = null;
        for (Object info : getaddrinfo(hostPort[0], hostPort[1], 0, NativeSocket.SOCK_STREAM, 0, 0).items()) {
            Object[] entry = ((PTuple) info).items();
            int family = intArg(entry[0]);
            PSocket sock = null;
            try {
                NativeSocket created = call(() -> NativeSocket.create(family, intArg(entry[1]), intArg(entry[2]), defaultTimeoutNanos()));
                sock = new PSocket(created);
                if (timeout != null) {
                    Double t = timeoutArg(timeout);
                    run(() -> created.settimeout(t));
                }
                if (sourceAddress != PNone.NONE && Conversions.isTrue(sourceAddress)) {
                    SockAddr source = sockAddr(family, sourceAddress, "bind");
                    run(() -> created.bind(source));
                }
                SockAddr target = sockAddr(family, entry[4], "connect");
                run(() -> created.connect(target));
                return sock;
            } catch (MpException e) {
                if (!Exceptions.matches(e, "OSError")) {
                    throw e;
                }
                last = e;
                if (sock != null) {
                    sock.closeQuietly();
                }
            }
        }
        if (last != null) {
            throw last;
        }
        throw Errors.make("OSError", "getaddrinfo returns an empty list");
    }

    /** {@code create_server(address, *, family, backlog, reuse_port, dualstack_ipv6)}, as CPython's socket.py. */
    private static PSocket createServer(Object address, int family, Object backlog, boolean reusePort, boolean dualstack) {
        if (dualstack && family != NativeSocket.AF_INET6) {
            throw Errors.valueError("dualstack_ipv6 requires AF_INET6 family");
        }
        checkSocketIOAllowed();
        NativeSocket created = call(() -> NativeSocket.create(family, NativeSocket.SOCK_STREAM, 0, defaultTimeoutNanos()));
        PSocket sock = new PSocket(created);
        try {
            try {
                created.setsockopt(NativeSocket.SOL_SOCKET, NativeSocket.SO_REUSEADDR, 1);
            } catch (SocketErrnoException ignored) {
                // as CPython: a platform without SO_REUSEADDR semantics still gets a server
            }
            if (reusePort) {
                run(() -> created.setsockopt(NativeSocket.SOL_SOCKET, NativeSocket.SO_REUSEPORT, 1));
            }
            if (family == NativeSocket.AF_INET6) {
                run(() -> created.setsockopt(NativeSocket.IPPROTO_IPV6, NativeSocket.IPV6_V6ONLY, dualstack ? 0 : 1));
            }
            SockAddr local = sockAddr(family, address, "bind");
            try {
                created.bind(local);
            } catch (SocketErrnoException e) {
                if (e.errno() == 0 || e instanceof SocketGaiError) {
                    throw pythonError(e);
                }
                throw Errors.osError(e.errno(), e.strerror() + " (while attempting to bind on address " + Conversions.repr(address) + ")", null);
            } catch (IllegalArgumentException e) {
                throw pythonError(e);
            }
            if (backlog == PNone.NONE) {
                run(created::listen);
            } else {
                int n = intArg(backlog);
                run(() -> created.listen(n));
            }
            return sock;
        } catch (MpException e) {
            sock.closeQuietly();
            throw e;
        }
    }
}
