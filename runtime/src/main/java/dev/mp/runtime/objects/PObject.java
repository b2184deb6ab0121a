package dev.mp.runtime.objects;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.utilities.TriState;

import dev.mp.runtime.MpLanguage;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Interop;
import dev.mp.runtime.ops.Iteration;

/**
 * Base of the mp values that are not represented by a plain Java type.
 *
 * <p>Java types stand for some Python types: {@code Long} and {@code BigInteger} for int (a BigInteger only
 * outside the long range), {@code Boolean} for bool, {@code Double} for float and {@code String} for str.
 *
 * <p>To interop (embedders and other languages) every mp object has members, its attributes; it is
 * executable when callable and iterable when Python can iterate it; its meta object is its class and its
 * display string is {@code str()}. Subclasses add arrays (list, tuple), hashes (dict), meta objects
 * (class), null (None) and exceptions. The semantics live in {@link Interop}.
 */
@ExportLibrary(InteropLibrary.class)
public abstract class PObject implements TruffleObject {
    /** Python's id(); 0 until first asked for (see ops.Identity). */
    private long identity;

    public final long identity() {
        return identity;
    }

    public final void setIdentity(long identity) {
        this.identity = identity;
    }

    /** The Python class of this object; {@code type(x)}. */
    public abstract PClass getPythonClass();

    @ExportMessage
    final boolean hasLanguage() {
        return true;
    }

    @ExportMessage
    final Class<? extends TruffleLanguage<?>> getLanguage() {
        return MpLanguage.class;
    }

    @ExportMessage
    final Object toDisplayString(boolean allowSideEffects) {
        return Interop.displayString(this, allowSideEffects);
    }

    @ExportMessage
    final boolean hasMetaObject() {
        return true;
    }

    @ExportMessage
    final Object getMetaObject() {
        return getPythonClass();
    }

    @ExportMessage
    final boolean hasMembers() {
        return true;
    }

    @ExportMessage
    final Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return Interop.memberNames(this);
    }

    @ExportMessage
    final boolean isMemberReadable(String member) {
        return Interop.hasAttribute(this, member);
    }

    @ExportMessage
    final Object readMember(String member) throws UnknownIdentifierException {
        return Interop.readAttribute(this, member);
    }

    @ExportMessage
    final boolean isMemberModifiable(String member) {
        return Interop.acceptsAttributes(this) && Interop.hasAttribute(this, member);
    }

    @ExportMessage
    final boolean isMemberInsertable(String member) {
        return Interop.acceptsAttributes(this) && !Interop.hasAttribute(this, member);
    }

    @ExportMessage
    final void writeMember(String member, Object value) throws UnsupportedMessageException {
        Interop.writeAttribute(this, member, value);
    }

    @ExportMessage
    final boolean isMemberRemovable(String member) {
        return Interop.acceptsAttributes(this) && Interop.hasAttribute(this, member);
    }

    @ExportMessage
    final void removeMember(String member) throws UnknownIdentifierException {
        Interop.removeAttribute(this, member);
    }

    @ExportMessage
    final boolean isMemberInvocable(String member) {
        return Interop.isMethod(this, member);
    }

    @ExportMessage
    final Object invokeMember(String member, Object... arguments) throws UnknownIdentifierException {
        return Interop.invokeMethod(this, member, arguments);
    }

    @ExportMessage
    @TruffleBoundary
    final boolean isExecutable() {
        return Calls.isCallable(this);
    }

    @ExportMessage
    final Object execute(Object... arguments) throws UnsupportedMessageException {
        if (!isExecutable()) {
            throw UnsupportedMessageException.create();
        }
        return Interop.call(this, arguments);
    }

    @ExportMessage
    @TruffleBoundary
    final boolean hasIterator() {
        return Iteration.isIterable(this);
    }

    @ExportMessage
    final Object getIterator() throws UnsupportedMessageException {
        return Interop.iterator(this);
    }

    @ExportMessage
    final TriState isIdenticalOrUndefined(Object other) {
        return other instanceof PObject ? TriState.valueOf(this == other) : TriState.UNDEFINED;
    }

    @ExportMessage
    @TruffleBoundary
    final int identityHashCode() {
        return System.identityHashCode(this);
    }
}
