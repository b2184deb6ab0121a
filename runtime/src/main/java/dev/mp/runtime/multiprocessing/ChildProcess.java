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
    private Integer exitCode;
    private static final int SIGTERM = 15;
    /** The status a JVM killed by SIGKILL reports. */
    private static final int SIGKILLED = 128 + 9;

    private ChildProcess(Process process, long pid, StandbyPool pool) {
        this.process = process;
        this.pid = pid;
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

    /**
     * Pickles {@code processObject} and hands it to a child: a standby of the context's {@link StandbyPool}, or a
     * newly launched one. Pickling comes first, so an argument that cannot be sent raises here before anything
     * starts.
     */
    static ChildProcess start(MpContext context, Object processObject) {
        byte[] preparation = Reduction.dumps(preparationData(context));
        Reduction.check(processObject);
        StandbyPool pool = StandbyPool.of(context);
        Launched launched = pool.take();
        ChildProcess child = new ChildProcess(launched.process(), launched.pid(), pool);
        byte[] task;
        try {
            task = Reduction.dumps(processObject, child.pid);
        } catch (RuntimeException e) {
            launched.process().destroyForcibly();
            throw e;
        }
        try (OutputStream in = launched.process().getOutputStream()) {
            SpawnBootstrap.writeTask(in, preparation, task);
        } catch (IOException e) {
            // The child died before reading its task; its exit code tells the caller.
        }
        pool.refill();
        return child;
    }

    /**
     * A child JVM that runs {@link ChildMain} and waits for its task; {@code cwd} and {@code environment} are the
     * directory (null: this process's own) and the environment it started with.
     */
    record Launched(Process process, long pid, String cwd, java.util.Map<String, String> environment) {
        /** Whether this child started as one launched now would: in the same directory with the same environment. */
        boolean matches(MpContext context) {
            return java.util.Objects.equals(cwd, workingDirectory(context)) && java.util.Objects.equals(environment, ChildProcess.environment(context));
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
        try {
            java.util.List<String> command = new java.util.ArrayList<>(ChildCommand.command());
            command.add(1, ProcessTreeLimit.rootOption());
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
            return new Launch(builder, cwd, environment);
        } catch (SecurityException e) {
            throw launchFailure(context, e);
        }
    }

    /** A prepared launch: {@link #start} starts the JVM. */
    record Launch(TruffleProcessBuilder builder, String cwd, java.util.Map<String, String> environment) {
        /**
         * Starts the child. Launches must not run concurrently (the pid of a child may be found by comparing this
         * JVM's children before and after); {@link StandbyPool} runs them all on one thread.
         *
         * @throws IOException or SecurityException, which {@link #launchFailure} turns into Python's
         */
        Launched start() throws IOException {
            java.util.Set<Long> childrenBefore = currentChildren();
            Process process = builder.start();
            return new Launched(process, pidOf(process, childrenBefore), cwd, environment);
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
    private static PDict preparationData(MpContext context) {
        PDict data = new PDict();
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

    /** The exit code, or null while the child runs. */
    Integer poll() {
        if (exitCode == null && !process.isAlive()) {
            int status = process.exitValue();
            exitCode = status == SIGKILLED && ChildBoot.killedWhileBooting(pid) ? -SIGTERM : pythonExitCode(status);
        }
        return exitCode;
    }

    /**
     * Waits up to {@code timeoutNanos} (negative: for ever) and returns the exit code, or null if still running.
     * A processor this child no longer uses may go to a standby, so the pool refills here too.
     */
    Integer waitFor(long timeoutNanos) {
        Blocking.await(timeoutNanos, slice -> {
            try {
                return slice == 0 ? !process.isAlive() : process.waitFor(slice, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                return false;
            }
        });
        pool.refill();
        return poll();
    }

    /** SIGTERM; SIGKILL while the child boots, which then reads as SIGTERM (see {@link ChildBoot}). */
    void terminate() {
        if (poll() == null) {
            ChildBoot.terminate(process, pid);
        }
    }

    /** SIGKILL. */
    void kill() {
        if (poll() == null) {
            process.destroyForcibly();
        }
    }

    static int pythonExitCode(int status) {
        return status > 128 && status < 160 ? -(status - 128) : status;
    }
}
