package dev.mp.runtime.multiprocessing;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * The main class of a child JVM started for a {@code multiprocessing.Process}. Each Process runs in an mp context
 * of its own whose standard input carries the task written by the parent (see {@link SpawnBootstrap}). Its only
 * argument, when there is one, is the parent's main script (see {@link ChildProcess#prepareLaunch}).
 *
 * <p>A child launched with a {@link ChildStatus} (every child of {@link StandbyPool}) keeps one polyglot
 * {@link Engine} and may run one Process after another (the forkserver start method): when a Process ends, its
 * context is closed, its exit code is reported on the status channel, and a fresh context of the same engine
 * (fresh modules, {@code __main__}, {@code sys.argv}, {@code os.environ}, working directory and signal handlers: all
 * of them are per context) prepares and waits for the next task. The JVM ends instead, with the Process's exit
 * code as its status exactly as a spawn child does, when the Process was started with spawn, ended through
 * {@code os._exit}, or left behind something that outlives a context ({@link Leftovers}).
 */
public final class ChildMain {
    private ChildMain() {
    }

    /** Deep Python recursion needs a deeper stack than a JVM main thread has: the launcher's (reserved, not committed). */
    private static final long STACK_BYTES = 2048L * 1024 * 1024;

    public static void main(String[] args) throws InterruptedException {
        // From here on SIGTERM ends this JVM quietly; the parent kills it with SIGKILL before (see ChildBoot).
        ChildBoot.announceBooted();
        // Ctrl-C reaches the whole process group: a child raises KeyboardInterrupt, as a CPython child does.
        dev.mp.runtime.KeyboardInterrupts.installSigintHandler();
        int[] status = {1};
        // An MpThread, as the launcher's: calls between mp functions run without call targets.
        Thread main = new dev.mp.runtime.MpThread(() -> status[0] = serve(args), "main", STACK_BYTES);
        main.start();
        main.join();
        System.out.flush();
        System.err.flush();
        System.exit(status[0]);
    }

    /** How a Process's context ended: with its exit code, and whether the JVM must end with it. */
    private record Outcome(int status, boolean endsJvm) {
    }

    /** Runs Processes until one ends the JVM; returns the JVM's exit status. */
    private static int serve(String[] args) {
        ChildStatus channel;
        try {
            channel = ChildStatus.ofThisChild();
        } catch (RuntimeException e) {
            // The parent is gone (it removes the file when it ends) or there is no shared memory: run one Process.
            channel = null;
        }
        if (channel == null) {
            return run(null, args, System.in).status();
        }
        try (Engine engine = Engine.newBuilder(dev.mp.runtime.MpLanguage.ID).allowExperimentalOptions(true).build()) {
            for (int task = 1; ; task++) {
                Leftovers before = Leftovers.take();
                Outcome outcome = run(engine, args, new TaskInput(System.in, channel, task));
                if (outcome.endsJvm()) {
                    return outcome.status();
                }
                // Shared memory the Process created goes, as when a spawn child exits (their mappings stay valid).
                dev.mp.runtime.multiprocessing.shm.ResourceTracker.removeAll();
                if (task >= Leftovers.MAX_TASKS || before.leftBehind() != null) {
                    return outcome.status();
                }
                System.out.flush();
                System.err.flush();
                channel.finished(task, outcome.status() & 0xFF);
            }
        } catch (IllegalStateException engineNotClosable) {
            // A context could not be closed (a thread of its Process would not stop); the JVM ends.
            return 1;
        }
    }

    /**
     * Runs one Process in a new context (of {@code engine}, or of its own when null) reading its task from
     * {@code in}, and closes the context.
     */
    private static Outcome run(Engine engine, String[] args, java.io.InputStream in) {
        Context.Builder builder = Context.newBuilder(dev.mp.runtime.MpLanguage.ID)
                .allowAllAccess(true)
                .in(in)
                .allowExperimentalOptions(true)
                .option("mp.Spawn", "true")
                .option("mp.SpawnMainScript", args.length > 0 ? args[0] : "");
        if (engine != null) {
            builder.engine(engine);
        }
        Context context = builder.build();
        Outcome outcome;
        try {
            Value result = context.eval(Source.create(dev.mp.runtime.MpLanguage.ID, ""));
            // A number: the Process ended and the JVM may go on; else no task came.
            outcome = result.isNumber() ? new Outcome(result.asInt(), false) : new Outcome(0, true);
        } catch (PolyglotException e) {
            if (!e.isExit()) {
                System.err.println("mp: child process failed: " + e.getMessage());
            }
            outcome = new Outcome(e.isExit() ? e.getExitStatus() : 1, true);
        }
        try {
            context.close();
        } catch (PolyglotException | IllegalStateException e) {
            return new Outcome(outcome.status(), true);
        }
        return outcome;
    }
}
