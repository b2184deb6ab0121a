package dev.mp.runtime.nodes.controlflow;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.nodes.Frames;
import dev.mp.runtime.nodes.MpStatementNode;
import dev.mp.runtime.nodes.local.AssignTargetNode;
import dev.mp.runtime.objects.PBuiltinFunction;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Attributes;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Iteration;
import dev.mp.runtime.ops.Namespaces;

/** {@code import a.b as c} and {@code from .a import b as c, d} (and {@code *}). */
public final class ImportNode extends MpStatementNode {
    private final String module;
    private final int level;
    /** Names imported with {@code from}; null for a plain import; {@code ["*"]} for a star import. */
    @CompilationFinal(dimensions = 1) private final String[] names;
    /** Whether a plain import has an {@code as} name (then the module itself is bound, not its top package). */
    private final boolean aliased;
    @Children private final AssignTargetNode[] targets;

    public ImportNode(String module, int level, String[] names, boolean aliased, AssignTargetNode[] targets) {
        this.module = module;
        this.level = level;
        this.names = names;
        this.aliased = aliased;
        this.targets = targets;
    }

    @Override
    public void execute(VirtualFrame frame) {
        MpContext ctx = MpContext.get(this);
        Object hook = replacedImport(ctx);
        if (hook != null) {
            importThrough(frame, hook);
            return;
        }
        if (names == null) {
            Object m = ctx.modules().importModule(module, Frames.globals(frame), aliased, level);
            targets[0].assign(frame, m);
            return;
        }
        Object imported = ctx.modules().importModule(module, Frames.globals(frame), true, level);
        if (!(imported instanceof PModule m)) {
            bindFrom(frame, imported); // an object a program put in sys.modules
            return;
        }
        if (names.length == 1 && names[0].equals("*")) {
            // Module code: into its globals, or into the separate locals exec was given.
            Object namespace = frame.getArguments().length == 2 ? Frames.classNamespace(frame) : Frames.globals(frame);
            Object all = m.dict().get("__all__");
            if (all instanceof PList || all instanceof PTuple) {
                for (Object n : dev.mp.runtime.ops.Iteration.toArray(all)) {
                    if (!(n instanceof String)) {
                        throw Errors.typeError("Item in %s.__all__ must be str, not %s", m.name(), dev.mp.runtime.ops.Types.typeName(n));
                    }
                    // A submodule named in __all__ is imported, as CPython's _handle_fromlist does.
                    Object v = m.dict().get(n) == null && n instanceof String name ? ctx.modules().importSubmodule(m, name) : null;
                    Namespaces.put(namespace, (String) n, v != null ? v : Attributes.get(m, (String) n));
                }
            } else {
                for (var e : m.dict().entries()) {
                    if (e.key instanceof String k && !k.startsWith("_")) {
                        Namespaces.put(namespace, k, e.value);
                    }
                }
            }
            return;
        }
        for (int i = 0; i < names.length; i++) {
            Object v = m.dict().get(names[i]);
            if (v == null) {
                v = ctx.modules().importSubmodule(m, names[i]);
            }
            if (v == null) {
                Object file = m.dict().get("__file__");
                throw Errors.importError("ImportError", m.name(), "cannot import name '%s' from '%s' (%s)", names[i], m.name(),
                        file instanceof String f ? f : "unknown location");
            }
            targets[i].assign(frame, v);
        }
    }

    /** {@code builtins.__import__} when the program replaced it (say to watch or fake imports), else null. */
    @TruffleBoundary
    private static Object replacedImport(MpContext ctx) {
        Object hook = ctx.builtins().dict().get("__import__");
        if (hook == null) {
            throw Errors.make("ImportError", "__import__ not found");
        }
        return hook instanceof PBuiltinFunction b && b.name().equals("__import__") ? null : hook;
    }

    /**
     * The import done as CPython does with a replaced {@code __import__}: {@code hook(name, globals, locals, fromlist,
     * level)}, then the names read from what it returned.
     */
    private void importThrough(VirtualFrame frame, Object hook) {
        Object locals = frame.getArguments().length == 2 ? Frames.classNamespace(frame)
                : Frames.function(frame) == null ? Frames.globals(frame) : PNone.NONE;
        Object fromList = names == null ? PNone.NONE : new PTuple(names.clone());
        Object m = Calls.call(hook, module, Frames.globals(frame), locals, fromList, (long) level);
        if (names == null) {
            if (aliased) {
                String[] parts = module.split("\\.");
                for (int i = 1; i < parts.length; i++) {
                    m = Attributes.get(m, parts[i]);
                }
            }
            targets[0].assign(frame, m);
            return;
        }
        bindFrom(frame, m);
    }

    /** The names of a {@code from} import read as attributes of {@code m}, which need not be a module. */
    private void bindFrom(VirtualFrame frame, Object m) {
        if (names.length == 1 && names[0].equals("*")) {
            Object namespace = frame.getArguments().length == 2 ? Frames.classNamespace(frame) : Frames.globals(frame);
            Object all = Attributes.lookup(m, "__all__");
            for (Object n : Iteration.toArray(all != null ? all : Attributes.get(m, "__dict__"))) {
                if (n instanceof String k && (all != null || !k.startsWith("_"))) {
                    Namespaces.put(namespace, k, Attributes.get(m, k));
                }
            }
            return;
        }
        for (int i = 0; i < names.length; i++) {
            Object v = Attributes.lookup(m, names[i]);
            if (v == null) {
                String name = Attributes.lookup(m, "__name__") instanceof String s ? s : "<unknown module name>";
                throw Errors.importError("ImportError", name, "cannot import name '%s' from '%s' (unknown location)", names[i], name);
            }
            targets[i].assign(frame, v);
        }
    }
}
