package dev.mp.runtime.builtins;

import static dev.mp.runtime.builtins.BuiltinBuilder.attribute;

import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PObject;
import dev.mp.runtime.objects.TracebackEntry;

/**
 * Traceback objects ({@code exc.__traceback__}, {@code sys.exc_info()[2]}): a chain from the frame handling the
 * exception ({@code tb_next} towards the raise), each with {@code tb_lineno} and a {@code tb_frame} whose
 * {@code f_code} names the function and file and whose {@code f_lineno} is the line. mp keeps no frames of
 * finished calls, so a traceback frame's {@code f_globals} and {@code f_locals} are empty and {@code f_back} is
 * None. The chain is a snapshot: it shows the frames the exception had passed through when it was asked for.
 */
public final class TracebackType {
    private TracebackType() {
    }

    public static final PClass TRACEBACK = new PClass("traceback", "builtins", new PClass[] {BuiltinClasses.OBJECT}, true, PClass.Layout.BUILTIN);
    static final PClass FRAME = new PClass("frame", "builtins", new PClass[] {BuiltinClasses.OBJECT}, true, PClass.Layout.BUILTIN);

    /** One link of the chain: the entries outermost first, and which of them this link is. */
    public static final class PTraceback extends PObject {
        private final List<TracebackEntry> outermostFirst;
        private final int index;

        PTraceback(List<TracebackEntry> outermostFirst, int index) {
            this.outermostFirst = outermostFirst;
            this.index = index;
        }

        TracebackEntry entry() {
            return outermostFirst.get(index);
        }

        /** The entries from this link towards the raise, innermost first (as an exception keeps them). */
        public List<TracebackEntry> innermostFirst() {
            return List.copyOf(outermostFirst.subList(index, outermostFirst.size()).reversed());
        }

        @Override
        public PClass getPythonClass() {
            return TRACEBACK;
        }
    }

    static final class PTracebackFrame extends PObject {
        final TracebackEntry entry;

        PTracebackFrame(TracebackEntry entry) {
            this.entry = entry;
        }

        @Override
        public PClass getPythonClass() {
            return FRAME;
        }
    }

    /** The traceback of {@code e}, or None when it has passed through no frame. */
    @TruffleBoundary
    public static Object of(PBaseException e) {
        List<TracebackEntry> entries = e.traceback();
        if (entries.isEmpty()) {
            return PNone.NONE;
        }
        return new PTraceback(List.copyOf(entries).reversed(), 0);
    }

    /** {@code exc.__traceback__ = tb} and {@code exc.with_traceback(tb)}: the exception's frames become tb's. */
    @TruffleBoundary
    public static void set(PBaseException e, Object tb) {
        if (tb != PNone.NONE && !(tb instanceof PTraceback)) {
            throw dev.mp.runtime.ops.Errors.typeError("__traceback__ must be a traceback or None");
        }
        List<TracebackEntry> entries = e.traceback();
        entries.clear();
        if (tb instanceof PTraceback t) {
            entries.addAll(t.innermostFirst());
        }
    }

    static void install() {
        attribute(TRACEBACK, "tb_lineno", o -> (long) ((PTraceback) o).entry().line());
        attribute(TRACEBACK, "tb_lasti", o -> -1L);
        attribute(TRACEBACK, "tb_frame", o -> new PTracebackFrame(((PTraceback) o).entry()));
        attribute(TRACEBACK, "tb_next", o -> {
            PTraceback t = (PTraceback) o;
            return t.index + 1 < t.outermostFirst.size() ? new PTraceback(t.outermostFirst, t.index + 1) : PNone.NONE;
        });
        attribute(FRAME, "f_lineno", o -> (long) ((PTracebackFrame) o).entry.line());
        attribute(FRAME, "f_code", o -> {
            TracebackEntry entry = ((PTracebackFrame) o).entry;
            return new CodeType.PCode(entry.function(), entry.function(), null, null, entry.file(), null);
        });
        attribute(FRAME, "f_globals", o -> new PDict());
        attribute(FRAME, "f_locals", o -> new PDict());
        attribute(FRAME, "f_back", o -> PNone.NONE);
    }
}
