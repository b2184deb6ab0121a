package dev.mp.runtime.modules;

import com.oracle.truffle.api.CallTarget;
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
        MpLanguage language = context.language();
        CallTarget target = switch (mode) {
            case "eval" -> SourceCompiler.parseEval(language, src);
            case "single" -> SourceCompiler.parseInteractive(language, src);
            default -> SourceCompiler.parseModule(language, src);
        };
        return new PCode("<module>", "<module>", null, (com.oracle.truffle.api.RootCallTarget) target, file, mode);
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
        if (s instanceof PByteArray b) {
            return SourceDecoding.decode(b.toBytes(), "<string>");
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

    private static Object run(MpContext context, PCode code, Object globals, Object locals, String function) {
        if (code.mode == null) {
            throw Errors.typeError("code object passed to %s() may not contain free variables", function);
        }
        if (globals != PNone.NONE && !(globals instanceof PDict)) {
            throw Errors.typeError(function.equals("exec") ? "exec() globals must be a dict, not %s" : "globals must be a dict", Types.typeName(globals));
        }
        if (locals != PNone.NONE && !(locals instanceof PDict)) {
            throw Errors.typeError("locals must be a mapping");
        }
        Frame caller = CallerFrames.frame(0);
        PModule module;
        PDict localDict = locals instanceof PDict l ? l : null;
        if (globals instanceof PDict g) {
            if (g.get("__builtins__") == null) {
                g.put("__builtins__", context.builtins());
            }
            Object name = g.get("__name__");
            module = new PModule(name instanceof String s ? s : "builtins", g);
        } else {
            module = caller == null ? context.mainModule() : Frames.module(caller);
            if (localDict == null && caller != null) {
                PDict callerLocals = CallerFrames.locals(caller);
                localDict = callerLocals == module.dict() ? null : callerLocals;
            }
        }
        if (localDict == null || localDict == module.dict()) {
            return code.target().call(module);
        }
        // Separate locals: the code runs in a namespace made of both; the names it binds go to the locals.
        PDict scratch = module.dict().copy();
        for (PDict.Entry e : localDict.entries()) {
            scratch.put(e.key, e.value);
        }
        PModule inner = new PModule(module.name(), scratch);
        try {
            return code.target().call(inner);
        } finally {
            for (PDict.Entry e : scratch.entries()) {
                Object before = module.dict().get(e.key);
                if (before != e.value || localDict.containsKey(e.key)) {
                    localDict.put(e.key, e.value);
                }
            }
        }
    }
}
