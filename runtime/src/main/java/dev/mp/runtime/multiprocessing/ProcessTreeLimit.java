package dev.mp.runtime.multiprocessing;

import java.util.Arrays;
import java.util.Optional;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.MpException;
import dev.mp.runtime.ops.Errors;

/**
 * The bound on the child JVMs alive at once in one program's process tree: the program that was started and
 * every mp process below it, at any depth. A program that starts processes recursively, or any other runaway,
 * gets a clear error instead of exhausting the machine (a child JVM takes about 75 MB and a second of CPU).
 *
 * <p>The limit is the environment variable {@value #VARIABLE} (default {@value #DEFAULT}); children inherit it with
 * the environment. A child learns the pid of the tree's root from the system property {@value #ROOT_PROPERTY} on
 * its command line; the live mp JVMs are the root's descendants that run {@link ChildMain} (standbys included).
 * When the root has ended, a process counts its own subtree.
 */
final class ProcessTreeLimit {
    private ProcessTreeLimit() {
    }

    /** The environment variable that sets the limit. */
    static final String VARIABLE = "MP_MAX_PROCESSES";
    static final int DEFAULT = 128;
    /** The system property naming the root of the tree on a child's command line. */
    static final String ROOT_PROPERTY = "mp.processTreeRoot";

    /** The command-line option a child gets: the pid of this process's tree's root. */
    static String rootOption() {
        return "-D" + ROOT_PROPERTY + "=" + root().pid();
    }

    private static ProcessHandle root() {
        Long pid = Long.getLong(ROOT_PROPERTY);
        Optional<ProcessHandle> root = pid == null ? Optional.empty() : ProcessHandle.of(pid);
        return root.filter(ProcessHandle::isAlive).orElse(ProcessHandle.current());
    }

    /**
     * Raises OSError when launching one more child would exceed the limit; {@code launching} children of this
     * process are being launched and may not be visible as processes yet.
     */
    @TruffleBoundary
    static void check(MpContext context, int launching) {
        int limit = limit(context);
        long live = root().descendants().filter(ProcessTreeLimit::runsChildMain).count() + launching;
        if (live >= limit) {
            throw Errors.make("OSError",
                    "cannot start a process: this program's process tree already runs %d mp processes, the limit that the environment variable %s sets",
                    limit, VARIABLE);
        }
    }

    private static int limit(MpContext context) {
        String value;
        try {
            value = context.env().getEnvironment().get(VARIABLE);
        } catch (SecurityException noEnvironmentAccess) {
            value = null;
        }
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        try {
            return Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            throw invalid(value);
        }
    }

    private static MpException invalid(String value) {
        return Errors.valueError("%s must be a number of processes, not '%s'", VARIABLE, value);
    }

    private static boolean runsChildMain(ProcessHandle process) {
        return process.info().arguments().map(args -> Arrays.asList(args).contains(ChildMain.class.getName())).orElse(false);
    }
}
