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

    /** Found once: a failed look-up is the commonest exception a program catches. */
    private static final PClass KEY_ERROR = BuiltinClasses.exception("KeyError");

    @TruffleBoundary
    public static MpException keyError(Object key) {
        return raise(KEY_ERROR, key);
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

    /** An attribute name given to getattr, object.__setattr__...: a str, else CPython's TypeError. */
    @TruffleBoundary
    public static String attributeName(Object name) {
        if (Types.baseValue(name) instanceof String s) {
            return s;
        }
        throw typeError("attribute name must be string, not '%s'", Types.typeName(name));
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

    /** The note an internal error's traceback ends with: such an error is a bug in mp, not in the program. */
    public static final String INTERNAL_ERROR_HINT = "This is a bug in mp, not in your program: please report it with the program that raised it.";

    /**
     * The SystemError for a Java exception that escaped mp's own code: a bug in mp, reported as CPython reports
     * its own. The message names the Java exception and the source line of mp it came from, never a stack frame;
     * the traceback printer adds {@link #INTERNAL_ERROR_HINT} after it.
     */
    @TruffleBoundary
    public static MpException internal(Throwable t) {
        StackTraceElement where = null;
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().startsWith("dev.mp.")) {
                where = frame;
                break;
            }
        }
        String message = t.getMessage() == null ? t.getClass().getName() : t.getClass().getName() + ": " + t.getMessage();
        MpException e = make("SystemError", "internal error in mp: %s%s", message,
                where == null || where.getFileName() == null ? "" : " (" + where.getFileName() + ":" + where.getLineNumber() + ")");
        e.pythonException().markInternal();
        return e;
    }

    /**
     * The Python exception for a Java throwable that reached the guest: MemoryError for an OutOfMemoryError (the
     * JVM's heap or array size limit), RecursionError for a StackOverflowError, SystemError ({@link #internal})
     * for anything else, which is a bug in mp.
     */
    @TruffleBoundary
    public static MpException fromJava(Throwable t) {
        if (t instanceof MpException e) {
            return e;
        }
        if (t instanceof OutOfMemoryError) {
            return memoryError();
        }
        if (t instanceof StackOverflowError) {
            return make("RecursionError", "maximum recursion depth exceeded");
        }
        return internal(t);
    }

    /** A MemoryError without a message, as CPython raises when an allocation is refused. */
    @TruffleBoundary
    public static MpException memoryError() {
        return raise(BuiltinClasses.exception("MemoryError"));
    }
}
