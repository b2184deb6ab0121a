package dev.mp.prototype;

import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * A function of the prototype language: its code, set once after the code is built (fib refers to itself).
 * Executable from the host with long arguments.
 */
@ExportLibrary(InteropLibrary.class)
public final class ProtoFunction implements TruffleObject {
    RootCallTarget target;

    @ExportMessage
    boolean isExecutable() {
        return true;
    }

    @ExportMessage
    Object execute(Object[] arguments) {
        return target.call(arguments);
    }
}
