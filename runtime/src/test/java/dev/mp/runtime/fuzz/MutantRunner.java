package dev.mp.runtime.fuzz;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.FileSystem;
import org.graalvm.polyglot.io.IOAccess;

import dev.mp.runtime.JavaFrames;

/**
 * Runs one program in-process, as a main program, in a context that can neither start processes nor write files
 * (a read-only file system), on a thread with a large stack, and cancels it after a time limit. It classifies
 * the outcome: a Python exception or exit is fine; a Java exception reaching the embedder, a Java frame or mp's
 * internal-error report in the program's output, or a context that cannot be cancelled is a failure.
 */
final class MutantRunner implements AutoCloseable {
    /** What a run came to. */
    enum Verdict {
        /** Finished, by a Python exception, or by exit: all fine. */
        OK,
        /** Still running at the time limit, and cancelled: not a failure by itself (a mutant may loop forever). */
        TIMEOUT,
        /** A Java exception, a Java frame or an internal error reached the user, or cancelling did not stop it. */
        FAILURE
    }

    record Outcome(Verdict verdict, String detail) {
    }

    /** The most output kept of one run; the rest is counted only. */
    private static final int OUTPUT_LIMIT = 1 << 18;
    /** Stack of a run's thread: deep mutants must reach RecursionError, not overflow a small test thread. */
    private static final long STACK_BYTES = 512L * 1024 * 1024;

    private final Engine engine = Engine.newBuilder("mp").option("engine.WarnInterpreterOnly", "false").build();
    private final long timeoutMillis;

    MutantRunner(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
        ignoreSignalsMutantsMayRaise();
    }

    /**
     * A mutant may raise a signal before the handler its program installs (signal.raise_signal(SIGUSR1) moved up):
     * its default action would end this JVM, and the run with it. Java handlers that do nothing stand in for the
     * default action of the signals a program may raise at itself (INT and TERM keep theirs, to stop a run).
     */
    private static void ignoreSignalsMutantsMayRaise() {
        for (String name : new String[] {"HUP", "USR1", "USR2", "ALRM", "PIPE", "VTALRM", "PROF", "XCPU", "XFSZ", "IO", "PWR", "SYS"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                });
            } catch (IllegalArgumentException reservedByTheJvm) {
                // left as it is
            }
        }
    }

    Outcome run(String name, String program) {
        BoundedOutput out = new BoundedOutput();
        BoundedOutput err = new BoundedOutput();
        Context context = Context.newBuilder("mp").engine(engine).out(out).err(err).in(new ByteArrayInputStream(new byte[0]))
                .option("mp.Main", "true").arguments("mp", new String[] {name}).allowCreateProcess(false)
                .allowIO(IOAccess.newBuilder().fileSystem(FileSystem.newReadOnlyFileSystem(FileSystem.newDefaultFileSystem())).build())
                .build();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread worker = new Thread(null, () -> {
            try {
                context.eval(Source.newBuilder("mp", program, name).buildLiteral());
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "mp-fuzz-case", STACK_BYTES);
        worker.setDaemon(true);
        worker.start();
        boolean timedOut = !join(worker, timeoutMillis);
        if (timedOut) {
            try {
                context.close(true);
            } catch (RuntimeException e) {
                // Cancelling reports the cancellation to the closing thread on some paths: expected here.
            }
            if (!join(worker, 60_000)) {
                return new Outcome(Verdict.FAILURE, "still running 60 s after it was cancelled");
            }
        } else {
            try {
                context.close(true);
            } catch (RuntimeException e) {
                return new Outcome(Verdict.FAILURE, "closing the context failed: " + e);
            }
        }
        String printed = out.text() + err.text();
        Throwable t = thrown.get();
        if (t != null && !(t instanceof PolyglotException p && (p.isExit() || p.isCancelled() || (p.isGuestException() && !p.isInternalError())))) {
            return new Outcome(Verdict.FAILURE, "Java exception reached the embedder: " + describe(t));
        }
        int java = JavaFrames.find(printed);
        if (java >= 0) {
            return new Outcome(Verdict.FAILURE, "Java or an internal error in the output: " + JavaFrames.excerpt(printed, java));
        }
        return timedOut ? new Outcome(Verdict.TIMEOUT, "cancelled after " + timeoutMillis + " ms") : new Outcome(Verdict.OK, "");
    }

    private static boolean join(Thread thread, long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    private static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder(t.toString());
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 0; i < Math.min(8, frames.length); i++) {
            sb.append("\n    at ").append(frames[i]);
        }
        return sb.toString();
    }

    @Override
    public void close() {
        engine.close(true);
    }

    /** Keeps the first {@link #OUTPUT_LIMIT} bytes written: a mutant that prints without end must not fill the heap. */
    private static final class BoundedOutput extends OutputStream {
        private final java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (kept.size() < OUTPUT_LIMIT) {
                kept.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int room = OUTPUT_LIMIT - kept.size();
            if (room > 0) {
                kept.write(b, off, Math.min(room, len));
            }
        }

        synchronized String text() {
            return kept.toString(StandardCharsets.UTF_8);
        }
    }
}
