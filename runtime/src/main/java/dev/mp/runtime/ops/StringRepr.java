package dev.mp.runtime.ops;

/** {@code repr(str)}: Python's choice of quotes and escapes. */
public final class StringRepr {
    private StringRepr() {
    }

    public static String repr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2);
        sb.append(quote);
        // Characters shown as they are go in runs: a long string is mostly copied, not built a code point at a time.
        int run = 0;
        for (int i = 0; i < s.length();) {
            char c = s.charAt(i);
            if (c < 0x7f ? c >= 0x20 && c != quote && c != '\\' : c < 0x100 ? LATIN1_PRINTABLE[c] : !Character.isSurrogate(c) && isPrintable(c)) {
                i++;
                continue;
            }
            sb.append(s, run, i);
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            run = i;
            if (cp == quote || cp == '\\') {
                sb.append('\\').appendCodePoint(cp);
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (cp < 0x20 || cp == 0x7f) {
                hex(sb, "\\x", cp, 2);
            } else if (isPrintable(cp)) {
                sb.appendCodePoint(cp);
            } else if (cp <= 0xff) {
                hex(sb, "\\x", cp, 2);
            } else if (cp <= 0xffff) {
                hex(sb, "\\u", cp, 4);
            } else {
                hex(sb, "\\U", cp, 8);
            }
        }
        return sb.append(s, run, s.length()).append(quote).toString();
    }

    private static void hex(StringBuilder sb, String prefix, int cp, int digits) {
        sb.append(prefix);
        String h = Integer.toHexString(cp);
        for (int i = h.length(); i < digits; i++) {
            sb.append('0');
        }
        sb.append(h);
    }

    /** {@link #isPrintable} of the code points below 256, worked out once. */
    private static final boolean[] LATIN1_PRINTABLE = new boolean[256];

    static {
        for (int cp = 0; cp < 256; cp++) {
            LATIN1_PRINTABLE[cp] = isPrintable(cp);
        }
    }

    /** Python's str.isprintable(). */
    public static boolean isPrintable(String s) {
        for (int i = 0; i < s.length();) {
            char c = s.charAt(i);
            if (c < 0x100) {
                if (!LATIN1_PRINTABLE[c]) {
                    return false;
                }
                i++;
            } else {
                int cp = s.codePointAt(i);
                if (!isPrintable(cp)) {
                    return false;
                }
                i += Character.charCount(cp);
            }
        }
        return true;
    }

    /** Python's str.isprintable() for one code point. */
    public static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }
}
