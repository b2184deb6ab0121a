package dev.mp.runtime.ops;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PExceptionGroup;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PTuple;

/**
 * BaseExceptionGroup and ExceptionGroup (PEP 654): creation with CPython's checks, {@code split}/{@code subgroup},
 * and the matching and re-raising that {@code except*} does (CPython's exception_group_match and
 * _PyExc_PrepReraiseStar).
 */
public final class ExceptionGroups {
    private ExceptionGroups() {
    }

    public static PClass baseExceptionGroup() {
        return BuiltinClasses.exception("BaseExceptionGroup");
    }

    public static PClass exceptionGroup() {
        return BuiltinClasses.exception("ExceptionGroup");
    }

    /**
     * {@code BaseExceptionGroup.__new__(cls, message, exceptions)}: BaseExceptionGroup itself becomes
     * ExceptionGroup when every exception is an Exception, and ExceptionGroup (or a subclass of Exception)
     * refuses to hold a BaseException.
     */
    @TruffleBoundary
    public static PExceptionGroup create(PClass cls, PTuple args) {
        if (args.size() != 2) {
            throw Errors.typeError("BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)", args.size());
        }
        if (!(Types.baseValue(args.get(0)) instanceof String message)) {
            throw Errors.typeError("BaseExceptionGroup.__new__() argument 1 must be str, not %s", Types.typeName(args.get(0)));
        }
        Object sequence = args.get(1);
        if (!isSequence(sequence)) {
            throw Errors.typeError("second argument (exceptions) must be a sequence");
        }
        Object[] items = Iteration.toArray(sequence);
        if (items.length == 0) {
            throw Errors.valueError("second argument (exceptions) must be a non-empty sequence");
        }
        PClass exception = BuiltinClasses.exception("Exception");
        boolean nestedBase = false;
        for (int i = 0; i < items.length; i++) {
            if (!(items[i] instanceof PBaseException e)) {
                throw Errors.valueError("Item %d of second argument (exceptions) is not an exception", i);
            }
            nestedBase |= !e.getPythonClass().isSubclassOf(exception);
        }
        PClass actual = cls;
        if (cls == baseExceptionGroup()) {
            actual = nestedBase ? cls : exceptionGroup();
        } else if (cls == exceptionGroup()) {
            if (nestedBase) {
                throw Errors.typeError("Cannot nest BaseExceptions in an ExceptionGroup");
            }
        } else if (nestedBase && cls.isSubclassOf(exception)) {
            throw Errors.typeError("Cannot nest BaseExceptions in '%s'", cls.name());
        }
        return new PExceptionGroup(actual, args, message, new PTuple(items));
    }

    private static boolean isSequence(Object o) {
        Object v = Types.baseValue(o);
        if (v instanceof PList || v instanceof PTuple || v instanceof String || v instanceof dev.mp.runtime.objects.PRange
                || v instanceof dev.mp.runtime.objects.PBytes || v instanceof dev.mp.runtime.objects.PByteArray) {
            return true;
        }
        return !(v instanceof dev.mp.runtime.objects.PDict) && !(v instanceof dev.mp.runtime.objects.PSet) && !(v instanceof PBaseException)
                && Types.override(o, "__getitem__") != null;
    }

    /** {@code str(eg)}: "message (n sub-exceptions)". */
    public static String str(PExceptionGroup eg) {
        int n = eg.exceptions().size();
        return eg.message() + " (" + n + " sub-exception" + (n == 1 ? "" : "s") + ")";
    }

    /** {@code eg.derive(excs)} as BaseExceptionGroup defines it: a group of the same message. */
    public static PExceptionGroup derive(PExceptionGroup eg, Object excs) {
        return create(baseExceptionGroup(), PTuple.of(eg.message(), excs));
    }

    /**
     * The condition of split and subgroup: an exception type, a tuple of them, or a predicate called with each
     * exception.
     */
    @TruffleBoundary
    public static Predicate<PBaseException> matcher(Object condition) {
        if (isExceptionTypes(condition)) {
            return e -> matchesTypes(e, condition);
        }
        if (Calls.isCallable(condition) && !(condition instanceof PClass)) {
            return e -> Conversions.isTrue(Calls.call(condition, e));
        }
        throw Errors.typeError("expected a function, exception type or tuple of exception types");
    }

    private static boolean isExceptionTypes(Object condition) {
        if (condition instanceof PClass cls) {
            return cls.isSubclassOf(BuiltinClasses.BASE_EXCEPTION);
        }
        if (condition instanceof PTuple t) {
            for (Object o : t.items()) {
                if (!(o instanceof PClass cls && cls.isSubclassOf(BuiltinClasses.BASE_EXCEPTION))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean matchesTypes(PBaseException e, Object types) {
        if (types instanceof PClass cls) {
            return e.getPythonClass().isSubclassOf(cls);
        }
        for (Object o : ((PTuple) types).items()) {
            if (e.getPythonClass().isSubclassOf((PClass) o)) {
                return true;
            }
        }
        return false;
    }

    /** {@code eg.split(condition)}: [match, rest], each a group of the same shape or null. */
    @TruffleBoundary
    public static PBaseException[] split(PBaseException exc, Predicate<PBaseException> matcher, boolean constructRest) {
        if (matcher.test(exc)) {
            return new PBaseException[] {exc, null};
        }
        if (!(exc instanceof PExceptionGroup eg)) {
            return new PBaseException[] {null, constructRest ? exc : null};
        }
        List<Object> matched = new ArrayList<>();
        List<Object> rest = new ArrayList<>();
        for (Object item : eg.exceptions().items()) {
            PBaseException[] pair = split((PBaseException) item, matcher, constructRest);
            if (pair[0] != null) {
                matched.add(pair[0]);
            }
            if (pair[1] != null) {
                rest.add(pair[1]);
            }
        }
        return new PBaseException[] {subset(eg, matched), constructRest ? subset(eg, rest) : null};
    }

    /** A group of {@code excs} derived from {@code orig} (through its {@code derive}), with orig's traceback, cause, context and notes; null for none. */
    private static PBaseException subset(PExceptionGroup orig, List<Object> excs) {
        if (excs.isEmpty()) {
            return null;
        }
        Object derived = Calls.callMethod(orig, "derive", new PList(excs));
        if (!(derived instanceof PExceptionGroup eg)) {
            throw Errors.typeError("derive must return an instance of BaseExceptionGroup");
        }
        eg.traceback().addAll(orig.traceback());
        eg.setCause(orig.cause());
        eg.setSuppressContext(orig.suppressContext());
        eg.setContext(orig.context());
        Object notes = orig.dict().get("__notes__");
        if (notes != null && (notes instanceof PList || notes instanceof PTuple)) {
            eg.dict().put("__notes__", new PList(List.of(Iteration.toArray(notes))));
        }
        return eg;
    }

    /**
     * The type of an {@code except*} clause, checked: exception classes (or a tuple of them), none an exception group.
     */
    @TruffleBoundary
    public static void checkStarType(Object type) {
        if (!isExceptionTypes(type)) {
            throw Errors.typeError("catching classes that do not inherit from BaseException is not allowed");
        }
        for (Object o : type instanceof PTuple t ? t.items() : new Object[] {type}) {
            if (((PClass) o).isSubclassOf(baseExceptionGroup())) {
                throw Errors.typeError("catching ExceptionGroup with except* is not allowed. Use except instead.");
            }
        }
    }

    /**
     * What one {@code except*} clause takes from {@code exc}: [match, rest]. A naked exception that matches is
     * wrapped in a group (with its traceback), as the handler always sees a group.
     */
    @TruffleBoundary
    public static PBaseException[] matchStar(PBaseException exc, Object type) {
        if (matchesTypes(exc, type)) {
            if (exc instanceof PExceptionGroup) {
                return new PBaseException[] {exc, null};
            }
            return new PBaseException[] {create(baseExceptionGroup(), PTuple.of("", new PTuple(new Object[] {exc}))), null};
        }
        if (exc instanceof PExceptionGroup) {
            return split(exc, e -> matchesTypes(e, type), true);
        }
        return new PBaseException[] {null, exc};
    }

    /**
     * The exception a {@code try} with {@code except*} raises at its end, as CPython's _PyExc_PrepReraiseStar:
     * {@code excs} are the exceptions the handlers raised and then the unhandled rest. Those that are parts of
     * {@code orig} re-raised (same traceback, cause and context) go back into one group of orig's shape; new ones
     * are grouped with it in an unnamed ExceptionGroup. Null when there is nothing to raise.
     */
    @TruffleBoundary
    public static PBaseException prepareReraise(PBaseException orig, List<PBaseException> excs) {
        if (excs.isEmpty()) {
            return null;
        }
        if (!(orig instanceof PExceptionGroup)) {
            // a naked exception was caught and wrapped: only one clause ran, so there is one exception to raise
            return excs.get(0);
        }
        List<Object> raised = new ArrayList<>();
        List<PBaseException> reraised = new ArrayList<>();
        for (PBaseException e : excs) {
            if (sameMetadata(e, orig)) {
                reraised.add(e);
            } else {
                raised.add(e);
            }
        }
        Set<PBaseException> leaves = Collections.newSetFromMap(new IdentityHashMap<>());
        for (PBaseException e : reraised) {
            collectLeaves(e, leaves);
        }
        PBaseException reraisedGroup = leaves.isEmpty() ? null : split(orig, leaves::contains, false)[0];
        if (raised.isEmpty()) {
            return reraisedGroup;
        }
        if (reraisedGroup != null) {
            raised.add(reraisedGroup);
        }
        return create(baseExceptionGroup(), PTuple.of("", new PList(raised)));
    }

    private static boolean sameMetadata(PBaseException a, PBaseException b) {
        return a.cause() == b.cause() && a.context() == b.context() && a.traceback().equals(b.traceback());
    }

    private static void collectLeaves(PBaseException e, Set<PBaseException> leaves) {
        if (e instanceof PExceptionGroup eg) {
            for (Object item : eg.exceptions().items()) {
                collectLeaves((PBaseException) item, leaves);
            }
        } else {
            leaves.add(e);
        }
    }
}
