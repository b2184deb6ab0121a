package dev.mp.runtime.ops;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import dev.mp.runtime.objects.HostValues;
import dev.mp.runtime.objects.MpTruffleObject;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PModule;

/**
 * The globals of a module as an interop scope: for {@code __main__}, the polyglot bindings of an mp context
 * ({@code Context.getBindings("mp")}). Members are the module dict's str keys; a host writing a member
 * defines a global the scripts see, and reading one gives what the scripts assigned.
 */
@ExportLibrary(InteropLibrary.class)
public final class GlobalScope extends MpTruffleObject {
    private final PModule module;

    public GlobalScope(PModule module) {
        this.module = module;
    }

    @ExportMessage
    boolean isScope() {
        return true;
    }

    @Override
    protected String displayString(boolean allowSideEffects) {
        return "globals of " + module.name();
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    @TruffleBoundary
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        PList names = new PList();
        for (PDict.Entry e : module.dict().entries()) {
            if (e.key instanceof String) {
                names.add(e.key);
            }
        }
        return names;
    }

    @ExportMessage(name = "isMemberReadable")
    @ExportMessage(name = "isMemberModifiable")
    @ExportMessage(name = "isMemberRemovable")
    @TruffleBoundary
    boolean isDefined(String member) {
        return module.dict().containsKey(member);
    }

    @ExportMessage
    boolean isMemberInsertable(String member) {
        return !isDefined(member);
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        Object value = module.dict().get(member);
        if (value == null) {
            throw UnknownIdentifierException.create(member);
        }
        return HostValues.toInterop(value);
    }

    @ExportMessage
    @TruffleBoundary
    void writeMember(String member, Object value) {
        module.dict().put(member, HostValues.toMp(value));
    }

    @ExportMessage
    @TruffleBoundary
    void removeMember(String member) throws UnknownIdentifierException {
        if (module.dict().remove(member) == null) {
            throw UnknownIdentifierException.create(member);
        }
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberInvocable(String member) {
        Object value = module.dict().get(member);
        return value != null && Calls.isCallable(value);
    }

    @ExportMessage
    @TruffleBoundary
    Object invokeMember(String member, Object... arguments) throws UnknownIdentifierException {
        Object function = module.dict().get(member);
        if (function == null) {
            throw UnknownIdentifierException.create(member);
        }
        return Interop.call(function, arguments);
    }
}
