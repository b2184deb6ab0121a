package dev.mp.runtime.builtins;

import java.util.ArrayList;
import java.util.List;

import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.Signature;

/**
 * A builtin's parameters written as Python writes them, e.g. {@code "self, sep=None, maxsplit=-1"} or
 * {@code "*args, sep=' ', end='\n', file=None, flush=False"}. A parameter written {@code name=?} is optional
 * with no default: when absent the implementation receives null. Defaults may be None, True, False, ints,
 * floats and quoted strings (with \n and \t escapes).
 */
public record ParamSpec(Signature signature, Object[] defaults, Object[] kwDefaults) {

    public static ParamSpec parse(String spec) {
        List<String> names = new ArrayList<>();
        List<Object> defaults = new ArrayList<>();
        List<Object> kwDefaults = new ArrayList<>();
        int positional = 0;
        int posOnly = 0;
        boolean varArgs = false;
        boolean kwOnly = false;
        boolean varKw = false;
        for (String raw : splitTopLevel(spec)) {
            String p = raw.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (p.equals("/")) {
                posOnly = positional;
            } else if (p.equals("*")) {
                kwOnly = true;
            } else if (p.startsWith("**")) {
                names.add(p.substring(2));
                varKw = true;
            } else if (p.startsWith("*")) {
                names.add(p.substring(1));
                varArgs = true;
                kwOnly = true;
            } else {
                int eq = p.indexOf('=');
                String name = eq < 0 ? p : p.substring(0, eq).strip();
                names.add(name);
                if (kwOnly) {
                    kwDefaults.add(eq < 0 ? dev.mp.runtime.ops.ArgumentBinder.REQUIRED : literal(p.substring(eq + 1).strip()));
                } else {
                    positional++;
                    if (eq >= 0) {
                        defaults.add(literal(p.substring(eq + 1).strip()));
                    } else if (!defaults.isEmpty()) {
                        throw new IllegalArgumentException("non-default parameter after default: " + spec);
                    }
                }
            }
        }
        Signature sig = new Signature(names.toArray(new String[0]), positional, posOnly, varArgs, kwDefaults.size(), varKw);
        return new ParamSpec(sig, defaults.toArray(), kwDefaults.toArray());
    }

    private static List<String> splitTopLevel(String spec) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (quote != 0) {
                cur.append(c);
                if (c == '\\' && i + 1 < spec.length()) {
                    cur.append(spec.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                cur.append(c);
            } else if (c == ',') {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return parts;
    }

    private static Object literal(String s) {
        switch (s) {
            case "?":
                return null;
            case "None":
                return PNone.NONE;
            case "True":
                return Boolean.TRUE;
            case "False":
                return Boolean.FALSE;
            case "()":
                return dev.mp.runtime.objects.PTuple.EMPTY;
            default:
                break;
        }
        if (s.startsWith("'") || s.startsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\\n", "\n").replace("\\t", "\t").replace("\\'", "'");
        }
        if (s.contains(".") || s.contains("e")) {
            return Double.parseDouble(s);
        }
        return Long.parseLong(s);
    }
}
