package dev.mp.runtime.objects;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import dev.mp.runtime.MpLanguage;

/**
 * An object mp hands to interop: to embedders and tools it belongs to the mp language and shows itself
 * with {@link #displayString}.
 */
@ExportLibrary(InteropLibrary.class)
public abstract class MpTruffleObject implements TruffleObject {

    // The exported messages are public: subclasses in other packages (the interop views in ops) export the library too.
    @ExportMessage
    public final boolean hasLanguage() {
        return true;
    }

    @ExportMessage
    public final Class<? extends TruffleLanguage<?>> getLanguage() {
        return MpLanguage.class;
    }

    @ExportMessage
    @TruffleBoundary
    public final Object toDisplayString(boolean allowSideEffects) {
        return displayString(allowSideEffects);
    }

    /** How the object shows to interop; without side effects no Python code may run. */
    protected abstract String displayString(boolean allowSideEffects);
}
