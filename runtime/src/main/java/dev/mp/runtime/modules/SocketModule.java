package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.moduleFunction;
import static dev.mp.runtime.socket.SocketAddresses.address;
import static dev.mp.runtime.socket.SocketAddresses.sockAddr;
import static dev.mp.runtime.socket.SocketArguments.intArg;
import static dev.mp.runtime.socket.SocketArguments.timeoutArg;
import static dev.mp.runtime.socket.SocketCalls.call;
import static dev.mp.runtime.socket.SocketCalls.checkSocketIOAllowed;
import static dev.mp.runtime.socket.SocketCalls.defaultTimeoutNanos;
import static dev.mp.runtime.socket.SocketCalls.pythonError;
import static dev.mp.runtime.socket.SocketCalls.run;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

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
import dev.mp.runtime.socket.PSocket;
import dev.mp.runtime.socket.SockAddr;
import dev.mp.runtime.socket.SocketCalls;
import dev.mp.runtime.socket.SocketErrnoException;
import dev.mp.runtime.socket.SocketGaiError;

/**
 * The {@code socket} module over {@link NativeSocket}: the constants, the {@link PSocket socket type}, the
 * exceptions ({@code error} is OSError, {@code timeout} is TimeoutError, {@code gaierror}, {@code herror}) and
 * the functions create_connection, create_server, socketpair, getaddrinfo, gethostname, gethostbyname and the
 * default timeout. The families and socket types are members of the IntEnums {@code AddressFamily} and
 * {@code SocketKind}, as in CPython; the other constants (including the MsgFlag and AddressInfo flags) are plain ints.
 *
 * <p>The helpers it shares with the socket objects are in {@code socket/}: {@link SocketCalls} (policy, default
 * timeout, errors), {@link dev.mp.runtime.socket.SocketArguments} and {@link dev.mp.runtime.socket.SocketAddresses}.
 */
final class SocketModule {
    private SocketModule() {
    }

    static final PClass HERROR = PClass.create("herror", "herror", "socket", new PClass[] {BuiltinClasses.exception("OSError")});

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

    static void populate(PModule m) {
        PDict d = m.dict();
        for (int i = 0; i < CONSTANTS.length; i += 2) {
            d.put(CONSTANTS[i], (long) (int) CONSTANTS[i + 1]);
        }
        for (IntEnumType enumType : new IntEnumType[] {PSocket.ADDRESS_FAMILY, PSocket.SOCKET_KIND}) {
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
        d.put("gaierror", SocketCalls.GAIERROR);
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
    // Arguments
    // =====================================================================================================

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
            out.add(PTuple.of(PSocket.ADDRESS_FAMILY.member(info.family()), PSocket.SOCKET_KIND.member(info.type()), (long) info.proto(), info.canonname(),
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
