package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.moduleFunction;

import java.util.IdentityHashMap;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.MpException;
import dev.mp.runtime.TracebackPrinter;
import dev.mp.runtime.builtins.BuiltinBuilder;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Comparisons;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;

/**
 * The {@code atexit} module: its callbacks are the context's exit hooks (those multiprocessing registers too), so
 * all run last registered first when the main program ends. As in CPython, an exception in a callback is printed
 * as "Exception ignored in atexit callback" and does not change the exit status.
 */
final class AtexitModule {
    private AtexitModule() {
    }

    static void populate(PModule m, MpContext context) {
        // Which function each registered hook calls, for unregister; per context, as the hooks are.
        Map<Object, Object> functions = new IdentityHashMap<>();
        moduleFunction(m, "register", "func, /, *args, **kwargs", a -> {
            if (!Calls.isCallable(a[0])) {
                throw Errors.typeError("the first argument must be callable");
            }
            Object hook = hook(context, a[0], (PTuple) a[1], (PDict) a[2]);
            functions.put(hook, a[0]);
            context.modules().addExitHook(hook);
            return a[0];
        });
        moduleFunction(m, "unregister", "func, /", a -> {
            context.modules().removeExitHooks(hook -> {
                Object f = functions.get(hook);
                return f != null && (f == a[0] || Comparisons.eq(f, a[0]));
            });
            return PNone.NONE;
        });
        moduleFunction(m, "_run_exitfuncs", "", a -> {
            context.modules().runExitHooks(0);
            return PNone.NONE;
        });
        moduleFunction(m, "_clear", "", a -> {
            context.modules().removeExitHooks(functions::containsKey);
            return PNone.NONE;
        });
        moduleFunction(m, "_ncallbacks", "", a -> {
            long[] n = {0};
            context.modules().removeExitHooks(hook -> {
                if (functions.containsKey(hook)) {
                    n[0]++;
                }
                return false;
            });
            return n[0];
        });
    }

    /** The exit hook calling {@code func(*args, **kwargs)}, printing what it raises as CPython does. */
    private static Object hook(MpContext context, Object func, PTuple args, PDict kwargs) {
        return BuiltinBuilder.function("atexit_callback", "", ignored -> {
            call(context, func, args, kwargs);
            return PNone.NONE;
        });
    }

    @TruffleBoundary
    private static void call(MpContext context, Object func, PTuple args, PDict kwargs) {
        try {
            Calls.callUnpacking(func, args.items(), kwargs);
        } catch (MpException e) {
            context.err().print("Exception ignored in atexit callback: " + Conversions.repr(func) + "\n");
            TracebackPrinter.print(e.pythonException(), context.err());
            context.err().flush();
        }
    }
}
