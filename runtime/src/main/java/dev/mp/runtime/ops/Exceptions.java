package dev.mp.runtime.ops;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.MpException;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PImportError;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.POSError;
import dev.mp.runtime.objects.PTuple;

/** Creating exception objects and the behaviour CPython gives particular exception classes. */
public final class Exceptions {
    private Exceptions() {
    }

    /** An instance of an exception class with the given args, without running a user {@code __init__}. */
    public static PBaseException create(PClass cls, PTuple args) {
        if (cls.isSubclassOf(Special.BASE_EXCEPTION_GROUP)) {
            return ExceptionGroups.create(cls, args);
        }
        boolean osError = cls.isSubclassOf(Special.OS_ERROR);
        PBaseException e = osError ? new POSError(cls, args)
                : cls.isSubclassOf(Special.IMPORT_ERROR) ? new PImportError(cls, args) : new PBaseException(cls, args);
        if (osError) {
            PClass specific = args.size() >= 2 && args.get(0) instanceof Long errno ? osErrorClassFor(errno.intValue()) : null;
            if (cls == Special.OS_ERROR && specific != null) {
                e.setPythonClass(specific);
            }
        }
        return e;
    }

    /** The exception classes whose instances {@link #create} makes of another Java class (found once, not by name each time). */
    private static final class Special {
        static final PClass BASE_EXCEPTION_GROUP = BuiltinClasses.exception("BaseExceptionGroup");
        static final PClass OS_ERROR = BuiltinClasses.exception("OSError");
        static final PClass IMPORT_ERROR = BuiltinClasses.exception("ImportError");
    }

    /** The OSError subclass for an errno, as CPython maps them. */
    public static PClass osErrorClassFor(int errno) {
        String name = switch (errno) {
            case 2 -> "FileNotFoundError";
            case 17 -> "FileExistsError";
            case 21 -> "IsADirectoryError";
            case 20 -> "NotADirectoryError";
            case 1, 13 -> "PermissionError";
            case 3 -> "ProcessLookupError";
            case 4 -> "InterruptedError";
            case 10 -> "ChildProcessError";
            case 11, 114, 115 -> "BlockingIOError";
            case 32, 108 -> "BrokenPipeError";
            case 103 -> "ConnectionAbortedError";
            case 111 -> "ConnectionRefusedError";
            case 104 -> "ConnectionResetError";
            case 110 -> "TimeoutError";
            default -> "OSError";
        };
        return BuiltinClasses.exception(name);
    }

    @TruffleBoundary
    public static boolean matches(PBaseException e, String className) {
        return e.getPythonClass().isSubclassOf(BuiltinClasses.exception(className));
    }

    @TruffleBoundary
    public static boolean matches(MpException e, String className) {
        return matches(e.pythonException(), className);
    }

    /** {@code str(e)} for builtin exception classes (user classes may override {@code __str__}). */
    public static String str(PBaseException e) {
        if (e instanceof dev.mp.runtime.objects.PExceptionGroup eg) {
            return ExceptionGroups.str(eg);
        }
        PTuple args = e.args();
        PClass cls = e.getPythonClass();
        if (cls.isSubclassOf(BuiltinClasses.exception("KeyError")) && args.size() == 1) {
            return Conversions.repr(args.get(0));
        }
        if (e instanceof POSError os && args.size() == 2) {
            String s = "[Errno " + Conversions.str(args.get(0)) + "] " + Conversions.str(args.get(1));
            if (os.filename() == PNone.NONE) {
                return s;
            }
            s += ": " + Conversions.repr(os.filename());
            return os.filename2() == PNone.NONE ? s : s + " -> " + Conversions.repr(os.filename2());
        }
        if (cls.isSubclassOf(BuiltinClasses.exception("SyntaxError")) && args.size() == 2 && args.get(1) instanceof PTuple details
                && details.size() >= 2) {
            return Conversions.str(args.get(0)) + " (" + Conversions.str(details.get(0)) + ", line " + Conversions.str(details.get(1)) + ")";
        }
        if (args.size() == 0) {
            return "";
        }
        if (args.size() == 1) {
            return Conversions.str(args.get(0));
        }
        return Conversions.str(args);
    }
}
