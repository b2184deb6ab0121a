package dev.mp.runtime.builtins;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.objects.PBuiltinFunction;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PFunction;
import dev.mp.runtime.objects.PMethod;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.Signature;
import dev.mp.runtime.ops.Attributes;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Types;

/**
 * {@code help(obj)}: the text pydoc shows for a function (its signature and docstring); for classes and modules a
 * shorter page than pydoc's (name, bases, docstring, and the methods with their signatures).
 */
public final class Help {
    private Help() {
    }

    /** The help page of {@code obj}. */
    @TruffleBoundary
    public static String page(Object obj) {
        if (obj instanceof String topic) {
            return "No Python documentation found for " + Conversions.repr(topic) + ".\n"
                    + "Use help() to get the interactive help utility.\nUse help(str) for help on the str class.\n";
        }
        if (obj instanceof PFunction f) {
            return "Help on function " + f.name() + " in module " + f.moduleName() + ":\n\n" + functionEntry(f.name(), f, "") + "\n";
        }
        if (obj instanceof PBuiltinFunction b) {
            return "Help on built-in function " + b.name() + " in module builtins:\n\n" + functionEntry(b.name(), b, "") + "\n";
        }
        if (obj instanceof PMethod m) {
            return "Help on method " + Attributes.get(m, "__name__") + " of " + Types.className(Types.typeOf(m.self)) + " object:\n\n"
                    + functionEntry((String) Attributes.get(m, "__name__"), m.function, "") + "\n";
        }
        if (obj instanceof PClass c) {
            StringBuilder sb = new StringBuilder("Help on class " + c.name() + " in module " + c.module() + ":\n\n");
            sb.append("class ").append(c.name());
            if (c.bases().length > 0) {
                sb.append('(');
                for (int i = 0; i < c.bases().length; i++) {
                    PClass b = c.bases()[i];
                    sb.append(i == 0 ? "" : ", ").append(b.module()).append('.').append(b.qualname());
                }
                sb.append(')');
            }
            sb.append('\n');
            Object doc = Attributes.lookup(c, "__doc__");
            if (doc instanceof String d) {
                sb.append(indent(d, " |  "));
            }
            boolean first = true;
            for (var e : c.dict().entrySet()) {
                if (e.getValue() instanceof PFunction f) {
                    if (first) {
                        sb.append(" |  \n |  Methods defined here:\n |  \n");
                        first = false;
                    }
                    sb.append(functionEntry(e.getKey(), f, " |  ")).append(" |  \n");
                }
            }
            return sb.append('\n').toString();
        }
        if (obj instanceof PModule m) {
            StringBuilder sb = new StringBuilder("Help on module " + m.name() + ":\n\nNAME\n    " + m.name() + "\n");
            if (m.dict().get("__doc__") instanceof String d) {
                sb.append("\nDESCRIPTION\n").append(indent(d, "    "));
            }
            return sb.append('\n').toString();
        }
        return page(Types.typeOf(obj));
    }

    private static String functionEntry(String name, Object f, String prefix) {
        StringBuilder sb = new StringBuilder(prefix).append(name).append(signature(f)).append('\n');
        Object doc = f instanceof PFunction fn ? fn.doc() : f instanceof PBuiltinFunction b ? Docs.function(b.name()) : null;
        if (doc instanceof String d) {
            sb.append(indent(d, prefix + "    "));
        }
        return sb.toString();
    }

    private static String indent(String text, String prefix) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.strip().split("\n", -1)) {
            sb.append(line.isBlank() ? prefix.stripTrailing() : prefix + line.strip()).append('\n');
        }
        return sb.toString();
    }

    /** {@code (a, b=2, *args, c=3, **kw)}, as inspect.signature shows it. */
    static String signature(Object f) {
        Signature sig = f instanceof PFunction fn ? fn.signature() : f instanceof PBuiltinFunction b ? b.signature() : null;
        if (sig == null) {
            return "(...)";
        }
        Object[] defaults = f instanceof PFunction fn ? fn.defaults() : ((PBuiltinFunction) f).defaults();
        Object[] kwDefaults = f instanceof PFunction fn ? fn.kwDefaults() : ((PBuiltinFunction) f).kwDefaults();
        String[] names = sig.names();
        StringBuilder sb = new StringBuilder("(");
        int firstDefault = sig.positionalCount() - (defaults == null ? 0 : defaults.length);
        for (int i = 0; i < sig.positionalCount(); i++) {
            sb.append(i == 0 ? "" : ", ").append(names[i]);
            if (i >= firstDefault && defaults[i - firstDefault] != null && defaults[i - firstDefault] != dev.mp.runtime.ops.ArgumentBinder.REQUIRED) {
                sb.append('=').append(Conversions.repr(defaults[i - firstDefault]));
            }
            if (i == sig.posOnlyCount() - 1) {
                sb.append(", /");
            }
        }
        boolean any = sig.positionalCount() > 0;
        if (sig.hasVarArgs()) {
            sb.append(any ? ", " : "").append('*').append(names[sig.varArgsIndex()]);
            any = true;
        } else if (sig.kwOnlyCount() > 0) {
            sb.append(any ? ", " : "").append('*');
            any = true;
        }
        for (int i = 0; i < sig.kwOnlyCount(); i++) {
            sb.append(", ").append(names[sig.kwOnlyStart() + i]);
            if (kwDefaults != null && i < kwDefaults.length && kwDefaults[i] != null && kwDefaults[i] != dev.mp.runtime.ops.ArgumentBinder.REQUIRED) {
                sb.append('=').append(Conversions.repr(kwDefaults[i]));
            }
        }
        if (sig.hasVarKeywords()) {
            sb.append(any ? ", " : "").append("**").append(names[sig.varKeywordsIndex()]);
        }
        return sb.append(')').toString();
    }

    /** What {@code help} shows as its repr, as CPython's site helper. */
    public static final String REPR = "Type help() for interactive help, or help(object) for help about object.";
}
