package dev.mp.runtime.multiprocessing;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.io.ProcessHandler;

import com.oracle.truffle.api.io.TruffleProcessBuilder;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.MpException;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PObject;
import dev.mp.runtime.ops.Errors;

/**
 * A running child JVM: CPython's {@code Popen} of the spawn start method. It is started through
 * {@code TruffleLanguage.Env.newProcessBuilder}, so the embedder's {@code allowCreateProcess} policy decides, and
 * shares the parent's standard output and error.
 *
 * <p>Exit codes follow CPython: the child's own status, or minus the signal number when a signal ended it. A
 * JVM reports death by signal n as 128 + n, so statuses 129..159 read as signals.
 */
public final class ChildProcess extends PObject {
    static final PClass TYPE = new PClass("Popen", "_multiprocessing", new PClass[] {BuiltinClasses.OBJECT}, true,
            PClass.Layout.BUILTIN);

    private final Process process;
    private final long pid;
    private final StandbyPool pool;
    /** The JVM that runs this Process, and the number of this Process's task in it (see {@link ChildStatus}). */
    private final Launched jvm;
    private final int task;
    /** Whether the JVM may go on to another Process after this one (the forkserver start method). */
    private final boolean recycle;
    private Integer exitCode;
    private static final int SIGTERM = 15;
    /** The status a JVM killed by SIGKILL reports. */
    private static final int SIGKILLED = 128 + 9;

    private ChildProcess(Launched jvm, int task, boolean recycle, StandbyPool pool) {
        this.process = jvm.process();
        this.pid = jvm.pid();
        this.jvm = jvm;
        this.task = task;
        this.recycle = recycle;
        this.pool = pool;
    }

    /**
     * The pid of a just-started child. Truffle may hand out a Process wrapper without {@code pid()}; then the
     * child is the one among this JVM's children that was not there before the start. Also used by subprocess.
     */
    public static long pidOf(Process process, java.util.Set<Long> childrenBefore) {
        try {
            return process.pid();
        } catch (UnsupportedOperationException e) {
            return ProcessHandle.current().children().mapToLong(ProcessHandle::pid)
                    .filter(p -> !childrenBefore.contains(p)).max().orElse(0);
        }
    }

    /** The pids of this JVM's children now: taken before a start, for {@link #pidOf}. */
    public static java.util.Set<Long> currentChildren() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public PClass getPythonClass() {
        return TYPE;
    }

    /** The start methods: a fresh JVM per Process, or a JVM that may run one Process after another. */
    static final String SPAWN = "spawn";
    static final String FORKSERVER = "forkserver";

    /** The system property that chooses the default start method (for running a program under the other). */
    static final String START_METHOD_PROPERTY = "mp.startMethod";

    /** The default start method: {@value #FORKSERVER}, or {@value #START_METHOD_PROPERTY} when it names a method. */
    static String defaultStartMethod() {
        return SPAWN.equals(System.getProperty(START_METHOD_PROPERTY)) ? SPAWN : FORKSERVER;
    }

    /**
     * Pickles {@code processObject} and hands it to a child JVM of the context's {@link StandbyPool}: with
     * {@code method} spawn, one that has run no Process yet and will run only this one; with forkserver, any ready
     * one, which goes back to the pool when this Process ends. Pickling comes first, so an argument that cannot be
     * sent raises here before anything starts. {@code currentMethod} is the parent's current start method, which
     * becomes the child's (as CPython's preparation data carries it). With {@code endsJvm} the JVM ends with the
     * Process whatever the method (forkserver still takes a warm one): a Pool worker that retires after
     * {@code maxtasksperchild} tasks, whose replacement CPython starts as a new process, with a new pid.
     *
     * <p>Forkserver recycles JVMs only when children write to this process's own standard streams
     * ({@link dev.mp.runtime.MpLanguage#usesProcessStdio}): an embedder's streams receive a child's output through
     * copying threads, which are known to have copied all of it only once the child JVM has ended, so a join could
     * otherwise return before the Process's output arrived. There, forkserver runs each Process as spawn does, and
     * so it does while child JVMs are trained for the AOT cache ({@link ChildCommand#isTraining}).
     */
    static ChildProcess start(MpContext context, Object processObject, String method, String currentMethod, boolean endsJvm) {
        context.flushPendingWrites(); // the child may read what this program wrote (see modules.PendingWrites)
        // A child trained for the AOT cache writes it when its JVM exits, so while training the JVM ends with its Process.
        boolean reuse = FORKSERVER.equals(method) && dev.mp.runtime.MpLanguage.usesProcessStdio(context.env())
                && !ChildCommand.isTraining();
        boolean recycle = reuse && !endsJvm;
        byte[] preparation = Reduction.dumps(preparationData(context, currentMethod, recycle));
        Reduction.check(processObject);
        StandbyPool pool = StandbyPool.of(context);
        Launched launched = pool.take(reuse, recycle);
        ChildProcess child = new ChildProcess(launched, launched.assignTask(), recycle, pool);
        if (!recycle) {
            launched.retire();
        }
        byte[] task;
        try {
            task = Reduction.dumps(processObject, child.pid);
        } catch (RuntimeException e) {
            launched.retire();
            launched.process().destroyForcibly();
            throw e;
        }
        OutputStream in = launched.process().getOutputStream();
        try {
            SpawnBootstrap.writeTask(in, preparation, task);
            if (!recycle) {
                in.close();
            }
        } catch (IOException e) {
            // The child died before reading its task; its exit code tells the caller.
        }
        pool.refill();
        return child;
    }

    /**
     * A child JVM that runs {@link ChildMain} and waits for its task; {@code cwd} and {@code environment} are the
     * directory (null: this process's own) and the environment it started with, {@code status} its
     * {@link ChildStatus}. Its fields other than the record's are used on the context's thread only.
     */
    static final class Launched {
        private final Process process;
        private final long pid;
        private final String cwd;
        private final java.util.Map<String, String> environment;
        private final ChildStatus status;
        /** How many tasks it was given. */
        private int tasks;
        /** Whether it must not be given another task (spawn, or terminated or killed). */
        private boolean retired;

        Launched(Process process, long pid, String cwd, java.util.Map<String, String> environment, ChildStatus status) {
            this.process = process;
            this.pid = pid;
            this.cwd = cwd;
            this.environment = environment;
            this.status = status;
        }

        Process process() {
            return process;
        }

        long pid() {
            return pid;
        }

        ChildStatus status() {
            return status;
        }

        /** Whether this child started as one launched now would: in the same directory with the same environment. */
        boolean matches(MpContext context) {
            return java.util.Objects.equals(cwd, workingDirectory(context)) && java.util.Objects.equals(environment, ChildProcess.environment(context));
        }

        /** Numbers the next task handed to it, from 1. */
        int assignTask() {
            return ++tasks;
        }

        /** How many tasks it was given. */
        int tasks() {
            return tasks;
        }

        /** Whether it has reported ready for its next task (its context prepared). */
        boolean isReady() {
            return status.ready() > tasks;
        }

        /** Whether its last task has ended and it went on (it is then preparing or waiting for the next). */
        boolean isBetweenTasks() {
            return status.finished() == tasks;
        }

        void retire() {
            retired = true;
        }

        boolean isRetired() {
            return retired;
        }
    }

    /** The context's working directory, which children start in, or null for this process's own. */
    static String workingDirectory(MpContext context) {
        try {
            return context.env().getCurrentWorkingDirectory() == null ? null : context.env().getCurrentWorkingDirectory().getPath();
        } catch (SecurityException noFileAccess) {
            // Without file IO the working directory cannot be asked for; the child starts in the JVM's.
            return null;
        }
    }

    /**
     * Prepares the launch of a child JVM through {@code Env.newProcessBuilder}, subject to the embedder's
     * {@code allowCreateProcess}: its standard input is a pipe for the task, its output goes to the context's
     * streams, and it starts in the context's working directory with the environment a child gets now. Runs on the
     * context's thread (it reads os.environ); {@link Launch#start} may run on another.
     */
    static Launch prepareLaunch(MpContext context) {
        if (!context.env().isCreateProcessAllowed()) {
            throw Errors.make("PermissionError",
                    "cannot start a process: process creation is not allowed by the embedder's policy (Context.Builder.allowCreateProcess)");
        }
        String cwd = workingDirectory(context);
        java.util.Map<String, String> environment = environment(context);
        ChildStatus status;
        try {
            status = ChildStatus.create();
        } catch (RuntimeException e) {
            throw launchFailure(context, e);
        }
        try {
            java.util.List<String> command = new java.util.ArrayList<>(ChildCommand.command());
            command.add(1, ProcessTreeLimit.rootOption());
            command.add(2, "-D" + ChildStatus.PROPERTY + "=" + status.name());
            // The child parses the main script, which it will re-run as __mp_main__, while it waits for its task.
            if (mainScript(context) instanceof String file) {
                command.add(file);
            }
            TruffleProcessBuilder builder = context.env().newProcessBuilder(command.toArray(new String[0]))
                    .redirectInput(ProcessHandler.Redirect.PIPE);
            if (dev.mp.runtime.MpLanguage.usesProcessStdio(context.env())) {
                builder.redirectOutput(ProcessHandler.Redirect.INHERIT).redirectError(ProcessHandler.Redirect.INHERIT);
            } else {
                // An embedder's streams: the host receives the children's output through them.
                builder.redirectOutput(builder.createRedirectToStream(context.env().out()))
                        .redirectError(builder.createRedirectToStream(context.env().err()));
            }
            builder.clearEnvironment(true).environment(environment);
            if (cwd != null) {
                builder.directory(context.env().getPublicTruffleFile(cwd));
            }
            return new Launch(builder, cwd, environment, status);
        } catch (SecurityException e) {
            status.unlink();
            throw launchFailure(context, e);
        }
    }

    /** A prepared launch: {@link #start} starts the JVM. */
    record Launch(TruffleProcessBuilder builder, String cwd, java.util.Map<String, String> environment, ChildStatus status) {
        /**
         * Starts the child. Launches must not run concurrently (the pid of a child may be found by comparing this
         * JVM's children before and after); {@link StandbyPool} runs them all on one thread.
         *
         * @throws IOException or SecurityException, which {@link #launchFailure} turns into Python's
         */
        Launched start() throws IOException {
            java.util.Set<Long> childrenBefore = currentChildren();
            Process process;
            try {
                process = builder.start();
            } catch (IOException | RuntimeException e) {
                status.unlink();
                throw e;
            }
            // Its end wakes whoever waits for its status; the file is then of no use (the child removes it at boot).
            process.onExit().thenRun(() -> {
                status.changed();
                status.unlink();
            });
            return new Launched(process, pidOf(process, childrenBefore), cwd, environment, status);
        }
    }

    /** The Python exception for a failed {@link Launch#start} (or preparation), raised on the context's thread. */
    static MpException launchFailure(MpContext context, Throwable failure) {
        if (failure instanceof SecurityException e) {
            if (!context.env().isFileIOAllowed()) {
                // Truffle finds the child's executable through the context's file system.
                return Errors.make("PermissionError",
                        "cannot start a process: file access, which starting one needs, is not allowed by the embedder's policy (Context.Builder.allowIO)");
            }
            return Errors.make("PermissionError", "cannot start a process: %s (Context.Builder.allowCreateProcess)", e.getMessage());
        }
        if (failure instanceof MpException e) {
            return e;
        }
        return Errors.make("OSError", "cannot start a process: %s", failure.getMessage());
    }

    /** What a child needs before it can unpickle the Process: CPython's {@code spawn.get_preparation_data}. */
    private static PDict preparationData(MpContext context, String currentMethod, boolean recycle) {
        PDict data = new PDict();
        data.put("start_method", currentMethod);
        data.put("recycle", recycle);
        data.put("sys_path", new PList(context.modules().path().items()));
        PModule sys = (PModule) context.modules().importModule("sys", new PDict(), true, 0);
        Object argv = sys.dict().get("argv");
        data.put("sys_argv", argv instanceof PList l ? new PList(l.items()) : new PList());
        String file = mainScript(context);
        data.put("init_main_from_path", file != null ? file : PNone.NONE);
        return data;
    }

    /**
     * The file of {@code __main__}, which a child re-runs as {@code __mp_main__}, or null (an interactive session,
     * an embedder's strings). An embedder that evaluated a file source has no {@code __file__} in {@code __main__}:
     * then it is the file its functions and classes were defined in.
     */
    private static String mainScript(MpContext context) {
        Object main = context.modules().sysModules().get("__main__");
        if (!(main instanceof PModule m)) {
            return null;
        }
        if (m.dict().get("__file__") instanceof String file) {
            return file;
        }
        for (PDict.Entry e : m.dict().entries()) {
            String file = definingFile(m, e.value);
            if (file != null) {
                return file;
            }
        }
        return null;
    }

    /** The file that a function or class of module {@code m} was defined in, or null. */
    private static String definingFile(PModule m, Object value) {
        if (value instanceof dev.mp.runtime.objects.PFunction f && f.module() == m) {
            com.oracle.truffle.api.source.SourceSection section = f.callTarget().getRootNode().getSourceSection();
            return section == null ? null : section.getSource().getPath();
        }
        if (value instanceof PClass c && !c.isBuiltin() && m.name().equals(c.module())) {
            for (Object member : c.dict().values()) {
                String file = definingFile(m, member);
                if (file != null) {
                    return file;
                }
            }
        }
        return null;
    }

    /**
     * The environment of a child: {@code os.environ} when the program imported os (its changes reach children, as
     * in CPython), else the context's own.
     */
    static java.util.Map<String, String> environment(MpContext context) {
        if (!(context.modules().sysModules().get("os") instanceof PModule os) || !(os.dict().get("environ") instanceof PDict environ)) {
            return context.env().getEnvironment();
        }
        java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
        for (PDict.Entry e : environ.entries()) {
            if (e.key instanceof String k && e.value instanceof String v) {
                map.put(k, v);
            }
        }
        return map;
    }

    long pid() {
        return pid;
    }

    /** The exit code, or null while the Process runs. A Process that ended in a JVM that went on gives it back. */
    Integer poll() {
        if (exitCode == null) {
            boolean alive = process.isAlive();
            if (jvm.status().finished() >= task) {
                exitCode = jvm.status().code();
                if (alive) {
                    pool.giveBack(jvm);
                }
            } else if (!alive) {
                int status = process.exitValue();
                exitCode = status == SIGKILLED && ChildBoot.killedWhileBooting(pid) ? -SIGTERM : pythonExitCode(status);
            }
        }
        return exitCode;
    }

    /** Whether the Process has ended: its task was reported finished, or its JVM is gone. */
    private boolean ended() {
        return jvm.status().finished() >= task || !process.isAlive();
    }

    /**
     * Waits up to {@code timeoutNanos} (negative: for ever) and returns the exit code, or null if still running.
     * A processor this child no longer uses may go to a standby, so the pool refills here too.
     */
    Integer waitFor(long timeoutNanos) {
        Blocking.await(timeoutNanos, slice -> {
            if (!recycle) {
                try {
                    return slice == 0 ? !process.isAlive() : process.waitFor(slice, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    return false;
                }
            }
            // The child's report, or its end (see Launch.start), changes the status word.
            int seen = jvm.status().events();
            if (ended()) {
                return true;
            }
            jvm.status().awaitChange(seen, slice);
            return ended();
        });
        Integer code = poll();
        pool.refill();
        return code;
    }

    /**
     * SIGTERM; SIGKILL while the child boots, which then reads as SIGTERM (see {@link ChildBoot}). The JVM ends
     * with the Process, so it is not used again.
     */
    void terminate() {
        if (poll() == null) {
            jvm.retire();
            ChildBoot.terminate(process, pid);
        }
    }

    /** SIGKILL; the JVM is not used again. */
    void kill() {
        if (poll() == null) {
            jvm.retire();
            process.destroyForcibly();
        }
    }

    static int pythonExitCode(int status) {
        return status > 128 && status < 160 ? -(status - 128) : status;
    }
}
