package dev.mp.runtime.objects;

import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/** The singleton {@code None}; interop's null. */
@ExportLibrary(InteropLibrary.class)
public final class PNone extends PObject {
    public static final PNone NONE = new PNone();

    private PNone() {
    }

    @Override
    public PClass getPythonClass() {
        return BuiltinClasses.NONE_TYPE;
    }

    @Override
    public String toString() {
        return "None";
    }

    @ExportMessage
    boolean isNull() {
        return true;
    }
}
