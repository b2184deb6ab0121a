package dev.mp.runtime.objects;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.mp.runtime.objects.PClass.Layout;

/**
 * The builtin types and the builtin exception hierarchy. They are shared by all contexts and never change
 * after {@link dev.mp.runtime.builtins.BuiltinTypes} has filled in their methods.
 */
public final class BuiltinClasses {
    private BuiltinClasses() {
    }

    private static final Map<String, PClass> EXCEPTIONS = new LinkedHashMap<>();

    public static final PClass OBJECT = new PClass("object", "builtins", new PClass[0], true, Layout.BUILTIN);
    public static final PClass TYPE = builtin("type").allowSubclasses();
    public static final PClass INT = builtin("int").allowSubclasses();
    public static final PClass BOOL = builtin("bool", INT);
    public static final PClass FLOAT = builtin("float").allowSubclasses();
    public static final PClass COMPLEX = builtin("complex").allowSubclasses();
    public static final PClass STR = builtin("str").allowSubclasses();
    public static final PClass BYTES = builtin("bytes").allowSubclasses();
    public static final PClass BYTEARRAY = builtin("bytearray");
    public static final PClass LIST = builtin("list").allowSubclasses().matchedBySequencePatterns();
    public static final PClass TUPLE = builtin("tuple").allowSubclasses().matchedBySequencePatterns();
    public static final PClass DICT = builtin("dict").allowSubclasses();
    public static final PClass SET = builtin("set").allowSubclasses();
    public static final PClass FROZENSET = builtin("frozenset").allowSubclasses();
    public static final PClass RANGE = builtin("range").matchedBySequencePatterns();
    public static final PClass SLICE = builtin("slice");
    public static final PClass NONE_TYPE = builtin("NoneType");
    public static final PClass ELLIPSIS_TYPE = builtin("ellipsis");
    public static final PClass NOT_IMPLEMENTED_TYPE = builtin("NotImplementedType");
    public static final PClass FUNCTION = builtin("function");
    public static final PClass BUILTIN_FUNCTION = builtin("builtin_function_or_method");
    public static final PClass METHOD = builtin("method");
    public static final PClass MODULE = builtin("module");
    public static final PClass PROPERTY = builtin("property");
    public static final PClass STATICMETHOD = builtin("staticmethod");
    public static final PClass CLASSMETHOD = builtin("classmethod");
    public static final PClass SUPER = builtin("super");
    public static final PClass GENERATOR = builtin("generator");
    public static final PClass COROUTINE = builtin("coroutine");
    public static final PClass ASYNC_GENERATOR = builtin("async_generator");
    /** What {@code coroutine.__await__()} returns. */
    public static final PClass COROUTINE_WRAPPER = builtin("coroutine_wrapper");
    /** The awaitables of {@code asend}/{@code __anext__}, and of {@code athrow}/{@code aclose}. */
    public static final PClass ASYNC_GENERATOR_ASEND = builtin("async_generator_asend");
    public static final PClass ASYNC_GENERATOR_ATHROW = builtin("async_generator_athrow");
    /** What {@code anext(ai, default)} returns. */
    public static final PClass ANEXT_AWAITABLE = builtin("anext_awaitable");
    public static final PClass CELL = builtin("cell");
    public static final PClass LIST_ITERATOR = builtin("list_iterator");
    public static final PClass TUPLE_ITERATOR = builtin("tuple_iterator");
    public static final PClass STR_ITERATOR = builtin("str_ascii_iterator");
    public static final PClass RANGE_ITERATOR = builtin("range_iterator");
    public static final PClass SET_ITERATOR = builtin("set_iterator");
    public static final PClass BYTES_ITERATOR = builtin("bytes_iterator");
    public static final PClass DICT_KEY_ITERATOR = builtin("dict_keyiterator");
    public static final PClass DICT_VALUE_ITERATOR = builtin("dict_valueiterator");
    public static final PClass DICT_ITEM_ITERATOR = builtin("dict_itemiterator");
    public static final PClass DICT_KEYS = builtin("dict_keys");
    public static final PClass DICT_VALUES = builtin("dict_values");
    public static final PClass DICT_ITEMS = builtin("dict_items");
    public static final PClass ENUMERATE = builtin("enumerate").allowSubclasses();
    public static final PClass ZIP = builtin("zip").allowSubclasses();
    public static final PClass MAP = builtin("map").allowSubclasses();
    public static final PClass FILTER = builtin("filter").allowSubclasses();
    public static final PClass REVERSED = builtin("reversed").allowSubclasses();
    public static final PClass CALLABLE_ITERATOR = builtin("callable_iterator");
    public static final PClass ITERATOR = builtin("iterator");
    /**
     * memoryview: a type of the builtins module whose behaviour lives in its methods, which the operations look up
     * as for library types (see PClass.isCore), so that they need no case of their own for it.
     */
    public static final PClass MEMORYVIEW = libraryBuiltin("memoryview");

    public static final PClass BASE_EXCEPTION = new PClass("BaseException", "builtins", new PClass[] {OBJECT}, true, Layout.EXCEPTION);

    static {
        EXCEPTIONS.put("BaseException", BASE_EXCEPTION);
        exc("SystemExit", "BaseException");
        exc("KeyboardInterrupt", "BaseException");
        exc("GeneratorExit", "BaseException");
        exc("Exception", "BaseException");
        exc("StopIteration", "Exception");
        exc("StopAsyncIteration", "Exception");
        exc("ArithmeticError", "Exception");
        exc("FloatingPointError", "ArithmeticError");
        exc("OverflowError", "ArithmeticError");
        exc("ZeroDivisionError", "ArithmeticError");
        exc("AssertionError", "Exception");
        exc("AttributeError", "Exception");
        exc("BufferError", "Exception");
        exc("EOFError", "Exception");
        exc("ImportError", "Exception");
        exc("ModuleNotFoundError", "ImportError");
        exc("LookupError", "Exception");
        exc("IndexError", "LookupError");
        exc("KeyError", "LookupError");
        exc("MemoryError", "Exception");
        exc("NameError", "Exception");
        exc("UnboundLocalError", "NameError");
        exc("OSError", "Exception");
        exc("BlockingIOError", "OSError");
        exc("ChildProcessError", "OSError");
        exc("ConnectionError", "OSError");
        exc("BrokenPipeError", "ConnectionError");
        exc("ConnectionAbortedError", "ConnectionError");
        exc("ConnectionRefusedError", "ConnectionError");
        exc("ConnectionResetError", "ConnectionError");
        exc("FileExistsError", "OSError");
        exc("FileNotFoundError", "OSError");
        exc("InterruptedError", "OSError");
        exc("IsADirectoryError", "OSError");
        exc("NotADirectoryError", "OSError");
        exc("PermissionError", "OSError");
        exc("ProcessLookupError", "OSError");
        exc("TimeoutError", "OSError");
        exc("ReferenceError", "Exception");
        exc("RuntimeError", "Exception");
        exc("NotImplementedError", "RuntimeError");
        exc("RecursionError", "RuntimeError");
        exc("SyntaxError", "Exception");
        exc("IndentationError", "SyntaxError");
        exc("TabError", "IndentationError");
        exc("SystemError", "Exception");
        exc("TypeError", "Exception");
        exc("ValueError", "Exception");
        exc("UnicodeError", "ValueError");
        exc("UnicodeDecodeError", "UnicodeError");
        exc("UnicodeEncodeError", "UnicodeError");
        exc("UnicodeTranslateError", "UnicodeError");
        exc("Warning", "Exception");
        exc("UserWarning", "Warning");
        exc("DeprecationWarning", "Warning");
        exc("RuntimeWarning", "Warning");
        exc("ResourceWarning", "Warning");
        exc("PendingDeprecationWarning", "Warning");
        exc("SyntaxWarning", "Warning");
        exc("FutureWarning", "Warning");
        exc("ImportWarning", "Warning");
        exc("UnicodeWarning", "Warning");
        exc("BytesWarning", "Warning");
        exc("EncodingWarning", "Warning");
        exc("BaseExceptionGroup", "BaseException");
        EXCEPTIONS.put("ExceptionGroup", new PClass("ExceptionGroup", "builtins",
                new PClass[] {EXCEPTIONS.get("BaseExceptionGroup"), EXCEPTIONS.get("Exception")}, true, Layout.EXCEPTION));
    }

    private static PClass libraryBuiltin(String name) {
        PClass cls = new PClass(name, "_mp", new PClass[] {OBJECT}, true, Layout.BUILTIN);
        cls.setModule("builtins");
        return cls;
    }

    private static PClass builtin(String name, PClass... bases) {
        return new PClass(name, "builtins", bases.length == 0 ? new PClass[] {OBJECT} : bases, true, Layout.BUILTIN);
    }

    private static void exc(String name, String base) {
        EXCEPTIONS.put(name, new PClass(name, "builtins", new PClass[] {EXCEPTIONS.get(base)}, true, Layout.EXCEPTION));
    }

    /** A builtin exception class by name; fails fast on a name that is not one (a runtime bug). */
    public static PClass exception(String name) {
        PClass cls = EXCEPTIONS.get(name);
        if (cls == null) {
            throw new IllegalArgumentException("no builtin exception " + name);
        }
        return cls;
    }

    public static Map<String, PClass> exceptions() {
        return EXCEPTIONS;
    }
}
