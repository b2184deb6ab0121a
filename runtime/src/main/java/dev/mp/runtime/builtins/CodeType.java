package dev.mp.runtime.builtins;

import static dev.mp.runtime.builtins.BuiltinBuilder.attribute;
import static dev.mp.runtime.builtins.BuiltinBuilder.method;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.NodeUtil;
import com.oracle.truffle.api.source.Source;

import dev.mp.runtime.nodes.MpRootNode;
import dev.mp.runtime.nodes.MpStatementNode;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PCell;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PFunction;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PObject;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.objects.Signature;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Identity;

/**
 * The {@code code} type: what {@code f.__code__} describes of a function (its name, parameters, local names,
 * file and first line), and what {@code compile()} returns for {@code exec}/{@code eval} to run.
 */
public final class CodeType {
    private CodeType() {
    }

    public static final PClass CODE = new PClass("code", "builtins", new PClass[] {BuiltinClasses.OBJECT}, true, PClass.Layout.BUILTIN);
    public static final PClass CELL = BuiltinClasses.CELL;

    /** A code object: of a function (its call target and signature) or of compiled source (its call target alone). */
    public static final class PCode extends PObject {
        final String name;
        final String qualname;
        final Signature signature;
        final RootCallTarget target;
        final String filename;
        /** For compile(): the mode ("exec", "eval" or "single"). */
        public final String mode;
        /** For compile(): the source, and the code made from it again for a separate locals mapping (on first use). */
        private Source source;
        private RootCallTarget separateLocalsTarget;

        public PCode(String name, String qualname, Signature signature, RootCallTarget target, String filename, String mode) {
            this.name = name;
            this.qualname = qualname;
            this.signature = signature;
            this.target = target;
            this.filename = filename;
            this.mode = mode;
        }

        public RootCallTarget target() {
            return target;
        }

        /** The compiled source of code made by compile(), or null. */
        public Source source() {
            return source;
        }

        /** Records the source compile() made this code from. */
        public PCode withSource(Source compiled) {
            this.source = compiled;
            return this;
        }

        /** The code compiled for a separate locals mapping, made by {@code make} the first time. */
        public RootCallTarget separateLocalsTarget(java.util.function.Supplier<RootCallTarget> make) {
            if (separateLocalsTarget == null) {
                separateLocalsTarget = make.get();
            }
            return separateLocalsTarget;
        }

        @Override
        public PClass getPythonClass() {
            return CODE;
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof PCode c && (target == null ? c == this : c.target == target);
        }

        @Override
        public int hashCode() {
            return target == null ? System.identityHashCode(this) : target.hashCode();
        }
    }

    /** A closure cell as {@code f.__closure__} shows it: {@code cell_contents} reads and writes the variable. */
    public static final class PCellObject extends PObject {
        final PCell cell;

        PCellObject(PCell cell) {
            this.cell = cell;
        }

        @Override
        public PClass getPythonClass() {
            return CELL;
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof PCellObject c && c.cell == cell;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(cell);
        }
    }

    /** {@code f.__code__}. */
    public static PCode of(PFunction f) {
        RootCallTarget target = f.callTarget();
        String file = target.getRootNode() instanceof MpRootNode root ? fileName(root.source()) : "<unknown>";
        return new PCode(f.name(), f.qualname(), f.signature(), target, file, null);
    }

    static String fileName(Source source) {
        return source.getPath() != null ? source.getPath() : source.getName();
    }

    /** {@code f.__closure__}: a tuple of cells, or None for a function that closes over nothing. */
    public static Object closure(PFunction f) {
        PCell[] cells = f.closure();
        if (cells == null || cells.length == 0) {
            return PNone.NONE;
        }
        Object[] items = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            items[i] = new PCellObject(cells[i]);
        }
        return new PTuple(items);
    }

    /** {@code f.__kwdefaults__}: the keyword-only parameters' defaults by name, or None when there are none. */
    public static Object kwDefaults(PFunction f) {
        Object[] kw = f.kwDefaults();
        Signature sig = f.signature();
        PDict d = new PDict();
        for (int i = 0; kw != null && i < kw.length; i++) {
            if (kw[i] != null && kw[i] != dev.mp.runtime.ops.ArgumentBinder.REQUIRED) {
                d.put(sig.names()[sig.kwOnlyStart() + i], kw[i]);
            }
        }
        return d.size() == 0 ? PNone.NONE : d;
    }

    /** The names of the frame's slots, parameters first: {@code co_varnames} plus the cell and free variables. */
    @TruffleBoundary
    private static List<String> slotNames(PCode c) {
        List<String> names = new ArrayList<>();
        if (c.target == null) {
            return names;
        }
        FrameDescriptor d = c.target.getRootNode().getFrameDescriptor();
        int[] free = c.target.getRootNode() instanceof dev.mp.runtime.nodes.function.FunctionRootNode f ? f.freeSlots() : new int[0];
        for (int i = 0; i < d.getNumberOfSlots(); i++) {
            final int slot = i;
            if (java.util.Arrays.stream(free).anyMatch(x -> x == slot)) {
                continue;
            }
            Object n = d.getSlotName(i);
            if (n instanceof String s && !s.startsWith(".") && !s.startsWith("<")) {
                names.add(s);
            }
        }
        return names;
    }

    /** The first line of the function: the line before its first statement (mp keeps no line for the def itself). */
    @TruffleBoundary
    /** {@code f.__code__.co_firstlineno}. */
    public static long firstLine(PFunction f) {
        return firstLine(of(f));
    }

    private static long firstLine(PCode c) {
        if (c.target == null) {
            // The code of a traceback's frame: only its name and file are known.
            return 1L;
        }
        int[] min = {Integer.MAX_VALUE};
        Node root = c.target.getRootNode();
        if (root instanceof dev.mp.runtime.nodes.function.FunctionRootNode f && f.generatorBodyRoot() != null) {
            // A generator function's statements are in its body's own root.
            root = f.generatorBodyRoot();
        }
        NodeUtil.forEachChild(root, new com.oracle.truffle.api.nodes.NodeVisitor() {
            @Override
            public boolean visit(Node node) {
                if (node instanceof MpStatementNode s && s.line() > 0) {
                    min[0] = Math.min(min[0], s.line());
                }
                return NodeUtil.forEachChild(node, this);
            }
        });
        return min[0] == Integer.MAX_VALUE ? 1 : Math.max(1, min[0] - (c.signature == null ? 0 : 1));
    }

    static void install() {
        PClass c = CODE;
        attribute(c, "co_name", o -> ((PCode) o).name);
        attribute(c, "co_qualname", o -> ((PCode) o).qualname);
        attribute(c, "co_filename", o -> ((PCode) o).filename);
        attribute(c, "co_firstlineno", o -> firstLine((PCode) o));
        attribute(c, "co_argcount", o -> sig(o) == null ? 0L : (long) sig(o).positionalCount());
        attribute(c, "co_posonlyargcount", o -> sig(o) == null ? 0L : (long) sig(o).posOnlyCount());
        attribute(c, "co_kwonlyargcount", o -> sig(o) == null ? 0L : (long) sig(o).kwOnlyCount());
        attribute(c, "co_varnames", o -> {
            List<String> names = new ArrayList<>();
            Signature sig = sig(o);
            if (sig != null) {
                // CPython's order: positional parameters, keyword-only ones, then *args and **kwargs.
                String[] params = sig.names();
                names.addAll(List.of(params).subList(0, sig.positionalCount()));
                names.addAll(List.of(params).subList(sig.kwOnlyStart(), sig.kwOnlyStart() + sig.kwOnlyCount()));
                if (sig.hasVarArgs()) {
                    names.add(params[sig.varArgsIndex()]);
                }
                if (sig.hasVarKeywords()) {
                    names.add(params[sig.varKeywordsIndex()]);
                }
            }
            for (String n : slotNames((PCode) o)) {
                if (!names.contains(n)) {
                    names.add(n);
                }
            }
            return new PTuple(names.toArray());
        });
        attribute(c, "co_nlocals", o -> (long) slotNames((PCode) o).size());
        attribute(c, "co_flags", o -> {
            Signature sig = sig(o);
            long flags = 3; // CO_OPTIMIZED | CO_NEWLOCALS
            if (sig != null && sig.hasVarArgs()) {
                flags |= 4;
            }
            if (sig != null && sig.hasVarKeywords()) {
                flags |= 8;
            }
            PCode code = (PCode) o;
            if (code.target != null && code.target.getRootNode() instanceof dev.mp.runtime.nodes.function.FunctionRootNode root) {
                // CO_GENERATOR, CO_COROUTINE, CO_ASYNC_GENERATOR
                flags |= switch (root.generatorKind()) {
                    case 0 -> 0x20;
                    case 1 -> 0x80;
                    case 2 -> 0x200;
                    default -> 0;
                };
            }
            return flags;
        });
        method(c, "__repr__", "self", a -> {
            PCode code = (PCode) a[0];
            return "<code object " + code.name + " at " + Identity.hexId(code) + ", file \"" + code.filename + "\", line " + firstLine(code) + ">";
        });
        PClass cell = CELL;
        attribute(cell, "cell_contents", o -> {
            Object v = ((PCellObject) o).cell.value;
            if (v == null) {
                throw Errors.valueError("Cell is empty");
            }
            return v;
        }, (o, v) -> ((PCellObject) o).cell.value = v);
    }

    private static Signature sig(Object o) {
        return ((PCode) o).signature;
    }
}
