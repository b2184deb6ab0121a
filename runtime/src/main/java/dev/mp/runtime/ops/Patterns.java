package dev.mp.runtime.ops;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.MpException;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PTuple;

/**
 * The runtime checks of structural pattern matching (the {@code match} statement), with CPython 3.11's
 * semantics and messages: which subjects sequence and mapping patterns accept, how a mapping pattern looks its
 * keys up, and which attributes a class pattern matches against.
 */
public final class Patterns {
    private Patterns() {
    }

    /**
     * The classes whose instances a class pattern with one positional sub-pattern matches as a whole
     * ({@code case int(n)}), unless they define {@code __match_args__}; subclasses inherit this.
     */
    private static final PClass[] MATCH_SELF = {BuiltinClasses.BOOL, BuiltinClasses.BYTEARRAY, BuiltinClasses.BYTES, BuiltinClasses.DICT,
        BuiltinClasses.FLOAT, BuiltinClasses.FROZENSET, BuiltinClasses.INT, BuiltinClasses.LIST, BuiltinClasses.SET, BuiltinClasses.STR,
        BuiltinClasses.TUPLE};

    /** Whether a sequence pattern can match {@code subject}: a list, tuple, range or deque, never a str, bytes or bytearray. */
    @TruffleBoundary
    public static boolean isSequence(Object subject) {
        return Types.typeOf(subject).isMatchedBySequencePatterns();
    }

    /** Whether a mapping pattern can match {@code subject}: a dict or an instance of a subclass. */
    @TruffleBoundary
    public static boolean isMapping(Object subject) {
        return subject instanceof PDict;
    }

    /** {@code subject == value}, as literal and value patterns compare. */
    @TruffleBoundary
    public static boolean equal(Object subject, Object value) {
        return Conversions.isTrue(Comparisons.compare(subject, value, Comparisons.Op.EQ));
    }

    /**
     * The values of {@code keys} in the mapping {@code subject}, looked up with its {@code get} method as
     * CPython does (so {@code __missing__} is not called), or null when a key is absent. Two equal keys are a
     * ValueError.
     */
    @TruffleBoundary
    public static Object[] mappingValues(PDict subject, Object[] keys) {
        Object get = Types.override(subject, "get");
        Object absent = get == null ? null : Classes.instantiate(BuiltinClasses.OBJECT, new Object[0], new String[0]);
        PDict seen = new PDict();
        Object[] values = new Object[keys.length];
        for (int i = 0; i < keys.length; i++) {
            Object key = keys[i];
            if (seen.containsKey(key)) {
                throw Errors.valueError("mapping pattern checks duplicate key (%s)", Conversions.repr(key));
            }
            seen.put(key, key);
            Object value = get == null ? subject.get(key) : Calls.callDescriptor(get, subject, key, absent);
            if (value == null || value == absent) {
                return null;
            }
            values[i] = value;
        }
        return values;
    }

    /** A new dict of the items of {@code subject} whose keys are not among {@code keys}: the {@code **rest} of a mapping pattern. */
    @TruffleBoundary
    public static PDict mappingRest(PDict subject, Object[] keys) {
        PDict rest = subject.copy();
        for (Object key : keys) {
            rest.remove(key);
        }
        return rest;
    }

    /**
     * The values a class pattern's sub-patterns match: {@code positional} values named by the class's
     * {@code __match_args__} (or the subject itself for the builtins in {@link #MATCH_SELF}), then the attributes
     * {@code keywords}. Null when the subject is not an instance of the class or lacks one of the attributes.
     */
    @TruffleBoundary
    public static Object[] classAttributes(Object subject, Object cls, int positional, String[] keywords) {
        if (!(cls instanceof PClass type)) {
            throw Errors.typeError("called match pattern must be a type");
        }
        if (!Types.isInstance(subject, type)) {
            return null;
        }
        Object[] values = new Object[positional + keywords.length];
        PDict seen = new PDict();
        if (positional > 0) {
            Object matchArgs = Attributes.lookup(type, "__match_args__");
            boolean matchSelf = false;
            if (matchArgs == null) {
                matchArgs = PTuple.of();
                for (PClass c : MATCH_SELF) {
                    matchSelf |= type.isSubclassOf(c);
                }
            } else if (!(matchArgs instanceof PTuple t) || t.isSubclassInstance()) {
                throw Errors.typeError("%s.__match_args__ must be a tuple (got %s)", Types.className(type), Types.typeName(matchArgs));
            }
            Object[] names = ((PTuple) matchArgs).items();
            int allowed = matchSelf ? 1 : names.length;
            if (positional > allowed) {
                throw Errors.typeError("%s() accepts %d positional sub-pattern%s (%d given)", Types.className(type), allowed,
                        allowed == 1 ? "" : "s", positional);
            }
            if (matchSelf) {
                values[0] = subject;
            } else {
                for (int i = 0; i < positional; i++) {
                    if (!(names[i] instanceof String name)) {
                        throw Errors.typeError("__match_args__ elements must be strings (got %s)", Types.typeName(names[i]));
                    }
                    values[i] = attribute(subject, type, name, seen);
                    if (values[i] == null) {
                        return null;
                    }
                }
            }
        }
        for (int i = 0; i < keywords.length; i++) {
            Object value = attribute(subject, type, keywords[i], seen);
            if (value == null) {
                return null;
            }
            values[positional + i] = value;
        }
        return values;
    }

    /** The attribute {@code name} of {@code subject}, or null if it has none; each name may be matched once. */
    private static Object attribute(Object subject, PClass type, String name, PDict seen) {
        if (seen.containsKey(name)) {
            throw Errors.typeError("%s() got multiple sub-patterns for attribute %s", Types.className(type), Conversions.repr(name));
        }
        seen.put(name, name);
        try {
            return Attributes.get(subject, name);
        } catch (MpException e) {
            if (Exceptions.matches(e, "AttributeError")) {
                return null;
            }
            throw e;
        }
    }
}
