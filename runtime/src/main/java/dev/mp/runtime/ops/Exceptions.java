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
        if (cls.isCore() && cls.isSubclassOf(Special.UNICODE_ERROR) && cls != Special.UNICODE_ERROR) {
            initUnicodeError(e, args);
        }
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
        static final PClass UNICODE_ERROR = BuiltinClasses.exception("UnicodeError");
        static final PClass UNICODE_ENCODE_ERROR = BuiltinClasses.exception("UnicodeEncodeError");
        static final PClass UNICODE_DECODE_ERROR = BuiltinClasses.exception("UnicodeDecodeError");
    }

    /**
     * UnicodeEncodeError(encoding, object, start, end, reason), UnicodeDecodeError (the same with a bytes-like
     * object, kept as bytes) and UnicodeTranslateError(object, start, end, reason): the arguments checked as
     * CPython's __init__ does and kept as the attributes its codecs and __str__ read.
     */
    public static void initUnicodeError(PBaseException e, PTuple args) {
        PClass cls = e.getPythonClass();
        boolean encode = cls.isSubclassOf(Special.UNICODE_ENCODE_ERROR);
        boolean decode = cls.isSubclassOf(Special.UNICODE_DECODE_ERROR);
        int n = encode || decode ? 5 : 4;
        if (args.size() != n) {
            throw Errors.typeError("function takes exactly %d arguments (%d given)", n, args.size());
        }
        int first = n == 5 ? 1 : 0;
        Object object = args.get(first);
        if (decode) {
            object = new dev.mp.runtime.objects.PBytes(Sequences.bytesOf(object));
        } else if (!(Types.baseValue(object) instanceof String)) {
            throw Errors.typeError("argument %d must be str, not %s", first + 1, Types.typeName(object));
        }
        Object start = Conversions.index(args.get(first + 1));
        Object end = Conversions.index(args.get(first + 2));
        Object reason = args.get(first + 3);
        if (!(Types.baseValue(reason) instanceof String)) {
            throw Errors.typeError("argument %d must be str, not %s", first + 4, Types.typeName(reason));
        }
        Object encoding = PNone.NONE;
        if (n == 5) {
            encoding = args.get(0);
            if (!(Types.baseValue(encoding) instanceof String)) {
                throw Errors.typeError("argument 1 must be str, not %s", Types.typeName(encoding));
            }
        }
        e.setArgs(args);
        e.dict().put("encoding", encoding);
        e.dict().put("object", object);
        e.dict().put("start", start);
        e.dict().put("end", end);
        e.dict().put("reason", reason);
    }

    /** str() of a UnicodeEncodeError, UnicodeDecodeError or UnicodeTranslateError, from its attributes. */
    private static String unicodeErrorStr(PBaseException e) {
        Object object = e.dict().get("object");
        if (object == null || e.dict().get("start") == null || e.dict().get("end") == null || e.dict().get("reason") == null) {
            return "";
        }
        long start = Conversions.asLong(e.dict().get("start"));
        long end = Conversions.asLong(e.dict().get("end"));
        String reason = Conversions.str(e.dict().get("reason"));
        String encoding = Conversions.str(java.util.Objects.requireNonNullElse(e.dict().get("encoding"), PNone.NONE));
        PClass cls = e.getPythonClass();
        if (cls.isSubclassOf(Special.UNICODE_DECODE_ERROR)) {
            byte[] bytes = Sequences.bytesOf(object);
            if (start >= 0 && start < bytes.length && end == start + 1) {
                return String.format("'%s' codec can't decode byte 0x%02x in position %d: %s", encoding, bytes[(int) start] & 0xff, start, reason);
            }
            return String.format("'%s' codec can't decode bytes in position %d-%d: %s", encoding, start, end - 1, reason);
        }
        if (!(Types.baseValue(object) instanceof String s)) {
            throw Errors.typeError("object attribute must be unicode");
        }
        String what = cls.isSubclassOf(Special.UNICODE_ENCODE_ERROR) ? "'" + encoding + "' codec can't encode" : "can't translate";
        int length = s.codePointCount(0, s.length());
        if (start >= 0 && start < length && end == start + 1) {
            int c = s.codePointAt(s.offsetByCodePoints(0, (int) start));
            String escaped = c <= 0xff ? String.format("\\x%02x", c) : c <= 0xffff ? String.format("\\u%04x", c) : String.format("\\U%08x", c);
            return String.format("%s character '%s' in position %d: %s", what, escaped, start, reason);
        }
        return String.format("%s characters in position %d-%d: %s", what, start, end - 1, reason);
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
        if (cls.isSubclassOf(Special.UNICODE_ERROR) && cls != Special.UNICODE_ERROR && e.dict().get("object") != null) {
            return unicodeErrorStr(e);
        }
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
