package dev.mp.runtime.multiprocessing.ipc;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ShmPipeTest {
    private static final long MS = 1_000_000L;
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r);
        t.setDaemon(true);
        return t;
    });

    @AfterAll
    static void shutdown() {
        POOL.shutdownNow();
    }

    @Test
    void duplexBothDirections() throws Exception {
        ShmPipe p = ShmPipe.create(true, 4096);
        ShmConnection a = p.end0(), b = p.end1();
        assertTrue(a.readable() && a.writable() && b.readable() && b.writable());
        a.send(new byte[] {1});
        b.send(new byte[] {2, 2});
        assertTrue(b.poll(0));
        assertArrayEquals(new byte[] {1}, b.recv());
        assertArrayEquals(new byte[] {2, 2}, a.recv());
        assertFalse(a.poll(0));
        assertFalse(a.poll(20 * MS));
        assertNull(a.recv(20 * MS));
        Future<?> echo = POOL.submit(() -> {
            for (int i = 0; i < 1000; i++) b.send(b.recv());
            return null;
        });
        for (int i = 0; i < 1000; i++) {
            byte[] m = Msgs.make(1, i, 12 + i % 200);
            a.send(m);
            assertArrayEquals(m, a.recv());
        }
        echo.get(10, TimeUnit.SECONDS);
    }

    @Test
    void oneWayPipeDirections() {
        ShmPipe p = ShmPipe.create(false, 1024);
        ShmConnection r = p.end0(), w = p.end1();
        assertTrue(r.readable());
        assertFalse(r.writable());
        assertFalse(w.readable());
        assertTrue(w.writable());
        assertThrows(UnsupportedOperationException.class, () -> r.send(new byte[1]));
        assertThrows(UnsupportedOperationException.class, w::recv);
        w.send(new byte[] {5});
        assertArrayEquals(new byte[] {5}, r.recv());
    }

    @Test
    void eofAfterDrainWhenWriterCloses() {
        ShmPipe p = ShmPipe.create(false, 1024);
        ShmConnection r = p.end0(), w = p.end1();
        w.send(new byte[] {1});
        w.send(new byte[] {2});
        w.close();
        w.close(); // idempotent
        assertTrue(w.closed());
        assertThrows(HandleClosedException.class, () -> w.send(new byte[1]));
        assertTrue(r.poll(0));
        assertArrayEquals(new byte[] {1}, r.recv());
        assertArrayEquals(new byte[] {2}, r.recv());
        assertTrue(r.poll(0)); // EOF is "readable", as in CPython
        assertThrows(ConnectionClosedException.class, r::recv);
        assertThrows(ConnectionClosedException.class, r::recv);
    }

    @Test
    void blockedRecvWakesUpOnClose() throws Exception {
        ShmPipe p = ShmPipe.create(true, 1024);
        Future<Throwable> f = POOL.submit(() -> {
            try {
                p.end0().recv();
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        Thread.sleep(50);
        p.end1().close();
        assertInstanceOf(ConnectionClosedException.class, f.get(10, TimeUnit.SECONDS));
    }

    @Test
    void sendToClosedPeerIsBrokenPipe() throws Exception {
        ShmPipe p = ShmPipe.create(false, 1024);
        p.end0().close();
        BrokenPipeException e = assertThrows(BrokenPipeException.class, () -> p.end1().send(new byte[1]));
        assertEquals("[Errno 32] Broken pipe", e.getMessage());

        // a writer blocked on a full ring gets BrokenPipe when the reader goes away
        ShmPipe p2 = ShmPipe.create(false, 128);
        Future<Throwable> f = POOL.submit(() -> {
            try {
                for (int i = 0; ; i++) p2.end1().send(new byte[40]);
            } catch (Throwable t) {
                return t;
            }
        });
        Thread.sleep(50);
        p2.end0().close();
        assertInstanceOf(BrokenPipeException.class, f.get(10, TimeUnit.SECONDS));
    }

    @Test
    void secondHandleKeepsEndOpen() {
        ShmPipe p = ShmPipe.create(false, 1024);
        ShmConnection w2 = ShmConnection.attach(p.end1().descriptor());
        p.end1().close();
        assertTrue(p.end0().peerOpen());
        w2.send(new byte[] {3});
        assertArrayEquals(new byte[] {3}, p.end0().recv());
        assertNull(p.end0().recv(20 * MS));
        w2.close();
        assertFalse(p.end0().peerOpen());
        assertThrows(ConnectionClosedException.class, p.end0()::recv);
    }

    @Test
    void grantedDescriptorHoldsTheEndForThatPid() {
        ShmPipe p = ShmPipe.create(false, 1024);
        // a grant for a pid that does not exist counts as closed
        String d = p.end1().descriptorFor(Integer.MAX_VALUE - 1);
        assertTrue(d.startsWith("mpp1:1g:"));
        p.end1().close();
        assertFalse(p.end0().peerOpen());
        // a grant for this pid is claimed by attach (no second registration)
        ShmPipe q = ShmPipe.create(false, 1024);
        String g = q.end1().descriptorFor(ProcessHandle.current().pid());
        q.end1().close();
        assertTrue(q.end0().peerOpen());
        ShmConnection w = ShmConnection.attach(g);
        w.close();
        assertFalse(q.end0().peerOpen());
    }

    @Test
    void bigMessagesThroughSmallPipe() throws Exception {
        ShmPipe p = ShmPipe.create(true, 1024);
        byte[] big = Msgs.make(3, 1, 10 * 1024);
        Future<byte[]> r = POOL.submit(() -> p.end1().recv());
        p.end0().send(big);
        assertArrayEquals(big, r.get(10, TimeUnit.SECONDS));
        assertThrows(IllegalArgumentException.class, () -> ShmConnection.attach("mpp1:x"));
    }
}
