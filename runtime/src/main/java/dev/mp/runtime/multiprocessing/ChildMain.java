package dev.mp.runtime.multiprocessing;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;

/**
 * The main class of a child JVM started for a {@code multiprocessing.Process}. It makes one mp context whose
 * standard input carries the task written by the parent (see {@link SpawnBootstrap}) and exits with the
 * process's exit code. Its only argument, when there is one, is the parent's main script (see
 * {@link ChildProcess#prepareLaunch}).
 */
public final class ChildMain {
    private ChildMain() {
    }

    /** Deep Python recursion needs a deeper stack than a JVM main thread has, as in the launcher. */
    private static final long STACK_BYTES = 512L * 1024 * 1024;

    public static void main(String[] args) throws InterruptedException {
        // From here on SIGTERM ends this JVM quietly; the parent kills it with SIGKILL before (see ChildBoot).
        ChildBoot.announceBooted();
        // Ctrl-C reaches the whole process group: a child raises KeyboardInterrupt, as a CPython child does.
        dev.mp.runtime.KeyboardInterrupts.installSigintHandler();
        int[] status = {1};
        Thread main = new Thread(null, () -> status[0] = run(args), "main", STACK_BYTES);
        main.start();
        main.join();
        System.out.flush();
        System.err.flush();
        System.exit(status[0]);
    }

    private static int run(String[] args) {
        try (Context context = Context.newBuilder(dev.mp.runtime.MpLanguage.ID)
                .allowAllAccess(true)
                .in(System.in)
                .allowExperimentalOptions(true)
                .option("mp.Spawn", "true")
                .option("mp.SpawnMainScript", args.length > 0 ? args[0] : "")
                .build()) {
            context.eval(Source.create(dev.mp.runtime.MpLanguage.ID, ""));
            return 0;
        } catch (PolyglotException e) {
            if (e.isExit()) {
                return e.getExitStatus();
            }
            System.err.println("mp: child process failed: " + e.getMessage());
            return 1;
        }
    }
}
