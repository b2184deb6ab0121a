package dev.mp.runtime.ops;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.MpException;
import dev.mp.runtime.objects.PDict;

/**
 * The local namespace of a class body (what {@code __prepare__} returned) or of {@code exec}/{@code eval} code
 * given a separate locals mapping. As CPython's LOAD_NAME/STORE_NAME/DELETE_NAME do, a plain dict is used
 * directly and any other mapping (a dict subclass included) through its {@code __getitem__},
 * {@code __setitem__} and {@code __delitem__}, a KeyError meaning the name is not there.
 */
public final class Namespaces {
    private Namespaces() {
    }

    /** The value of {@code name} in {@code namespace}, or null when it has none. */
    public static Object get(Object namespace, String name) {
        if (namespace instanceof PDict d && !d.isSubclassInstance()) {
            return d.get(name);
        }
        return getThroughMapping(namespace, name);
    }

    /** Binds {@code name} in {@code namespace}. */
    public static void put(Object namespace, String name, Object value) {
        if (namespace instanceof PDict d && !d.isSubclassInstance()) {
            d.put(name, value);
            return;
        }
        Sequences.setItem(namespace, name, value);
    }

    /** Unbinds {@code name}; false when {@code namespace} has no such name. */
    public static boolean remove(Object namespace, String name) {
        if (namespace instanceof PDict d && !d.isSubclassInstance()) {
            return d.remove(name) != null;
        }
        return removeThroughMapping(namespace, name);
    }

    @TruffleBoundary
    private static Object getThroughMapping(Object namespace, String name) {
        try {
            return Sequences.getItem(namespace, name);
        } catch (MpException e) {
            if (Exceptions.matches(e, "KeyError")) {
                return null;
            }
            throw e;
        }
    }

    @TruffleBoundary
    private static boolean removeThroughMapping(Object namespace, String name) {
        try {
            Sequences.delItem(namespace, name);
            return true;
        } catch (MpException e) {
            if (Exceptions.matches(e, "KeyError")) {
                return false;
            }
            throw e;
        }
    }
}
