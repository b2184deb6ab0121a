package dev.mp.runtime.ops;

import java.util.ArrayList;
import java.util.List;

import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.objects.Signature;

/**
 * Binds call arguments to parameters, with CPython's error messages.
 *
 * <p>Arguments arrive vectorcall-style: {@code args} holds the positional values followed by the keyword
 * values, whose names are {@code kwnames} (null when there are none).
 */
public final class ArgumentBinder {
    private ArgumentBinder() {
    }

    /** Marks a keyword-only parameter of a user function that has no default. */
    public static final Object REQUIRED = new Object();

    /**
     * @param offset     where the parameters start in the result (the function itself may precede them)
     * @param defaults   defaults of the last positional parameters
     * @param kwDefaults defaults of the keyword-only parameters; {@link #REQUIRED} where none
     * @param optionalAbsent true for builtins: a missing parameter with a null default stays null
     */
    public static Object[] bind(String fname, Signature sig, Object[] defaults, Object[] kwDefaults, Object[] args, String[] kwnames,
                                int offset, boolean optionalAbsent) {
        if (kwnames == null && sig.size() == sig.positionalCount() + (sig.hasVarArgs() ? 1 : 0)) {
            Object[] out = bindPositional(sig, defaults, args, offset);
            if (out != null) {
                return out;
            }
        }
        int nkw = kwnames == null ? 0 : kwnames.length;
        int npos = args.length - nkw;
        int npar = sig.positionalCount();
        Object[] out = new Object[offset + sig.size()];
        int direct = Math.min(npos, npar);
        System.arraycopy(args, 0, out, offset, direct);
        if (sig.hasVarArgs()) {
            Object[] rest = new Object[Math.max(0, npos - npar)];
            if (rest.length > 0) {
                System.arraycopy(args, npar, rest, 0, rest.length);
            }
            out[offset + sig.varArgsIndex()] = rest.length == 0 ? PTuple.EMPTY : new PTuple(rest);
        }
        PDict extra = sig.hasVarKeywords() ? new PDict() : null;
        String[] names = sig.names();
        List<String> posOnlyAsKw = null;
        for (int k = 0; k < nkw; k++) {
            String name = kwnames[k];
            Object value = args[npos + k];
            int idx = -1;
            for (int i = sig.posOnlyCount(); i < npar; i++) {
                if (names[i].equals(name)) {
                    idx = i;
                    break;
                }
            }
            if (idx < 0) {
                int start = sig.kwOnlyStart();
                for (int i = start; i < start + sig.kwOnlyCount(); i++) {
                    if (names[i].equals(name)) {
                        idx = i;
                        break;
                    }
                }
            }
            if (idx < 0) {
                if (extra != null) {
                    if (extra.containsKey(name)) {
                        throw Errors.typeError("%s() got multiple values for keyword argument '%s'", fname, name);
                    }
                    extra.put(name, value);
                    continue;
                }
                // As CPython: the first keyword that names no parameter reports the positional-only parameters
                // passed as keywords, if any (in parameter order), else itself.
                for (int i = 0; i < sig.posOnlyCount(); i++) {
                    if (java.util.Arrays.asList(kwnames).contains(names[i])) {
                        if (posOnlyAsKw == null) {
                            posOnlyAsKw = new ArrayList<>();
                        }
                        posOnlyAsKw.add(names[i]);
                    }
                }
                if (posOnlyAsKw != null) {
                    throw Errors.typeError("%s() got some positional-only arguments passed as keyword arguments: '%s'", fname,
                            String.join(", ", posOnlyAsKw));
                }
                throw Errors.typeError("%s() got an unexpected keyword argument '%s'", fname, name);
            }
            if (out[offset + idx] != null) {
                throw Errors.typeError("%s() got multiple values for argument '%s'", fname, name);
            }
            out[offset + idx] = value;
        }
        // Checked after the keywords, as CPython does: f(a) called f(1, 2, b=3) reports the keyword b.
        if (npos > npar && !sig.hasVarArgs()) {
            throw tooManyPositional(fname, sig, defaults, npos, kwnames);
        }
        int firstDefault = npar - (defaults == null ? 0 : defaults.length);
        List<String> missing = null;
        for (int i = direct; i < npar; i++) {
            if (out[offset + i] == null) {
                if (i >= firstDefault) {
                    out[offset + i] = defaults[i - firstDefault];
                } else if (!optionalAbsent || i < firstDefault) {
                    if (missing == null) {
                        missing = new ArrayList<>();
                    }
                    missing.add(names[i]);
                }
            }
        }
        if (missing != null) {
            throw missing(fname, "positional", missing);
        }
        int start = sig.kwOnlyStart();
        for (int i = 0; i < sig.kwOnlyCount(); i++) {
            if (out[offset + start + i] == null) {
                Object d = kwDefaults == null ? null : kwDefaults[i];
                if (d == REQUIRED || (d == null && !optionalAbsent)) {
                    if (missing == null) {
                        missing = new ArrayList<>();
                    }
                    missing.add(names[start + i]);
                } else {
                    out[offset + start + i] = d;
                }
            }
        }
        if (missing != null) {
            throw missing(fname, "keyword-only", missing);
        }
        if (extra != null) {
            out[offset + sig.varKeywordsIndex()] = extra;
        }
        return out;
    }

    /**
     * The common case of a call with positional arguments only to a function with positional parameters (and
     * perhaps {@code *args}) only: copies them, fills in defaults and collects the rest. Null when the call needs
     * the general path (too many arguments, or a required one missing), which also reports the error.
     */
    private static Object[] bindPositional(Signature sig, Object[] defaults, Object[] args, int offset) {
        int npos = args.length;
        int npar = sig.positionalCount();
        int firstDefault = npar - (defaults == null ? 0 : defaults.length);
        if ((npos > npar && !sig.hasVarArgs()) || npos < firstDefault) {
            return null;
        }
        Object[] out = new Object[offset + sig.size()];
        int direct = Math.min(npos, npar);
        System.arraycopy(args, 0, out, offset, direct);
        for (int i = direct; i < npar; i++) {
            out[offset + i] = defaults[i - firstDefault];
        }
        if (sig.hasVarArgs()) {
            out[offset + npar] = npos <= npar ? PTuple.EMPTY : new PTuple(java.util.Arrays.copyOfRange(args, npar, npos));
        }
        return out;
    }

    private static RuntimeException tooManyPositional(String fname, Signature sig, Object[] defaults, int given, String[] kwnames) {
        int max = sig.positionalCount();
        int min = max - (defaults == null ? 0 : defaults.length);
        String takes = min == max ? String.valueOf(max) : "from " + min + " to " + max;
        String plural = max == 1 && min == max ? "" : "s";
        int kwOnlyGiven = 0;
        if (kwnames != null) {
            int start = sig.kwOnlyStart();
            for (String k : kwnames) {
                for (int i = start; i < start + sig.kwOnlyCount(); i++) {
                    if (sig.names()[i].equals(k)) {
                        kwOnlyGiven++;
                    }
                }
            }
        }
        String givenText = given + (kwOnlyGiven > 0 ? " positional argument" + (given == 1 ? "" : "s") + " (and " + kwOnlyGiven
                + " keyword-only argument" + (kwOnlyGiven == 1 ? "" : "s") + ")" : "");
        String verb = given == 1 && kwOnlyGiven == 0 ? "was" : "were";
        return Errors.typeError("%s() takes %s positional argument%s but %s %s given", fname, takes, plural, givenText, verb);
    }

    private static RuntimeException missing(String fname, String kind, List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sb.append(names.size() == 2 ? " and " : i == names.size() - 1 ? ", and " : ", ");
            }
            sb.append('\'').append(names.get(i)).append('\'');
        }
        return Errors.typeError("%s() missing %d required %s argument%s: %s", fname, names.size(), kind,
                names.size() == 1 ? "" : "s", sb);
    }
}
