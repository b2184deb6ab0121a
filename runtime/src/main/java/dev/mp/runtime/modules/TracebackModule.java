package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.moduleFunction;

import java.util.List;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.TracebackPrinter;
import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;

/**
 * The {@code traceback} module's printing and formatting of exceptions (print_exc, format_exc, print_exception,
 * format_exception, format_exception_only), over the same formatter as uncaught exceptions. Stack inspection
 * (extract_stack, walk_tb, TracebackException) is not provided.
 */
final class TracebackModule {
    private TracebackModule() {
    }

    static void populate(PModule m, MpContext context) {
        moduleFunction(m, "_stack_entries", "", a -> StackEntries.ofRunningCode());
        moduleFunction(m, "_source_text", "filename, /", a -> StackEntries.sourceText(Conversions.str(a[0])));
        moduleFunction(m, "_exception_entries", "exc, /", a -> StackEntries.ofException(exception(a[0], null)));
        moduleFunction(m, "_traceback_entries", "tb, /", a -> {
            if (!(a[0] instanceof dev.mp.runtime.builtins.TracebackType.PTraceback tb)) {
                throw Errors.attributeError("'%s' object has no attribute 'tb_frame'", dev.mp.runtime.ops.Types.typeName(a[0]));
            }
            return StackEntries.ofTraceback(tb);
        });
        moduleFunction(m, "format_exc", "limit=None, chain=True", a -> String.join("", handled(context, a[0], a[1])));
        moduleFunction(m, "print_exc", "limit=None, file=None, chain=True", a -> {
            write(context, a[1], handled(context, a[0], a[2]));
            return PNone.NONE;
        });
        moduleFunction(m, "format_exception", "exc, /, value=?, tb=?, limit=None, chain=True",
                a -> new PList(List.copyOf(chunks(exception(a[0], a[1]), a[3], a[4]))));
        moduleFunction(m, "print_exception", "exc, /, value=?, tb=?, limit=None, file=None, chain=True", a -> {
            write(context, a[4], chunks(exception(a[0], a[1]), a[3], a[5]));
            return PNone.NONE;
        });
        moduleFunction(m, "format_exception_only", "exc, /, value=?", a -> {
            Object value = a[1] != null ? a[1] : a[0];
            if (!(value instanceof PBaseException e)) {
                return new PList(List.of(Conversions.str(value == PNone.NONE ? "NoneType: None" : value) + "\n"));
            }
            return new PList(List.copyOf(TracebackPrinter.exceptionOnly(e)));
        });
    }

    /** The exception being handled, formatted; "NoneType: None" when there is none, as in CPython. */
    private static List<String> handled(MpContext context, Object limit, Object chain) {
        PBaseException e = context.currentHandled();
        return e == null ? List.of("NoneType: None\n") : chunks(e, limit, chain);
    }

    /** The exception of {@code format_exception(exc)} or of the older {@code (etype, value, tb)} form. */
    private static PBaseException exception(Object exc, Object value) {
        Object e = value != null ? value : exc;
        if (e instanceof PBaseException pe) {
            return pe;
        }
        throw Errors.typeError("Exception expected for value, %s found", dev.mp.runtime.ops.Types.typeName(e));
    }

    private static List<String> chunks(PBaseException e, Object limit, Object chain) {
        return TracebackPrinter.chunks(e, limit == PNone.NONE ? null : (int) Conversions.asLong(limit), Conversions.isTrue(chain));
    }

    /** Writes to {@code file}, or to {@code sys.stderr} as it is now when file is None. */
    private static void write(MpContext context, Object file, List<String> chunks) {
        Object target = file;
        if (target == PNone.NONE) {
            PModule sys = (PModule) context.modules().importModule("sys", new PDict(), true, 0);
            target = sys.dict().get("stderr");
        }
        Calls.callMethod(target, "write", String.join("", chunks));
    }
}
