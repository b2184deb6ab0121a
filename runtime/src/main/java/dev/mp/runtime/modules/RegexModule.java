package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.method;
import static dev.mp.runtime.builtins.BuiltinBuilder.moduleFunction;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBaseException;
import dev.mp.runtime.objects.PByteArray;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PSubclassable;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Types;

/**
 * The {@code _re} module: the matching engine under the bundled {@code re} module. A Python pattern is
 * translated by {@link RegexTranslator} and run by {@link java.util.regex}; a match comes back as a tuple of
 * spans in code points ({@code -1} for a group that did not take part), from which {@code re.Match} answers.
 * A bytes pattern and subject are matched as their Latin-1 text, so indices are byte offsets.
 */
final class RegexModule {
    private RegexModule() {
    }

    static final PClass ENGINE = new PClass("Engine", "_re", new PClass[] {BuiltinClasses.OBJECT}, true, PClass.Layout.BUILTIN);

    /** A compiled pattern. */
    static final class PEngine extends PSubclassable {
        final Pattern pattern;
        final int groups;
        final boolean bytes;

        PEngine(Pattern pattern, int groups, boolean bytes) {
            super(ENGINE);
            this.pattern = pattern;
            this.groups = groups;
            this.bytes = bytes;
        }
    }

    /** A pattern that matches nowhere, not even the empty string. */
    private static final Pattern NEVER = Pattern.compile("(?!)");

    private static final int SEARCH = 0;
    private static final int MATCH = 1;
    private static final int FULLMATCH = 2;

    static {
        method(ENGINE, "match", "self, string, pos, endpos, mode, /", a -> {
            PEngine e = (PEngine) a[0];
            Subject s = Subject.of(a[1], e.bytes, Conversions.asLong(a[2]), Conversions.asLong(a[3]));
            Matcher m = s.matcher(e.pattern);
            int mode = (int) Conversions.asLong(a[4]);
            boolean found = mode == SEARCH ? find(m) : mode == MATCH ? lookingAt(m) : matches(m);
            return found ? s.spans(m, e.groups) : PNone.NONE;
        });
        method(ENGINE, "scan", "self, string, pos, endpos, limit, /", a -> {
            PEngine e = (PEngine) a[0];
            Subject s = Subject.of(a[1], e.bytes, Conversions.asLong(a[2]), Conversions.asLong(a[3]));
            return scan(e, s, Conversions.asLong(a[4]));
        });
    }

    @TruffleBoundary
    private static boolean find(Matcher m) {
        return m.find();
    }

    @TruffleBoundary
    private static boolean lookingAt(Matcher m) {
        return m.lookingAt();
    }

    @TruffleBoundary
    private static boolean matches(Matcher m) {
        return m.matches();
    }

    /** The span tuples of up to {@code limit} (0: all) successive non-overlapping matches. */
    @TruffleBoundary
    private static PList scan(PEngine e, Subject s, long limit) {
        Matcher m = s.matcher(e.pattern);
        PList out = new PList();
        while ((limit <= 0 || out.size() < limit) && m.find()) {
            out.add(s.spans(m, e.groups));
        }
        return out;
    }

    /** A subject string as Java text, with its region and the conversion of indices back to code points. */
    private static final class Subject {
        final String text;
        final int start;
        final int end;
        /** Whether Java's UTF-16 indices differ from code-point indices. */
        final boolean surrogates;

        /** Whether nothing can match (endpos before pos). */
        final boolean never;

        private Subject(String text, int start, int end, boolean surrogates, boolean never) {
            this.never = never;
            this.text = text;
            this.start = start;
            this.end = end;
            this.surrogates = surrogates;
        }

        @TruffleBoundary
        static Subject of(Object string, boolean bytesPattern, long pos, long endpos) {
            String text;
            if (string instanceof String str) {
                text = str;
            } else if (string instanceof PBytes || string instanceof PByteArray || string instanceof dev.mp.runtime.objects.PMemoryView) {
                text = new String(dev.mp.runtime.ops.Sequences.bytesOf(string), StandardCharsets.ISO_8859_1);
            } else {
                throw Errors.typeError("expected string or bytes-like object, got '%s'", Types.typeName(string));
            }
            boolean surrogates = text.codePointCount(0, text.length()) != text.length();
            long length = surrogates ? text.codePointCount(0, text.length()) : text.length();
            long p = Math.max(0, Math.min(pos, length));
            long ep = Math.max(0, Math.min(endpos, length));
            int start = surrogates ? text.offsetByCodePoints(0, (int) p) : (int) p;
            int end = surrogates ? text.offsetByCodePoints(0, (int) ep) : (int) ep;
            if (end < start) {
                return new Subject("", 0, 0, false, true);
            }
            return new Subject(end < text.length() ? text.substring(0, end) : text, start, end, surrogates, false);
        }

        @TruffleBoundary
        Matcher matcher(Pattern pattern) {
            if (never) {
                return NEVER.matcher("");
            }
            Matcher m = pattern.matcher(text);
            m.region(start, end);
            m.useTransparentBounds(true);
            m.useAnchoringBounds(false);
            return m;
        }

        @TruffleBoundary
        PTuple spans(Matcher m, int groups) {
            Object[] spans = new Object[2 * (groups + 1)];
            for (int g = 0; g <= groups; g++) {
                int s = m.start(g);
                int e = m.end(g);
                if (s >= 0 && surrogates) {
                    s = text.codePointCount(0, s);
                    e = text.codePointCount(0, e);
                }
                spans[2 * g] = (long) s;
                spans[2 * g + 1] = (long) e;
            }
            return new PTuple(spans);
        }
    }

    static void populate(PModule m) {
        m.dict().put("Engine", ENGINE);
        // compile(pattern, flags, error) -> (engine, flags, groups, groupindex, parents); raises error(msg, pattern, pos).
        moduleFunction(m, "compile", "pattern, flags, error, /", a -> compile(a[0], Conversions.asLong(a[1]), a[2]));
    }

    @TruffleBoundary
    private static PTuple compile(Object pattern, long flags, Object errorClass) {
        boolean bytes = !(pattern instanceof String);
        String text = bytes ? new String(dev.mp.runtime.ops.Sequences.bytesOf(pattern), StandardCharsets.ISO_8859_1) : (String) pattern;
        RegexTranslator.Result r;
        try {
            r = RegexTranslator.translate(text, bytes, (int) flags);
        } catch (RegexTranslator.SyntaxError e) {
            boolean positioned = e.pos >= 0;
            throw error(errorClass, e.getMessage(), positioned ? pattern : PNone.NONE, positioned ? codePointIndex(text, e.pos) : PNone.NONE);
        } catch (RegexTranslator.OverflowError e) {
            throw Errors.overflowError("%s", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw Errors.valueError("%s", e.getMessage());
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(r.javaRegex);
        } catch (PatternSyntaxException e) {
            // What the translation lets through and Java rejects (an unbounded look-behind, mostly).
            String message = e.getDescription().startsWith("Look-behind") ? "look-behind requires fixed-width pattern" : e.getDescription();
            throw error(errorClass, message, PNone.NONE, PNone.NONE);
        } catch (StackOverflowError e) {
            throw Errors.make("RecursionError", "maximum recursion limit exceeded");
        }
        PDict groupIndex = new PDict();
        r.groupIndex.forEach((name, index) -> groupIndex.put(name, (long) index));
        Object[] parents = new Object[r.parent.length];
        for (int i = 0; i < parents.length; i++) {
            parents[i] = (long) r.parent[i];
        }
        return PTuple.of(new PEngine(compiled, r.groups, bytes), (long) r.flags, (long) r.groups, groupIndex, new PTuple(parents));
    }

    private static Object codePointIndex(String text, int index) {
        return (long) text.codePointCount(0, Math.min(index, text.length()));
    }

    private static RuntimeException error(Object errorClass, String message, Object pattern, Object pos) {
        Object e = Calls.call(errorClass, message, pattern, pos);
        if (e instanceof PBaseException exception) {
            return exception.javaException();
        }
        return Errors.make("ValueError", "%s", message);
    }
}
