package dev.mp.runtime.builtins;

import static dev.mp.runtime.builtins.BuiltinBuilder.constructor;
import static dev.mp.runtime.builtins.BuiltinBuilder.method;

import java.util.ArrayList;
import java.util.List;

import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBoxed;
import dev.mp.runtime.objects.PByteArray;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Iteration;
import dev.mp.runtime.ops.Sequences;
import dev.mp.runtime.ops.Sizes;
import dev.mp.runtime.ops.StringFormatting;
import dev.mp.runtime.ops.Types;

/** str, bytes and bytearray: constructors and methods. */
public final class StrType {
    private StrType() {
    }

    static void install() {
        PClass s = BuiltinClasses.STR;
        constructor(s, "cls, object='', encoding=?, errors=?", a -> {
            if (a[2] == null && a[3] == null) {
                return PBoxed.of((PClass) a[0], Conversions.str(a[1]));
            }
            // The encoding and errors are checked first, whatever the object, as CPython's argument parser does.
            String encoding = a[2] == null ? "utf-8" : codecArgument(a[2], "str() argument 'encoding'");
            String errors = a[3] == null ? "strict" : codecArgument(a[3], "str() argument 'errors'");
            if (a[1] instanceof PBytes || a[1] instanceof PByteArray) {
                return PBoxed.of((PClass) a[0], Codecs.decode(Sequences.bytesOf(a[1]), encoding, errors));
            }
            if (a[1] instanceof String) {
                throw Errors.typeError("decoding str is not supported");
            }
            throw Errors.typeError("decoding to str: need a bytes-like object, %s found", Types.typeName(a[1]));
        });
        method(s, "join", "self, iterable, /", a -> {
            Object iterator = Iteration.iter(a[1], true);
            if (iterator == null) {
                throw Errors.typeError("can only join an iterable");
            }
            StringBuilder sb = new StringBuilder();
            int i = 0;
            for (Object o : Iteration.toList(iterator)) {
                if (!(Types.baseValue(o) instanceof String str)) {
                    throw Errors.typeError("sequence item %d: expected str instance, %s found", i, Types.typeName(o));
                }
                if (i++ > 0) {
                    sb.append((String) a[0]);
                }
                sb.append(str);
            }
            return sb.toString();
        });
        method(s, "split", "self, sep=None, maxsplit=-1", a -> split((String) a[0], a[1], Conversions.asLong(a[2]), false));
        method(s, "rsplit", "self, sep=None, maxsplit=-1", a -> split((String) a[0], a[1], Conversions.asLong(a[2]), true));
        method(s, "strip", "self, chars=None, /", a -> strip((String) a[0], a[1], true, true));
        method(s, "lstrip", "self, chars=None, /", a -> strip((String) a[0], a[1], true, false));
        method(s, "rstrip", "self, chars=None, /", a -> strip((String) a[0], a[1], false, true));
        method(s, "upper", "self", a -> ((String) a[0]).toUpperCase(java.util.Locale.ROOT));
        method(s, "lower", "self", a -> ((String) a[0]).toLowerCase(java.util.Locale.ROOT));
        method(s, "title", "self", a -> title((String) a[0]));
        method(s, "capitalize", "self", a -> {
            String str = (String) a[0];
            if (str.isEmpty()) {
                return str;
            }
            int first = str.codePointAt(0);
            StringBuilder sb = new StringBuilder(titleOf(first));
            for (int i = Character.charCount(first); i < str.length(); i += Character.charCount(str.codePointAt(i))) {
                sb.append(lowerOf(str, i, str.codePointAt(i)));
            }
            return sb.toString();
        });
        method(s, "swapcase", "self", a -> {
            // Full case mappings, as CPython's: 'ß'.swapcase() is 'SS'.
            String str = (String) a[0];
            StringBuilder sb = new StringBuilder();
            int at = 0;
            for (int c : Sequences.codePoints(str)) {
                String one = Character.toString(c);
                sb.append(Character.isUpperCase(c) ? lowerOf(str, at, c) : Character.isLowerCase(c) ? one.toUpperCase(java.util.Locale.ROOT) : one);
                at += one.length();
            }
            return sb.toString();
        });
        method(s, "replace", "self, old, new, count=-1, /", a -> {
            String str = (String) a[0];
            String old = Errors.requireStr(a[1], "replace() argument 1");
            String rep = Errors.requireStr(a[2], "replace() argument 2");
            long count = Conversions.asLong(a[3]);
            if (count < 0) {
                return old.isEmpty() ? insertEverywhere(str, rep) : str.replace(old, rep);
            }
            StringBuilder sb = new StringBuilder();
            int from = 0;
            for (long n = 0; n < count; n++) {
                int idx = str.indexOf(old, from);
                if (idx < 0) {
                    break;
                }
                sb.append(str, from, idx).append(rep);
                from = idx + old.length();
                if (old.isEmpty()) {
                    // Between code points, never inside a surrogate pair.
                    int step = from < str.length() ? Character.charCount(str.codePointAt(from)) : 1;
                    if (from < str.length()) {
                        sb.append(str, from, from + step);
                    }
                    from += step;
                }
            }
            if (from <= str.length()) {
                sb.append(str.substring(Math.min(from, str.length())));
            }
            return sb.toString();
        });
        method(s, "startswith", "self, prefix, start=None, end=None, /", a -> affix((String) a[0], a[1], a[2], a[3], true)).markTupleParsed();
        method(s, "endswith", "self, suffix, start=None, end=None, /", a -> affix((String) a[0], a[1], a[2], a[3], false)).markTupleParsed();
        method(s, "find", "self, sub, start=None, end=None, /", a -> (long) find((String) a[0], a[1], a[2], a[3], false)).markTupleParsed();
        method(s, "rfind", "self, sub, start=None, end=None, /", a -> (long) find((String) a[0], a[1], a[2], a[3], true)).markTupleParsed();
        method(s, "index", "self, sub, start=None, end=None, /", a -> {
            int i = find((String) a[0], a[1], a[2], a[3], false);
            if (i < 0) {
                throw Errors.valueError("substring not found");
            }
            return (long) i;
        }).markTupleParsed();
        method(s, "rindex", "self, sub, start=None, end=None, /", a -> {
            int i = find((String) a[0], a[1], a[2], a[3], true);
            if (i < 0) {
                throw Errors.valueError("substring not found");
            }
            return (long) i;
        }).markTupleParsed();
        method(s, "count", "self, sub, start=None, end=None, /", a -> {
            int[] r = range((String) a[0], a[2], a[3]); // the bounds first, as CPython parses them
            String sub = Errors.requireStr(a[1]);
            if (r[0] > r[1]) {
                return 0L;
            }
            String str = ((String) a[0]).substring(r[0], r[1]);
            if (sub.isEmpty()) {
                return Sequences.len(str) + 1;
            }
            long n = 0;
            for (int i = str.indexOf(sub); i >= 0; i = str.indexOf(sub, i + sub.length())) {
                n++;
            }
            return n;
        }).markTupleParsed();
        method(s, "center", "self, width, fillchar=' ', /", a -> pad((String) a[0], a[1], a[2], 0));
        method(s, "ljust", "self, width, fillchar=' ', /", a -> pad((String) a[0], a[1], a[2], -1));
        method(s, "rjust", "self, width, fillchar=' ', /", a -> pad((String) a[0], a[1], a[2], 1));
        method(s, "zfill", "self, width, /", a -> {
            String str = (String) a[0];
            int w = Sizes.width(Conversions.asLong(a[1]));
            int length = str.codePointCount(0, str.length());
            if (length >= w) {
                return str;
            }
            String sign = str.startsWith("-") || str.startsWith("+") ? str.substring(0, 1) : "";
            return sign + "0".repeat(w - length) + str.substring(sign.length());
        });
        method(s, "format", "self, /, *args, **kwargs", a -> StringFormatting.strFormat((String) a[0], ((PTuple) a[1]).items(), (PDict) a[2]));
        method(s, "format_map", "self, mapping, /", a -> StringFormatting.strFormat((String) a[0], new Object[0], a[1]));
        method(s, "__format__", "self, spec", a -> StringFormatting.format(a[0], Errors.requireStr(a[1], "__format__() argument")));
        // str() of a str subclass is its value (object.__str__ would call the subclass's __repr__).
        method(s, "__str__", "self, /", a -> a[0]);
        method(s, "__repr__", "self, /", a -> Conversions.repr(a[0]));
        method(s, "encode", "self, encoding='utf-8', errors='strict'", a -> new PBytes(Codecs.encode((String) a[0],
                codecArgument(a[1], "encode() argument 'encoding'"), codecArgument(a[2], "encode() argument 'errors'"))));
        method(s, "isdigit", "self", a -> test((String) a[0], StrType::isDigitChar));
        method(s, "isascii", "self", a -> ((String) a[0]).chars().allMatch(c -> c < 128));
        method(s, "casefold", "self", a -> casefold((String) a[0]));
        method(s, "isdecimal", "self", a -> test((String) a[0], Character::isDigit));
        method(s, "isnumeric", "self", a -> test((String) a[0], StrType::isNumericChar));
        method(s, "isalpha", "self", a -> test((String) a[0], Character::isLetter));
        method(s, "isalnum", "self", a -> test((String) a[0], c -> Character.isLetter(c) || isNumericChar(c)));
        method(s, "isspace", "self", a -> test((String) a[0], StrType::isSpace));
        method(s, "isupper", "self", a -> cased((String) a[0], true));
        method(s, "islower", "self", a -> cased((String) a[0], false));
        method(s, "isidentifier", "self", a -> {
            String str = (String) a[0];
            return !str.isEmpty() && (Character.isUnicodeIdentifierStart(str.codePointAt(0)) || str.charAt(0) == '_') && identifierPart(str);
        });
        method(s, "isprintable", "self", a -> dev.mp.runtime.ops.StringRepr.isPrintable((String) a[0]));
        method(s, "istitle", "self", a -> isTitle((String) a[0]));
        // keepends is an int (a bool is one), as CPython's argument parsing takes it.
        method(s, "splitlines", "self, keepends=False", a -> splitlines((String) a[0], Conversions.asLong(Conversions.index(a[1])) != 0));
        method(s, "partition", "self, sep, /", a -> partition((String) a[0], Errors.requireStr(a[1]), false));
        method(s, "rpartition", "self, sep, /", a -> partition((String) a[0], Errors.requireStr(a[1]), true));
        method(s, "removeprefix", "self, prefix, /", a -> ((String) a[0]).startsWith(Errors.requireStr(a[1], "removeprefix() argument"))
                ? ((String) a[0]).substring(((String) a[1]).length()) : a[0]);
        method(s, "removesuffix", "self, suffix, /", a -> ((String) a[0]).endsWith(Errors.requireStr(a[1], "removesuffix() argument")) && !((String) a[1]).isEmpty()
                ? ((String) a[0]).substring(0, ((String) a[0]).length() - ((String) a[1]).length()) : a[0]);
        method(s, "expandtabs", "self, tabsize=8", a -> {
            StringBuilder sb = new StringBuilder();
            int col = 0;
            Object index = Conversions.index(a[1]);
            long tabsize = index instanceof Long l ? l : Long.MAX_VALUE;
            if (tabsize != (int) tabsize) {
                throw Errors.overflowError("Python int too large to convert to C int");
            }
            int ts = (int) tabsize;
            for (char c : ((String) a[0]).toCharArray()) {
                if (c == '\t') {
                    int n = ts > 0 ? ts - col % ts : 0;
                    Sizes.length((long) sb.length() + n);
                    sb.append(" ".repeat(n));
                    col += n;
                } else {
                    sb.append(c);
                    col = c == '\n' || c == '\r' ? 0 : col + 1;
                }
            }
            return sb.toString();
        });
        method(s, "__len__", "self", a -> Sequences.len(a[0]));
        method(s, "__contains__", "self, x", a -> dev.mp.runtime.ops.Comparisons.contains(a[0], a[1]));
        method(s, "__getitem__", "self, i", a -> Sequences.getItem(a[0], a[1]));
        method(s, "__add__", "self, other", a -> dev.mp.runtime.ops.Arithmetic.binary(dev.mp.runtime.ops.Arithmetic.BinOp.ADD, a[0], a[1]));
        method(s, "__mod__", "self, other", a -> StringFormatting.percent((String) a[0], a[1]));
        BuiltinBuilder.staticMethod(s, "maketrans", "x, y=?, z=?, /", a -> {
            PDict d = new PDict();
            if (a[1] == null) {
                if (!(a[0] instanceof PDict)) {
                    throw Errors.typeError("if you give only one argument to maketrans it must be a dict");
                }
                for (PDict.Entry e : ((PDict) a[0]).entries()) {
                    d.put(e.key instanceof String k ? (long) k.codePointAt(0) : e.key, e.value);
                }
                return d;
            }
            String x = Errors.requireStr(a[0], "maketrans() argument 1");
            String y = Errors.requireStr(a[1], "maketrans() argument 2");
            for (int i = 0; i < x.length(); i++) {
                d.put((long) x.charAt(i), (long) y.charAt(i));
            }
            if (a[2] != null) {
                for (char c : ((String) a[2]).toCharArray()) {
                    d.put((long) c, PNone.NONE);
                }
            }
            return d;
        });
        method(s, "translate", "self, table, /", a -> {
            StringBuilder sb = new StringBuilder();
            ((String) a[0]).codePoints().forEach(c -> {
                Object r;
                try {
                    r = Sequences.getItem(a[1], (long) c);
                } catch (dev.mp.runtime.MpException e) {
                    r = null;
                }
                if (r == null) {
                    sb.appendCodePoint(c);
                } else if (r instanceof String str) {
                    sb.append(str);
                } else if (r != PNone.NONE) {
                    sb.appendCodePoint((int) Conversions.asLong(r));
                }
            });
            return sb.toString();
        });
        BytesTypes.install();
    }

    private static String insertEverywhere(String str, String rep) {
        StringBuilder sb = new StringBuilder(rep);
        for (int i = 0; i < str.length(); i += Character.charCount(str.codePointAt(i))) {
            sb.appendCodePoint(str.codePointAt(i)).append(rep);
        }
        return sb.toString();
    }

    /** {@code s.encode(encoding)} with strict errors. */
    public static byte[] encode(String s, String encoding) {
        return Codecs.encode(s, encoding, "strict");
    }

    /** An encoding or errors argument: a str without NUL (CPython passes them on as C strings). */
    static String codecArgument(Object value, String what) {
        String s = Errors.requireStr(value, what);
        if (s.indexOf('\0') >= 0) {
            throw Errors.valueError("embedded null character");
        }
        return s;
    }

    /**
     * Python's whitespace (str.isspace, and the separators of split() and strip()): the space separators,
     * including no-break spaces, line and paragraph separators, and the ASCII controls \t to \r and \x1c to \x1f.
     */
    static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85;
    }

    /** str.isdigit: decimal digits, and other digits such as superscripts and circled digits. */
    private static boolean isDigitChar(int c) {
        if (Character.isDigit(c)) {
            return true;
        }
        int value = Character.getNumericValue(c);
        return Character.getType(c) == Character.OTHER_NUMBER && value >= 0 && value <= 9;
    }

    /** str.isnumeric: digits, letter numbers (Roman numerals) and other numbers (fractions). */
    private static boolean isNumericChar(int c) {
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private static boolean test(String s, java.util.function.IntPredicate p) {
        return !s.isEmpty() && s.codePoints().allMatch(p);
    }

    private static boolean cased(String s, Boolean upper) {
        boolean any = false;
        for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
            int c = s.codePointAt(i);
            if (Character.isTitleCase(c)) {
                if (upper != null) {
                    // A titlecase letter is cased but neither upper nor lower case.
                    return false;
                }
                any = true;
            } else if (Character.isUpperCase(c)) {
                if (Boolean.FALSE.equals(upper)) {
                    return false;
                }
                any = true;
            } else if (Character.isLowerCase(c)) {
                if (Boolean.TRUE.equals(upper)) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** str.istitle: upper and titlecase letters only after uncased characters, lowercase only after cased ones. */
    /** Whether every code point of {@code str} may continue an identifier; ASCII ones without a table look-up. */
    private static boolean identifierPart(String str) {
        for (int i = 0; i < str.length();) {
            char c = str.charAt(i);
            if (c < 0x80) {
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                    return false;
                }
                i++;
            } else {
                int cp = str.codePointAt(i);
                if (!Character.isUnicodeIdentifierPart(cp) || Character.isIdentifierIgnorable(cp)) {
                    return false;
                }
                i += Character.charCount(cp);
            }
        }
        return true;
    }

    private static boolean isTitle(String s) {
        boolean any = false;
        boolean previousCased = false;
        for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
            int c = s.codePointAt(i);
            if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
                if (previousCased) {
                    return false;
                }
                previousCased = true;
                any = true;
            } else if (Character.isLowerCase(c)) {
                if (!previousCased) {
                    return false;
                }
                previousCased = true;
                any = true;
            } else {
                previousCased = false;
            }
        }
        return any;
    }

    static String title(String s) {
        StringBuilder sb = new StringBuilder();
        boolean prevCased = false;
        for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
            int c = s.codePointAt(i);
            sb.append(prevCased ? lowerOf(s, i, c) : titleOf(c));
            prevCased = Character.isUpperCase(c) || Character.isLowerCase(c) || Character.isTitleCase(c);
        }
        return sb.toString();
    }

    /**
     * Case folding, approximated by each character's full upper-case mapping lower-cased (ß → ss, ς → σ, ﬁ → fi),
     * but for the dotless i, which folds to itself.
     */
    private static String casefold(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
            int c = s.codePointAt(i);
            if (c < 128 || c == 'ı') {
                sb.appendCodePoint(c < 128 ? Character.toLowerCase(c) : c);
            } else {
                sb.append(Character.toString(c).toUpperCase(java.util.Locale.ROOT).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return sb.toString();
    }

    /**
     * The full lower-case mapping of {@code c} at char {@code i} of {@code s}: a capital sigma that ends a word
     * becomes the final sigma, as in CPython's {@code lower()}.
     */
    private static String lowerOf(String s, int i, int c) {
        if (c == 'Σ' && isFinalSigma(s, i)) {
            return "ς";
        }
        return Character.toString(c).toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the sigma at {@code i} follows a cased letter and precedes none, case-ignorable characters aside. */
    private static boolean isFinalSigma(String s, int i) {
        int j = i;
        int before = -1;
        while (j > 0) {
            int c = s.codePointBefore(j);
            j -= Character.charCount(c);
            if (!isCaseIgnorable(c)) {
                before = c;
                break;
            }
        }
        if (before < 0 || !isCased(before)) {
            return false;
        }
        for (int k = i + 1; k < s.length(); k += Character.charCount(s.codePointAt(k))) {
            int c = s.codePointAt(k);
            if (!isCaseIgnorable(c)) {
                return !isCased(c);
            }
        }
        return true;
    }

    private static boolean isCased(int c) {
        return Character.isUpperCase(c) || Character.isLowerCase(c) || Character.isTitleCase(c);
    }

    /** Unicode's Case_Ignorable: marks, format characters, modifiers, and the apostrophes and points within words. */
    private static boolean isCaseIgnorable(int c) {
        return switch (Character.getType(c)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.FORMAT, Character.MODIFIER_LETTER,
                 Character.MODIFIER_SYMBOL -> true;
            default -> c == '\'' || c == '.' || c == ':' || c == '^' || c == '`' || c == 0xB7 || c == 0x2018 || c == 0x2019
                    || c == 0x2024 || c == 0xFE52 || c == 0xFF07 || c == 0xFF0E || c == 0xFF1A || c == 0x387 || c == 0x55F;
        };
    }

    /**
     * The full title-case mapping of {@code c}, as CPython's: a letter without a one-letter title form takes its
     * upper-case mapping with all but a cased first letter lower-cased ({@code ß} → "Ss", {@code ﬁ} → "Fi",
     * {@code ŉ} → "ʼN").
     */
    private static String titleOf(int c) {
        int title = Character.toTitleCase(c);
        if (title != c || Character.isTitleCase(c)) {
            return Character.toString(title);
        }
        String upper = Character.toString(c).toUpperCase(java.util.Locale.ROOT);
        int first = upper.codePointAt(0);
        if (upper.length() == Character.charCount(first)) {
            return Character.toString(c); // its title form is itself (Georgian letters have an upper form, not a title one)
        }
        if (!(Character.isUpperCase(first) || Character.isLowerCase(first))) {
            return upper;
        }
        return Character.toString(first) + upper.substring(Character.charCount(first)).toLowerCase(java.util.Locale.ROOT);
    }

    static PList split(String s, Object sep, long maxsplit, boolean fromRight) {
        List<Object> out = new ArrayList<>();
        if (sep == PNone.NONE) {
            List<String> words = new ArrayList<>();
            int i = 0;
            int n = s.length();
            if (!fromRight) {
                while (i < n) {
                    while (i < n && isSpace(s.charAt(i))) {
                        i++;
                    }
                    if (i >= n) {
                        break;
                    }
                    if (maxsplit >= 0 && words.size() == maxsplit) {
                        words.add(s.substring(i));
                        break;
                    }
                    int j = i;
                    while (j < n && !isSpace(s.charAt(j))) {
                        j++;
                    }
                    words.add(s.substring(i, j));
                    i = j;
                }
                out.addAll(words);
            } else {
                int j = n;
                while (j > 0) {
                    while (j > 0 && isSpace(s.charAt(j - 1))) {
                        j--;
                    }
                    if (j <= 0) {
                        break;
                    }
                    if (maxsplit >= 0 && words.size() == maxsplit) {
                        words.add(s.substring(0, j));
                        break;
                    }
                    int k = j;
                    while (k > 0 && !isSpace(s.charAt(k - 1))) {
                        k--;
                    }
                    words.add(s.substring(k, j));
                    j = k;
                }
                java.util.Collections.reverse(words);
                out.addAll(words);
            }
            return new PList(out);
        }
        if (!(Types.baseValue(sep) instanceof String sp)) {
            throw Errors.typeError("must be str or None, not %s", Types.typeName(sep));
        }
        if (sp.isEmpty()) {
            throw Errors.valueError("empty separator");
        }
        if (!fromRight) {
            int from = 0;
            while (maxsplit < 0 || out.size() < maxsplit) {
                int idx = s.indexOf(sp, from);
                if (idx < 0) {
                    break;
                }
                out.add(s.substring(from, idx));
                from = idx + sp.length();
            }
            out.add(s.substring(from));
        } else {
            int to = s.length();
            while (maxsplit < 0 || out.size() < maxsplit) {
                int idx = s.lastIndexOf(sp, to - sp.length());
                if (idx < 0 || to - sp.length() < 0) {
                    break;
                }
                out.add(s.substring(idx + sp.length(), to));
                to = idx;
            }
            out.add(s.substring(0, to));
            java.util.Collections.reverse(out);
        }
        return new PList(out);
    }

    static String strip(String s, Object chars, boolean left, boolean right) {
        int start = 0;
        int end = s.length();
        if (chars == PNone.NONE) {
            while (left && start < end && isSpace(s.charAt(start))) {
                start++;
            }
            while (right && end > start && isSpace(s.charAt(end - 1))) {
                end--;
            }
        } else {
            if (!(Types.baseValue(chars) instanceof String cs)) {
                throw Errors.typeError("%sstrip arg must be None or str", left && right ? "" : left ? "l" : "r");
            }
            while (left && start < end && cs.indexOf(s.charAt(start)) >= 0) {
                start++;
            }
            while (right && end > start && cs.indexOf(s.charAt(end - 1)) >= 0) {
                end--;
            }
        }
        return s.substring(start, end);
    }

    private static boolean affix(String s, Object fix, Object start, Object end, boolean prefix) {
        int[] r = range(s, start, end);
        if (r[0] > s.length()) {
            return false;
        }
        String sub = s.substring(r[0], Math.max(r[0], r[1]));
        if (fix instanceof PTuple t) {
            for (Object o : t.items()) {
                if (prefix ? sub.startsWith(Errors.requireStr(o)) : sub.endsWith(Errors.requireStr(o))) {
                    return true;
                }
            }
            return false;
        }
        if (!(fix instanceof String f)) {
            throw Errors.typeError("%s first arg must be str or a tuple of str, not %s", prefix ? "startswith" : "endswith", Types.typeName(fix));
        }
        return prefix ? sub.startsWith(f) : sub.endsWith(f);
    }

    /**
     * The char offsets {start, end} of the slice {@code s[start:end]} of a search, whose bounds count code points;
     * start is {@code s.length() + 1} when it lies beyond the end (then nothing, not even "", is found).
     */
    private static int[] range(String s, Object start, Object end) {
        int n = s.codePointCount(0, s.length());
        long st = start == PNone.NONE ? 0 : Sequences.sliceValue(start);
        long en = end == PNone.NONE ? n : Sequences.sliceValue(end);
        if (st < 0) {
            st = Math.max(0, st + n);
        }
        if (en < 0) {
            en = Math.max(0, en + n);
        }
        int from = (int) Math.min(st, n + 1);
        int to = (int) Math.min(en, n);
        if (n == s.length()) {
            return new int[] {from, to};
        }
        return new int[] {from > n ? s.length() + 1 : s.offsetByCodePoints(0, from), s.offsetByCodePoints(0, to)};
    }

    /** The index in code points of {@code sub} in {@code s[start:end]}, or -1. */
    private static int find(String s, Object needle, Object start, Object end, boolean last) {
        int[] r = range(s, start, end); // the bounds first, as CPython parses them
        String sub = Errors.requireStr(needle);
        if (r[0] > r[1]) {
            return -1;
        }
        // Searched in place: copying the region first made a loop of finds from a moving start quadratic (readline).
        int i;
        if (last) {
            i = s.lastIndexOf(sub, r[1] - sub.length());
            i = i < r[0] ? -1 : i;
        } else {
            i = s.indexOf(sub, r[0]);
            i = i < 0 || i + sub.length() > r[1] ? -1 : i;
        }
        return i <= 0 ? i : s.codePointCount(0, i);
    }

    private static String pad(String s, Object width, Object fillchar, int align) {
        int w = Sizes.width(Conversions.asLong(width));
        if (!(fillchar instanceof String fill)) {
            throw Errors.typeError("The fill character must be a unicode character, not %s", Types.typeName(fillchar));
        }
        int len = (int) Sequences.len(s);
        if (fill.codePointCount(0, fill.length()) != 1) {
            throw Errors.typeError("The fill character must be exactly one character long");
        }
        if (len >= w) {
            return s;
        }
        int total = w - len;
        int left = align < 0 ? 0 : align > 0 ? total : total / 2 + (total & w & 1);
        Sizes.length((long) total * fill.length() + s.length());
        return fill.repeat(left) + s + fill.repeat(total - left);
    }

    private static PList splitlines(String s, boolean keepends) {
        List<Object> out = new ArrayList<>();
        int i = 0;
        int start = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int eol = -1;
            if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                eol = i + 2;
            } else if (c == '\n' || c == '\r' || c == '\u000b' || c == '\u000c' || c == '\u001c' || c == '\u001d' || c == '\u001e'
                    || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                eol = i + 1;
            }
            if (eol >= 0) {
                out.add(s.substring(start, keepends ? eol : i));
                start = eol;
                i = eol;
            } else {
                i++;
            }
        }
        if (start < s.length()) {
            out.add(s.substring(start));
        }
        return new PList(out);
    }

    private static PTuple partition(String s, String sep, boolean last) {
        if (sep.isEmpty()) {
            throw Errors.valueError("empty separator");
        }
        int i = last ? s.lastIndexOf(sep) : s.indexOf(sep);
        if (i < 0) {
            return last ? PTuple.of("", "", s) : PTuple.of(s, "", "");
        }
        return PTuple.of(s.substring(0, i), sep, s.substring(i + sep.length()));
    }
}
