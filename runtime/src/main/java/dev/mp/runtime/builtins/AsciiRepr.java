package dev.mp.runtime.builtins;

/** {@code ascii()}: a repr with every non-ASCII character escaped. */
public final class AsciiRepr {
    private AsciiRepr() {
    }

    public static String ascii(String repr) {
        StringBuilder sb = new StringBuilder(repr.length());
        repr.codePoints().forEach(cp -> {
            if (cp < 0x80) {
                sb.append((char) cp);
            } else if (cp <= 0xff) {
                sb.append(String.format("\\x%02x", cp));
            } else if (cp <= 0xffff) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.append(String.format("\\U%08x", cp));
            }
        });
        return sb.toString();
    }
}
