package dev.mp.runtime.multiprocessing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a child JVM has finished booting, for {@code terminate()}: a JVM that receives SIGTERM while it
 * initialises prints JVM text on the user's standard error ({@code Runtime.exit(143) logging failed: ...},
 * {@code Error occurred during initialization of VM ... Bad level}) instead of ending quietly. So a child that has
 * not booted yet is ended with SIGKILL, which it cannot notice, and its exit code reads as SIGTERM's, -15.
 *
 * <p>A child announces that it booted by catching {@value #SIGNAL} (which nothing sends it; its default action is
 * to ignore it) as the first thing {@link ChildMain#main} does: the parent sees the handler in the child's caught
 * signals mask ({@code SigCgt} of {@code /proc/<pid>/status}, Linux). Where that cannot be read, a child counts as
 * booted and gets SIGTERM.
 */
final class ChildBoot {
    private ChildBoot() {
    }

    /**
     * The children this JVM ended with SIGKILL because they were still booting, whichever path terminated them (a
     * Process's terminate(), or an interrupted program terminating its children): their exit reads as SIGTERM.
     */
    private static final Set<Long> KILLED_WHILE_BOOTING = ConcurrentHashMap.newKeySet();

    /** Whether {@link #terminate} ended the child {@code pid} with SIGKILL because it was still booting; forgets it. */
    static boolean killedWhileBooting(long pid) {
        return KILLED_WHILE_BOOTING.remove(pid);
    }

    /** SIGURG: ignored by default, never used by the JVM. */
    static final String SIGNAL = "URG";
    private static final int SIGNAL_NUMBER = 23;

    /** Called by a child once its JVM runs its main class. */
    static void announceBooted() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(SIGNAL), signal -> {
            });
        } catch (IllegalArgumentException unsupported) {
            // No such signal here: the parent then cannot tell, and sends SIGTERM.
        }
    }

    /** Whether the child {@code pid} is still booting: alive, and not yet catching {@value #SIGNAL}. */
    static boolean isBooting(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("SigCgt:")) {
                    long caught = Long.parseUnsignedLong(line.substring("SigCgt:".length()).strip(), 16);
                    return (caught & 1L << (SIGNAL_NUMBER - 1)) == 0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Gone, or no /proc: treated as booted.
        }
        return false;
    }

    /**
     * Ends a child as {@code terminate()} does: SIGTERM, or SIGKILL while it boots.
     *
     * @return whether it was killed with SIGKILL for booting
     */
    static boolean terminate(Process process, long pid) {
        if (pid > 0 && isBooting(pid)) {
            KILLED_WHILE_BOOTING.add(pid);
            process.destroyForcibly();
            return true;
        }
        process.destroy();
        return false;
    }
}
