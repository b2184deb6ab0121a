package dev.mp.runtime.socket;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import dev.mp.runtime.posix.Libc;

/**
 * File descriptor passing over AF_UNIX sockets with {@code sendmsg}/{@code recvmsg} and SCM_RIGHTS, like
 * Python's {@code socket.send_fds} / {@code socket.recv_fds}.
 *
 * <p>The receiver gets new descriptors (marked close-on-exec via MSG_CMSG_CLOEXEC) that refer to the very same
 * open file descriptions as the sender's: same socket, same connection state, same file offset and status flags.
 * Both calls honour the socket's timeout/blocking mode, like every {@link NativeSocket} call.
 *
 * <p>On a SOCK_STREAM socket at least one data byte must accompany the descriptors (Linux drops ancillary data
 * sent with zero bytes of payload).
 */
public final class FdPassing {
    private FdPassing() {}

    /** Result of {@link #recvFds}: Python's {@code (data, fds, msg_flags, address)}. */
    public record Received(byte[] data, int[] fds, int msgFlags, SockAddr address) {
        @Override
        public String toString() {
            return "Received[data=" + data.length + " bytes, fds=" + Arrays.toString(fds) + ", flags=" + msgFlags + "]";
        }
    }

    /**
     * {@code socket.send_fds(sock, [data], fds)}: sends {@code data} with the descriptors in one SCM_RIGHTS
     * control message. Returns the number of data bytes sent. The caller keeps ownership of its fds.
     */
    public static int sendFds(NativeSocket sock, byte[] data, int[] fds) {
        return sendFds(sock, data, fds, 0);
    }

    public static int sendFds(NativeSocket sock, byte[] data, int[] fds, int flags) {
        if (fds.length > 253) throw new IllegalArgumentException("too many file descriptors (max 253 per message)");
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(Math.max(data.length, 1));
            MemorySegment.copy(data, 0, buf, JAVA_BYTE, 0, data.length);
            MemorySegment iov = a.allocate(Libc.IOVEC);
            iov.set(ADDRESS, 0, buf);
            iov.set(JAVA_LONG, 8, data.length);

            MemorySegment msg = a.allocate(Libc.MSGHDR);
            msg.set(ADDRESS, Libc.MSG_NAME, MemorySegment.NULL);
            msg.set(JAVA_INT, Libc.MSG_NAMELEN, 0);
            msg.set(ADDRESS, Libc.MSG_IOV, iov);
            msg.set(JAVA_LONG, Libc.MSG_IOVLEN, 1);
            if (fds.length > 0) {
                long dataLen = 4L * fds.length;
                MemorySegment ctl = a.allocate(Libc.cmsgSpace(dataLen), 8);
                ctl.set(JAVA_LONG, Libc.CMSG_LEN_OFF, Libc.cmsgLen(dataLen));
                ctl.set(JAVA_INT, Libc.CMSG_LEVEL_OFF, NativeSocket.SOL_SOCKET);
                ctl.set(JAVA_INT, Libc.CMSG_TYPE_OFF, NativeSocket.SCM_RIGHTS);
                for (int i = 0; i < fds.length; i++) {
                    ctl.set(JAVA_INT, Libc.CMSG_HDR_SIZE + 4L * i, fds[i]);
                }
                msg.set(ADDRESS, Libc.MSG_CONTROL, ctl);
                msg.set(JAVA_LONG, Libc.MSG_CONTROLLEN, ctl.byteSize());
            } else {
                msg.set(ADDRESS, Libc.MSG_CONTROL, MemorySegment.NULL);
                msg.set(JAVA_LONG, Libc.MSG_CONTROLLEN, 0);
            }
            int fl = flags | NativeSocket.MSG_NOSIGNAL | NativeSocket.MSG_DONTWAIT;
            return (int) sock.io(NativeSocket.POLLOUT, (f, es) -> Libc.sendmsg(es, f, msg, fl));
        }
    }

    /** Sends one descriptor with a single marker byte. */
    public static void sendFd(NativeSocket sock, int fd) {
        sendFds(sock, new byte[] {'F'}, new int[] {fd});
    }

    /**
     * {@code socket.recv_fds(sock, bufsize, maxfds)}: receives up to {@code bufsize} data bytes and up to
     * {@code maxfds} descriptors. The received descriptors are owned by the caller. If the control buffer was
     * too small, {@code msgFlags} contains MSG_CTRUNC and the descriptors that did not fit are lost (closed by
     * the kernel). Returns empty data and no fds at EOF.
     */
    public static Received recvFds(NativeSocket sock, int bufsize, int maxfds) {
        return recvFds(sock, bufsize, maxfds, 0);
    }

    public static Received recvFds(NativeSocket sock, int bufsize, int maxfds, int flags) {
        if (bufsize < 0) throw new IllegalArgumentException("negative buffer size in recvmsg()");
        if (maxfds < 0) throw new IllegalArgumentException("negative maxfds");
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(Math.max(bufsize, 1));
            MemorySegment iov = a.allocate(Libc.IOVEC);
            iov.set(ADDRESS, 0, buf);
            iov.set(JAVA_LONG, 8, bufsize);
            MemorySegment name = a.allocate(Libc.SOCKADDR_STORAGE_SIZE);
            long ctlSize = maxfds == 0 ? 0 : Libc.cmsgSpace(4L * maxfds);
            MemorySegment ctl = ctlSize == 0 ? MemorySegment.NULL : a.allocate(ctlSize, 8);
            MemorySegment msg = a.allocate(Libc.MSGHDR);
            int fl = flags | NativeSocket.MSG_CMSG_CLOEXEC | NativeSocket.MSG_DONTWAIT;
            long n = sock.io(NativeSocket.POLLIN, (f, es) -> {
                msg.fill((byte) 0);
                msg.set(ADDRESS, Libc.MSG_NAME, name);
                msg.set(JAVA_INT, Libc.MSG_NAMELEN, Libc.SOCKADDR_STORAGE_SIZE);
                msg.set(ADDRESS, Libc.MSG_IOV, iov);
                msg.set(JAVA_LONG, Libc.MSG_IOVLEN, 1);
                msg.set(ADDRESS, Libc.MSG_CONTROL, ctl);
                msg.set(JAVA_LONG, Libc.MSG_CONTROLLEN, ctlSize);
                return Libc.recvmsg(es, f, msg, fl);
            });
            int msgFlags = msg.get(JAVA_INT, Libc.MSG_FLAGS);
            long ctlLen = msg.get(JAVA_LONG, Libc.MSG_CONTROLLEN);
            int[] fds = new int[0];
            long off = 0;
            while (ctlSize > 0 && off + Libc.CMSG_HDR_SIZE <= ctlLen) {
                long len = ctl.get(JAVA_LONG, off + Libc.CMSG_LEN_OFF);
                int level = ctl.get(JAVA_INT, off + Libc.CMSG_LEVEL_OFF);
                int type = ctl.get(JAVA_INT, off + Libc.CMSG_TYPE_OFF);
                if (len < Libc.CMSG_HDR_SIZE || off + len > ctlSize) break;
                if (level == NativeSocket.SOL_SOCKET && type == NativeSocket.SCM_RIGHTS) {
                    int count = (int) ((len - Libc.CMSG_HDR_SIZE) / 4);
                    int base = fds.length;
                    fds = Arrays.copyOf(fds, base + count);
                    for (int i = 0; i < count; i++) {
                        fds[base + i] = ctl.get(JAVA_INT, off + Libc.CMSG_HDR_SIZE + 4L * i);
                    }
                }
                off += Libc.align(len);
            }
            byte[] data = buf.asSlice(0, n).toArray(JAVA_BYTE);
            SockAddr from = NativeSocket.decode(name, msg.get(JAVA_INT, Libc.MSG_NAMELEN));
            return new Received(data, fds, msgFlags, from);
        }
    }

    /**
     * Receives exactly one descriptor sent by {@link #sendFd}; throws if none arrived (closing any extras).
     */
    public static int recvFd(NativeSocket sock) {
        Received r = recvFds(sock, 16, 1);
        if (r.fds().length != 1) {
            for (int fd : r.fds()) Libc.closeQuietly(fd);
            if (r.data().length == 0) throw new SocketErrnoException("connection closed before a file descriptor arrived");
            throw new SocketErrnoException("expected 1 file descriptor, received " + r.fds().length);
        }
        return r.fds()[0];
    }

    /** Closes a raw fd (for fds received here and not wrapped in a {@link NativeSocket}). */
    public static void closeFd(int fd) {
        MemorySegment es = Libc.errnoSegment();
        if (Libc.close(es, fd) < 0) {
            int e = Libc.errno(es);
            if (e != Errno.EINTR) throw SocketErrnoException.of(e);
        }
    }
}
