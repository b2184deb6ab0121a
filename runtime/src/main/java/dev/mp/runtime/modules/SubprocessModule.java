package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.method;
import static dev.mp.runtime.builtins.BuiltinBuilder.moduleFunction;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.graalvm.polyglot.io.ProcessHandler;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleSafepoint;
import com.oracle.truffle.api.io.TruffleProcessBuilder;

import dev.mp.runtime.multiprocessing.ChildProcess;
import dev.mp.runtime.MpContext;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PObject;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Iteration;
import dev.mp.runtime.ops.Sequences;
import dev.mp.runtime.Signals;

/**
 * The {@code _subprocess} module: child processes started through Truffle's process builder
 * ({@code Env.newProcessBuilder}), so the embedder's {@code allowCreateProcess} policy decides. The bundled
 * {@code subprocess} module (in mp) builds Popen, run and the rest on it.
 *
 * <p>Each standard stream of the child is inherited (through the context's own streams when an embedder gave
 * some), a pipe, or discarded. Pipes are read by {@code communicate} on helper threads that only copy bytes,
 * so a child that fills both pipes cannot block, and a timed-out communicate can be resumed.
 */
final class SubprocessModule {
    private SubprocessModule() {
    }

    static final int PIPE = -1;
    static final int STDOUT = -2;
    static final int DEVNULL = -3;
    static final int INHERIT = -4;

    static final PClass PROCESS = new PClass("Process", "_subprocess", new PClass[] {BuiltinClasses.OBJECT}, true, PClass.Layout.BUILTIN);

    /** A started child. */
    static final class PProcess extends PObject {
        final Process process;
        final long pid;
        /** Output collected by communicate's reader threads (null until communicate first runs). */
        Collector out;
        Collector err;
        Thread writer;
        /** Threads copying inherited output to the embedder's streams; joined when the child has ended. */
        final List<Thread> forwarders = new ArrayList<>();

        PProcess(Process process, long pid) {
            this.process = process;
            this.pid = pid;
        }

        @Override
        public PClass getPythonClass() {
            return PROCESS;
        }

        /**
         * The exit status, or minus the signal that ended the child. Java reports a death by signal n as 128 + n;
         * statuses 129 to 159 are taken for signals 1 to 31 (a child that really exits with such a status is
         * reported as killed).
         */
        Object returnCode() {
            int code = process.exitValue();
            if (code > 128 && code < 160) {
                return (long) -(code - 128);
            }
            return (long) code;
        }
    }

    /** Copies a stream to a buffer on its own thread. */
    static final class Collector extends Thread {
        private final InputStream in;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        Collector(InputStream in, String name) {
            super(name);
            this.in = in;
            setDaemon(true);
        }

        @Override
        public void run() {
            byte[] chunk = new byte[8192];
            try {
                for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                    synchronized (buffer) {
                        buffer.write(chunk, 0, n);
                    }
                }
            } catch (IOException closed) {
                // The pipe was closed (the child or this side ended it): what was read is the output.
            }
        }

        byte[] bytes() {
            synchronized (buffer) {
                return buffer.toByteArray();
            }
        }
    }

    static {
        method(PROCESS, "pid", "self", a -> ((PProcess) a[0]).pid);
        method(PROCESS, "poll", "self", a -> {
            PProcess p = (PProcess) a[0];
            return p.process.isAlive() ? PNone.NONE : p.returnCode();
        });
        method(PROCESS, "wait", "self, timeout=None", a -> {
            PProcess p = (PProcess) a[0];
            return waitFor(p, a[1]) ? p.returnCode() : PNone.NONE;
        });
        method(PROCESS, "send_signal", "self, sig", a -> {
            PProcess p = (PProcess) a[0];
            int sig = (int) Conversions.asLong(a[1]);
            if (p.process.isAlive()) {
                // SIGTERM and SIGKILL through the Process itself, which needs no pid.
                if (sig == 15) {
                    p.process.destroy();
                } else if (sig == 9 || p.pid == 0) {
                    p.process.destroyForcibly();
                } else {
                    Signals.send(p.pid, sig);
                }
            }
            return PNone.NONE;
        });
        method(PROCESS, "write_stdin", "self, data", a -> {
            PProcess p = (PProcess) a[0];
            byte[] data = Sequences.bytesOf(a[1]);
            // A full pipe blocks the write until the child reads: other threads run meanwhile.
            boolean written = dev.mp.runtime.MpContext.get(null).gil().releaseWhile(() -> {
                try {
                    OutputStream in = p.process.getOutputStream();
                    in.write(data);
                    in.flush();
                    return true;
                } catch (IOException e) {
                    return false;
                }
            });
            if (!written) {
                throw Errors.make("BrokenPipeError", "[Errno 32] Broken pipe");
            }
            return PNone.NONE;
        });
        method(PROCESS, "close_stdin", "self", a -> {
            try {
                ((PProcess) a[0]).process.getOutputStream().close();
            } catch (IOException e) {
                // Closing a pipe whose reader has gone is no error for the writer.
            }
            return PNone.NONE;
        });
        method(PROCESS, "read", "self, which, size=-1", a -> read((PProcess) a[0], (int) Conversions.asLong(a[1]), Conversions.asLong(a[2])));
        method(PROCESS, "readline", "self, which", a -> readline((PProcess) a[0], (int) Conversions.asLong(a[1])));
        method(PROCESS, "close_output", "self, which", a -> {
            PProcess p = (PProcess) a[0];
            try {
                (Conversions.asLong(a[1]) == 1 ? p.process.getInputStream() : p.process.getErrorStream()).close();
            } catch (IOException e) {
                // Already closed.
            }
            return PNone.NONE;
        });
        method(PROCESS, "communicate", "self, input, timeout, read_out, read_err", a -> communicate((PProcess) a[0], a[1], a[2],
                Conversions.isTrue(a[3]), Conversions.isTrue(a[4])));
    }

    static void populate(PModule m, MpContext context) {
        m.dict().put("Process", PROCESS);
        moduleFunction(m, "spawn", "args, cwd, env, stdin, stdout, stderr", a -> spawn(context, a));
    }

    @TruffleBoundary
    private static PProcess spawn(MpContext context, Object[] a) {
        List<String> command = new ArrayList<>();
        Iteration.forEach(a[0], item -> command.add((String) item));
        int stdin = (int) Conversions.asLong(a[3]);
        int stdout = (int) Conversions.asLong(a[4]);
        int stderr = (int) Conversions.asLong(a[5]);
        context.flushPendingWrites(); // the child may read what this program wrote (see PendingWrites)
        TruffleProcessBuilder builder;
        try {
            builder = context.env().newProcessBuilder(command.toArray(new String[0]));
        } catch (SecurityException e) {
            throw Errors.make("PermissionError", "cannot start a process: not allowed by the embedder's policy (Context.Builder.allowCreateProcess)");
        }
        boolean processStdio = dev.mp.runtime.MpLanguage.usesProcessStdio(context.env());
        // DEVNULL: a pipe closed at once, so the child reads end of file.
        builder.redirectInput(stdin == PIPE || stdin == DEVNULL ? ProcessHandler.Redirect.PIPE : ProcessHandler.Redirect.INHERIT);
        // An embedder's streams receive an inherited output through a pipe this side copies (a Truffle redirect
        // to a stream would close the embedder's stream when the child ends).
        boolean forwardOut = !processStdio && stdout == INHERIT;
        boolean forwardErr = !processStdio && stderr == INHERIT;
        builder.redirectOutput(forwardOut ? ProcessHandler.Redirect.PIPE : redirect(builder, stdout));
        if (stderr == STDOUT) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(forwardErr ? ProcessHandler.Redirect.PIPE : redirect(builder, stderr));
        }
        if (a[2] instanceof PDict env) {
            Map<String, String> environment = new LinkedHashMap<>();
            Iteration.forEach(env, key -> environment.put((String) key, (String) env.get(key)));
            builder.clearEnvironment(true).environment(environment);
        }
        if (a[1] != PNone.NONE) {
            builder.directory(context.env().getPublicTruffleFile((String) a[1]));
        }
        try {
            // The script's buffered output comes before the child's.
            context.env().out().flush();
            java.util.Set<Long> childrenBefore = ChildProcess.currentChildren();
            Process process = builder.start();
            if (stdin == DEVNULL) {
                process.getOutputStream().close();
            }
            PProcess p = new PProcess(process, ChildProcess.pidOf(process, childrenBefore));
            if (forwardOut) {
                p.forwarders.add(forward(process.getInputStream(), context.env().out()));
            }
            if (forwardErr) {
                p.forwarders.add(forward(process.getErrorStream(), context.env().err()));
            }
            return p;
        } catch (SecurityException e) {
            throw Errors.make("PermissionError", "cannot start a process: not allowed by the embedder's policy (Context.Builder.allowCreateProcess, allowIO)");
        } catch (IOException e) {
            throw startFailure(context, e, command.get(0), a[1]);
        }
    }

    private static ProcessHandler.Redirect redirect(TruffleProcessBuilder builder, int mode) {
        if (mode == PIPE) {
            return ProcessHandler.Redirect.PIPE;
        }
        if (mode == DEVNULL) {
            return builder.createRedirectToStream(OutputStream.nullOutputStream());
        }
        return ProcessHandler.Redirect.INHERIT;
    }

    /** Copies a child's output to one of the context's streams, on a daemon thread; never closes the stream. */
    private static Thread forward(InputStream from, OutputStream to) {
        Thread t = new Thread(() -> {
            byte[] chunk = new byte[8192];
            try {
                for (int n = from.read(chunk); n >= 0; n = from.read(chunk)) {
                    synchronized (to) {
                        to.write(chunk, 0, n);
                        to.flush();
                    }
                }
            } catch (IOException e) {
                // The pipe or the context's stream closed: nothing more to copy.
            }
        }, "mp-subprocess-forward");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static final Pattern ERRNO = Pattern.compile("error[=:] ?(\\d+)(?:, | \\()([^)]*)");

    /** The OSError CPython raises for a program that cannot be started (FileNotFoundError for a missing one). */
    private static RuntimeException startFailure(MpContext context, IOException e, String program, Object cwd) {
        String message = String.valueOf(e.getMessage());
        Matcher m = ERRNO.matcher(message);
        if (m.find()) {
            int errno = Integer.parseInt(m.group(1));
            if (errno == 2 && cwd != PNone.NONE && !context.env().getPublicTruffleFile((String) cwd).isDirectory()) {
                return Errors.osError(2, "No such file or directory", cwd);
            }
            return Errors.osError(errno, m.group(2), program);
        }
        return Errors.osError(e, program, null);
    }

    /** Waits for the child's end, at most timeout seconds (None: no limit); whether it ended. */
    @TruffleBoundary
    private static boolean waitFor(PProcess p, Object timeout) {
        long deadline = timeout == PNone.NONE ? Long.MAX_VALUE : System.nanoTime() + (long) (Conversions.asDouble(timeout) * 1e9);
        boolean[] ended = {false};
        dev.mp.runtime.MpContext.get(null).gil().releaseWhile(() -> TruffleSafepoint.setBlockedThreadInterruptible(null, end -> {
            while (true) {
                long remaining = end - System.nanoTime();
                if (remaining <= 0) {
                    ended[0] = !p.process.isAlive();
                    return;
                }
                if (p.process.waitFor(Math.min(remaining, 100_000_000L), TimeUnit.NANOSECONDS)) {
                    ended[0] = true;
                    for (Thread t : p.forwarders) {
                        // The output of the child comes before what the script prints next.
                        t.join(10_000);
                    }
                    return;
                }
            }
        }, deadline));
        return ended[0];
    }

    /**
     * Sends input and collects the piped output until the child ends and its pipes close, at most timeout seconds.
     * Returns (stdout, stderr) with None for a stream not piped, or None when the time ran out (the collected
     * output stays for the next call).
     */
    @TruffleBoundary
    private static Object communicate(PProcess p, Object input, Object timeout, boolean readOut, boolean readErr) {
        if (p.out == null && p.err == null && p.writer == null) {
            if (readOut) {
                p.out = new Collector(p.process.getInputStream(), "mp-subprocess-stdout");
                p.out.start();
            }
            if (readErr) {
                p.err = new Collector(p.process.getErrorStream(), "mp-subprocess-stderr");
                p.err.start();
            }
            byte[] data = input == PNone.NONE ? null : Sequences.bytesOf(input);
            OutputStream stdin = p.process.getOutputStream();
            p.writer = new Thread(() -> {
                try (stdin) {
                    if (data != null) {
                        stdin.write(data);
                    }
                } catch (IOException e) {
                    // The child closed its input (or ended): CPython ignores a broken pipe here too.
                }
            }, "mp-subprocess-stdin");
            p.writer.setDaemon(true);
            p.writer.start();
        }
        long deadline = timeout == PNone.NONE ? Long.MAX_VALUE : System.nanoTime() + (long) (Conversions.asDouble(timeout) * 1e9);
        boolean[] done = {false};
        dev.mp.runtime.MpContext.get(null).gil().releaseWhile(() -> TruffleSafepoint.setBlockedThreadInterruptible(null, end -> {
            for (Thread t : new Thread[] {p.out, p.err}) {
                if (t == null) {
                    continue;
                }
                long remaining = end - System.nanoTime();
                if (remaining <= 0) {
                    return;
                }
                t.join(Math.max(1, Math.min(remaining / 1_000_000, Long.MAX_VALUE / 2)));
                if (t.isAlive()) {
                    return;
                }
            }
            while (p.process.isAlive()) {
                long remaining = end - System.nanoTime();
                if (remaining <= 0) {
                    return;
                }
                p.process.waitFor(Math.min(remaining, 100_000_000L), TimeUnit.NANOSECONDS);
            }
            for (Thread t : p.forwarders) {
                t.join(10_000);
            }
            done[0] = true;
        }, deadline));
        if (!done[0]) {
            return PNone.NONE;
        }
        return PTuple.of(p.out == null ? PNone.NONE : new PBytes(p.out.bytes()), p.err == null ? PNone.NONE : new PBytes(p.err.bytes()));
    }

    private static InputStream stream(PProcess p, int which) {
        return which == 1 ? p.process.getInputStream() : p.process.getErrorStream();
    }

    /** Up to size bytes of the child's stdout (1) or stderr (2), all until the end for size < 0. */
    @TruffleBoundary
    private static PBytes read(PProcess p, int which, long size) {
        InputStream in = stream(p, which);
        Object[] result = {null};
        // Other threads run while this one waits for the child (CPython releases its lock here too).
        dev.mp.runtime.MpContext.get(null).gil().releaseWhile(() -> TruffleSafepoint.setBlockedThreadInterruptible(null, s -> {
            try {
                result[0] = size < 0 ? s.readAllBytes() : s.readNBytes((int) size);
            } catch (IOException closed) {
                // A closed pipe reads as its end.
                result[0] = new byte[0];
            }
        }, in));
        return new PBytes((byte[]) result[0]);
    }

    /** One line (with its newline) of the child's stdout or stderr; empty at the end. */
    @TruffleBoundary
    private static PBytes readline(PProcess p, int which) {
        InputStream in = stream(p, which);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        TruffleSafepoint.setBlockedThreadInterruptible(null, s -> {
            try {
                for (int b = s.read(); b >= 0; b = s.read()) {
                    line.write(b);
                    if (b == '\n') {
                        break;
                    }
                }
            } catch (IOException closed) {
                // A closed pipe reads as its end.
            }
        }, in);
        return new PBytes(line.toByteArray());
    }
}
