package dev.mp.runtime.socket;

import static dev.mp.runtime.socket.SocketArguments.intArg;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import dev.mp.runtime.objects.PByteArray;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Sequences;
import dev.mp.runtime.ops.Types;

/** Socket addresses between their Python values (tuples, paths) and {@link SockAddr}. */
public final class SocketAddresses {
    private SocketAddresses() {
    }

    /**
     * Converts a Python address for a socket of {@code family}: a (host, port) pair for AF_INET, (host, port[,
     * flowinfo[, scope_id]]) for AF_INET6, a str or bytes path for AF_UNIX. Raises CPython's TypeError or
     * OverflowError for malformed addresses; {@code caller} is the method name CPython puts in its messages.
     */
    public static SockAddr sockAddr(int family, Object address, String caller) {
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
    public static Object address(SockAddr address) {
        if (address == null) {
            return PNone.NONE;
        }
        return switch (address) {
            case SockAddr.Inet4 a -> PTuple.of(a.host(), (long) a.port());
            case SockAddr.Inet6 a -> PTuple.of(a.host(), (long) a.port(), (long) a.flowinfo() & 0xffffffffL, (long) a.scopeId() & 0xffffffffL);
            case SockAddr.Unix u -> u.isAbstract() ? new PBytes(u.pathBytes()) : u.path();
        };
    }
}
