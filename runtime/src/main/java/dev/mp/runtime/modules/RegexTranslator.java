package dev.mp.runtime.modules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * Translates a Python regular expression into a {@link java.util.regex.Pattern} one, checking it as CPython's
 * {@code re} parser does (same errors, messages and positions for the common mistakes).
 *
 * <p>The output never uses Java's named groups (Python names may not be valid Java names): every capturing group
 * becomes a plain group, so Java numbers them as Python does, and names are kept in {@link Result#groupIndex}.
 * Verbose mode is done here (Java's COMMENTS mode would also drop blanks inside classes), every literal is
 * escaped, and constructs Java reads differently ({@code \Z}, {@code \v}, octal escapes, {@code [} and
 * {@code &&} in classes, {@code {,n}}) are rewritten.
 */
final class RegexTranslator {
    // Python's flag values (re.RegexFlag).
    static final int TEMPLATE = 1;
    static final int IGNORECASE = 2;
    static final int LOCALE = 4;
    static final int MULTILINE = 8;
    static final int DOTALL = 16;
    static final int UNICODE = 32;
    static final int VERBOSE = 64;
    static final int DEBUG = 128;
    static final int ASCII = 256;

    private static final long MAXREPEAT = 4294967295L;
    private static final long MAXGROUPS = 1073741823L;

    /** A Python-level syntax error: its message and position in the pattern. */
    static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int pos;

        SyntaxError(String message, int pos) {
            super(message, null, false, false);
            this.pos = pos;
        }
    }

    /** A translated pattern. */
    static final class Result {
        String javaRegex;
        /** The flags as CPython reports them (with the inline global flags and the implied UNICODE). */
        int flags;
        int groups;
        final Map<String, Integer> groupIndex = new LinkedHashMap<>();
        /** For each group (1-based), the group that directly encloses it, or 0. */
        int[] parent;
    }

    private enum Kind { NONE, ATOM, AT, REPEAT }

    private final String src;
    private final boolean bytes;
    private int pos;
    private int flags;
    private boolean verbose;
    private int groups;
    private final Map<String, Integer> groupIndex = new LinkedHashMap<>();
    private final List<Integer> parents = new ArrayList<>();
    private final List<Integer> openGroups = new ArrayList<>();
    /** The width bounds (in characters) of what the last parse method returned; {@link #UNBOUNDED} for no bound. */
    private long wMin;
    private long wMax;
    /** The bounds of the last quantifier read. */
    private long qMin;
    private long qMax;
    private final Map<Integer, long[]> groupWidths = new java.util.HashMap<>();
    private static final long UNBOUNDED = Long.MAX_VALUE / 4;
    /** Inside a look-behind, the number of groups opened before it (Python forbids references to later ones); else -1. */
    private int lookbehindFloor = -1;

    private RegexTranslator(String src, boolean bytes, int flags) {
        this.src = src;
        this.bytes = bytes;
        this.flags = flags;
        this.verbose = (flags & VERBOSE) != 0;
        parents.add(0);
    }

    /**
     * Translates {@code pattern} (a bytes pattern as its Latin-1 text) under {@code flags}; throws
     * {@link SyntaxError} for a bad pattern and {@link IllegalArgumentException} (a ValueError) for bad flags.
     */
    @TruffleBoundary
    static Result translate(String pattern, boolean bytes, int flags) {
        RegexTranslator t = new RegexTranslator(pattern, bytes, flags);
        String body = t.alternation(0);
        if (t.pos < pattern.length()) {
            // alternation() stops only at the end or at a ')' with no group open.
            throw new SyntaxError("unbalanced parenthesis", t.pos);
        }
        int f = t.flags;
        if (bytes) {
            if ((f & UNICODE) != 0) {
                throw new IllegalArgumentException("cannot use UNICODE flag with a bytes pattern");
            }
        } else {
            if ((f & LOCALE) != 0) {
                throw new IllegalArgumentException("cannot use LOCALE flag with a str pattern");
            }
            if ((f & ASCII) == 0) {
                f |= UNICODE;
            } else if ((f & UNICODE) != 0) {
                throw new IllegalArgumentException("ASCII and UNICODE flags are incompatible");
            }
        }
        if ((f & LOCALE) != 0 && (f & ASCII) != 0) {
            throw new IllegalArgumentException("ASCII and LOCALE flags are incompatible");
        }
        Result r = new Result();
        StringBuilder prefix = new StringBuilder("(?d");
        if ((f & IGNORECASE) != 0) {
            prefix.append('i');
        }
        if ((f & UNICODE) != 0) {
            prefix.append("uU");
        }
        if ((f & MULTILINE) != 0) {
            prefix.append('m');
        }
        if ((f & DOTALL) != 0) {
            prefix.append('s');
        }
        prefix.append(')');
        r.javaRegex = prefix + body;
        r.flags = f;
        r.groups = t.groups;
        r.groupIndex.putAll(t.groupIndex);
        r.parent = t.parents.stream().mapToInt(Integer::intValue).toArray();
        return r;
    }

    // ------------------------------------------------------------------------------------------------------
    // Reading

    private boolean atEnd() {
        return pos >= src.length();
    }

    private int peek() {
        return src.codePointAt(pos);
    }

    private int next() {
        int c = src.codePointAt(pos);
        pos += Character.charCount(c);
        return c;
    }

    private boolean accept(char c) {
        if (!atEnd() && src.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** In verbose mode, skips blanks and comments (outside classes). */
    private void skipVerbose() {
        if (!verbose) {
            return;
        }
        while (!atEnd()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == '\f') {
                pos++;
            } else if (c == '#') {
                while (!atEnd() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                break;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------
    // Structure

    private String alternation(int depth) {
        StringBuilder out = new StringBuilder(sequence(depth));
        long min = wMin;
        long max = wMax;
        while (true) {
            skipVerbose();
            if (!accept('|')) {
                wMin = min;
                wMax = max;
                return out.toString();
            }
            out.append('|').append(sequence(depth));
            min = Math.min(min, wMin);
            max = Math.max(max, wMax);
        }
    }

    private String sequence(int depth) {
        StringBuilder out = new StringBuilder();
        String last = null;
        Kind lastKind = Kind.NONE;
        long sumMin = 0;
        long sumMax = 0;
        long lastMin = 0;
        long lastMax = 0;
        while (true) {
            skipVerbose();
            if (atEnd()) {
                break;
            }
            char c = src.charAt(pos);
            if (c == '|' || c == ')') {
                if (c == ')' && depth == 0) {
                    throw new SyntaxError("unbalanced parenthesis", pos);
                }
                break;
            }
            int start = pos;
            if (c == '*' || c == '+' || c == '?' || (c == '{' && isRepeatBrace())) {
                String q = quantifier();
                if (lastKind == Kind.NONE || lastKind == Kind.AT) {
                    throw new SyntaxError("nothing to repeat", start);
                }
                if (lastKind == Kind.REPEAT) {
                    throw new SyntaxError("multiple repeat", start);
                }
                last = last + q;
                lastKind = Kind.REPEAT;
                lastMin = Math.min(UNBOUNDED, lastMin * qMin);
                lastMax = qMax == UNBOUNDED ? (lastMax == 0 ? 0 : UNBOUNDED) : Math.min(UNBOUNDED, lastMax * qMax);
                continue;
            }
            if (last != null) {
                out.append(last);
                sumMin = Math.min(UNBOUNDED, sumMin + lastMin);
                sumMax = Math.min(UNBOUNDED, sumMax + lastMax);
            }
            Kind[] kind = {Kind.ATOM};
            wMin = 1;
            wMax = 1;
            last = atom(depth, kind);
            lastKind = kind[0];
            lastMin = wMin;
            lastMax = wMax;
        }
        if (last != null) {
            out.append(last);
            sumMin = Math.min(UNBOUNDED, sumMin + lastMin);
            sumMax = Math.min(UNBOUNDED, sumMax + lastMax);
        }
        wMin = sumMin;
        wMax = sumMax;
        return out.toString();
    }

    /** Whether the '{' at pos starts a valid {m}, {m,}, {,n} or {m,n} (otherwise it is a literal). */
    private boolean isRepeatBrace() {
        int i = pos + 1;
        int digits1 = 0;
        while (i < src.length() && Character.isDigit(src.charAt(i)) && src.charAt(i) < 128) {
            i++;
            digits1++;
        }
        if (i < src.length() && src.charAt(i) == ',') {
            i++;
            while (i < src.length() && src.charAt(i) >= '0' && src.charAt(i) <= '9') {
                i++;
            }
        } else if (digits1 == 0) {
            return false;
        }
        return i < src.length() && src.charAt(i) == '}';
    }

    private String quantifier() {
        int start = pos;
        char c = src.charAt(pos++);
        String q;
        if (c == '{') {
            int comma = src.indexOf(',', pos);
            int close = src.indexOf('}', pos);
            String lo;
            String hi;
            if (comma >= 0 && comma < close) {
                lo = src.substring(pos, comma);
                hi = src.substring(comma + 1, close);
            } else {
                lo = src.substring(pos, close);
                hi = null;
            }
            pos = close + 1;
            long min = lo.isEmpty() ? 0 : parseCount(lo, start);
            qMin = min;
            qMax = UNBOUNDED;
            if (hi == null) {
                q = "{" + min + "}";
                qMax = min;
            } else if (hi.isEmpty()) {
                q = "{" + min + ",}";
            } else {
                long max = parseCount(hi, start);
                qMax = max;
                if (max < min) {
                    throw new SyntaxError("min repeat greater than max repeat", start + 1);
                }
                q = "{" + min + "," + max + "}";
            }
        } else {
            q = String.valueOf(c);
            qMin = c == '+' ? 1 : 0;
            qMax = c == '?' ? 1 : UNBOUNDED;
        }
        skipVerbose();
        if (accept('?')) {
            q += "?";
        } else if (accept('+')) {
            q += "+";
        }
        return q;
    }

    private long parseCount(String digits, int at) {
        if (digits.length() > 10 || Long.parseLong(digits) >= MAXREPEAT) {
            throw new OverflowError("the repetition number is too large");
        }
        long n = Long.parseLong(digits);
        if (n > Integer.MAX_VALUE - 1) {
            throw new OverflowError("the repetition number is too large");
        }
        return n;
    }

    /** An OverflowError of CPython's parser. */
    static final class OverflowError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OverflowError(String message) {
            super(message, null, false, false);
        }
    }

    private String atom(int depth, Kind[] kind) {
        int start = pos;
        int c = next();
        switch (c) {
            case '.':
                return ".";
            case '^':
                kind[0] = Kind.AT;
                wMin = wMax = 0;
                return "^";
            case '$':
                kind[0] = Kind.AT;
                wMin = wMax = 0;
                return "$";
            case '[':
                return charClass(start);
            case '(':
                return group(depth, start, kind);
            case '\\':
                return escape(start, kind);
            default:
                return literal(c);
        }
    }

    private String group(int depth, int start, Kind[] kind) {
        if (accept('?')) {
            if (atEnd()) {
                throw new SyntaxError("unexpected end of pattern", pos);
            }
            int c = next();
            switch (c) {
                case ':':
                    return "(?:" + groupBody(depth, start) + ")";
                case 'P': {
                    if (accept('<')) {
                        String name = groupName('>', pos);
                        return capture(depth, start, name);
                    }
                    if (accept('=')) {
                        int nameAt = pos;
                        String name = groupName(')', nameAt);
                        Integer g = groupIndex.get(name);
                        if (g == null) {
                            throw new SyntaxError("unknown group name '" + name + "'", nameAt);
                        }
                        if (openGroups.contains(g)) {
                            throw new SyntaxError("cannot refer to an open group", start);
                        }
                        checkLookbehindReference(g);
                        setWidth(groupWidths.get(g));
                        return "(?:\\" + g + ")";
                    }
                    if (atEnd()) {
                        throw new SyntaxError("unexpected end of pattern", pos);
                    }
                    throw new SyntaxError("unknown extension ?P" + Character.toString(next()), start + 1);
                }
                case '=':
                case '!': {
                    String body = groupBody(depth, start);
                    wMin = wMax = 0;
                    return "(?" + (char) c + body + ")";
                }
                case '>':
                    return "(?>" + groupBody(depth, start) + ")";
                case '#': {
                    int close = src.indexOf(')', pos);
                    if (close < 0) {
                        throw new SyntaxError("missing ), unterminated comment", start);
                    }
                    pos = close + 1;
                    kind[0] = Kind.NONE;
                    wMin = wMax = 0;
                    return "";
                }
                case '<': {
                    if (atEnd()) {
                        throw new SyntaxError("unexpected end of pattern", pos);
                    }
                    int d = next();
                    if (d == '=' || d == '!') {
                        int outerFloor = lookbehindFloor;
                        lookbehindFloor = groups;
                        String body = groupBody(depth, start);
                        lookbehindFloor = outerFloor;
                        if (wMin != wMax) {
                            throw new SyntaxError("look-behind requires fixed-width pattern", -1);
                        }
                        wMin = wMax = 0;
                        return "(?<" + (char) d + body + ")";
                    }
                    throw new SyntaxError("unknown extension ?<" + Character.toString(d), start + 1);
                }
                case '(':
                    throw new SyntaxError("conditional groups (?(...)...) are not supported", start);
                default:
                    pos -= Character.charCount(c);
                    return flagGroup(depth, start, kind);
            }
        }
        return capture(depth, start, null);
    }

    private String capture(int depth, int start, String name) {
        int g = ++groups;
        if (g > MAXGROUPS) {
            throw new SyntaxError("too many groups", start);
        }
        if (name != null) {
            Integer old = groupIndex.get(name);
            if (old != null) {
                throw new SyntaxError("redefinition of group name '" + name + "' as group " + g + "; was group " + old, start + 4);
            }
            groupIndex.put(name, g);
        }
        parents.add(openGroups.isEmpty() ? 0 : openGroups.get(openGroups.size() - 1));
        openGroups.add(g);
        String body = groupBody(depth, start);
        groupWidths.put(g, new long[] {wMin, wMax});
        openGroups.remove(openGroups.size() - 1);
        return "(" + body + ")";
    }

    /** The group's alternation up to its ')'. */
    private String groupBody(int depth, int start) {
        String body = alternation(depth + 1);
        if (!accept(')')) {
            throw new SyntaxError("missing ), unterminated subpattern", start);
        }
        return body;
    }

    private String groupName(char terminator, int at) {
        int close = src.indexOf(terminator, pos);
        if (close < 0) {
            if (pos >= src.length()) {
                throw new SyntaxError("missing group name", pos);
            }
            throw new SyntaxError("missing " + terminator + ", unterminated name", at);
        }
        String name = src.substring(pos, close);
        if (name.isEmpty()) {
            throw new SyntaxError("missing group name", pos);
        }
        if (!isIdentifier(name) || (bytes && !name.chars().allMatch(ch -> ch < 128))) {
            throw new SyntaxError("bad character in group name '" + name + "'", at);
        }
        pos = close + 1;
        return name;
    }

    private static boolean isIdentifier(String s) {
        int first = s.codePointAt(0);
        return (Character.isUnicodeIdentifierStart(first) || first == '_')
                && s.codePoints().allMatch(ch -> Character.isUnicodeIdentifierPart(ch) && !Character.isIdentifierIgnorable(ch));
    }

    /** {@code (?aiLmsux)} (global, at the start only) or {@code (?aiLmsux-imsx:...)} (scoped). */
    private String flagGroup(int depth, int start, Kind[] kind) {
        int add = flagLetters(start);
        int remove = 0;
        if (accept('-')) {
            if (atEnd()) {
                throw new SyntaxError("missing flag", pos);
            }
            int at = pos;
            remove = flagLetters(start);
            if (remove == 0) {
                throw new SyntaxError("missing flag", at);
            }
            if ((remove & (ASCII | LOCALE | UNICODE)) != 0) {
                throw new SyntaxError("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", at);
            }
        }
        if (atEnd()) {
            throw new SyntaxError("missing -, : or )", pos);
        }
        char c = src.charAt(pos++);
        if (c == ')') {
            if (remove != 0) {
                throw new SyntaxError("missing :", pos - 1);
            }
            if (start != 0) {
                throw new SyntaxError("global flags not at the start of the expression", start);
            }
            if (bytes && (add & UNICODE) != 0) {
                throw new IllegalArgumentException("cannot use UNICODE flag with a bytes pattern");
            }
            flags |= add;
            if ((add & VERBOSE) != 0) {
                verbose = true;
            }
            kind[0] = Kind.NONE;
            wMin = wMax = 0;
            return "";
        }
        if (c != ':') {
            throw new SyntaxError(Character.isLetter(c) ? "unknown flag" : "missing -, : or )", pos - 1);
        }
        if ((add & (ASCII | UNICODE)) == (ASCII | UNICODE)) {
            throw new SyntaxError("bad inline flags: flags 'a', 'u' and 'L' are incompatible", pos - 1);
        }
        boolean outerVerbose = verbose;
        if ((add & VERBOSE) != 0) {
            verbose = true;
        }
        if ((remove & VERBOSE) != 0) {
            verbose = false;
        }
        String body = groupBody(depth, start);
        verbose = outerVerbose;
        StringBuilder j = new StringBuilder("(?");
        j.append(javaFlags(add, true));
        String off = javaFlags(remove, false);
        if (!off.isEmpty()) {
            j.append('-').append(off);
        }
        return j.append(':').append(body).append(')').toString();
    }

    private String javaFlags(int f, boolean adding) {
        StringBuilder s = new StringBuilder();
        if ((f & IGNORECASE) != 0) {
            s.append('i');
        }
        if ((f & MULTILINE) != 0) {
            s.append('m');
        }
        if ((f & DOTALL) != 0) {
            s.append('s');
        }
        if (adding && (f & UNICODE) != 0) {
            s.append("uU");
        }
        if (adding && (f & ASCII) != 0) {
            // Java has no "ASCII on" switch inside a group; ASCII semantics are Java's defaults without U.
            return s + "-uU";
        }
        return s.toString();
    }

    private int flagLetters(int start) {
        int f = 0;
        while (!atEnd()) {
            char c = src.charAt(pos);
            int bit = switch (c) {
                case 'a' -> ASCII;
                case 'i' -> IGNORECASE;
                case 'L' -> LOCALE;
                case 'm' -> MULTILINE;
                case 's' -> DOTALL;
                case 'u' -> UNICODE;
                case 'x' -> VERBOSE;
                default -> 0;
            };
            if (bit == 0) {
                if (f == 0 && c != '-' && c != ':' && c != ')') {
                    throw new SyntaxError("unknown extension ?" + c, start + 1);
                }
                break;
            }
            if (bytes && bit == UNICODE) {
                throw new SyntaxError("bad inline flags: cannot use 'u' flag with a bytes pattern", pos + 1);
            }
            if (!bytes && bit == LOCALE) {
                throw new SyntaxError("bad inline flags: cannot use 'L' flag with a str pattern", pos + 1);
            }
            f |= bit;
            pos++;
        }
        return f;
    }

    // ------------------------------------------------------------------------------------------------------
    // Escapes and literals

    /** A code point as a Java regex literal. */
    static String literal(int c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return Character.toString(c);
        }
        if (c > 0x20 && c < 0x7f) {
            return "\\" + (char) c;
        }
        return "\\x{" + Integer.toHexString(c) + "}";
    }

    private String escape(int start, Kind[] kind) {
        if (atEnd()) {
            throw new SyntaxError("bad escape (end of pattern)", start);
        }
        int c = next();
        switch (c) {
            case 'A':
                kind[0] = Kind.AT;
                wMin = wMax = 0;
                return "\\A";
            case 'Z':
                kind[0] = Kind.AT;
                wMin = wMax = 0;
                return "\\z";
            case 'b':
                kind[0] = Kind.AT;
                wMin = wMax = 0;
                return "\\b";
            case 'B':
                kind[0] = Kind.AT;
                wMin = wMax = 0;
                return "\\B";
            case 'd': case 'D': case 's': case 'S': case 'w': case 'W':
                return "\\" + (char) c;
            default:
                break;
        }
        if (c >= '1' && c <= '9') {
            // A group reference, unless it is a three-digit octal escape.
            if (pos + 1 < src.length() && isOct(c) && isOct(src.charAt(pos)) && isOct(src.charAt(pos + 1))) {
                int value = Integer.parseInt(src.substring(pos - 1, pos + 2), 8);
                if (value > 0377) {
                    throw new SyntaxError("octal escape value \\" + src.substring(pos - 1, pos + 2) + " outside of range 0-0o377", start);
                }
                pos += 2;
                return literal(value);
            }
            int g = c - '0';
            if (!atEnd() && src.charAt(pos) >= '0' && src.charAt(pos) <= '9') {
                g = g * 10 + (src.charAt(pos++) - '0');
            }
            if (g > groups) {
                throw new SyntaxError("invalid group reference " + g, start + 1);
            }
            if (openGroups.contains(g)) {
                throw new SyntaxError("cannot refer to an open group", start);
            }
            checkLookbehindReference(g);
            setWidth(groupWidths.get(g));
            return "(?:\\" + g + ")";
        }
        return literal(commonEscape(c, start));
    }

    private void checkLookbehindReference(int g) {
        if (lookbehindFloor >= 0 && g > lookbehindFloor) {
            throw new SyntaxError("cannot refer to group defined in the same lookbehind subpattern", pos);
        }
    }

    private void setWidth(long[] width) {
        wMin = width[0];
        wMax = width[1];
    }

    private static boolean isOct(int c) {
        return c >= '0' && c <= '7';
    }

    /** The code point of an escape that means a character (in or outside classes); c has been read. */
    private int commonEscape(int c, int start) {
        switch (c) {
            case 'a':
                return 7;
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'v':
                return 0x0b;
            case '\\':
                return '\\';
            case 'x':
                return hexEscape(2, start);
            case 'u':
            case 'U':
                if (bytes) {
                    throw new SyntaxError("bad escape \\" + (char) c, start);
                }
                return hexEscape(c == 'u' ? 4 : 8, start);
            case 'N': {
                if (bytes) {
                    throw new SyntaxError("bad escape \\N", start);
                }
                if (!accept('{')) {
                    throw new SyntaxError("missing {", pos);
                }
                int close = src.indexOf('}', pos);
                if (close < 0 || close == pos) {
                    throw new SyntaxError("missing character name", pos);
                }
                String name = src.substring(pos, close);
                int cp;
                try {
                    cp = Character.codePointOf(name);
                } catch (IllegalArgumentException e) {
                    throw new SyntaxError("undefined character name '" + name + "'", start);
                }
                pos = close + 1;
                return cp;
            }
            case '0': {
                int value = 0;
                for (int i = 0; i < 2 && !atEnd() && isOct(src.charAt(pos)); i++) {
                    value = value * 8 + (src.charAt(pos++) - '0');
                }
                return value;
            }
            default:
                if (c < 128 && Character.isLetterOrDigit(c)) {
                    throw new SyntaxError("bad escape \\" + (char) c, start);
                }
                return c;
        }
    }

    private int hexEscape(int digits, int start) {
        int end = pos;
        while (end < src.length() && end - pos < digits && Character.digit(src.charAt(end), 16) >= 0 && src.charAt(end) < 128) {
            end++;
        }
        String hex = src.substring(pos, end);
        if (hex.length() < digits) {
            throw new SyntaxError("incomplete escape " + src.substring(start, end), start);
        }
        pos = end;
        long value = Long.parseLong(hex, 16);
        if (value > Character.MAX_CODE_POINT) {
            throw new SyntaxError("bad escape " + src.substring(start, end), start);
        }
        return (int) value;
    }

    // ------------------------------------------------------------------------------------------------------
    // Character classes

    private String charClass(int start) {
        StringBuilder out = new StringBuilder("[");
        if (accept('^')) {
            out.append('^');
        }
        boolean first = true;
        while (true) {
            if (atEnd()) {
                throw new SyntaxError("unterminated character set", start);
            }
            int itemStart = pos;
            int c = next();
            if (c == ']' && !first) {
                break;
            }
            first = false;
            String category = null;
            int low;
            if (c == '\\') {
                if (atEnd()) {
                    throw new SyntaxError("bad escape (end of pattern)", itemStart);
                }
                int e = peek();
                if (e == 'd' || e == 'D' || e == 's' || e == 'S' || e == 'w' || e == 'W') {
                    pos++;
                    category = "\\" + (char) e;
                    low = -1;
                } else {
                    low = classEscape(itemStart);
                }
            } else {
                low = c;
            }
            // A range "a-b", unless the '-' is the last character of the set.
            if (pos + 1 < src.length() + 1 && !atEnd() && src.charAt(pos) == '-' && pos + 1 < src.length() && src.charAt(pos + 1) != ']') {
                pos++;
                int hiStart = pos;
                int h = next();
                String hiCategory = null;
                int high;
                if (h == '\\') {
                    if (atEnd()) {
                        throw new SyntaxError("bad escape (end of pattern)", hiStart);
                    }
                    int e = peek();
                    if (e == 'd' || e == 'D' || e == 's' || e == 'S' || e == 'w' || e == 'W') {
                        pos++;
                        hiCategory = "\\" + (char) e;
                        high = -1;
                    } else {
                        high = classEscape(hiStart);
                    }
                } else {
                    high = h;
                }
                if (category != null || hiCategory != null) {
                    throw new SyntaxError("bad character range " + src.substring(itemStart, pos), itemStart);
                }
                if (high < low) {
                    throw new SyntaxError("bad character range " + src.substring(itemStart, pos), itemStart);
                }
                out.append(literal(low)).append('-').append(literal(high));
            } else if (category != null) {
                out.append(category);
            } else {
                out.append(literal(low));
            }
        }
        return out.append(']').toString();
    }

    private int classEscape(int start) {
        int c = next();
        if (c == 'b') {
            return 8;
        }
        if (isOct(c)) {
            int end = pos;
            while (end < src.length() && end - pos < 2 && isOct(src.charAt(end))) {
                end++;
            }
            int value = Integer.parseInt(src.substring(pos - 1, end), 8);
            if (value > 0377) {
                throw new SyntaxError("octal escape value " + src.substring(start, end) + " outside of range 0-0o377", start);
            }
            pos = end;
            return value;
        }
        if (c == '8' || c == '9') {
            throw new SyntaxError("bad escape \\" + (char) c, start);
        }
        return commonEscape(c, start);
    }
}
