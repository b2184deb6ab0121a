package dev.mp.runtime;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.Source;

import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Exceptions;

/**
 * Runs the program's main module as CPython runs a script: an uncaught exception prints its traceback and
 * gives exit status 1, {@code sys.exit(n)} gives n, and the exit hooks (joining child processes) run
 * before the context exits.
 */
public final class MainProgram {
    private MainProgram() {
    }

    static Object run(MpContext context, Node location, CallTarget module, Source source) {
        // Shared memory left behind by mp processes that were killed is removed at the next start.
        dev.mp.runtime.multiprocessing.shm.ResourceTracker.sweepStale();
        PModule main = context.mainModule();
        if (source.getPath() != null) {
            main.dict().put("__file__", source.getPath());
            // As in CPython, imports look in the script's own directory first.
            com.oracle.truffle.api.TruffleFile script = context.env().getPublicTruffleFile(source.getPath());
            context.modules().setScriptDirectory(script.getAbsoluteFile().normalize().getParent().getPath());
        }
        int status = 0;
        try {
            module.call(main);
        } catch (MpException e) {
            status = handleUncaught(context, e.pythonException());
        } catch (StackOverflowError e) {
            context.err().println("RecursionError: maximum recursion depth exceeded");
            status = 1;
        }
        status = context.modules().runExitHooks(status);
        context.out().flush();
        context.err().flush();
        if (status != 0) {
            context.env().getContext().closeExited(location, status);
        }
        return PNone.NONE;
    }

    /** Prints an uncaught exception as CPython does and returns the exit status it means. */
    public static int handleUncaught(MpContext context, PBaseException e) {
        if (Exceptions.matches(e, "SystemExit")) {
            return systemExitStatus(context, e);
        }
        context.out().flush();
        TracebackPrinter.print(e, context.err());
        context.err().flush();
        return Exceptions.matches(e, "KeyboardInterrupt") ? 130 : 1;
    }

    /** {@code sys.exit(code)}: None is 0, an int is itself, anything else is printed and gives 1. */
    static int systemExitStatus(MpContext context, PBaseException e) {
        Object code = e.args().size() == 0 ? PNone.NONE : e.args().size() == 1 ? e.args().get(0) : e.args();
        if (code == PNone.NONE) {
            return 0;
        }
        if (code instanceof Long l) {
            return (int) (long) l;
        }
        if (code instanceof Boolean b) {
            return b ? 1 : 0;
        }
        context.out().flush();
        context.err().println(Conversions.str(code));
        return 1;
    }
}
