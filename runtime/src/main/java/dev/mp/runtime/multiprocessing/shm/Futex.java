package dev.mp.runtime.multiprocessing.shm;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mp.runtime.posix.Libc;

/**
 * Blocking on a 32-bit word in shared memory, across processes.
 *
 * <p>On Linux (x86_64 and aarch64) this is the {@code futex(2)} system call, called through an
 * FFM downcall to libc's {@code syscall}, with the <em>shared</em> (non-{@code PRIVATE}) operations
 * {@code FUTEX_WAIT} / {@code FUTEX_WAKE}, so waiters and wakers may live in different processes
 * that map the same file. Elsewhere, or when the downcall cannot be linked, or when the system
 * property {@code mp.shm.futex=false} is set, a portable fallback is used behind the same calls:
 * {@link #wait} spins briefly and then polls the word with growing {@code parkNanos} sleeps (up
 * to 1 ms), and {@link #wake} does nothing (waiters notice the change by polling).
 *
 * <p>Contract common to both implementations: {@link #wait} may return spuriously (callers
 * always re-check their condition in a loop); it never returns {@link #TIMED_OUT} before the
 * timeout has elapsed. The word must be 4-byte aligned and inside a native (mapped) segment.
 * A thread blocked here is not interruptible by {@link Thread#interrupt()}; callers that need
 * to react to interrupts should wait in bounded slices.
 */
public final class Futex {
    /** Returned by {@link #wait} when the timeout elapsed while the word still held the expected value. */
    public static final int TIMED_OUT = -1;

    /** Looked up when it logs, not at class loading: a process that never logs does not start slf4j. */
    private static Logger log() {
        return LoggerFactory.getLogger(Futex.class);
    }
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    private static final long FUTEX_WAIT = 0;
    private static final long FUTEX_WAKE = 1;
    private static final int EAGAIN = 11;
    private static final int EINTR = 4;
    private static final int ETIMEDOUT = 110;

    private static final MethodHandle SYSCALL;
    private static final long SYS_FUTEX;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    static {
        MethodHandle mh = null;
        long nr = -1;
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (arch.equals("amd64") || arch.equals("x86_64")) {
            nr = 202;
        } else if (arch.equals("aarch64") || arch.equals("arm64")) {
            nr = 98;
        }
        boolean wanted = !"false".equalsIgnoreCase(System.getProperty("mp.shm.futex", "true"));
        if (wanted && os.contains("linux") && nr > 0) {
            try {
                // long syscall(long number, ...): all six variadic arguments are passed as longs
                // (pointers as raw addresses), which matches what glibc reads with va_arg(long).
                FunctionDescriptor fd = FunctionDescriptor.of(ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_LONG);
                mh = Libc.downcallWithErrno("syscall", fd, Linker.Option.firstVariadicArg(1));
            } catch (Throwable t) {
                log().warn("futex downcall unavailable, using the portable polling fallback: {}", t.toString());
                mh = null;
            }
        }
        SYSCALL = mh;
        SYS_FUTEX = nr;
    }

    private Futex() {}

    /** Per-thread native scratch memory: errno capture area followed by a struct timespec. */
    private static final class Scratch {
        final MemorySegment capture;
        final MemorySegment timespec;

        Scratch() {
            long capAligned = (Libc.CAPTURE_SIZE + 15) & ~15L;
            MemorySegment all = Arena.ofAuto().allocate(capAligned + 16, 16);
            capture = all.asSlice(0, Math.max(Libc.CAPTURE_SIZE, 4));
            timespec = all.asSlice(capAligned, 16);
        }
    }

    /** True when the real Linux futex is in use, false when the polling fallback is. */
    public static boolean available() {
        return SYSCALL != null;
    }

    /**
     * Blocks while the int at {@code seg[offset]} equals {@code expected}.
     *
     * @param timeoutNanos relative timeout; negative means wait forever, 0 means do not block
     * @return 0 when woken, when the value differed, or on a spurious/interrupted wakeup
     *         (EINTR/EAGAIN); {@link #TIMED_OUT} when the timeout elapsed
     * @throws IllegalArgumentException if the word is not 4-byte aligned or not in native memory
     */
    public static int wait(MemorySegment seg, long offset, int expected, long timeoutNanos) {
        if ((int) INT.getVolatile(seg, offset) != expected) {
            return 0;
        }
        if (timeoutNanos == 0) {
            return TIMED_OUT;
        }
        if (SYSCALL == null) {
            return fallbackWait(seg, offset, expected, timeoutNanos);
        }
        long addr = address(seg, offset);
        Scratch s = SCRATCH.get();
        long tsAddr = 0;
        if (timeoutNanos > 0) {
            s.timespec.set(ValueLayout.JAVA_LONG, 0, timeoutNanos / 1_000_000_000L);
            s.timespec.set(ValueLayout.JAVA_LONG, 8, timeoutNanos % 1_000_000_000L);
            tsAddr = s.timespec.address();
        }
        long r;
        try {
            r = (long) SYSCALL.invokeExact(s.capture, SYS_FUTEX, addr, FUTEX_WAIT,
                    (long) expected, tsAddr, 0L, 0L);
        } catch (Throwable t) {
            throw new IllegalStateException("futex wait failed", t);
        }
        if (r == 0) {
            return 0;
        }
        int errno = Libc.errno(s.capture);
        if (errno == ETIMEDOUT) {
            return TIMED_OUT;
        }
        if (errno == EAGAIN || errno == EINTR) {
            return 0;
        }
        throw new IllegalStateException("futex wait failed, errno " + errno);
    }

    /**
     * Wakes up to {@code count} processes/threads blocked in {@link #wait} on this word.
     *
     * @return the number woken (always 0 with the polling fallback, where waiters poll)
     */
    public static int wake(MemorySegment seg, long offset, int count) {
        if (SYSCALL == null) {
            return 0;
        }
        long addr = address(seg, offset);
        long r;
        try {
            r = (long) SYSCALL.invokeExact(SCRATCH.get().capture, SYS_FUTEX, addr, FUTEX_WAKE,
                    (long) count, 0L, 0L, 0L);
        } catch (Throwable t) {
            throw new IllegalStateException("futex wake failed", t);
        }
        if (r < 0) {
            int errno = Libc.errno(SCRATCH.get().capture);
            throw new IllegalStateException("futex wake failed, errno " + errno);
        }
        return (int) r;
    }

    private static long address(MemorySegment seg, long offset) {
        if (!seg.isNative()) {
            throw new IllegalArgumentException("futex word must be in native memory");
        }
        if (offset < 0 || offset + 4 > seg.byteSize()) {
            throw new IndexOutOfBoundsException("futex word offset " + offset);
        }
        long addr = seg.address() + offset;
        if ((addr & 3) != 0) {
            throw new IllegalArgumentException("futex word must be 4-byte aligned");
        }
        return addr;
    }

    /** The portable fallback: spin, then poll with growing sleeps up to 1 ms. Package-private for tests. */
    static int fallbackWait(MemorySegment seg, long offset, int expected, long timeoutNanos) {
        long deadline = timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0;
        long sleep = 1_000;
        int spins = 0;
        while ((int) INT.getVolatile(seg, offset) == expected) {
            long park = sleep;
            if (timeoutNanos > 0) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return TIMED_OUT;
                }
                park = Math.min(park, remaining);
            } else if (timeoutNanos == 0) {
                return TIMED_OUT;
            }
            if (spins < 100) {
                spins++;
                Thread.onSpinWait();
                continue;
            }
            LockSupport.parkNanos(park);
            sleep = Math.min(sleep * 2, 1_000_000);
        }
        return 0;
    }
}
