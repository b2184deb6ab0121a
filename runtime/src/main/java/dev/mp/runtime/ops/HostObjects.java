package dev.mp.runtime.ops;

import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;

import dev.mp.runtime.objects.HostValues;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PSlice;

/**
 * Python operations on foreign objects (host Java objects when the embedder allows host access): attributes
 * are members (fields and methods); {@code len}, subscription and {@code in} work on arrays (Java arrays and
 * lists) by index, negative indices counting from the end, and on hashes (Java maps) by key. Values passed
 * in are converted with {@link HostValues#toInterop}, values read with {@link HostValues#toMp}.
 */
final class HostObjects {
    private HostObjects() {
    }

    private static final InteropLibrary LIB = InteropLibrary.getUncached();

    /** The member's value, or null when there is no readable member of that name. */
    static Object getMember(Object obj, String name) {
        if (!LIB.isMemberReadable(obj, name)) {
            return null;
        }
        try {
            return HostValues.toMp(LIB.readMember(obj, name));
        } catch (UnknownIdentifierException e) {
            return null;
        } catch (InteropException e) {
            throw HostInterop.error(e, obj);
        }
    }

    static void setMember(Object obj, String name, Object value) {
        try {
            LIB.writeMember(obj, name, HostValues.toInterop(value));
        } catch (UnknownIdentifierException | UnsupportedMessageException e) {
            throw Attributes.missing(obj, name);
        } catch (InteropException e) {
            throw HostInterop.error(e, obj);
        }
    }

    static void deleteMember(Object obj, String name) {
        try {
            LIB.removeMember(obj, name);
        } catch (UnknownIdentifierException | UnsupportedMessageException e) {
            throw Attributes.missing(obj, name);
        }
    }

    /** The length of a foreign array, hash or string; -1 when it has none. */
    static long len(Object obj) {
        try {
            if (LIB.hasArrayElements(obj)) {
                return LIB.getArraySize(obj);
            }
            if (LIB.hasHashEntries(obj)) {
                return LIB.getHashSize(obj);
            }
            if (LIB.isString(obj)) {
                return Sequences.len(LIB.asString(obj));
            }
        } catch (UnsupportedMessageException e) {
            throw HostInterop.error(e, obj);
        }
        return -1;
    }

    static boolean isSubscriptable(Object obj) {
        return LIB.hasArrayElements(obj) || LIB.hasHashEntries(obj);
    }

    static Object getItem(Object obj, Object key) {
        try {
            if (LIB.hasHashEntries(obj)) {
                return HostValues.toMp(LIB.readHashValue(obj, HostValues.toInterop(key)));
            }
            if (key instanceof PSlice s) {
                long[] r = Sequences.sliceIndices(s, LIB.getArraySize(obj));
                PList out = new PList();
                for (long i = r[0], n = 0; n < r[3]; i += r[2], n++) {
                    out.add(HostValues.toMp(LIB.readArrayElement(obj, i)));
                }
                return out;
            }
            return HostValues.toMp(LIB.readArrayElement(obj, arrayIndex(obj, key)));
        } catch (InteropException e) {
            throw HostInterop.error(e, obj);
        }
    }

    static void setItem(Object obj, Object key, Object value) {
        try {
            if (LIB.hasHashEntries(obj)) {
                LIB.writeHashEntry(obj, HostValues.toInterop(key), HostValues.toInterop(value));
            } else {
                LIB.writeArrayElement(obj, arrayIndex(obj, key), HostValues.toInterop(value));
            }
        } catch (InteropException e) {
            throw HostInterop.error(e, obj);
        }
    }

    static void delItem(Object obj, Object key) {
        try {
            if (LIB.hasHashEntries(obj)) {
                LIB.removeHashEntry(obj, HostValues.toInterop(key));
            } else {
                LIB.removeArrayElement(obj, arrayIndex(obj, key));
            }
        } catch (InteropException e) {
            throw HostInterop.error(e, obj);
        }
    }

    /** {@code key in obj} for a foreign hash: whether the key is present; null when obj is no hash. */
    static Boolean hashContains(Object obj, Object key) {
        return LIB.hasHashEntries(obj) ? LIB.isHashEntryExisting(obj, HostValues.toInterop(key)) : null;
    }

    private static long arrayIndex(Object obj, Object key) throws UnsupportedMessageException {
        if (!Types.isInt(key)) {
            throw Errors.typeError("indices must be integers or slices, not %s", Types.typeName(key));
        }
        long i = Conversions.asLong(key);
        return i < 0 ? i + LIB.getArraySize(obj) : i;
    }

    /** Truth: foreign null is false, arrays, hashes and strings are true when not empty, anything else is true. */
    static boolean isTrue(Object obj) {
        // len is -1 for an object without a length, which is true.
        return !LIB.isNull(obj) && len(obj) != 0;
    }

    /** What {@code repr()} and {@code str()} show: the value's interop display string. */
    static String displayString(Object obj) {
        return HostInterop.displayName(obj);
    }
}
