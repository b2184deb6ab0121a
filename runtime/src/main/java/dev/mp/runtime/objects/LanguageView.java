package dev.mp.runtime.objects;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import dev.mp.runtime.MpLanguage;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Types;

/**
 * How mp shows a value it did not make into an object: an int, float, bool or str (plain Java values), or
 * a foreign value. It is displayed with {@code str()} ({@code True}, {@code 1e+16}) and its meta object is
 * its Python type; every other message goes to the value itself.
 */
@ExportLibrary(value = InteropLibrary.class, delegateTo = "value")
public final class LanguageView implements TruffleObject {
    final Object value;

    public LanguageView(Object value) {
        this.value = value;
    }

    @ExportMessage
    boolean hasLanguage() {
        return true;
    }

    @ExportMessage
    Class<? extends TruffleLanguage<?>> getLanguage() {
        return MpLanguage.class;
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return Conversions.str(value);
    }

    @ExportMessage
    boolean hasMetaObject() {
        return true;
    }

    @ExportMessage
    @TruffleBoundary
    Object getMetaObject() {
        return Types.typeOf(value);
    }
}
