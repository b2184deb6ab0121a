package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.moduleFunction;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.MpLanguage;
import dev.mp.runtime.builtins.BuiltinBuilder;
import dev.mp.runtime.nodes.CallerFrames;
import dev.mp.runtime.nodes.Frames;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PObject;
import dev.mp.runtime.objects.PFunction;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;

/** The {@code sys} module. */
public final class SysModule {
    private static final dev.mp.runtime.builtins.StructSequence VERSION_INFO = dev.mp.runtime.builtins.StructSequence.define("sys",
            "version_info", new String[] {"major", "minor", "micro", "releaselevel", "serial"}, new String[0]);
    private static final dev.mp.runtime.builtins.StructSequence INT_INFO = dev.mp.runtime.builtins.StructSequence.define("sys", "int_info",
            new String[] {"bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"}, new String[0]);

    private SysModule() {
    }

    /**
     * What {@code sys._getframe()} returns: a frame's globals and locals, and its caller's frame. It shows the
     * frame as it was when asked for; {@code f_back} is looked up then too.
     */
    static final class FrameObject extends PObject {
        static final PClass CLASS = new PClass("frame", "builtins", new PClass[] {BuiltinClasses.OBJECT}, true, PClass.Layout.BUILTIN);

        static {
            BuiltinBuilder.attribute(CLASS, "f_globals", o -> Frames.globals(((FrameObject) o).frame));
            BuiltinBuilder.attribute(CLASS, "f_locals", o -> CallerFrames.locals(((FrameObject) o).frame));
            BuiltinBuilder.attribute(CLASS, "f_back", o -> ((FrameObject) o).back);
            BuiltinBuilder.attribute(CLASS, "f_lineno", o -> (long) ((FrameObject) o).line);
            BuiltinBuilder.attribute(CLASS, "f_code", o -> {
                // A function's frame shows its function's code; a module's or class body's, a code named <module>.
                PFunction f = Frames.function(((FrameObject) o).frame);
                if (f != null && !CallerFrames.isClassBody(((FrameObject) o).frame)) {
                    return dev.mp.runtime.builtins.CodeType.of(f);
                }
                Object file = Frames.globals(((FrameObject) o).frame).get("__file__");
                return new dev.mp.runtime.builtins.CodeType.PCode("<module>", "<module>", null, null, file instanceof String name ? name : "<string>", null);
            });
        }

        private final com.oracle.truffle.api.frame.Frame frame;
        private final Object back;
        /** The line running in the frame when it was asked for (for a caller, the line of its call). */
        private final int line;

        FrameObject(com.oracle.truffle.api.frame.Frame frame, int depth) {
            this.frame = frame;
            com.oracle.truffle.api.frame.Frame caller = CallerFrames.frame(depth + 1);
            this.back = caller == null ? PNone.NONE : new FrameObject(caller, depth + 1);
            this.line = callerLine(depth);
        }

        private FrameObject(com.oracle.truffle.api.frame.Frame frame, int line, Object back) {
            this.frame = frame;
            this.line = line;
            this.back = back;
        }

        /** The line running {@code depth} frames out from the code calling the running builtin, or 0. */
        private static int callerLine(int depth) {
            dev.mp.runtime.nodes.CallStack stack = dev.mp.runtime.nodes.CallStack.current();
            if (stack != null) {
                int index = stack.size() - 1 - depth;
                return index < 0 ? 0 : StackEntries.statementLine(stack.callNode(index));
            }
            int[] remaining = {depth};
            Integer line = com.oracle.truffle.api.Truffle.getRuntime().iterateFrames(
                    instance -> remaining[0]-- > 0 ? null : StackEntries.statementLine(instance.getCallNode()));
            return line == null ? 0 : line;
        }

        @Override
        public PClass getPythonClass() {
            return CLASS;
        }
    }

    /**
     * {@code gi_frame}, {@code cr_frame}, {@code ag_frame}: the frame a generator keeps between resumptions, with no
     * caller and the line where it is suspended (its definition's line before it starts); None once it has
     * finished.
     */
    public static Object generatorFrame(dev.mp.runtime.objects.PGenerator g) {
        if (g.finished) {
            return PNone.NONE;
        }
        com.oracle.truffle.api.nodes.Node at = dev.mp.runtime.ops.Generators.suspendedAt(g);
        int line = at != null ? StackEntries.statementLine(at) : 0;
        if (line == 0 && Frames.function(g.frame) instanceof PFunction f) {
            line = (int) dev.mp.runtime.builtins.CodeType.firstLine(f);
        }
        return new FrameObject(g.frame, line, PNone.NONE);
    }

    /**
     * {@code sys.implementation}: the name (mp), the language version it follows, no bytecode cache tag; a namespace
     * shown as CPython's (a types.SimpleNamespace) is.
     */
    private static Object implementation(Object versionInfo) {
        PClass namespace = PClass.create("SimpleNamespace", "SimpleNamespace", "types", new PClass[] {BuiltinClasses.OBJECT});
        BuiltinBuilder.method(namespace, "__repr__", "self", a -> {
            StringBuilder sb = new StringBuilder("namespace(");
            String sep = "";
            for (var e : ((dev.mp.runtime.objects.PInstance) a[0]).dict().entries()) {
                sb.append(sep).append(e.key).append('=').append(Conversions.repr(e.value));
                sep = ", ";
            }
            return sb.append(')').toString();
        });
        var ns = new dev.mp.runtime.objects.PInstance(namespace);
        ns.dict().put("name", "mp");
        ns.dict().put("cache_tag", PNone.NONE);
        ns.dict().put("version", versionInfo);
        ns.dict().put("hexversion", 0x030b00f0L);
        String arch = System.getProperty("os.arch");
        ns.dict().put("_multiarch", (arch.equals("amd64") ? "x86_64" : arch) + "-linux-gnu");
        return ns;
    }

    static void populate(PModule m, MpContext context) {
        var d = m.dict();
        PList argv = new PList();
        for (String arg : context.env().getApplicationArguments()) {
            argv.add(arg);
        }
        if (argv.size() == 0) {
            argv.add("");
        }
        d.put("argv", argv);
        d.put("path", context.modules().path());
        d.put("modules", context.modules().sysModules());
        d.put("platform", System.getProperty("os.name").toLowerCase().startsWith("linux") ? "linux" : System.getProperty("os.name").toLowerCase());
        d.put("version_info", VERSION_INFO.make(new Object[] {3L, 11L, 0L, "final", 0L}));
        d.put("version", "3.11.0 (mp " + MpLanguage.VERSION + ")");
        d.put("implementation", implementation(d.get("version_info")));
        d.put("hexversion", 0x030b00f0L);
        d.put("maxsize", Long.MAX_VALUE);
        d.put("int_info", INT_INFO.make(new Object[] {30L, 4L, (long) dev.mp.runtime.ops.IntDigits.DEFAULT_LIMIT, (long) dev.mp.runtime.ops.IntDigits.THRESHOLD}));
        d.put("byteorder", "little");
        d.put("executable", "mp");
        d.put("stdout", StdStream.stdout(context));
        d.put("stderr", StdStream.stderr(context));
        d.put("stdin", StdStream.stdin(context));
        moduleFunction(m, "exit", "status=None, /", a -> {
            // As CPython's PyErr_SetObject: no status is no arguments, a tuple is the arguments.
            PClass systemExit = BuiltinClasses.exception("SystemExit");
            throw a[0] == null || a[0] == PNone.NONE ? Errors.raise(systemExit) : a[0] instanceof PTuple t ? Errors.raise(systemExit, t.items())
                    : Errors.raise(systemExit, a[0]);
        });
        moduleFunction(m, "getrecursionlimit", "", a -> (long) context.recursionLimit);
        moduleFunction(m, "setrecursionlimit", "limit, /", a -> {
            long limit = Conversions.asLong(a[0]);
            if (limit != (int) limit) {
                throw Errors.overflowError("Python int too large to convert to C int");
            }
            if (limit < 1) {
                throw Errors.valueError("recursion limit must be greater or equal than 1");
            }
            context.recursionLimit = (int) limit;
            return PNone.NONE;
        });
        moduleFunction(m, "get_int_max_str_digits", "", a -> (long) context.intMaxStrDigits);
        moduleFunction(m, "set_int_max_str_digits", "maxdigits", a -> {
            dev.mp.runtime.ops.IntDigits.setLimit(context, a[0]);
            return PNone.NONE;
        });
        moduleFunction(m, "exc_info", "", a -> {
            PBaseException e = context.currentHandled();
            return e == null ? PTuple.of(PNone.NONE, PNone.NONE, PNone.NONE)
                    : PTuple.of(e.getPythonClass(), e, dev.mp.runtime.builtins.TracebackType.of(e));
        });
        moduleFunction(m, "_getframe", "depth=0, /", a -> {
            long depth = Conversions.asLong(a[0]);
            com.oracle.truffle.api.frame.Frame frame = depth < 0 ? null : CallerFrames.frame((int) depth);
            if (frame == null) {
                throw Errors.valueError("call stack is not deep enough");
            }
            return new FrameObject(frame, (int) depth);
        });
        moduleFunction(m, "getswitchinterval", "", a -> context.gil().switchInterval());
        moduleFunction(m, "setswitchinterval", "interval, /", a -> {
            double interval = Conversions.asDouble(a[0]);
            if (!(interval > 0)) {
                throw Errors.valueError("switch interval must be strictly positive");
            }
            context.gil().setSwitchInterval(interval);
            return PNone.NONE;
        });
        Object breakpointHook = moduleFunction(m, "breakpointhook", "*args, **kws", a -> DebuggerModule.breakpointHook(context, (PTuple) a[0], (dev.mp.runtime.objects.PDict) a[1]));
        d.put("__breakpointhook__", breakpointHook);
        moduleFunction(m, "setprofile", "function, /", a -> ProfileFunction.set(context, a[0]));
        moduleFunction(m, "getprofile", "", a -> ProfileFunction.get(context));
        moduleFunction(m, "getdefaultencoding", "", a -> "utf-8");
        moduleFunction(m, "intern", "s, /", a -> {
            if (!(a[0] instanceof String s)) {
                throw Errors.typeError("intern() argument must be str, not %s", dev.mp.runtime.ops.Types.typeName(a[0]));
            }
            return s.intern();
        });
    }
}
