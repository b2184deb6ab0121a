package dev.mp.runtime.ops;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import dev.mp.runtime.objects.MpTruffleObject;

/**
 * How mp shows a value it did not make into an object: an int, float, bool or str (plain Java values), or
 * a foreign value. It is displayed with {@code str()} ({@code True}, {@code 1e+16}) and its meta object is
 * its Python type; every other message goes to the value itself.
 */
@ExportLibrary(value = InteropLibrary.class, delegateTo = "value")
public final class LanguageView extends MpTruffleObject {
    final Object value;

    public LanguageView(Object value) {
        this.value = value;
    }

    @Override
    protected String displayString(boolean allowSideEffects) {
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
