package dev.mp.runtime.ops;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.MaterializedFrame;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import dev.mp.runtime.objects.HostValues;
import dev.mp.runtime.objects.MpTruffleObject;
import dev.mp.runtime.objects.PCell;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PObject;

/**
 * The local variables of a running function as an interop scope, for debuggers (Chrome DevTools, DAP): members
 * are the names of the frame's slots that hold a value (a cell variable shows its contents). It has no parent
 * scope: debuggers show the globals as the language's top scope ({@link GlobalScope}). A generator's locals live
 * in the frame its body runs on.
 */
@ExportLibrary(InteropLibrary.class)
public final class FrameScope extends MpTruffleObject {
    private final Frame frame;

    private FrameScope(Frame frame) {
        this.frame = frame;
    }

    /** The scope of {@code frame}, a frame of mp code; {@code frame} may be a generator body's. */
    public static Object of(Frame frame) {
        Object[] arguments = frame.getArguments();
        Frame locals = frame;
        if (frame.getFrameDescriptor().getNumberOfSlots() == 0 && arguments.length > 0 && arguments[0] instanceof MaterializedFrame generatorFrame) {
            locals = generatorFrame;
        }
        Object first = locals.getArguments().length > 0 ? locals.getArguments()[0] : null;
        if (locals == frame && first instanceof PModule module) {
            // Module code: its variables are the globals.
            return new GlobalScope(module);
        }
        return new FrameScope(locals);
    }

    @ExportMessage
    boolean isScope() {
        return true;
    }

    @Override
    protected String displayString(boolean allowSideEffects) {
        return "locals";
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    @TruffleBoundary
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        PList names = new PList();
        for (String name : definedNames()) {
            names.add(name);
        }
        return names;
    }

    private List<String> definedNames() {
        FrameDescriptor descriptor = frame.getFrameDescriptor();
        List<String> names = new ArrayList<>();
        for (int slot = 0; slot < descriptor.getNumberOfSlots(); slot++) {
            if (descriptor.getSlotName(slot) instanceof String name && value(slot) != null && !names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private Object value(int slot) {
        Object value = frame.getObjectStatic(slot);
        if (value instanceof PCell cell) {
            value = cell.value;
        }
        return value instanceof PObject || value instanceof Long || value instanceof String || value instanceof Boolean
                || value instanceof Double || value instanceof java.math.BigInteger || value instanceof com.oracle.truffle.api.interop.TruffleObject
                ? value : null;
    }

    /** The value of a local variable; null when it is not defined. */
    private Object lookup(String member) {
        FrameDescriptor descriptor = frame.getFrameDescriptor();
        for (int slot = 0; slot < descriptor.getNumberOfSlots(); slot++) {
            if (member.equals(descriptor.getSlotName(slot))) {
                Object value = value(slot);
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberReadable(String member) {
        return lookup(member) != null;
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        Object value = lookup(member);
        if (value == null) {
            throw UnknownIdentifierException.create(member);
        }
        return HostValues.toInterop(value);
    }
}
