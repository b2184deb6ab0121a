package dev.mp.runtime.ops;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.MpException;
import dev.mp.runtime.objects.PBuiltinFunction;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.Signature;

/**
 * The TypeError CPython raises when a call's arguments do not fit a C function, worded by the function's calling
 * convention, which mp reads off the builtin's signature:
 * <ul>
 * <li>one required positional-only parameter or none (METH_O, METH_NOARGS): "len() takes exactly one argument
 * (2 given)", "globals() takes no arguments (1 given)";
 * <li>only positional-only parameters otherwise (Argument Clinic's positional check): "divmod expected 2
 * arguments, got 1", "getattr expected at least 2 arguments, got 0";
 * <li>either kind with no keyword accepted: "divmod() takes no keyword arguments";
 * <li>parameters that take keywords, without {@code *args} and {@code **kwargs} (Argument Clinic's keyword
 * parser): "round() takes at most 2 arguments (3 given)", "pow() missing required argument 'base' (pos 1)",
 * "'zz' is an invalid keyword argument for sum()", "argument for round() given by name ('number') and position
 * (1)";
 * <li>{@code *args} without {@code **kwargs}: only the invalid keyword ("'zz' is an invalid keyword argument for
 * max()").
 * </ul>
 * The first applies wherever the signature says so; the others to the functions of the builtins module and of the
 * other modules CPython writes in C ({@link #C_MODULES}) and to the core types' methods, since mp's Java modules
 * also stand for modules that CPython writes in Python. A method's {@code self} is not counted, and a method
 * called through its type without any argument "needs an argument". Asked only once the argument binder has
 * failed; null where the binder's message stands.
 */
public final class BuiltinArgumentErrors {
    private BuiltinArgumentErrors() {
    }

    /** The modules whose functions CPython writes in C, so that its calling conventions word their errors. */
    private static final java.util.Set<String> C_MODULES = java.util.Set.of("builtins", "math", "_struct", "itertools", "collections");

    @TruffleBoundary
    public static MpException of(PBuiltinFunction b, Object[] args, String[] kwnames) {
        int nkw = kwnames == null ? 0 : kwnames.length;
        PBuiltinFunction.Role role = b.role();
        if (role == PBuiltinFunction.Role.METHOD && args.length - nkw == 0) {
            return Errors.typeError("unbound method %s() needs an argument", b.displayName());
        }
        if (b.fixedPositionalArity() >= 0) {
            if (nkw > 0) {
                return Errors.typeError("%s() takes no keyword arguments", b.functionStr());
            }
            int given = args.length - (b.isMethod() ? 1 : 0);
            return b.fixedPositionalArity() == 0 ? Errors.typeError("%s() takes no arguments (%d given)", b.functionStr(), given)
                    : Errors.typeError("%s() takes exactly one argument (%d given)", b.functionStr(), given);
        }
        // Java modules also stand for modules CPython writes in Python, whose messages the binder's already are.
        PClass type = b.declaringType();
        String module = type != null ? type.module() : b.module();
        if (!C_MODULES.contains(module)) {
            return null;
        }
        if (role == null && module.equals("math") && b.name().equals("log")) {
            int nargs = args.length - nkw;
            return nkw > 0 ? Errors.typeError("log() takes no keyword arguments")
                    : nargs < 1 || nargs > 2 ? Errors.typeError("math.log requires 1 to 2 arguments") : null;
        }
        if (role == null && b.name().equals("sorted")) {
            return sortedError(args, kwnames);
        }
        if (role == null) {
            return byConvention(b.name(), b.functionStr(), b, 0, false, args, kwnames);
        }
        if (b.isTupleParsed()) {
            return tupleParserError(b.name(), b, args, kwnames);
        }
        String qualified = type.name() + "." + b.name();
        return switch (role) {
            // A type's __init__ is called through the type, whose name the messages carry.
            case METHOD -> b.name().equals("__init__") ? byConvention(type.name(), type.name(), b, 1, false, args, kwnames)
                    : byConvention(b.name(), qualified, b, 1, true, args, kwnames);
            case CLASS_METHOD -> byConvention(b.name(), qualified, b, 1, true, args, kwnames);
            case STATIC_METHOD -> byConvention(b.name(), qualified, b, 0, true, args, kwnames);
            case CONSTRUCTOR -> type == dev.mp.runtime.objects.BuiltinClasses.ENUMERATE ? enumerateError(b, args, kwnames)
                    : byConvention(type.name(), type.name(), b, 1, false, args, kwnames);
        };
    }

    /**
     * {@code sorted()} checks its one positional argument itself and hands its keywords to {@code list.sort()},
     * whose name the message about an unknown keyword then carries.
     */
    private static MpException sortedError(Object[] args, String[] kwnames) {
        int nkw = kwnames == null ? 0 : kwnames.length;
        int nargs = args.length - nkw;
        if (nargs != 1) {
            return expected("sorted", "", 1, nargs);
        }
        if (Iteration.iter(args[0], true) == null) {
            return Errors.typeError("'%s' object is not iterable", Types.typeName(args[0])); // the list is made first
        }
        String unknown = firstUnknownKeyword(kwnames, new String[] {"key", "reverse"}, 0);
        return unknown == null ? null : Errors.typeError("'%s' is an invalid keyword argument for sort()", unknown);
    }

    /** {@code enumerate()}'s own order: an unknown keyword first, and no position in the message for a missing iterable. */
    private static MpException enumerateError(PBuiltinFunction b, Object[] args, String[] kwnames) {
        String unknown = firstUnknownKeyword(kwnames, new String[] {"iterable", "start"}, 0);
        if (unknown != null) {
            return Errors.typeError("'%s' is an invalid keyword argument for enumerate()", unknown);
        }
        int nkw = kwnames == null ? 0 : kwnames.length;
        if (args.length - nkw - 1 == 0 && indexOf(kwnames, "iterable") < 0) {
            return Errors.typeError("enumerate() missing required argument 'iterable'");
        }
        return byConvention("enumerate", "enumerate", b, 1, false, args, kwnames);
    }

    /** The messages of CPython's tuple parser (a method's {@code self} is not counted). */
    private static MpException tupleParserError(String name, PBuiltinFunction b, Object[] args, String[] kwnames) {
        if (kwnames != null && kwnames.length > 0) {
            return Errors.typeError("%s() takes no keyword arguments", name);
        }
        int self = b.isMethod() ? 1 : 0;
        int nargs = args.length - self;
        int max = b.signature().positionalCount() - self;
        int min = max - b.defaults().length;
        if (nargs >= min && nargs <= max) {
            return null;
        }
        int bound = nargs < min ? min : max;
        return Errors.typeError("%s() takes %s %d argument%s (%d given)", name, min == max ? "exactly" : nargs < min ? "at least" : "at most",
                bound, bound == 1 ? "" : "s", nargs);
    }

    /**
     * The messages of the conventions read off the signature, for a function called {@code name} in most messages
     * and {@code qualified} in the ones about keywords and fixed arities, whose first {@code self} parameters are not
     * the caller's; {@code fixedArity} when a function of no or one positional parameter is METH_NOARGS or METH_O.
     */
    private static MpException byConvention(String name, String qualified, PBuiltinFunction b, int self, boolean fixedArity, Object[] args,
                                            String[] kwnames) {
        PBuiltinFunction.Role role = b.role();
        Signature sig = b.signature();
        String[] names = sig.names();
        int nkw = kwnames == null ? 0 : kwnames.length;
        int nargs = args.length - nkw - self;
        int maxpos = sig.positionalCount() - self;
        int minpos = maxpos - b.defaults().length;
        int posonly = Math.max(0, sig.posOnlyCount() - self);
        if (sig.hasVarKeywords()) {
            // Positional-only parameters beside **kwargs (dict.update): only their count is CPython's to check.
            return posonly == maxpos && !sig.hasVarArgs() && nargs > maxpos
                    ? expected(name, minpos == maxpos ? "" : "at most ", maxpos, nargs) : null;
        }
        if (sig.hasVarArgs()) {
            if (sig.kwOnlyCount() == 0 && nkw > 0) {
                return Errors.typeError("%s() takes no keyword arguments", role == null ? b.functionStr() : name);
            }
            String unknown = firstUnknownKeyword(kwnames, names, sig.kwOnlyStart());
            return unknown == null ? null : Errors.typeError("'%s' is an invalid keyword argument for %s()", unknown, name);
        }
        if (posonly == maxpos && sig.kwOnlyCount() == 0) {
            if (nkw > 0) {
                return Errors.typeError("%s() takes no keyword arguments", qualified);
            }
            if (fixedArity && minpos == maxpos && maxpos <= 1) {
                return maxpos == 0 ? Errors.typeError("%s() takes no arguments (%d given)", qualified, nargs)
                        : Errors.typeError("%s() takes exactly one argument (%d given)", qualified, nargs);
            }
            if (nargs < minpos) {
                return expected(name, minpos == maxpos ? "" : "at least ", minpos, nargs);
            }
            return nargs > maxpos ? expected(name, minpos == maxpos ? "" : "at most ", maxpos, nargs) : null;
        }
        return keywordParserError(name, names, self, nargs, minpos, maxpos, posonly, sig.kwOnlyCount(), kwnames);
    }

    private static MpException expected(String name, String bound, int count, int given) {
        return Errors.typeError("%s expected %s%d argument%s, got %d", name, bound, count, count == 1 ? "" : "s", given);
    }

    /** The checks of CPython's keyword parser, in its order. */
    private static MpException keywordParserError(String name, String[] names, int self, int nargs, int minpos, int maxpos,
                                                  int posonly, int kwonly, String[] kwnames) {
        int nkw = kwnames == null ? 0 : kwnames.length;
        int maxargs = maxpos + kwonly;
        if (nargs + nkw > maxargs) {
            return Errors.typeError("%s() takes at most %d %sargument%s (%d given)", name, maxargs, nargs == 0 ? "keyword " : "",
                    maxargs == 1 ? "" : "s", nargs + nkw);
        }
        if (nargs > maxpos) {
            return maxpos == 0 ? Errors.typeError("%s() takes no positional arguments", name)
                    : Errors.typeError("%s() takes %s %d positional argument%s (%d given)", name, minpos < maxpos ? "at most" : "exactly",
                    maxpos, maxpos == 1 ? "" : "s", nargs);
        }
        int minposonly = Math.min(posonly, minpos);
        if (nargs < minposonly) {
            return Errors.typeError("%s() takes %s %d positional argument%s (%d given)", name, minposonly < maxpos ? "at least" : "exactly",
                    minposonly, minposonly == 1 ? "" : "s", nargs);
        }
        for (int i = Math.max(nargs, posonly); i < minpos; i++) {
            if (indexOf(kwnames, names[self + i]) < 0) {
                return Errors.typeError("%s() missing required argument '%s' (pos %d)", name, names[self + i], i + 1);
            }
        }
        for (int i = posonly; i < nargs; i++) {
            if (indexOf(kwnames, names[self + i]) >= 0) {
                return Errors.typeError("argument for %s() given by name ('%s') and position (%d)", name, names[self + i], i + 1);
            }
        }
        String unknown = firstUnknownKeyword(kwnames, names, self + posonly);
        return unknown == null ? null : Errors.typeError("'%s' is an invalid keyword argument for %s()", unknown, name);
    }

    /** The first keyword that names no parameter from {@code names[from]} on. */
    private static String firstUnknownKeyword(String[] kwnames, String[] names, int from) {
        if (kwnames == null) {
            return null;
        }
        for (String k : kwnames) {
            boolean known = false;
            for (int i = from; i < names.length && !known; i++) {
                known = k.equals(names[i]);
            }
            if (!known) {
                return k;
            }
        }
        return null;
    }

    private static int indexOf(String[] kwnames, String name) {
        if (kwnames != null) {
            for (int i = 0; i < kwnames.length; i++) {
                if (kwnames[i].equals(name)) {
                    return i;
                }
            }
        }
        return -1;
    }
}
