package dev.mp.runtime.multiprocessing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.MpException;

/**
 * Child JVMs started ahead of demand: the JVM's answer to CPython's forkserver. A standby is a {@link ChildMain}
 * that has initialised its engine and context and blocks reading its task, so handing it a Process costs writing
 * two pickles instead of booting a JVM. Under the spawn start method a standby runs exactly one Process and exits,
 * so every process starts fresh; under forkserver a JVM whose Process ended goes on in a fresh context (see
 * {@link ChildMain}) and comes back to this pool. Every standby is started through {@code Env.newProcessBuilder},
 * so the embedder's {@code allowCreateProcess} policy holds for them as for any child. The pool of a context is
 * {@link MpContext#standbyPool()}.
 *
 * <p>Sizing: a standby is launched only for a start the program's demand shows will come, because booting one
 * costs about a second of CPU, which a program that never uses it pays for and which competes with the processes
 * it waits for.
 * <ul>
 * <li>A main program that imports multiprocessing launches one standby ({@link #anticipate}): it nearly always
 * starts a Process. A program that does not import it launches none, and neither does a child process (each would
 * launch one of its own).</li>
 * <li>The demand estimate halves every {@link #DEMAND_HALF_LIFE_NANOS}. With spawn each Process start adds one to
 * it (every Process uses up a JVM); with forkserver a start raises it to the number of Processes running at once.</li>
 * <li>After a start or a wait, the pool is topped up to {@code ceil(demand) - 1} waiting standbys with spawn
 * ({@link #spareTarget}): a second start within a half-life, or a burst, shows that more will come. A first start
 * does not, so when that target is none, one replacement is launched only {@code mp.standby.delayMillis} (system
 * property, default {@value #DEFAULT_DELAY_MILLIS} ms) after it: a program that has ended by then never launches
 * it, a second start that comes first launches it at once and takes it, and a program that goes on has it booting
 * while its first Process runs. With forkserver the running JVMs come back when their
 * Process ends ({@link #giveBack}), so the target is {@code ceil(demand)} minus the JVMs running: none is launched
 * ahead while the JVMs in use cover the demand.</li>
 * <li>A start that finds no standby launches a JVM for itself, whatever the target.</li>
 * <li>At most {@code mp.standby.max} standbys wait (system property, default {@value #DEFAULT_MAX}; 0 turns the pool
 * off), and JVMs back from Processes beyond the target and one more end.</li>
 * <li>A standby is launched ahead only while fewer of this pool's children than there are processors are busy
 * (booting or running a task): the pool fills idle processors and never competes with the processes the program
 * waits for. A child counts as busy until its CPU time has stopped growing over {@link #IDLE_PROBE_NANOS}.</li>
 * </ul>
 *
 * <p>Refilling is decided on the context's thread when a process is started or waited for; the launches
 * themselves (a fork and exec of 5–40 ms each) run on a launcher thread of the pool, so that neither
 * {@code start()} nor {@code join()} waits for the next standby's exec. The launched JVMs boot on their own. A
 * standby whose working directory or environment differs from what a child would get now (after os.chdir, or a
 * change of os.environ) is not used. One pool per context, used from the context's thread.
 *
 * <p>Ending: when the program's code has run, the waiting standbys are killed and none is launched ahead any more
 * ({@link #release}), so that the kernel tears them down while the program runs its exit hooks and closes; {@link #close} kills what is left
 * and waits until the killed JVMs are gone, which Truffle requires of a context's processes before it closes (a
 * SIGKILLed JVM of 75 MB and 14 threads takes 5–200 ms to be gone on a loaded machine: each of its threads must be
 * scheduled to exit). A standby whose parent dies sees the end of its standard input and exits silently.
 */
public final class StandbyPool {
    static final int DEFAULT_MAX = 16;
    static final long DEFAULT_DELAY_MILLIS = 300;
    static final long DEMAND_HALF_LIFE_NANOS = 10_000_000_000L;
    /** A child whose CPU time did not grow over this long is idle (a standby waiting, or a task waiting). */
    static final long IDLE_PROBE_NANOS = 50_000_000L;
    /**
     * How long closing waits for a killed standby to be gone; SIGKILL takes effect in milliseconds (5–200 measured
     * under a load average of 13 on two processors).
     */
    private static final long KILL_WAIT_SECONDS = 5;

    private final MpContext context;
    private final int max;
    private final int processors = Runtime.getRuntime().availableProcessors();
    /** Standbys in launch order, the oldest (most likely ready) first. */
    private final ArrayDeque<Child> standbys = new ArrayDeque<>();
    /** Every live child of this pool, standby or running a task, for the busy count. */
    private final List<Child> children = new ArrayList<>();
    /** Runs the launches, created with the first. */
    private ScheduledExecutorService launcher;
    /** How long after a first start its replacement is launched: {@code mp.standby.delayMillis}. */
    private final long replacementDelayNanos;
    private double demand;
    private long demandNanos;
    /** How many JVMs this pool has launched (standbys and JVMs launched for a start); written on the launcher thread. */
    private volatile int launches;
    /** Set when the program's code has run ({@link #release}): no standby is launched ahead any more. */
    private boolean ending;
    /** Set when the context closes: launches not yet begun are dropped. */
    private volatile boolean closed;
    /** Whether the last start recycles JVMs (forkserver), which {@link #spareTarget} sizes by. */
    private boolean recycling;

    /**
     * A child being launched or launched, and what its CPU time was when last probed. Its fields are used on the
     * context's thread only; {@link #launch} completes on the launcher thread.
     */
    private static final class Child {
        final CompletableFuture<ChildProcess.Launched> launch;
        /** What launches the child on the launcher thread, and its turn there (while delayed: to cancel or hurry). */
        final Runnable start;
        Future<?> pending;
        final boolean delayed;
        /** Taken by whichever comes first: the launch beginning, or its cancellation. */
        final AtomicBoolean claimed;
        long cpuTicks = -1;
        long probedNanos;
        boolean idle;

        Child(CompletableFuture<ChildProcess.Launched> launch, AtomicBoolean claimed, Runnable start, boolean delayed) {
            this.launch = launch;
            this.claimed = claimed;
            this.start = start;
            this.delayed = delayed;
        }

        /** Drops the launch if it has not begun; whether it was dropped (the child then never exists). */
        boolean cancelPending() {
            if (claimed.compareAndSet(false, true)) {
                pending.cancel(false);
                launch.cancel(false);
                return true;
            }
            return false;
        }

        /**
         * A delayed launch that has not begun begins now (a start wants the child); should the delay end meanwhile,
         * the launch that claims the child first runs and the other does nothing.
         */
        void hurry(ScheduledExecutorService launcher) {
            if (delayed && !claimed.get()) {
                pending.cancel(false);
                pending = launcher.submit(start);
            }
        }

        /** The launched child, waiting for its launch to end; null if it failed. */
        ChildProcess.Launched launched() {
            try {
                return launch.join();
            } catch (CompletionException | CancellationException e) {
                return null;
            }
        }

        /** Whether the child is being launched or its process lives. */
        boolean isAlive() {
            if (!launch.isDone()) {
                return true;
            }
            ChildProcess.Launched launched = launched();
            return launched != null && launched.process().isAlive();
        }

        /**
         * A child being launched is busy (it is about to boot); else its CPU time is probed at most every
         * {@link #IDLE_PROBE_NANOS}, and an unchanged time means idle.
         */
        boolean isBusy(long now) {
            if (!launch.isDone()) {
                return true;
            }
            ChildProcess.Launched launched = launched();
            if (launched == null) {
                return false;
            }
            if (now - probedNanos >= IDLE_PROBE_NANOS) {
                long ticks = cpuTicks(launched.pid());
                idle = ticks >= 0 && ticks == cpuTicks;
                cpuTicks = ticks;
                probedNanos = now;
            }
            return !idle;
        }

        void kill() {
            if (cancelPending()) {
                return;
            }
            ChildProcess.Launched launched = launched();
            if (launched != null) {
                launched.process().destroyForcibly();
            }
        }
    }

    /** The pool of {@code context}, made by {@link MpContext#standbyPool()} on first use. */
    public StandbyPool(MpContext context) {
        this.context = context;
        this.max = configuredMax();
        this.replacementDelayNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, Long.getLong("mp.standby.delayMillis", DEFAULT_DELAY_MILLIS)));
    }

    static StandbyPool of(MpContext context) {
        return context.standbyPool();
    }

    /** How many JVMs this pool has launched so far (whose launch began): what shows its sizing policy at work. */
    int launches() {
        return launches;
    }

    /** {@code mp.standby.max}, or 0 while child JVMs are being trained for the AOT cache (one writer per cache). */
    private static int configuredMax() {
        if (ChildCommand.isTraining()) {
            return 0;
        }
        return Math.max(0, Integer.getInteger("mp.standby.max", DEFAULT_MAX));
    }

    /**
     * Launches a first standby when a main program loads multiprocessing, so that its first Process does not wait
     * for a JVM to boot either: a program that imports the package nearly always starts one. Child processes do
     * not anticipate (each would start a standby of its own).
     */
    void anticipate() {
        if (children.isEmpty() && max > 0 && !dev.mp.runtime.MpLanguage.isSpawnedChild(context.env())) {
            try {
                standbys.add(launch(false));
            } catch (MpException e) {
                // Reported by the first take(), where a Process asks for a child.
            }
        }
    }

    /**
     * A child waiting for its task. With {@code reuse} (forkserver) any live standby that
     * {@linkplain ChildProcess.Launched#matches matches} will do, the best first: one that reported ready, then one
     * back from a Process and preparing its next context, then the oldest one still booting (waited for: that takes
     * milliseconds, a new launch would take as long). Without (spawn) only a JVM that has run no Process yet.
     * Failing those, a newly launched one. Records the demand that {@link #refill} sizes the pool by: when the JVM
     * ends with its Process (spawn, or a Process that {@code recycle} false says takes its JVM with it) every start
     * uses up a JVM, so starts add up; when it comes back (forkserver), what counts is how many run at once.
     */
    ChildProcess.Launched take(boolean reuse, boolean recycle) {
        long now = System.nanoTime();
        double decayed = demand * Math.pow(0.5, (double) (now - demandNanos) / DEMAND_HALF_LIFE_NANOS);
        demand = recycle ? Math.max(decayed, running() + 1) : decayed + 1;
        demandNanos = now;
        recycling = recycle;
        Child best = null;
        int bestRank = Integer.MAX_VALUE;
        for (java.util.Iterator<Child> it = standbys.iterator(); it.hasNext();) {
            Child standby = it.next();
            if (!standby.launch.isDone()) {
                if (bestRank > 3) {
                    best = standby;
                    bestRank = 3;
                }
                continue;
            }
            ChildProcess.Launched launched = standby.launched();
            if (launched == null || !launched.process().isAlive() || launched.isRetired() || !launched.matches(context)) {
                it.remove();
                standby.kill();
                continue;
            }
            if (!reuse && launched.tasks() > 0) {
                continue;
            }
            int rank = launched.isReady() ? 0 : launched.tasks() > 0 ? 1 : 2;
            if (rank < bestRank) {
                best = standby;
                bestRank = rank;
            }
        }
        if (best != null) {
            standbys.remove(best);
            best.hurry(launcher);
            ChildProcess.Launched launched = best.launched();
            if (launched != null && launched.process().isAlive() && launched.matches(context)) {
                return launched;
            }
            best.kill();
            return take(reuse, recycle);
        }
        Child child = launch(false);
        try {
            return child.launch.join();
        } catch (CompletionException e) {
            throw ChildProcess.launchFailure(context, e.getCause());
        }
    }

    /** How many children run a Process now (or ended one that nobody has asked about yet). */
    private int running() {
        int n = 0;
        for (Child c : children) {
            n += !standbys.contains(c) && c.isAlive() ? 1 : 0;
        }
        return n;
    }

    /**
     * Takes back a child whose Process ended and that went on to wait for another (forkserver), unless it must not
     * be used again or more standbys than {@code mp.standby.max} would wait (it is then ended).
     */
    void giveBack(ChildProcess.Launched launched) {
        for (Child c : children) {
            if (c.launch.isDone() && c.launched() == launched) {
                if (standbys.contains(c)) {
                    return;
                }
                if (launched.isRetired() || standbys.size() >= max) {
                    c.kill();
                } else {
                    standbys.addFirst(c);
                }
                return;
            }
        }
    }

    /**
     * How many standbys should wait now (see the class comment): with spawn {@code ceil(demand) - 1}, with
     * forkserver {@code ceil(demand)} less the JVMs running a Process, which come back; at most
     * {@code mp.standby.max}.
     */
    private int spareTarget() {
        if (demandNanos == 0) {
            return 0;
        }
        double decayed = demand * Math.pow(0.5, (double) (System.nanoTime() - demandNanos) / DEMAND_HALF_LIFE_NANOS);
        int wanted = (int) Math.ceil(decayed - 1e-9);
        int target = recycling ? wanted - running() : wanted - 1;
        return Math.max(0, Math.min(max, target));
    }

    /**
     * Launches standbys towards the demand estimate while fewer children than processors are busy. A launch the
     * policy or the system refuses ends the refill quietly: the next {@link #take} meets the same failure and
     * raises it, where a Process asks for a child.
     */
    void refill() {
        int target = ending ? 0 : spareTarget();
        // spawn, a target of none after a start: one standby all the same, launched only after a delay.
        boolean delayed = target == 0 && !ending && !recycling && demandNanos != 0 && max > 0;
        if (delayed) {
            target = 1;
        }
        // JVMs back from Processes (forkserver) beyond what the demand asks for, and one more, end: an idle JVM
        // costs memory. The last of the queue go first (the most recently launched, least likely ready).
        while (standbys.size() > Math.max(target, 1) + 1) {
            standbys.pollLast().kill();
        }
        if (standbys.size() >= target) {
            return;
        }
        long now = System.nanoTime();
        children.removeIf(c -> !c.isAlive());
        int busy = 0;
        for (Child c : children) {
            busy += c.isBusy(now) ? 1 : 0;
        }
        try {
            for (; standbys.size() < target && busy < processors; busy++) {
                standbys.add(launch(delayed));
            }
        } catch (MpException e) {
            // See above: reported by the next take().
        }
    }

    /**
     * Prepares a launch here and runs it on the launcher thread; launches run one at a time, in order. Raises
     * OSError when the program's process tree has as many live children as {@link ProcessTreeLimit} allows.
     */
    private Child launch(boolean delayed) {
        ProcessTreeLimit.check(context, (int) children.stream().filter(c -> !c.launch.isDone()).count());
        ChildProcess.Launch prepared = ChildProcess.prepareLaunch(context);
        CompletableFuture<ChildProcess.Launched> launched = new CompletableFuture<>();
        AtomicBoolean claimed = new AtomicBoolean();
        Runnable start = () -> {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            if (closed) {
                launched.cancel(false);
                return;
            }
            launches++; // only this thread writes it
            try {
                launched.complete(prepared.start());
            } catch (IOException | RuntimeException e) {
                launched.completeExceptionally(e);
            }
        };
        Child child = new Child(launched, claimed, start, delayed);
        child.pending = delayed && replacementDelayNanos > 0
                ? launcher().schedule(start, replacementDelayNanos, TimeUnit.NANOSECONDS)
                : launcher().submit(start);
        children.add(child);
        return child;
    }

    private ScheduledExecutorService launcher() {
        if (launcher == null) {
            launcher = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "mp-standby-launcher");
                thread.setDaemon(true);
                return thread;
            });
        }
        return launcher;
    }

    /** The CPU time of a process in clock ticks (Linux /proc), or -1 when it cannot be read. */
    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the parenthesised command name: state is field 3, utime 14 and stime 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Kills the standbys waiting in the pool of {@code context}, if it has one, and launches none ahead from now
     * on: called when the program's code has run and its threads have ended, so that the kernel tears the JVMs
     * down while the exit hooks run (multiprocessing's joins the Processes still running) and the context closes.
     * A Process an exit hook starts gets a JVM launched for it; one back from a Process (forkserver) is killed at
     * {@link #close}.
     */
    public static void release(MpContext context) {
        StandbyPool pool = context.standbyPoolIfMade();
        if (pool != null) {
            pool.ending = true;
            while (!pool.standbys.isEmpty()) {
                pool.standbys.poll().kill();
            }
        }
    }

    /**
     * Ends the standbys of {@code context}, when it is disposed, and waits until they are gone: Truffle refuses to
     * close a context while a process it started is alive. Those {@link #release} killed have had the exit hooks'
     * time to go.
     */
    public static void close(MpContext context) {
        StandbyPool pool = context.standbyPoolIfMade();
        if (pool == null) {
            return;
        }
        pool.closed = true;
        for (Child child : pool.children) {
            child.cancelPending();
        }
        if (pool.launcher != null) {
            // Launches asked for and not begun were dropped above or end at once (see launch); one under way
            // completes, and its child is killed below.
            pool.launcher.shutdown();
        }
        for (Child standby : pool.standbys) {
            standby.kill();
        }
        // Left running only when the program was cancelled (close(true)): a program that ended joined them.
        pool.terminateRunning();
        boolean interrupted = false;
        for (Child child : pool.children) {
            ChildProcess.Launched launched = child.launched();
            if (launched == null) {
                continue;
            }
            Process process = launched.process();
            try {
                if (!process.waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        pool.standbys.clear();
        pool.children.clear();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sends SIGTERM, as {@code Process.terminate()} does, to every child of {@code context} that runs a task: what
     * interrupting the program that started them does. Standbys stay.
     */
    public static void terminateRunning(MpContext context) {
        StandbyPool pool = context.standbyPoolIfMade();
        if (pool != null) {
            pool.terminateRunning();
        }
    }

    /** Terminates the live children that were handed a task. */
    private void terminateRunning() {
        children.stream().filter(c -> !standbys.contains(c)).map(Child::launched).filter(Objects::nonNull)
                .filter(l -> l.process().isAlive()).forEach(l -> ChildBoot.terminate(l.process(), l.pid()));
    }
}
