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
            boolean outermost = context.enterTopLevel();
            try {
                status = context.modules().runExitHooks(run(context));
            } finally {
                context.leaveTopLevel(outermost);
            }
            context.out().flush();
            context.err().flush();
            context.env().getContext().closeExited(this, status);
            return PNone.NONE;
        }
    }

    private static int run(MpContext context) {
        byte[] preparation;
        byte[] process;
        try {
            DataInputStream in = new DataInputStream(context.env().in());
            preparation = readFrame(in);
            process = readFrame(in);
        } catch (IOException e) {
            context.err().println("mp: child process did not receive its task: " + e.getMessage());
            return 1;
        }
        try {
            prepare(context, (PDict) Reduction.loads(context, preparation));
            Object processObject = Reduction.loads(context, process);
            Object code = Calls.callMethod(processObject, "_bootstrap");
            return code instanceof Long l ? (int) (long) l : (int) Conversions.asLong(code);
        } catch (MpException e) {
            return MainProgram.handleUncaught(context, e.pythonException());
        }
    }

    private static byte[] readFrame(DataInputStream in) throws IOException {
        int n = in.readInt();
        return in.readNBytes(n);
    }

    /** Takes over the parent's sys.path and sys.argv and re-runs its main script as {@code __mp_main__}. */
    private static void prepare(MpContext context, PDict data) {
        PList path = context.modules().path();
        path.items().clear();
        path.items().addAll(((PList) data.get("sys_path")).items());
        PModule sys = (PModule) context.modules().importModule("sys", new PDict(), true, 0);
        sys.dict().put("argv", data.get("sys_argv"));
        Object mainPath = data.get("init_main_from_path");
        if (mainPath instanceof String file) {
            TruffleFile f = context.env().getPublicTruffleFile(file);
            Source source;
            try {
                source = Source.newBuilder(MpLanguage.ID, f).build();
            } catch (IOException e) {
                throw dev.mp.runtime.ops.Errors.osError(2, "No such file or directory", file);
            }
            context.modules().runAsMain("__mp_main__", source);
        }
    }
}
