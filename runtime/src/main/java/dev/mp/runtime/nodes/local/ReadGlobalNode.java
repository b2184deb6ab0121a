package dev.mp.runtime.nodes.local;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.nodes.Frames;
import dev.mp.runtime.nodes.MpExpressionNode;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.ops.Errors;

/**
 * Reads a module global, falling back to the builtins, else NameError.
 *
 * <p>While the language serves one context, the site caches the dict entry that holds the name, which acts as
 * the global's cell: a read is a field load, with no hash look-up, for as long as the entry stays in its dict. A
 * name found in the builtins is valid while the module's globals have not changed their set of keys (their
 * version). Other cases (several modules or contexts through one site, or a cache invalidated too often) read
 * through the dicts.
 */
public final class ReadGlobalNode extends MpExpressionNode {
    /** How often a site re-caches before it reads through the dicts for good. */
    private static final int MAX_RECACHES = 8;

    private final String name;
    @CompilationFinal private PDict cachedGlobals;
    /** The frame's argument 0 (its function or module) when the site cached: its globals are {@link #cachedGlobals}. */
    @CompilationFinal private Object cachedOwner;
    @CompilationFinal private PDict.Entry cachedEntry;
    /** For a name found in the builtins: the version of the globals that lacked it; -1 for a global. */
    @CompilationFinal private int globalsVersion = -1;
    @CompilationFinal private int recaches;
    @CompilationFinal private boolean uncached;

    public ReadGlobalNode(String name) {
        this.name = name.intern(); // namespace keys from source are interned too: compared by identity
    }

    @Override
    public Object execute(VirtualFrame frame) {
        if (!uncached) {
            // The running function (or module) the site last cached for has the cached globals: no need to find them.
            Object owner = frame.getArguments()[0];
            PDict globals = owner == cachedOwner ? cachedGlobals : Frames.globals(frame);
            PDict.Entry entry = cachedEntry;
            if (globals == cachedGlobals && entry.isLive() && (globalsVersion < 0 || globals.version() == globalsVersion)) {
                return entry.value;
            }
            CompilerDirectives.transferToInterpreterAndInvalidate();
            return recache(owner, globals);
        }
        return lookup(Frames.globals(frame));
    }

    private Object recache(Object owner, PDict globals) {
        MpContext context = MpContext.get(this);
        if (recaches++ >= MAX_RECACHES || (cachedGlobals != null && cachedGlobals != globals) || !context.language().isSingleContext()) {
            uncached = true;
            return lookup(globals);
        }
        PDict.Entry entry = globals.entry(name);
        int version = -1;
        if (entry == null) {
            version = globals.version();
            entry = context.builtins().dict().entry(name);
            if (entry == null) {
                throw failedHere(Errors.nameError(name));
            }
        }
        cachedGlobals = globals;
        cachedOwner = owner;
        cachedEntry = entry;
        globalsVersion = version;
        return entry.value;
    }

    @TruffleBoundary
    private Object lookup(PDict globals) {
        Object v = globals.get(name);
        if (v != null) {
            return v;
        }
        v = MpContext.get(this).builtins().dict().get(name);
        if (v != null) {
            return v;
        }
        throw failedHere(Errors.nameError(name));
    }
}
