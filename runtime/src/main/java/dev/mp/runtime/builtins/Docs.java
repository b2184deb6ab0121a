package dev.mp.runtime.builtins;

import java.util.HashMap;
import java.util.Map;

/**
 * The docstrings of the common builtin functions and types ({@code len.__doc__}, {@code int.__doc__}): the first
 * paragraph of CPython's, which {@code help()} shows too.
 */
public final class Docs {
    private Docs() {
    }

    private static final Map<String, String> FUNCTIONS = new HashMap<>();
    private static final Map<String, String> TYPES = new HashMap<>();

    static {
        FUNCTIONS.put("abs", "Return the absolute value of the argument.");
        FUNCTIONS.put("all", "Return True if bool(x) is True for all values x in the iterable.");
        FUNCTIONS.put("any", "Return True if bool(x) is True for any x in the iterable.");
        FUNCTIONS.put("ascii", "Return an ASCII-only representation of an object.");
        FUNCTIONS.put("bin", "Return the binary representation of an integer.");
        FUNCTIONS.put("breakpoint", "breakpoint(*args, **kws)");
        FUNCTIONS.put("callable", "Return whether the object is callable (i.e., some kind of function).");
        FUNCTIONS.put("chr", "Return a Unicode string of one character with ordinal i; 0 <= i <= 0x10ffff.");
        FUNCTIONS.put("delattr", "Deletes the named attribute from the given object.");
        FUNCTIONS.put("dir", "dir([object]) -> list of strings");
        FUNCTIONS.put("divmod", "Return the tuple (x//y, x%y).  Invariant: div*y + mod == x.");
        FUNCTIONS.put("eval", "Evaluate the given source in the context of globals and locals.");
        FUNCTIONS.put("exec", "Execute the given source in the context of globals and locals.");
        FUNCTIONS.put("format", "Return value.__format__(format_spec)");
        FUNCTIONS.put("getattr", "getattr(object, name[, default]) -> value");
        FUNCTIONS.put("globals", "Return the dictionary containing the current scope's global variables.");
        FUNCTIONS.put("hasattr", "Return whether the object has an attribute with the given name.");
        FUNCTIONS.put("hash", "Return the hash value for the given object.");
        FUNCTIONS.put("hex", "Return the hexadecimal representation of an integer.");
        FUNCTIONS.put("id", "Return the identity of an object.");
        FUNCTIONS.put("input", "Read a string from standard input.  The trailing newline is stripped.");
        FUNCTIONS.put("isinstance", "Return whether an object is an instance of a class or of a subclass thereof.");
        FUNCTIONS.put("issubclass", "Return whether 'cls' is derived from another class or is the same class.");
        FUNCTIONS.put("iter", "iter(iterable) -> iterator\niter(callable, sentinel) -> iterator");
        FUNCTIONS.put("len", "Return the number of items in a container.");
        FUNCTIONS.put("locals", "Return a dictionary containing the current scope's local variables.");
        FUNCTIONS.put("max", "max(iterable, *[, default=obj, key=func]) -> value\nmax(arg1, arg2, *args, *[, key=func]) -> value");
        FUNCTIONS.put("min", "min(iterable, *[, default=obj, key=func]) -> value\nmin(arg1, arg2, *args, *[, key=func]) -> value");
        FUNCTIONS.put("next", "next(iterator[, default])");
        FUNCTIONS.put("oct", "Return the octal representation of an integer.");
        FUNCTIONS.put("ord", "Return the Unicode code point for a one-character string.");
        FUNCTIONS.put("pow", "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments");
        FUNCTIONS.put("print", "Prints the values to a stream, or to sys.stdout by default.");
        FUNCTIONS.put("repr", "Return the canonical string representation of the object.");
        FUNCTIONS.put("round", "Round a number to a given precision in decimal digits.");
        FUNCTIONS.put("setattr", "Sets the named attribute on the given object to the specified value.");
        FUNCTIONS.put("sorted", "Return a new list containing all items from the iterable in ascending order.");
        FUNCTIONS.put("sum", "Return the sum of a 'start' value (default: 0) plus an iterable of numbers");
        FUNCTIONS.put("vars", "vars([object]) -> dictionary");
        FUNCTIONS.put("open", "Open file and return a stream.  Raise OSError upon failure.");
        FUNCTIONS.put("compile", "Compile source into a code object that can be executed by exec() or eval().");
        FUNCTIONS.put("__import__", "Import a module.");
        FUNCTIONS.put("__build_class__", "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class");
        TYPES.put("object", "The base class of the class hierarchy.");
        TYPES.put("type", "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type");
        TYPES.put("int", "int([x]) -> integer\nint(x, base=10) -> integer");
        TYPES.put("bool", "bool(x) -> bool");
        TYPES.put("float", "Convert a string or number to a floating point number, if possible.");
        TYPES.put("str", "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str");
        TYPES.put("bytes", "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\nbytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\nbytes(int) -> bytes object of size given by the parameter initialized with null bytes\nbytes() -> empty bytes object");
        TYPES.put("bytearray", "bytearray(iterable_of_ints) -> bytearray\nbytearray(string, encoding[, errors]) -> bytearray\nbytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\nbytearray(int) -> bytes array of size given by the parameter initialized with null bytes\nbytearray() -> empty bytes array");
        TYPES.put("list", "Built-in mutable sequence.");
        TYPES.put("tuple", "Built-in immutable sequence.");
        TYPES.put("dict", "dict() -> new empty dictionary\ndict(mapping) -> new dictionary initialized from a mapping object's\n    (key, value) pairs\ndict(iterable) -> new dictionary initialized as if via:\n    d = {}\n    for k, v in iterable:\n        d[k] = v\ndict(**kwargs) -> new dictionary initialized with the name=value pairs\n    in the keyword argument list.  For example:  dict(one=1, two=2)");
        TYPES.put("set", "set() -> new empty set object\nset(iterable) -> new set object");
        TYPES.put("frozenset", "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object");
        TYPES.put("range", "range(stop) -> range object\nrange(start, stop[, step]) -> range object");
        TYPES.put("slice", "slice(stop)\nslice(start, stop[, step])");
        TYPES.put("property", "Property attribute.");
        TYPES.put("staticmethod", "staticmethod(function) -> method");
        TYPES.put("classmethod", "classmethod(function) -> method");
        TYPES.put("super", "super() -> same as super(__class__, <first argument>)\nsuper(type) -> unbound super object\nsuper(type, obj) -> bound super object; requires isinstance(obj, type)\nsuper(type, type2) -> bound super object; requires issubclass(type2, type)\nTypical use to call a cooperative superclass method:\nclass C(B):\n    def meth(self, arg):\n        super().meth(arg)\nThis works for class methods too:\nclass C(B):\n    @classmethod\n    def cmeth(cls, arg):\n        super().cmeth(arg)\n");
        TYPES.put("map", "map(func, *iterables) --> map object");
        TYPES.put("filter", "filter(function or None, iterable) --> filter object");
        TYPES.put("enumerate", "Return an enumerate object.");
        TYPES.put("zip", "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.");
        TYPES.put("reversed", "Return a reverse iterator over the values of the given sequence.");
        TYPES.put("complex", "Create a complex number from a real part and an optional imaginary part.");
        TYPES.put("BaseException", "Common base class for all exceptions");
        TYPES.put("Exception", "Common base class for all non-exit exceptions.");
    }

    /** The docstring of the builtin function {@code name}, or null. */
    public static String function(String name) {
        return FUNCTIONS.get(name);
    }

    /** The docstring of the builtin type {@code name}, or null. */
    public static String type(String name) {
        return TYPES.get(name);
    }
}
