package dev.mp.runtime.threading;

import static dev.mp.runtime.builtins.BuiltinBuilder.moduleFunction;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.MpException;
import dev.mp.runtime.TracebackPrinter;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Exceptions;
import dev.mp.runtime.ops.Types;

/**
 * The {@code _thread} module: starting threads, their idents, and the locks ({@link ThreadLocks}) that
 * {@code threading} is written on.
 */
public final class ThreadModule {
    private ThreadModule() {
    }

    static {
        ThreadLocks.populate();
        ThreadLocalData.populate();
    }

    public static void populate(PModule m, MpContext context) {
        var d = m.dict();
        d.put("LockType", ThreadLocks.LOCK);
        d.put("lock", ThreadLocks.LOCK);
        d.put("RLock", ThreadLocks.RLOCK);
        d.put("_local", ThreadLocalData.TYPE);
        d.put("error", BuiltinClasses.exception("RuntimeError"));
        d.put("TIMEOUT_MAX", Waits.TIMEOUT_MAX);
        moduleFunction(m, "allocate_lock", "", a -> new ThreadLocks.Lock(context.gil()));
        m.dict().put("allocate", m.dict().get("allocate_lock"));
        moduleFunction(m, "get_ident", "", a -> Thread.currentThread().threadId());
        moduleFunction(m, "get_native_id", "", a -> Thread.currentThread().threadId());
        moduleFunction(m, "_count", "", a -> (long) context.threads().count());
        moduleFunction(m, "daemon_threads_allowed", "", a -> true);
        moduleFunction(m, "stack_size", "size=0, /", a -> {
            long size = Conversions.asLong(a[0]);
            if (size != 0 && size < 32768) {
                throw Errors.valueError("size not valid: %d bytes", size);
            }
            return 0L;
        });
        moduleFunction(m, "start_new_thread", "function, args, kwargs=?, /", a -> {
            if (!Calls.isCallable(a[0])) {
                throw Errors.typeError("first arg must be callable");
            }
            if (!(a[1] instanceof PTuple args)) {
                throw Errors.typeError("2nd arg must be a tuple");
            }
            if (a[2] != null && !(a[2] instanceof PDict)) {
                throw Errors.typeError("optional 3rd arg must be a dictionary");
            }
            Object function = a[0];
            PDict kwargs = (PDict) a[2];
            Thread t = context.threads().start(() -> runBare(context, function, args, kwargs));
            return t.threadId();
        });
        moduleFunction(m, "start_new", "function, args, kwargs=?, /", a -> Calls.call(d.get("start_new_thread"), a[0], a[1],
                a[2] == null ? new PDict() : a[2]));
        moduleFunction(m, "interrupt_main", "signum=2, /", a -> {
            context.signals().raise((int) Conversions.asLong(a[0]));
            return PNone.NONE;
        });
        moduleFunction(m, "exit", "", a -> {
            throw Errors.raise(BuiltinClasses.exception("SystemExit"));
        });
    }

    /**
     * Calls {@code function(*args, **kwargs)} as a thread's body: SystemExit ends the thread quietly, another
     * exception is reported as CPython's {@code _thread} does (the unraisable hook's format).
     */
    public static void runBare(MpContext context, Object function, PTuple args, PDict kwargs) {
        try {
            callWith(function, args, kwargs);
        } catch (MpException e) {
            if (Exceptions.matches(e, "SystemExit")) {
                return;
            }
            context.out().flush();
            context.err().println("Exception ignored in thread started by: " + Conversions.repr(function));
            TracebackPrinter.print(e.pythonException(), context.err());
            context.err().flush();
        }
    }

    static Object callWith(Object function, PTuple args, PDict kwargs) {
        if (kwargs == null || kwargs.size() == 0) {
            return Calls.call(function, args.items());
        }
        Object[] all = new Object[args.size() + kwargs.size()];
        String[] names = new String[kwargs.size()];
        System.arraycopy(args.items(), 0, all, 0, args.size());
        int i = 0;
        for (PDict.Entry e : kwargs.entries()) {
            if (!(e.key instanceof String name)) {
                throw Errors.typeError("keywords must be strings, not %s", Types.typeName(e.key));
            }
            names[i] = name;
            all[args.size() + i++] = e.value;
        }
        return Calls.call(function, all, names);
    }
}
