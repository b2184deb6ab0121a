package dev.mp.runtime.multiprocessing;

import static dev.mp.runtime.builtins.BuiltinBuilder.attribute;
import static dev.mp.runtime.builtins.BuiltinBuilder.method;
import static dev.mp.runtime.builtins.BuiltinBuilder.moduleFunction;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.TracebackPrinter;
import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.PBuiltinFunction;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.ops.Errors;

/**
 * {@code _multiprocessing}: the Java half of the {@code multiprocessing} package, whose Python half (Process,
 * contexts) is bundled as {@code dev/mp/lib/multiprocessing}. It holds the primitives, the child-process handle
 * and the few process-level services the Python half needs.
 */
public final class MultiprocessingModule {
    private MultiprocessingModule() {
    }

    /** Registers how each shared primitive is rebuilt when unpickled; once per JVM, before any unpickling. */
    public static void registerResourceKinds() {
        Synchronize.register();
        Queues.register();
        Connections.register();
        SharedCTypes.register();
    }

    public static void populate(PModule m, MpContext context) {
        Synchronize.populate(m);
        Queues.populate(m);
        Connections.populate(m);
        SharedCTypes.populate(m);
        guardSharedMemory(m);
        m.dict().put("Popen", ChildProcess.TYPE);
        m.dict().put("PicklingError", Reduction.PICKLING_ERROR);
        StandbyPool.of(context).anticipate();

        moduleFunction(m, "start_process", "process_obj, method='forkserver', current_method='forkserver', ends_jvm=False", a -> {
            for (Object method : new Object[] {a[1], a[2]}) {
                if (!ChildProcess.SPAWN.equals(method) && !ChildProcess.FORKSERVER.equals(method)) {
                    throw Errors.valueError("cannot find context for %s", dev.mp.runtime.ops.Conversions.repr(method));
                }
            }
            return ChildProcess.start(context, a[0], (String) a[1], (String) a[2], dev.mp.runtime.ops.Conversions.isTrue(a[3]));
        });
        method(ChildProcess.TYPE, "poll", "self", a -> exitCode(((ChildProcess) a[0]).poll()));
        method(ChildProcess.TYPE, "wait", "self, timeout=None",
                a -> exitCode(((ChildProcess) a[0]).waitFor(Blocking.timeoutNanos(a[1]))));
        method(ChildProcess.TYPE, "terminate", "self", a -> {
            ((ChildProcess) a[0]).terminate();
            return PNone.NONE;
        });
        method(ChildProcess.TYPE, "kill", "self", a -> {
            ((ChildProcess) a[0]).kill();
            return PNone.NONE;
        });
        attribute(ChildProcess.TYPE, "pid", self -> ((ChildProcess) self).pid());

        moduleFunction(m, "default_start_method", "", a -> ChildProcess.defaultStartMethod());
        moduleFunction(m, "cpu_count", "", a -> (long) Runtime.getRuntime().availableProcessors());
        // How many child JVMs this program's pool has launched: what shows the pool's sizing (StandbyPoolTest).
        moduleFunction(m, "standby_launches", "", a -> (long) StandbyPool.of(context).launches());
        moduleFunction(m, "getpid", "", a -> ProcessHandle.current().pid());
        moduleFunction(m, "add_exit_hook", "function", a -> {
            context.modules().addExitHook(a[0]);
            return PNone.NONE;
        });
        moduleFunction(m, "set_process_name", "name", a -> {
            context.setProcessName((String) a[0]);
            return PNone.NONE;
        });
        moduleFunction(m, "print_exception", "exc, header=''", a -> {
            context.out().flush();
            context.err().print((String) a[1]);
            TracebackPrinter.print((PBaseException) a[0], context.err());
            context.err().flush();
            return PNone.NONE;
        });
        moduleFunction(m, "pid_alive", "pid", a -> ProcessHandle.of(dev.mp.runtime.ops.Conversions.asLong(a[0]))
                .map(ProcessHandle::isAlive).orElse(false));
        moduleFunction(m, "wait_pid", "pid, timeout=None", a -> {
            long pid = dev.mp.runtime.ops.Conversions.asLong(a[0]);
            Blocking.await(Blocking.timeoutNanos(a[1]), slice -> {
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    java.util.concurrent.locks.LockSupport.parkNanos(Math.min(slice, 10_000_000L));
                    return false;
                }
                return true;
            });
            return PNone.NONE;
        });
        moduleFunction(m, "log", "level, message", a -> {
            long level = dev.mp.runtime.ops.Conversions.asLong(a[0]);
            String message = (String) a[1];
            // Looked up here, not when the module loads: a program that never logs does not start slf4j.
            org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("multiprocessing");
            if (level >= 40) {
                log.error(message);
            } else if (level >= 30) {
                log.warn(message);
            } else if (level >= 20) {
                log.info(message);
            } else {
                log.debug(message);
            }
            return PNone.NONE;
        });
        moduleFunction(m, "dumps", "obj", a -> new PBytes(Reduction.dumps(a[0])));
        moduleFunction(m, "loads", "data", a -> {
            if (!(a[0] instanceof PBytes b)) {
                throw Errors.typeError("a bytes-like object is required, not '%s'", dev.mp.runtime.ops.Types.typeName(a[0]));
            }
            return Reduction.loads(context, b.bytes());
        });
    }

    /**
     * Makes every constructor of a shared primitive check the embedder's policy first: shared memory is mapped
     * files and futex system calls, which a context without native access (the CONSTRAINED sandbox and
     * stricter) must not reach.
     */
    private static void guardSharedMemory(PModule m) {
        for (PDict.Entry e : m.dict().entries()) {
            if (e.value instanceof dev.mp.runtime.objects.PClass cls && cls.dict().get("__new__") instanceof PBuiltinFunction f) {
                cls.dict().put("__new__", guarded(f));
            }
        }
        for (String factory : new String[] {"Pipe", "Value", "Array"}) {
            m.dict().put(factory, guarded((PBuiltinFunction) m.dict().get(factory)));
        }
    }

    private static PBuiltinFunction guarded(PBuiltinFunction f) {
        PBuiltinFunction.Body body = f.body();
        return new PBuiltinFunction(f.name(), f.ownerType(), f.signature(), f.defaults(), f.kwDefaults(), args -> {
            if (!MpContext.get(null).env().isNativeAccessAllowed()) {
                throw Errors.make("PermissionError",
                        "shared memory is not allowed by the embedder's policy (Context.Builder.allowNativeAccess)");
            }
            return body.call(args);
        });
    }

    private static Object exitCode(Integer code) {
        return code == null ? PNone.NONE : (Object) (long) code;
    }
}
