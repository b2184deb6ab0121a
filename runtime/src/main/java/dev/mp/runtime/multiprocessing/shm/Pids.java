package dev.mp.runtime.multiprocessing.shm;

/**
 * Process-id helpers shared by the primitives of this package.
 *
 * <p>The pid of the current process is looked up once and cached. Linux pids fit in 22 bits
 * ({@code /proc/sys/kernel/pid_max} is at most 2^22), so a pid always fits in the low 31 bits
 * of an {@code int}; the primitives rely on that to keep a flag in bit 31 of a lock word.
 */
public final class Pids {
    private static final int CURRENT = toInt(ProcessHandle.current().pid());

    private Pids() {}

    /** The pid of this process (cached, {@code ProcessHandle.current().pid()}). */
    public static int current() {
        return CURRENT;
    }

    /**
     * Whether a process with this pid is alive. This is a system call (slow path only); a pid
     * reused by an unrelated process counts as alive.
     */
    public static boolean isAlive(int pid) {
        if (pid <= 0) {
            return false;
        }
        if (pid == CURRENT) {
            return true;
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    static int toInt(long pid) {
        if (pid <= 0 || pid > 0x3FFF_FFFFL) {
            throw new IllegalStateException("pid out of the supported range: " + pid);
        }
        return (int) pid;
    }
}
