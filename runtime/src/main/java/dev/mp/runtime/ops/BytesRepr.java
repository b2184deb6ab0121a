package dev.mp.runtime.ops;

/** {@code repr(bytes)}: b'...' with Python's choice of quotes and escapes. */
public final class BytesRepr {
    private BytesRepr() {
    }

    public static String repr(byte[] bytes, int length) {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (int i = 0; i < length; i++) {
            hasSingle |= bytes[i] == '\'';
            hasDouble |= bytes[i] == '"';
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder sb = new StringBuilder(length + 3).append('b').append(quote);
        for (int i = 0; i < length; i++) {
            int b = bytes[i] & 0xff;
            if (b == quote || b == '\\') {
                sb.append('\\').append((char) b);
            } else if (b == '\n') {
                sb.append("\\n");
            } else if (b == '\r') {
                sb.append("\\r");
            } else if (b == '\t') {
                sb.append("\\t");
            } else if (b < 0x20 || b >= 0x7f) {
                sb.append("\\x").append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xf, 16));
            } else {
                sb.append((char) b);
            }
        }
        return sb.append(quote).toString();
    }
}
