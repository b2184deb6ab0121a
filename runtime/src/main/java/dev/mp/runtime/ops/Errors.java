package dev.mp.runtime.ops;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.MpException;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PTuple;

/**
 * Makes Python exceptions raised by the runtime itself. Each factory returns the throwable, so callers write
 * {@code throw Errors.typeError(...)}. A format string is only used as one when arguments follow it.
 */
public final class Errors {
    private Errors() {
    }

    @TruffleBoundary
    public static MpException raise(PClass cls, Object... args) {
        return Exceptions.create(cls, new PTuple(args)).javaException();
    }

    @TruffleBoundary
    public static MpException make(String className, String fmt, Object... args) {
        return raise(BuiltinClasses.exception(className), args.length == 0 ? fmt : String.format(fmt, args));
    }

    @TruffleBoundary
    public static MpException typeError(String fmt, Object... args) {
        return make("TypeError", fmt, args);
    }

    @TruffleBoundary
    public static MpException valueError(String fmt, Object... args) {
        return make("ValueError", fmt, args);
    }

    @TruffleBoundary
    public static MpException indexError(String fmt, Object... args) {
        return make("IndexError", fmt, args);
    }

    @TruffleBoundary
    public static MpException keyError(Object key) {
        return raise(BuiltinClasses.exception("KeyError"), key);
    }

    @TruffleBoundary
    public static MpException attributeError(String fmt, Object... args) {
        return make("AttributeError", fmt, args);
    }

    /**
     * The value of {@code value} if it is a str (or of a str subclass), else the TypeError of CPython's argument parsing: "{@code what} must be str, not
     * T" (None is named "None"); with a null {@code what}, "must be str, not T" (None is "NoneType").
     */
    @TruffleBoundary
    public static String requireStr(Object value, String what) {
        if (Types.baseValue(value) instanceof String s) {
            return s;
        }
        if (what == null) {
            throw typeError("must be str, not %s", Types.typeName(value));
        }
        throw typeError("%s must be str, not %s", what, value == dev.mp.runtime.objects.PNone.NONE ? "None" : Types.typeName(value));
    }

    /** {@code value} if it is a str, else "TypeError: must be str, not T", as str methods say. */
    @TruffleBoundary
    public static String requireStr(Object value) {
        return requireStr(value, null);
    }

    @TruffleBoundary
    public static MpException nameError(String name) {
        return make("NameError", "name '%s' is not defined", name);
    }

    @TruffleBoundary
    public static MpException zeroDivision(String message) {
        return make("ZeroDivisionError", message);
    }

    @TruffleBoundary
    public static MpException overflowError(String fmt, Object... args) {
        return make("OverflowError", fmt, args);
    }

    @TruffleBoundary
    public static MpException runtimeError(String fmt, Object... args) {
        return make("RuntimeError", fmt, args);
    }

    @TruffleBoundary
    public static MpException notImplemented(String fmt, Object... args) {
        return make("NotImplementedError", fmt, args);
    }

    /** OSError or the subclass CPython picks for the errno, made as {@code OSError(errno, strerror[, filename])}. */
    @TruffleBoundary
    public static MpException osError(int errno, String strerror, Object filename) {
        PClass cls = Exceptions.osErrorClassFor(errno);
        return filename == null ? raise(cls, (long) errno, strerror) : raise(cls, (long) errno, strerror, filename);
    }

    /** An OSError about two files, as {@code rename} raises: "[Errno 2] No such file or directory: 'a' -> 'b'". */
    @TruffleBoundary
    public static MpException osError(int errno, String strerror, Object filename, Object filename2) {
        return raise(Exceptions.osErrorClassFor(errno), (long) errno, strerror, filename, PNone.NONE, filename2);
    }

    /**
     * The OSError CPython would raise for a failed file operation: the errno is recovered from the Java
     * exception's type, or from the system's message for the generic {@link java.nio.file.FileSystemException}.
     *
     * @param filename2 the second file of a two-file operation (rename), or null
     */
    @TruffleBoundary
    public static MpException osError(java.io.IOException e, Object filename, Object filename2) {
        int errno;
        if (e instanceof java.nio.file.NoSuchFileException) {
            errno = 2;
        } else if (e instanceof java.nio.file.FileAlreadyExistsException) {
            errno = 17;
        } else if (e instanceof java.nio.file.DirectoryNotEmptyException) {
            errno = 39;
        } else if (e instanceof java.nio.file.NotDirectoryException) {
            errno = 20;
        } else if (e instanceof java.nio.file.AccessDeniedException) {
            errno = 13;
        } else if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            errno = ERRNO_BY_MESSAGE.getOrDefault(fs.getReason(), 5);
        } else {
            errno = 5;
        }
        String strerror = STRERROR.getOrDefault(errno, "Input/output error");
        return filename2 == null ? osError(errno, strerror, filename) : osError(errno, strerror, filename, filename2);
    }

    /** The messages of the errors file operations report, as the C library (in the C locale) words them. */
    private static final java.util.Map<Integer, String> STRERROR = java.util.Map.ofEntries(java.util.Map.entry(1, "Operation not permitted"),
            java.util.Map.entry(2, "No such file or directory"), java.util.Map.entry(5, "Input/output error"),
            java.util.Map.entry(13, "Permission denied"), java.util.Map.entry(16, "Device or resource busy"),
            java.util.Map.entry(17, "File exists"), java.util.Map.entry(18, "Invalid cross-device link"),
            java.util.Map.entry(20, "Not a directory"), java.util.Map.entry(21, "Is a directory"), java.util.Map.entry(22, "Invalid argument"),
            java.util.Map.entry(28, "No space left on device"), java.util.Map.entry(30, "Read-only file system"),
            java.util.Map.entry(36, "File name too long"), java.util.Map.entry(39, "Directory not empty"),
            java.util.Map.entry(40, "Too many levels of symbolic links"));
    private static final java.util.Map<String, Integer> ERRNO_BY_MESSAGE = new java.util.HashMap<>();

    static {
        STRERROR.forEach((errno, message) -> ERRNO_BY_MESSAGE.put(message, errno));
    }

    /** ImportError or ModuleNotFoundError about the module {@code name} (its {@code name} attribute). */
    @TruffleBoundary
    public static MpException importError(String className, String name, String fmt, Object... args) {
        MpException e = make(className, fmt, args);
        ((dev.mp.runtime.objects.PImportError) e.pythonException()).setNameAndPath(name, PNone.NONE);
        return e;
    }

    @TruffleBoundary
    public static MpException unsupportedBinary(String op, Object left, Object right) {
        return typeError("unsupported operand type(s) for %s: '%s' and '%s'", op, Types.typeName(left), Types.typeName(right));
    }

    @TruffleBoundary
    public static MpException internal(Throwable t) {
        StackTraceElement where = t.getStackTrace().length > 0 ? t.getStackTrace()[0] : null;
        return make("SystemError", "internal error in mp: %s%s", t, where == null ? "" : " at " + where);
    }
}
