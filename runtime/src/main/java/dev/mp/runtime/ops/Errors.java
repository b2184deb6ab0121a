package dev.mp.runtime.ops;

import dev.mp.runtime.MpException;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PTuple;

/**
 * Makes Python exceptions raised by the runtime itself. Each factory returns the throwable, so callers write
 * {@code throw Errors.typeError(...)}. A format string is only used as one when arguments follow it.
 */
public final class Errors {
    private Errors() {
    }

    public static MpException raise(PClass cls, Object... args) {
        return Exceptions.create(cls, new PTuple(args)).javaException();
    }

    public static MpException make(String className, String fmt, Object... args) {
        return raise(BuiltinClasses.exception(className), args.length == 0 ? fmt : String.format(fmt, args));
    }

    public static MpException typeError(String fmt, Object... args) {
        return make("TypeError", fmt, args);
    }

    public static MpException valueError(String fmt, Object... args) {
        return make("ValueError", fmt, args);
    }

    public static MpException indexError(String fmt, Object... args) {
        return make("IndexError", fmt, args);
    }

    public static MpException keyError(Object key) {
        return raise(BuiltinClasses.exception("KeyError"), key);
    }

    public static MpException attributeError(String fmt, Object... args) {
        return make("AttributeError", fmt, args);
    }

    public static MpException nameError(String name) {
        return make("NameError", "name '%s' is not defined", name);
    }

    public static MpException zeroDivision(String message) {
        return make("ZeroDivisionError", message);
    }

    public static MpException overflowError(String fmt, Object... args) {
        return make("OverflowError", fmt, args);
    }

    public static MpException runtimeError(String fmt, Object... args) {
        return make("RuntimeError", fmt, args);
    }

    public static MpException notImplemented(String fmt, Object... args) {
        return make("NotImplementedError", fmt, args);
    }

    /** OSError or the subclass CPython picks for the errno, with args (errno, strerror[, filename]). */
    public static MpException osError(int errno, String strerror, Object filename) {
        PClass cls = Exceptions.osErrorClassFor(errno);
        return filename == null ? raise(cls, (long) errno, strerror) : raise(cls, (long) errno, strerror, filename);
    }

    public static MpException unsupportedBinary(String op, Object left, Object right) {
        return typeError("unsupported operand type(s) for %s: '%s' and '%s'", op, Types.typeName(left), Types.typeName(right));
    }

    public static MpException internal(Throwable t) {
        StackTraceElement where = t.getStackTrace().length > 0 ? t.getStackTrace()[0] : null;
        return make("SystemError", "internal error in mp: %s%s", t, where == null ? "" : " at " + where);
    }
}
