package dev.mp.runtime.modules;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.source.Source;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.MpLanguage;
import dev.mp.runtime.builtins.CodeType.PCode;
import dev.mp.runtime.nodes.CallerFrames;
import dev.mp.runtime.nodes.Frames;
import dev.mp.runtime.objects.PByteArray;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.ops.Attributes;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Types;
import dev.mp.runtime.parser.SourceCompiler;
import dev.mp.runtime.parser.SourceDecoding;

/**
 * The builtins {@code compile}, {@code exec} and {@code eval}: source text compiled to a code object (a call
 * target of module code) and run with a globals dict (the caller's by default) and optionally a separate locals mapping.
 */
final class Evaluation {
    private Evaluation() {
    }

    /** {@code compile(source, filename, mode)}. */
    @TruffleBoundary
    static PCode compile(MpContext context, Object source, Object filename, Object mode) {
        String file = filename instanceof String s ? s : filename instanceof PBytes b ? new String(b.bytes(), java.nio.charset.StandardCharsets.UTF_8)
                : null;
        if (file == null) {
            throw Errors.typeError("compile() argument 'filename' must be str, bytes or os.PathLike, not %s", Types.typeName(filename));
        }
        String m = Errors.requireStr(mode, "compile() argument 'mode'");
        if (!m.equals("exec") && !m.equals("eval") && !m.equals("single")) {
            throw Errors.valueError("compile() mode must be 'exec', 'eval' or 'single'");
        }
        return compileText(context, text(source, "compile()"), file, m);
    }

    private static PCode compileText(MpContext context, String text, String file, String mode) {
        Source src = Source.newBuilder(MpLanguage.ID, mode.equals("eval") ? stripLeading(text) : text, file).build();
        return new PCode("<module>", "<module>", null, compileSource(context, src, mode, false), file, mode).withSource(src);
    }

    /** Module code of {@code src} for the compile() mode; with {@code separateLocals}, its names live in a locals mapping. */
    private static RootCallTarget compileSource(MpContext context, Source src, String mode, boolean separateLocals) {
        MpLanguage language = context.language();
        CallTarget target = switch (mode) {
            case "eval" -> SourceCompiler.parseEval(language, src, separateLocals);
            case "single" -> SourceCompiler.parseInteractive(language, src, separateLocals);
            default -> SourceCompiler.parseModule(language, src, separateLocals);
        };
        return (RootCallTarget) target;
    }

    /** The source text of compile/exec/eval: a str, or bytes decoded as a source file is (PEP 263). */
    private static String text(Object source, String function) {
        Object s = Types.baseValue(source);
        if (s instanceof String str) {
            return str;
        }
        if (s instanceof PBytes b) {
            return SourceDecoding.decode(b.bytes(), "<string>");
        }
        if (s instanceof PByteArray || s instanceof dev.mp.runtime.objects.PMemoryView) {
            return SourceDecoding.decode(dev.mp.runtime.ops.Sequences.bytesOf(s), "<string>");
        }
        String what = function.equals("compile()") ? "compile() arg 1" : function.substring(0, function.length() - 2) + "() arg 1";
        throw Errors.typeError("%s must be a string, bytes or code object", what);
    }

    /** eval() ignores leading spaces and tabs, as CPython does. */
    private static String stripLeading(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(i);
    }

    /** {@code exec(source, globals, locals)}: always None. */
    @TruffleBoundary
    static Object exec(MpContext context, Object source, Object globals, Object locals) {
        PCode code = source instanceof PCode c ? c : compileText(context, text(source, "exec()"), "<string>", "exec");
        run(context, code, globals, locals, "exec");
        return PNone.NONE;
    }

    /** {@code eval(source, globals, locals)}: the expression's value. */
    @TruffleBoundary
    static Object eval(MpContext context, Object source, Object globals, Object locals) {
        PCode code = source instanceof PCode c ? c : compileText(context, text(source, "eval()"), "<string>", "eval");
        Object r = run(context, code, globals, locals, "eval");
        return code.mode != null && code.mode.equals("eval") && r != null ? r : PNone.NONE;
    }

    /** CPython's PyMapping_Check: a dict, or an object whose type has {@code __getitem__}. */
    private static boolean isMapping(Object o) {
        return o instanceof PDict || Attributes.lookup(Types.typeOf(o), "__getitem__") != null;
    }

    private static Object run(MpContext context, PCode code, Object globals, Object locals, String function) {
        if (code.mode == null) {
            throw Errors.typeError("code object passed to %s() may not contain free variables", function);
        }
        if (globals != PNone.NONE && !(globals instanceof PDict)) {
            if (function.equals("exec")) {
                throw Errors.typeError("exec() globals must be a dict, not %s", Types.typeName(globals));
            }
            throw Errors.typeError(isMapping(globals) ? "globals must be a real dict; try eval(expr, {}, mapping)" : "globals must be a dict");
        }
        if (locals != PNone.NONE && !isMapping(locals)) {
            throw Errors.typeError(function.equals("exec") ? "locals must be a mapping or None, not %s" : "locals must be a mapping", Types.typeName(locals));
        }
        Frame caller = CallerFrames.frame(0);
        PModule module;
        Object namespace = locals == PNone.NONE ? null : locals;
        if (globals instanceof PDict g) {
            if (g.get("__builtins__") == null) {
                g.put("__builtins__", context.builtins());
            }
            Object name = g.get("__name__");
            module = new PModule(name instanceof String s ? s : "builtins", g);
        } else {
            module = caller == null ? context.mainModule() : Frames.module(caller);
            if (namespace == null && caller != null) {
                namespace = CallerFrames.locals(caller);
            }
        }
        if (namespace == null || namespace == module.dict()) {
            return code.target().call(module);
        }
        // Separate locals, as CPython: the names the code binds go to them; it reads them, then the globals, then the builtins.
        if (code.source() == null) {
            throw Errors.typeError("code object passed to %s() may not contain free variables", function);
        }
        RootCallTarget target = code.separateLocalsTarget(() -> compileSource(context, code.source(), code.mode, true));
        return target.call(module, namespace);
    }
}
