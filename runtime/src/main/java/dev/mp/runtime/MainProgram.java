package dev.mp.runtime;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.Source;

import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Exceptions;

/**
 * Runs the program's main module as CPython runs a script: an uncaught exception prints its traceback and
 * gives exit status 1, {@code sys.exit(n)} gives n, and the exit hooks (joining child processes) run
 * before the context exits. Runs a statement typed at the prompt as CPython's REPL does: an exception
 * prints its traceback and the session goes on, {@code SystemExit} ends it.
 */
public final class MainProgram {
    private MainProgram() {
    }

    /**
     * Runs the main module; returns its exit status, 0, when the program ended by itself or with status 0 (another
     * status exits the context). An int, not None: the embedder's first polyglot value of a guest object costs a
     * start ~15 ms (Truffle builds the value's dispatch), a host int's is made with the engine.
     */
    static Object run(MpContext context, Node location, CallTarget module, Source source) {
        // Shared memory left behind by mp processes that were killed is removed at the next start.
        Thread sweep = dev.mp.runtime.multiprocessing.shm.ResourceTracker.sweepStaleInBackground();
        if (source.getPath() != null) {
            context.mainModule().dict().put("__file__", source.getPath());
            // As in CPython, imports look in the script's own directory first.
            com.oracle.truffle.api.TruffleFile script = context.env().getPublicTruffleFile(source.getPath());
            context.modules().setScriptDirectory(script.getAbsoluteFile().normalize().getParent().getPath());
        }
        int status;
        boolean outermost = context.enterTopLevel();
        try {
            status = context.modules().runExitHooks(runModule(context, module));
        } finally {
            context.leaveTopLevel(outermost);
            awaitUninterruptibly(sweep);
        }
        context.out().flush();
        context.err().flush();
        if (status != 0) {
            context.env().getContext().closeExited(location, status);
        }
        return 0;
    }

    private static void awaitUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs a statement typed at the prompt in {@code __main__}. {@code SystemExit} runs the exit hooks and
     * exits the context with its status.
     *
     * @return true when the statement ran to completion, false when it raised (its traceback is printed)
     */
    static boolean runInteractive(MpContext context, Node location, CallTarget statement) {
        boolean completed = false;
        boolean exiting = false;
        int exitStatus = 0;
        boolean outermost = context.enterTopLevel();
        try {
            statement.call(context.mainModule());
            completed = true;
        } catch (MpException e) {
            if (Exceptions.matches(e, "SystemExit")) {
                exiting = true;
                exitStatus = context.modules().runExitHooks(systemExitStatus(context, e.pythonException()));
            } else {
                handleUncaught(context, e.pythonException());
            }
        } catch (StackOverflowError e) {
            reportStackOverflow(context);
        } finally {
            context.leaveTopLevel(outermost);
        }
        context.out().flush();
        context.err().flush();
        if (exiting) {
            context.env().getContext().closeExited(location, exitStatus);
        }
        return completed;
    }

    /** Runs module code in {@code __main__}; returns the exit status of the exception that ended it, or 0. */
    private static int runModule(MpContext context, CallTarget module) {
        try {
            module.call(context.mainModule());
            return 0;
        } catch (MpException e) {
            return handleUncaught(context, e.pythonException());
        } catch (StackOverflowError e) {
            return reportStackOverflow(context);
        } catch (com.oracle.truffle.api.nodes.ControlFlowException | com.oracle.truffle.api.exception.AbstractTruffleException e) {
            throw e;
        } catch (RuntimeException | OutOfMemoryError | AssertionError e) {
            // Raised outside any statement (while setting the module up): still a Python traceback, never Java's.
            return handleUncaught(context, dev.mp.runtime.ops.Errors.fromJava(e).pythonException());
        }
    }

    private static int reportStackOverflow(MpContext context) {
        context.out().flush();
        context.err().println("RecursionError: maximum recursion depth exceeded");
        return 1;
    }

    /** Prints an uncaught exception as CPython does and returns the exit status it means. */
    public static int handleUncaught(MpContext context, PBaseException e) {
        if (Exceptions.matches(e, "SystemExit")) {
            return systemExitStatus(context, e);
        }
        context.out().flush();
        TracebackPrinter.print(e, context.err());
        context.err().flush();
        return Exceptions.matches(e, "KeyboardInterrupt") ? KeyboardInterrupts.SIGINT_STATUS : 1;
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
