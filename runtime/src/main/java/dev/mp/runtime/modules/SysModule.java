package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.moduleFunction;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.MpLanguage;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;

/** The {@code sys} module. */
final class SysModule {
    private SysModule() {
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
        d.put("version_info", PTuple.of(3L, 11L, 0L, "final", 0L));
        d.put("version", "3.11.0 (mp " + MpLanguage.VERSION + ")");
        d.put("implementation", "mp");
        d.put("maxsize", Long.MAX_VALUE);
        d.put("byteorder", "little");
        d.put("executable", "mp");
        d.put("stdout", StdStream.stdout(context));
        d.put("stderr", StdStream.stderr(context));
        d.put("stdin", StdStream.stdin(context));
        moduleFunction(m, "exit", "status=None, /", a -> {
            throw Errors.raise(BuiltinClasses.exception("SystemExit"), a[0] == null ? PNone.NONE : a[0]);
        });
        moduleFunction(m, "getrecursionlimit", "", a -> (long) context.recursionLimit);
        moduleFunction(m, "setrecursionlimit", "limit, /", a -> {
            context.recursionLimit = (int) Conversions.asLong(a[0]);
            return PNone.NONE;
        });
        moduleFunction(m, "exc_info", "", a -> {
            PBaseException e = context.currentHandled();
            return e == null ? PTuple.of(PNone.NONE, PNone.NONE, PNone.NONE) : PTuple.of(e.getPythonClass(), e, PNone.NONE);
        });
        moduleFunction(m, "getdefaultencoding", "", a -> "utf-8");
        moduleFunction(m, "intern", "s, /", a -> a[0]);
    }
}
