package dev.mp.runtime.socket;

import static dev.mp.runtime.builtins.BuiltinBuilder.attribute;
import static dev.mp.runtime.builtins.BuiltinBuilder.constructor;
import static dev.mp.runtime.builtins.BuiltinBuilder.method;
import static dev.mp.runtime.socket.SocketAddresses.address;
import static dev.mp.runtime.socket.SocketArguments.intArg;
import static dev.mp.runtime.socket.SocketCalls.call;
import static dev.mp.runtime.socket.SocketCalls.run;

import java.lang.ref.Cleaner;
import java.util.function.Supplier;

import com.oracle.truffle.api.TruffleSafepoint;

import dev.mp.runtime.builtins.IntEnumType;
import dev.mp.runtime.multiprocessing.SharedResource;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PByteArray;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PObject;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Sequences;
import dev.mp.runtime.ops.Types;

/**
 * A Python {@code socket.socket}: a {@link NativeSocket} plus the state CPython's socket.py keeps above
 * {@code _socket.socket} ({@code close()} on a socket that has open {@link SocketFile makefile} files only
 * marks it closed; the fd is released when the last file is closed). An unreachable socket's fd is closed
 * by a cleaner, as CPython closes a socket when it is garbage.
 *
 * <p>Blocking calls wait in slices and poll Truffle safepoints between them, so cancellation and interrupts
 * reach a thread blocked in accept, recv or connect.
 *
 * <p>A socket crosses to another process as a {@link SharedResource}: its handle is
 * {@code family:type:proto:token}, the token being a {@link ResourceSharer} registration of its fd; the
 * receiving side's {@link #rebuild} fetches the fd and owns it. The sender may close its socket right after
 * {@link #shareHandle()}: the sharer holds its own duplicate until the receiver has fetched it.
 */
public final class PSocket extends PObject implements SharedResource {
    public static final PClass CLASS = new PClass("socket", "socket", new PClass[] {BuiltinClasses.OBJECT}, true, PClass.Layout.BUILTIN);
    /** The {@link dev.mp.runtime.multiprocessing.ResourceKinds} name of sockets. */
    public static final String RESOURCE_KIND = "socket";

    /** The address families mp's sockets support, as on Linux. */
    public static final IntEnumType ADDRESS_FAMILY = IntEnumType.define("socket", "AddressFamily",
            new String[] {"AF_UNSPEC", "AF_UNIX", "AF_INET", "AF_INET6"},
            new long[] {NativeSocket.AF_UNSPEC, NativeSocket.AF_UNIX, NativeSocket.AF_INET, NativeSocket.AF_INET6});

    /** The socket types, with the flags that may be or-ed into a type, as on Linux. */
    public static final IntEnumType SOCKET_KIND = IntEnumType.define("socket", "SocketKind",
            new String[] {"SOCK_STREAM", "SOCK_DGRAM", "SOCK_RAW", "SOCK_SEQPACKET", "SOCK_NONBLOCK", "SOCK_CLOEXEC"},
            new long[] {NativeSocket.SOCK_STREAM, NativeSocket.SOCK_DGRAM, NativeSocket.SOCK_RAW, NativeSocket.SOCK_SEQPACKET,
                NativeSocket.SOCK_NONBLOCK, NativeSocket.SOCK_CLOEXEC});

    /** recv may return fewer bytes than asked; capping keeps a huge bufsize from allocating that much memory. */
    private static final int RECV_LIMIT = 1 << 20;
    private static final Runnable POLL_SAFEPOINT = () -> TruffleSafepoint.poll(null);
    private static final Cleaner CLEANER = Cleaner.create();

    final NativeSocket sock;
    /** socket.py's {@code _closed}: close() or detach() was called. */
    private boolean closed;
    /** socket.py's {@code _io_refs}: makefile() files not yet closed. */
    private int ioRefs;

    public PSocket(NativeSocket sock) {
        this.sock = sock;
        sock.setWaitHook(POLL_SAFEPOINT);
        CLEANER.register(this, () -> closeQuietly(sock));
    }

    @Override
    public PClass getPythonClass() {
        return CLASS;
    }

    /** {@code close()}: the fd is released now, or when the last makefile() file is closed. */
    void close() {
        closed = true;
        if (ioRefs <= 0) {
            run(sock::close);
        }
    }

    /** Closes without raising, for cleanup paths that already have an error to report. */
    public void closeQuietly() {
        closed = true;
        closeQuietly(sock);
    }

    private static void closeQuietly(NativeSocket sock) {
        try {
            sock.close();
        } catch (SocketErrnoException ignored) {
            // the fd is released even when close(2) reports an error
        }
    }

    /** A makefile() file was opened on this socket. */
    void addIoRef() {
        ioRefs++;
    }

    /** A makefile() file was closed: a close() that waited for it completes now. */
    void releaseIoRef() {
        if (ioRefs > 0) {
            ioRefs--;
        }
        if (closed) {
            close();
        }
    }

    // =====================================================================================================
    // Sharing with other processes
    // =====================================================================================================

    @Override
    public String resourceKind() {
        return RESOURCE_KIND;
    }

    @Override
    public String shareHandle() {
        String token = call(() -> ResourceSharer.instance().register(sock));
        return sock.family() + ":" + sock.type() + ":" + sock.proto() + ":" + token;
    }

    /** Makes the socket a {@link #shareHandle()} handle stands for, owning the fd fetched from its sharer. */
    public static PSocket rebuild(String handle) {
        String[] parts = handle.split(":", 4);
        int family;
        int type;
        int proto;
        try {
            family = Integer.parseInt(parts[0]);
            type = Integer.parseInt(parts[1]);
            proto = Integer.parseInt(parts[2]);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw Errors.valueError("malformed socket handle: %s", handle);
        }
        SocketCalls.checkSocketIOAllowed();
        int fd = call(() -> ResourceSharer.fetch(parts[3]));
        try {
            return new PSocket(call(() -> NativeSocket.fromFd(fd, family, type, proto, SocketCalls.defaultTimeoutNanos())));
        } catch (RuntimeException e) {
            FdPassing.closeFd(fd);
            throw e;
        }
    }

    // =====================================================================================================
    // Methods
    // =====================================================================================================

    private static PSocket self(Object o) {
        return (PSocket) o;
    }

    private static SockAddr sockAddr(PSocket s, Object address, String caller) {
        return SocketAddresses.sockAddr(s.sock.family(), address, caller);
    }

    private static int bufsize(Object o) {
        return Math.min(intArg(o), RECV_LIMIT);
    }

    static {
        constructor(CLASS, "cls, family=-1, type=-1, proto=-1, fileno=None", a -> {
            SocketCalls.checkSocketIOAllowed();
            int family = intArg(a[1]);
            int type = intArg(a[2]);
            int proto = intArg(a[3]);
            if (a[4] == PNone.NONE) {
                return new PSocket(call(() -> NativeSocket.create(family == -1 ? NativeSocket.AF_INET : family,
                        type == -1 ? NativeSocket.SOCK_STREAM : type, proto == -1 ? 0 : proto, SocketCalls.defaultTimeoutNanos())));
            }
            int fd = intArg(a[4]);
            return new PSocket(call(() -> NativeSocket.fromFd(fd, family, type, proto, SocketCalls.defaultTimeoutNanos())));
        });
        attribute(CLASS, "family", o -> ADDRESS_FAMILY.member(self(o).sock.family()));
        attribute(CLASS, "type", o -> SOCKET_KIND.member(self(o).sock.type()));
        attribute(CLASS, "proto", o -> (long) self(o).sock.proto());
        attribute(CLASS, "timeout", o -> timeout(self(o)));

        method(CLASS, "__repr__", "self", a -> repr(self(a[0])));
        method(CLASS, "__enter__", "self", a -> a[0]);
        method(CLASS, "__exit__", "self, *args", a -> {
            if (!self(a[0]).closed) {
                self(a[0]).close();
            }
            return PNone.NONE;
        });
        method(CLASS, "close", "self, /", a -> {
            self(a[0]).close();
            return PNone.NONE;
        });
        method(CLASS, "detach", "self, /", a -> {
            self(a[0]).closed = true;
            return (long) self(a[0]).sock.detach();
        });
        method(CLASS, "fileno", "self, /", a -> (long) self(a[0]).sock.fileno());
        method(CLASS, "dup", "self, /", a -> new PSocket(call(self(a[0]).sock::dup)));
        method(CLASS, "get_inheritable", "self, /", a -> call(self(a[0]).sock::getInheritable));
        method(CLASS, "set_inheritable", "self, inheritable, /", a -> {
            boolean inheritable = Conversions.isTrue(a[1]);
            run(() -> self(a[0]).sock.setInheritable(inheritable));
            return PNone.NONE;
        });

        method(CLASS, "bind", "self, address, /", a -> {
            SockAddr address = sockAddr(self(a[0]), a[1], "bind");
            run(() -> self(a[0]).sock.bind(address));
            return PNone.NONE;
        });
        method(CLASS, "listen", "self, backlog=?, /", a -> {
            NativeSocket s = self(a[0]).sock;
            if (a[1] == null) {
                run(s::listen);
            } else {
                int backlog = intArg(a[1]);
                run(() -> s.listen(backlog));
            }
            return PNone.NONE;
        });
        method(CLASS, "accept", "self, /", a -> {
            long timeout = SocketCalls.defaultTimeoutNanos();
            NativeSocket.Accepted accepted = call(() -> self(a[0]).sock.accept(timeout));
            return PTuple.of(new PSocket(accepted.socket()), address(accepted.address()));
        });
        method(CLASS, "connect", "self, address, /", a -> {
            SockAddr address = sockAddr(self(a[0]), a[1], "connect");
            run(() -> self(a[0]).sock.connect(address));
            return PNone.NONE;
        });
        method(CLASS, "connect_ex", "self, address, /", a -> {
            SockAddr address = sockAddr(self(a[0]), a[1], "connect_ex");
            return (long) call(() -> self(a[0]).sock.connectEx(address));
        });
        method(CLASS, "shutdown", "self, how, /", a -> {
            int how = intArg(a[1]);
            run(() -> self(a[0]).sock.shutdown(how));
            return PNone.NONE;
        });
        method(CLASS, "getsockname", "self, /", a -> address(call(self(a[0]).sock::getsockname)));
        method(CLASS, "getpeername", "self, /", a -> address(call(self(a[0]).sock::getpeername)));

        method(CLASS, "getsockopt", "self, level, optname, buflen=0, /", a -> {
            NativeSocket s = self(a[0]).sock;
            int level = intArg(a[1]);
            int optname = intArg(a[2]);
            int buflen = intArg(a[3]);
            if (buflen == 0) {
                return (long) call(() -> s.getsockopt(level, optname));
            }
            return new PBytes(call(() -> s.getsockopt(level, optname, buflen)));
        });
        method(CLASS, "setsockopt", "self, level, optname, value, /", a -> {
            NativeSocket s = self(a[0]).sock;
            int level = intArg(a[1]);
            int optname = intArg(a[2]);
            if (Types.isInt(a[3])) {
                int value = intArg(a[3]);
                run(() -> s.setsockopt(level, optname, value));
            } else {
                byte[] value = Sequences.bytesOf(a[3]);
                run(() -> s.setsockopt(level, optname, value));
            }
            return PNone.NONE;
        });

        method(CLASS, "gettimeout", "self, /", a -> timeout(self(a[0])));
        method(CLASS, "settimeout", "self, value, /", a -> {
            Double t = SocketArguments.timeoutArg(a[1]);
            run(() -> self(a[0]).sock.settimeout(t));
            return PNone.NONE;
        });
        method(CLASS, "getblocking", "self, /", a -> self(a[0]).sock.getblocking());
        method(CLASS, "setblocking", "self, flag, /", a -> {
            boolean blocking = Conversions.isTrue(a[1]);
            run(() -> self(a[0]).sock.setblocking(blocking));
            return PNone.NONE;
        });

        method(CLASS, "send", "self, data, flags=0, /", a -> {
            byte[] data = Sequences.bytesOf(a[1]);
            int flags = intArg(a[2]);
            return (long) call(() -> self(a[0]).sock.send(data, 0, data.length, flags));
        });
        method(CLASS, "sendall", "self, data, flags=0, /", a -> {
            byte[] data = Sequences.bytesOf(a[1]);
            int flags = intArg(a[2]);
            run(() -> self(a[0]).sock.sendall(data, 0, data.length, flags));
            return PNone.NONE;
        });
        method(CLASS, "sendto", "self, data, flags_or_address, address=?, /", a -> {
            byte[] data = Sequences.bytesOf(a[1]);
            int flags = a[3] == null ? 0 : intArg(a[2]);
            SockAddr address = sockAddr(self(a[0]), a[3] == null ? a[2] : a[3], "sendto");
            return (long) call(() -> self(a[0]).sock.sendto(data, 0, data.length, flags, address));
        });
        method(CLASS, "recv", "self, bufsize, flags=0, /", a -> {
            int bufsize = bufsize(a[1]);
            int flags = intArg(a[2]);
            return new PBytes(call(() -> self(a[0]).sock.recv(bufsize, flags)));
        });
        method(CLASS, "recvfrom", "self, bufsize, flags=0, /", a -> {
            int bufsize = bufsize(a[1]);
            int flags = intArg(a[2]);
            NativeSocket.RecvFrom r = call(() -> self(a[0]).sock.recvfrom(bufsize, flags));
            return PTuple.of(new PBytes(r.data()), address(r.address()));
        });
        method(CLASS, "recv_into", "self, buffer, nbytes=0, flags=0, /", a -> {
            PByteArray buffer = writableBuffer(a[1], "recv_into");
            byte[] received = receiveArea(buffer, intArg(a[2]), "recv_into", "buffer too small for requested bytes");
            int flags = intArg(a[3]);
            int n = call(() -> self(a[0]).sock.recvInto(received, 0, received.length, flags));
            copyInto(buffer, received, n);
            return (long) n;
        });
        method(CLASS, "recvfrom_into", "self, buffer, nbytes=0, flags=0, /", a -> {
            PByteArray buffer = writableBuffer(a[1], "recvfrom_into");
            byte[] received = receiveArea(buffer, intArg(a[2]), "recvfrom_into", "nbytes is greater than the length of the buffer");
            int flags = intArg(a[3]);
            NativeSocket.RecvFromInto r = call(() -> self(a[0]).sock.recvfromInto(received, 0, received.length, flags));
            copyInto(buffer, received, r.nbytes());
            return PTuple.of((long) r.nbytes(), address(r.address()));
        });

        method(CLASS, "makefile", "self, mode='r', buffering=None, *, encoding=None, errors=None, newline=None",
                a -> SocketFile.open(self(a[0]), (String) a[1], a[2], a[3], a[4], a[5]));
    }

    private static Object timeout(PSocket s) {
        Double t = s.sock.gettimeout();
        return t == null ? PNone.NONE : t;
    }

    private static PByteArray writableBuffer(Object o, String method) {
        if (o instanceof PByteArray b) {
            return b;
        }
        throw Errors.typeError("%s() argument 1 must be read-write bytes-like object, not %s", method, Types.typeName(o));
    }

    /** What recv_into and recvfrom_into receive into: nbytes (0: the buffer's length), after CPython's checks. */
    private static byte[] receiveArea(PByteArray buffer, int nbytes, String method, String tooLarge) {
        if (nbytes < 0) {
            throw Errors.valueError("negative buffersize in %s", method);
        }
        if (nbytes > buffer.length()) {
            throw Errors.valueError(tooLarge);
        }
        return new byte[Math.min(nbytes == 0 ? buffer.length() : nbytes, RECV_LIMIT)];
    }

    private static void copyInto(PByteArray buffer, byte[] data, int n) {
        for (int i = 0; i < n; i++) {
            buffer.set(i, data[i]);
        }
    }

    /** CPython's socket.__repr__: addresses are shown when the socket is open and has them. */
    private static String repr(PSocket s) {
        NativeSocket n = s.sock;
        StringBuilder sb = new StringBuilder("<socket.socket");
        sb.append(s.closed ? " [closed]" : "").append(" fd=").append(n.fileno()).append(", family=").append(n.family())
                .append(", type=").append(n.type()).append(", proto=").append(n.proto());
        if (!s.closed) {
            appendAddress(sb, "laddr", n::getsockname);
            appendAddress(sb, "raddr", n::getpeername);
        }
        return sb.append('>').toString();
    }

    private static void appendAddress(StringBuilder sb, String label, Supplier<SockAddr> name) {
        try {
            Object address = address(name.get());
            if (Conversions.isTrue(address)) {
                sb.append(", ").append(label).append('=').append(Conversions.str(address));
            }
        } catch (SocketErrnoException notConnected) {
            // as CPython: an address that cannot be read is left out
        }
    }
}
