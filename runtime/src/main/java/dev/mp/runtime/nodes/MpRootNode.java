package dev.mp.runtime.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.NodeUtil;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;

import dev.mp.runtime.MpContext;

/** The root of module, function, class-body and generator-body code: knows its name and source for tracebacks. */
public abstract class MpRootNode extends RootNode {
    private final String name;
    private final Source source;
    private final boolean hiddenFromTracebacks;
    /**
     * The language's {@code noProfileHookAssumption}, kept here: {@code getLanguage(Class)} or a thread-local look-up
     * on every call of a function was a measurable part of a call on the fallback runtime.
     */
    private final com.oracle.truffle.api.Assumption noProfileHook;
    /** The code's lines in its source, found on first use (by tools); see {@link #getSourceSection}. */
    @CompilerDirectives.CompilationFinal private SourceSection section;

    protected MpRootNode(TruffleLanguage<?> language, FrameDescriptor descriptor, String name, Source source) {
        super(language, descriptor);
        this.name = name;
        this.source = source;
        this.hiddenFromTracebacks = hiddenFromTracebacks(source);
        this.noProfileHook = ((dev.mp.runtime.MpLanguage) language).noProfileHookAssumption();
    }

    /** Valid while no context of this code's language has had a profiler: see {@link ProfileHook#of}. */
    public final com.oracle.truffle.api.Assumption noProfileHookAssumption() {
        return noProfileHook;
    }

    /**
     * The arguments of the call that only initializes a root's call target ({@link #prepareForTools}): a root
     * returns at once when called with exactly this array.
     */
    protected static final Object[] PREPARE_ONLY = new Object[0];

    /**
     * Has Truffle instrument this code even if it only ever ran without its call target (on an
     * {@link dev.mp.runtime.MpThread}): Truffle inserts the probes of tools (a debugger's breakpoints and steps)
     * into a root when its call target first runs, so this calls the target with {@link #PREPARE_ONLY}. Running
     * activations of the root see the probes from their next statement on.
     */
    public final void prepareForTools() {
        getCallTarget().call(PREPARE_ONLY);
    }

    /**
     * The profiler of this thread's context, or null (for module code, which has no function at hand; a function's
     * root reads it from its function's context).
     */
    protected final ProfileHook profileHook() {
        if (noProfileHook.isValid()) {
            return null;
        }
        MpContext context = MpContext.get(this);
        return context == null ? null : context.profileHook();
    }

    /** Tells the profiler, when there is one, that this code returns {@code value}; gives the value. */
    protected final Object profiled(com.oracle.truffle.api.frame.VirtualFrame frame, Object value) {
        ProfileHook hook = profileHook();
        if (hook != null) {
            hook.returned(this, frame.materialize(), value);
        }
        return value;
    }

    @Override
    public String getName() {
        return name;
    }

    public Source source() {
        return source;
    }

    /** Bundled modules that stand for CPython's C code (its {@code _asyncio}): their frames are left out of tracebacks. */
    private static final java.util.Set<String> C_MODULES = java.util.Set.of("<mp-lib>/_asyncio.mp");

    /** Whether this code's frames are left out of tracebacks, as CPython's C functions have none. */
    public boolean hiddenFromTracebacks() {
        return hiddenFromTracebacks;
    }

    /** A source's path is computed on every call: asked once per root, not once per frame an exception leaves. */
    private static boolean hiddenFromTracebacks(Source source) {
        if (source == null) {
            return false;
        }
        String path = source.getPath();
        return C_MODULES.contains(path != null ? path : source.getName());
    }

    /**
     * Where the code is, for tools (profiles, debuggers): a module is its whole source; a function, class body or
     * generator spans from its {@code def} or {@code class} line (found above its first statement, decorators
     * excluded) to the end of its last statement's last line. Unavailable when the source has no text.
     */
    @Override
    public SourceSection getSourceSection() {
        if (section == null) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            section = findSection();
        }
        return section;
    }

    private SourceSection findSection() {
        if (!source.hasCharacters() || source.getLineCount() == 0) {
            return source.createUnavailableSection();
        }
        if (name.equals("<module>")) {
            return source.createSection(0, source.getLength());
        }
        int[] lines = {Integer.MAX_VALUE, 0};
        NodeUtil.forEachChild(this, new com.oracle.truffle.api.nodes.NodeVisitor() {
            @Override
            public boolean visit(Node node) {
                if (node instanceof MpStatementNode statement && statement.line() > 0) {
                    lines[0] = Math.min(lines[0], statement.line());
                    lines[1] = Math.max(lines[1], statement.line());
                }
                return NodeUtil.forEachChild(node, this);
            }
        });
        if (lines[1] == 0) {
            return source.createUnavailableSection();
        }
        int first = headerLine(lines[0]);
        int last = Math.min(source.getLineCount(), lines[1]);
        // A last statement over several lines (a call with its arguments on lines of their own): up to the line
        // before the next one that is indented no deeper than the function's header.
        int headerIndent = indent(source.getCharacters(first).toString());
        while (last < source.getLineCount()) {
            String next = source.getCharacters(last + 1).toString();
            if (!next.isBlank() && indent(next) <= headerIndent) {
                break;
            }
            last++;
        }
        while (last > lines[1] && source.getCharacters(last).toString().isBlank()) {
            last--;
        }
        return source.createSection(first, 1, last, Math.max(1, source.getLineLength(last)));
    }

    /** The {@code def} or {@code class} line of this code, the nearest one at or above its first statement's line. */
    private int headerLine(int firstStatement) {
        String simple = name.substring(name.lastIndexOf('.') + 1);
        for (int line = Math.min(firstStatement, source.getLineCount()); line >= 1; line--) {
            String text = source.getCharacters(line).toString().strip();
            if (text.startsWith("async ")) {
                text = text.substring(6).stripLeading();
            }
            if ((text.startsWith("def ") || text.startsWith("class ")) && text.substring(text.indexOf(' ') + 1).stripLeading().startsWith(simple)) {
                return line;
            }
        }
        return firstStatement;
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }

    @Override
    public String toString() {
        return name;
    }
}
