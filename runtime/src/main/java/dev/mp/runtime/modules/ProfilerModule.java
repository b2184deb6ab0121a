package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.method;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.MaterializedFrame;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.builtins.BuiltinBuilder;
import dev.mp.runtime.nodes.MpRootNode;
import dev.mp.runtime.nodes.ProfileHook;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PSubclassable;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.objects.TracebackEntry;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Types;

/**
 * The {@code _lsprof} module: {@code Profiler}, the deterministic profiler under {@code cProfile} (and mp's
 * {@code profile}). While enabled it is its thread's {@link ProfileHook} and counts, for each piece of mp code,
 * its calls, its recursive calls, the time spent in it alone (inline) and in it with its callees (total, counted for
 * the outermost activation only), and the same per caller, as CPython's {@code _lsprof} does; disabling ends the
 * activations still running, as CPython's does. {@code Profiler._stats()} gives them in the form of
 * {@code pstats}: {@code {(file, line, name): (primitive calls, calls, inline, total, {caller: (calls, primitive
 * calls, inline, total)})}}.
 *
 * <p>Built on mp's own call hook rather than Truffle's CPU tracer: counts must be exact per call, callers included,
 * and Truffle's tools see only calls through call targets (see {@link dev.mp.runtime.MpThread}).
 */
final class ProfilerModule {
    private ProfilerModule() {
    }

    static final PClass PROFILER = new PClass("Profiler", "_lsprof", new PClass[] {BuiltinClasses.OBJECT}, true, PClass.Layout.BUILTIN)
            .allowSubclasses();

    static {
        BuiltinBuilder.constructor(PROFILER, "cls, *args, **kwargs", a -> new PProfiler((PClass) a[0], MpContext.current()));
        method(PROFILER, "__init__", "self, timer=None, timeunit=0.0, subcalls=True, builtins=True", a -> PNone.NONE);
        method(PROFILER, "enable", "self, subcalls=True, builtins=True", a -> {
            PProfiler p = profiler(a[0]);
            p.context.setProfileHook(p.hook);
            return PNone.NONE;
        });
        method(PROFILER, "disable", "self", a -> {
            PProfiler p = profiler(a[0]);
            p.hook.flush();
            if (p.context.profileHook() == p.hook) {
                p.context.setProfileHook(null);
            }
            return PNone.NONE;
        });
        method(PROFILER, "clear", "self", a -> {
            profiler(a[0]).hook.clear();
            return PNone.NONE;
        });
        method(PROFILER, "_stats", "self", a -> profiler(a[0]).hook.stats());
    }

    static void populate(PModule m) {
        m.dict().put("Profiler", PROFILER);
    }

    private static PProfiler profiler(Object o) {
        if (o instanceof PProfiler p) {
            return p;
        }
        throw Errors.typeError("descriptor requires a '_lsprof.Profiler' object but received a '%s'", Types.typeName(o));
    }

    /** A profiler object; its counts live in its hook. */
    static final class PProfiler extends PSubclassable {
        final MpContext context;
        final CallCounter hook = new CallCounter();

        PProfiler(PClass cls, MpContext context) {
            super(cls);
            this.context = context;
        }
    }

    /** The counts of one piece of code, and of its calls from each caller. */
    private static final class Entry {
        final PTuple label;
        long calls;
        long recursiveCalls;
        long totalNanos;
        long inlineNanos;
        int activations;
        final Map<Entry, Entry> callees = new LinkedHashMap<>();

        Entry(PTuple label) {
            this.label = label;
        }

        Entry callee(Entry entry) {
            return callees.computeIfAbsent(entry, e -> new Entry(e.label));
        }
    }

    /** One running activation: its code's entry, its caller's activation, when it began and its callees' time. */
    private record Activation(Entry entry, Activation previous, long start, long[] subcallNanos) {
    }

    /** The hook that counts. */
    static final class CallCounter extends ProfileHook {
        private final Map<MpRootNode, Entry> entries = new LinkedHashMap<>();
        private final Map<PTuple, Entry> byLabel = new java.util.HashMap<>();
        private Activation current;

        @Override
        @TruffleBoundary
        protected void onCall(MpRootNode root, MaterializedFrame frame) {
            Entry entry = entries.get(root);
            if (entry == null) {
                PTuple label = label(root);
                entry = byLabel.computeIfAbsent(label, Entry::new);
                entries.put(root, entry);
            }
            entry.activations++;
            if (current != null) {
                current.entry.callee(entry).activations++;
            }
            current = new Activation(entry, current, System.nanoTime(), new long[1]);
        }

        @Override
        @TruffleBoundary
        protected void onReturn(MpRootNode root, MaterializedFrame frame, Object value) {
            if (current != null && current.entry == entries.get(root)) {
                stop(current);
            }
        }

        private void stop(Activation activation) {
            long total = System.nanoTime() - activation.start;
            long inline = total - activation.subcallNanos[0];
            Entry entry = activation.entry;
            if (activation.previous != null) {
                activation.previous.subcallNanos[0] += total;
            }
            current = activation.previous;
            count(entry, total, inline);
            if (activation.previous != null) {
                count(activation.previous.entry.callee(entry), total, inline);
            }
        }

        private static void count(Entry entry, long total, long inline) {
            if (--entry.activations == 0) {
                entry.totalNanos += total;
            } else {
                entry.recursiveCalls++;
            }
            entry.inlineNanos += inline;
            entry.calls++;
        }

        /** Ends the activations still running, as disabling does. */
        @TruffleBoundary
        void flush() {
            while (current != null) {
                stop(current);
            }
        }

        @TruffleBoundary
        void clear() {
            entries.clear();
            byLabel.clear();
            current = null;
        }

        @TruffleBoundary
        PDict stats() {
            PDict stats = new PDict();
            Map<Entry, PDict> callers = new IdentityHashMap<>();
            List<Entry> all = new ArrayList<>(byLabel.values());
            for (Entry entry : all) {
                if (entry.calls == 0) {
                    continue;
                }
                PDict entryCallers = new PDict();
                callers.put(entry, entryCallers);
                stats.put(entry.label, PTuple.of(entry.calls - entry.recursiveCalls, entry.calls, seconds(entry.inlineNanos),
                        seconds(entry.totalNanos), entryCallers));
            }
            for (Entry caller : all) {
                for (Map.Entry<Entry, Entry> e : caller.callees.entrySet()) {
                    PDict entryCallers = callers.get(e.getKey());
                    Entry sub = e.getValue();
                    if (entryCallers != null && sub.calls > 0) {
                        entryCallers.put(caller.label, PTuple.of(sub.calls, sub.calls - sub.recursiveCalls, seconds(sub.inlineNanos),
                                seconds(sub.totalNanos)));
                    }
                }
            }
            return stats;
        }

        private static double seconds(long nanos) {
            return nanos / 1e9;
        }
    }

    /**
     * CPython's label of code: (file, first line, name). A module's first line is 1; a function's or class's is its
     * header's, or its first decorator's.
     */
    static PTuple label(MpRootNode root) {
        Source source = root.source();
        String name = root.getName();
        String simple = name.substring(name.lastIndexOf('.') + 1);
        String file = source == null ? "<string>" : new TracebackEntry(source, 0, name).file();
        long line = 1;
        if (!name.equals("<module>")) {
            SourceSection section = root.getSourceSection();
            if (section != null && section.isAvailable()) {
                line = section.getStartLine();
                while (line > 1 && source.getCharacters((int) line - 1).toString().strip().startsWith("@")) {
                    line--;
                }
            }
        }
        return PTuple.of(file, line, simple);
    }
}
