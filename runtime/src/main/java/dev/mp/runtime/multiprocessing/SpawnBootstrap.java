package dev.mp.runtime.multiprocessing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.TruffleFile;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.Source;

import dev.mp.runtime.MainProgram;
import dev.mp.runtime.MpContext;
import dev.mp.runtime.MpException;
import dev.mp.runtime.MpLanguage;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.parser.SourceCompiler;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Conversions;

/**
 * The child side of the spawn start method. The parent writes two pickles to the child's standard input: the
 * preparation data (sys.path, sys.argv, the main script) and the Process object. The child re-runs the main
 * script as {@code __mp_main__} (so {@code if __name__ == '__main__':} blocks do not run again), unpickles the
 * Process, which finds its target by module and qualified name, and calls its {@code _bootstrap()}.
 */
public final class SpawnBootstrap {
    private SpawnBootstrap() {
    }

    /** Writes the task of a child: the two pickles, each preceded by its length. */
    static void writeTask(OutputStream out, byte[] preparation, byte[] process) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(preparation.length);
        data.write(preparation);
        data.writeInt(process.length);
        data.write(process);
        data.flush();
    }

    public static CallTarget callTarget(MpLanguage language) {
        return new SpawnRoot(language).getCallTarget();
    }

    private static final class SpawnRoot extends RootNode {
        SpawnRoot(MpLanguage language) {
            super(language, new FrameDescriptor());
        }

        @Override
        public Object execute(VirtualFrame frame) {
            MpContext context = MpContext.get(this);
            int status;
            boolean[] recycle = {false};
            try {
                // No Python code of the task runs while a standby waits, so Ctrl-C then just ends the process.
                Task task = awaitTask(context);
                if (task == null) {
                    // A standby that was not needed: its parent ended or closed the pool.
                    status = 0;
                } else {
                    boolean outermost = context.enterTopLevel();
                    try {
                        status = context.modules().runExitHooks(run(context, task, recycle));
                    } finally {
                        context.leaveTopLevel(outermost);
                    }
                }
            } catch (IOException e) {
                String reason = e.getMessage() != null ? e.getMessage() : "its parent closed the pipe";
                context.err().println("mp: child process did not receive its task: " + reason);
                status = 1;
            } catch (MpException e) {
                status = MainProgram.handleUncaught(context, e.pythonException());
            }
            context.out().flush();
            context.err().flush();
            if (recycle[0]) {
                // The Process ended; ChildMain closes this context and may run the next Process in a fresh one.
                return (long) status;
            }
            context.env().getContext().closeExited(this, status);
            return PNone.NONE;
        }
    }

    /** The two pickles of {@link #writeTask}, and the main script if it was parsed while waiting (else null). */
    private record Task(byte[] preparation, byte[] process, ParsedMain parsedMain) {
    }

    /** The parent's main script as read and parsed before the task came. */
    private record ParsedMain(String file, Source source, CallTarget code) {
    }

    /**
     * Loads what every task needs (the multiprocessing package, and with it the parser) and parses the parent's
     * main script, then blocks until the task arrives; a standby waits here. CPython's spawned children import
     * multiprocessing first too.
     *
     * @return the task, or null when standard input ends before it starts
     */
    private static Task awaitTask(MpContext context) throws IOException {
        context.modules().importModule("multiprocessing", new PDict(), true, 0);
        ParsedMain parsedMain = parseMain(context, context.env().getOptions().get(MpLanguage.SpawnMainScript));
        DataInputStream in = new DataInputStream(context.env().in());
        int first = in.read();
        if (first < 0) {
            return null;
        }
        byte[] preparation = readFrame(in, first);
        return new Task(preparation, readFrame(in, in.readUnsignedByte()), parsedMain);
    }

    /**
     * Reads and parses {@code file} ahead of the task, or null when there is none or it cannot be: then the task
     * reads it again and reports what is wrong. Parsing runs no code of the script.
     */
    private static ParsedMain parseMain(MpContext context, String file) {
        if (file.isEmpty()) {
            return null;
        }
        try {
            Source source = mainSource(context, file);
            // A JVM that runs one Process after another parses the script once while it reads the same.
            CallTarget code = context.language().sharedCode("__mp_main__\0" + file + "\0" + source.getCharacters(),
                    () -> SourceCompiler.parseModule(context.language(), source));
            return new ParsedMain(file, source, code);
        } catch (MpException | SecurityException e) {
            return null;
        }
    }

    /** The main script {@code file} as a source; OSError when it cannot be read. */
    private static Source mainSource(MpContext context, String file) {
        TruffleFile f = context.env().getPublicTruffleFile(file);
        try {
            return Source.newBuilder(MpLanguage.ID, f).build();
        } catch (IOException e) {
            throw dev.mp.runtime.ops.Errors.osError(2, "No such file or directory", file);
        }
    }

    /**
     * Runs the task and returns its exit code; sets {@code recycle[0]} when the parent asked for the forkserver
     * start method and this JVM can go on to another Process ({@link ChildStatus}): the Process then ends by
     * returning instead of ending the context, so that os._exit still ends the JVM.
     */
    private static int run(MpContext context, Task task, boolean[] recycle) {
        try {
            Object processObject = inheriting(context, () -> {
                PDict data = (PDict) Reduction.loads(context, task.preparation());
                recycle[0] = data.get("recycle") == Boolean.TRUE && System.getProperty(ChildStatus.PROPERTY) != null;
                prepare(context, data, task.parsedMain());
                return Reduction.loads(context, task.process());
            });
            Object code = Calls.callMethod(processObject, "_bootstrap");
            return code instanceof Long l ? (int) (long) l : (int) Conversions.asLong(code);
        } catch (MpException e) {
            return MainProgram.handleUncaught(context, e.pythonException());
        }
    }

    /**
     * Runs {@code step} with {@code current_process()._inheriting} set, as CPython's spawn does while it re-runs
     * the main module: a Process started then raises RuntimeError (see {@code _check_not_importing_main} in
     * process.mp) instead of starting a child that would do the same, without end.
     */
    private static Object inheriting(MpContext context, java.util.function.Supplier<Object> step) {
        PModule process = (PModule) context.modules().sysModules().get("multiprocessing.process");
        Object current = Calls.call(process.dict().get("current_process"));
        Calls.callMethod(current, "__setattr__", "_inheriting", true);
        try {
            return step.get();
        } finally {
            Calls.callMethod(current, "__delattr__", "_inheriting");
        }
    }

    /** A frame of {@link #writeTask} whose first length byte has been read already. */
    private static byte[] readFrame(DataInputStream in, int firstLengthByte) throws IOException {
        int n = firstLengthByte << 24 | in.readUnsignedByte() << 16 | in.readUnsignedShort();
        byte[] frame = in.readNBytes(n);
        if (frame.length < n) {
            throw new java.io.EOFException("the task ends after " + frame.length + " of " + n + " bytes");
        }
        return frame;
    }

    /**
     * Takes over the parent's sys.path and sys.argv and re-runs its main script as {@code __mp_main__}: the code
     * parsed while waiting when the script still reads the same, else the script parsed now.
     */
    private static void prepare(MpContext context, PDict data, ParsedMain parsedMain) {
        PList path = context.modules().path();
        path.items().clear();
        path.items().addAll(((PList) data.get("sys_path")).items());
        PModule sys = (PModule) context.modules().importModule("sys", new PDict(), true, 0);
        sys.dict().put("argv", data.get("sys_argv"));
        if (data.get("start_method") instanceof String method) {
            PModule contexts = (PModule) context.modules().importModule("multiprocessing.context", new PDict(), true, 0);
            Calls.call(contexts.dict().get("set_start_method"), method, true);
        }
        Object mainPath = data.get("init_main_from_path");
        if (mainPath instanceof String file) {
            Source source = mainSource(context, file);
            CallTarget code;
            if (parsedMain != null && parsedMain.file().equals(file)
                    && parsedMain.source().getCharacters().toString().contentEquals(source.getCharacters())) {
                source = parsedMain.source();
                code = parsedMain.code();
            } else {
                code = SourceCompiler.parseModule(context.language(), source);
            }
            context.modules().runAsMain("__mp_main__", source, code);
        }
    }
}
