package dev.mp.runtime.socket;

import java.nio.charset.StandardCharsets;

/**
 * A socket address, shaped like the Python value:
 * <ul>
 *   <li>{@link Inet4}: AF_INET {@code (host, port)}</li>
 *   <li>{@link Inet6}: AF_INET6 {@code (host, port, flowinfo, scope_id)} (Python accepts 2..4 items on input and
 *       always returns the 4-tuple)</li>
 *   <li>{@link Unix}: AF_UNIX path. A path starting with {@code '\0'} is in Linux's abstract namespace; Python
 *       represents those as {@code bytes} (and filesystem paths as {@code str}); {@link Unix#isAbstract()} tells
 *       the binder which. An unnamed socket (unbound, socketpair) has the empty path {@code ""}.</li>
 * </ul>
 * Hosts on input may be numeric addresses, host names ({@code "localhost"}), {@code ""} (INADDR_ANY / in6addr_any)
 * or {@code "<broadcast>"} (AF_INET only), as in CPython. Hosts on output are numeric strings.
 */
public sealed interface SockAddr {

    /** The address family constant (AF_INET, AF_INET6, AF_UNIX). */
    int family();

    record Inet4(String host, int port) implements SockAddr {
        public Inet4 {
            if (host == null) throw new IllegalArgumentException("host must not be None");
        }
        @Override public int family() { return NativeSocket.AF_INET; }
    }

    record Inet6(String host, int port, int flowinfo, int scopeId) implements SockAddr {
        public Inet6 {
            if (host == null) throw new IllegalArgumentException("host must not be None");
        }
        public Inet6(String host, int port) { this(host, port, 0, 0); }
        @Override public int family() { return NativeSocket.AF_INET6; }
    }

    record Unix(String path) implements SockAddr {
        public Unix {
            if (path == null) throw new IllegalArgumentException("path must not be None");
        }
        /** An abstract-namespace address: {@code name} without the leading NUL. */
        public static Unix abstractName(String name) { return new Unix("\0" + name); }
        public boolean isAbstract() { return !path.isEmpty() && path.charAt(0) == '\0'; }
        /** The raw path bytes (UTF-8), including the leading NUL for abstract names. */
        public byte[] pathBytes() { return path.getBytes(StandardCharsets.UTF_8); }
        @Override public int family() { return NativeSocket.AF_UNIX; }
    }
}
