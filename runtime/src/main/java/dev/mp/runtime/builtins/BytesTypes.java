package dev.mp.runtime.builtins;

import static dev.mp.runtime.builtins.BuiltinBuilder.constructor;
import static dev.mp.runtime.builtins.BuiltinBuilder.method;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PByteArray;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Iteration;
import dev.mp.runtime.ops.Sequences;
import dev.mp.runtime.ops.Sizes;
import dev.mp.runtime.ops.Types;

/**
 * bytes and bytearray. The text-like methods treat the bytes as ASCII, as CPython's do: only ASCII letters
 * have case, only b' \t\n\r\x0b\x0c' is whitespace; other bytes are left alone.
 */
public final class BytesTypes {
    private BytesTypes() {
    }

    private static final Object NONE = PNone.NONE;

    static void install() {
        for (PClass c : new PClass[] {BuiltinClasses.BYTES, BuiltinClasses.BYTEARRAY}) {
            boolean mutable = c == BuiltinClasses.BYTEARRAY;
            constructor(c, "cls, source=?, encoding=?, errors=?", a -> {
                byte[] b = make(a[1], a[2], a[3], mutable ? "bytearray()" : "bytes()");
                return mutable ? new PByteArray(b) : new PBytes((PClass) a[0], b);
            });
            method(c, "decode", "self, encoding='utf-8', errors='strict'", a -> Codecs.decode(Sequences.bytesOf(a[0]),
                    StrType.codecArgument(a[1], "decode() argument 'encoding'"), StrType.codecArgument(a[2], "decode() argument 'errors'")));
            method(c, "hex", "self, sep=?, bytes_per_sep=1", a -> hex(Sequences.bytesOf(a[0]), a[1], Conversions.asLong(a[2])));
            BuiltinBuilder.classMethod(c, "fromhex", "cls, string, /", a -> {
                byte[] b = fromHex(a[1]);
                return mutable ? new PByteArray(b) : new PBytes(b);
            });
            BuiltinBuilder.staticMethod(c, "maketrans", "frm, to, /", a -> {
                byte[] from = bytesArg(a[0]);
                byte[] to = bytesArg(a[1]);
                if (from.length != to.length) {
                    throw Errors.valueError("maketrans arguments must have same length");
                }
                byte[] table = new byte[256];
                for (int i = 0; i < 256; i++) {
                    table[i] = (byte) i;
                }
                for (int i = 0; i < from.length; i++) {
                    table[from[i] & 0xff] = to[i];
                }
                return new PBytes(table);
            });
            transform(c, "lower", mutable, b -> map(b, BytesTypes::lower));
            transform(c, "upper", mutable, b -> map(b, BytesTypes::upper));
            transform(c, "swapcase", mutable, b -> map(b, x -> isLower(x) ? upper(x) : lower(x)));
            transform(c, "capitalize", mutable, b -> {
                byte[] r = map(b, BytesTypes::lower);
                if (r.length > 0) {
                    r[0] = upper(r[0]);
                }
                return r;
            });
            transform(c, "title", mutable, BytesTypes::title);
            for (String name : new String[] {"strip", "lstrip", "rstrip"}) {
                method(c, name, "self, bytes=None, /", a -> {
                    byte[] original = Sequences.bytesOf(a[0]);
                    byte[] stripped = strip(original, a[1], !name.equals("rstrip"), !name.equals("lstrip"));
                    // Bytes with nothing to strip are returned as they are, as CPython does.
                    return !mutable && stripped.length == original.length && a[0] instanceof PBytes b && !b.isSubclassInstance() ? a[0]
                            : wrap(stripped, mutable);
                });
            }
            predicate(c, "isspace", x -> isSpace(x));
            predicate(c, "isalpha", BytesTypes::isAlpha);
            predicate(c, "isdigit", BytesTypes::isDigit);
            predicate(c, "isalnum", x -> isAlpha(x) || isDigit(x));
            method(c, "isascii", "self", a -> {
                for (byte x : Sequences.bytesOf(a[0])) {
                    if (x < 0) {
                        return false;
                    }
                }
                return true;
            });
            method(c, "islower", "self", a -> cased(Sequences.bytesOf(a[0]), false));
            method(c, "isupper", "self", a -> cased(Sequences.bytesOf(a[0]), true));
            method(c, "istitle", "self", a -> isTitle(Sequences.bytesOf(a[0])));
            for (String name : new String[] {"find", "rfind", "index", "rindex"}) {
                method(c, name, "self, sub, start=None, end=None, /", a -> {
                    byte[] b = Sequences.bytesOf(a[0]);
                    int[] range = range(b.length, a[2], a[3]);
                    long i = name.startsWith("r") ? lastIndexOf(b, subArg(a[1]), range) : indexOf(b, subArg(a[1]), range);
                    if (i < 0 && name.endsWith("index")) {
                        throw Errors.valueError("subsection not found");
                    }
                    return i;
                }).markTupleParsed();
            }
            method(c, "count", "self, sub, start=None, end=None, /", a -> {
                byte[] b = Sequences.bytesOf(a[0]);
                byte[] sub = subArg(a[1]);
                int[] range = range(b.length, a[2], a[3]);
                if (range[0] > range[1]) {
                    return 0L;
                }
                if (sub.length == 0) {
                    return (long) (range[1] - range[0] + 1);
                }
                long n = 0;
                for (int i = Sequences.indexOf(b, sub, range[0], range[1]); i >= 0; i = Sequences.indexOf(b, sub, i + sub.length, range[1])) {
                    n++;
                }
                return n;
            }).markTupleParsed();
            for (String name : new String[] {"startswith", "endswith"}) {
                method(c, name, "self, prefix, start=None, end=None, /", a -> {
                    byte[] b = Sequences.bytesOf(a[0]);
                    int[] range = range(b.length, a[2], a[3]);
                    Object[] candidates = a[1] instanceof PTuple t ? t.items() : new Object[] {a[1]};
                    for (Object candidate : candidates) {
                        if (!(candidate instanceof PBytes) && !(candidate instanceof PByteArray)) {
                            throw Errors.typeError("%s first arg must be bytes or a tuple of bytes, not %s", name, Types.typeName(candidate));
                        }
                        byte[] p = Sequences.bytesOf(candidate);
                        if (range[1] - range[0] >= p.length && range[0] <= b.length) {
                            int at = name.equals("startswith") ? range[0] : range[1] - p.length;
                            if (Arrays.equals(b, at, at + p.length, p, 0, p.length)) {
                                return true;
                            }
                        }
                    }
                    return false;
                }).markTupleParsed();
            }
            method(c, "replace", "self, old, new, count=-1, /", a -> wrap(replace(Sequences.bytesOf(a[0]), bytesArg(a[1]), bytesArg(a[2]),
                    Conversions.asLong(a[3])), mutable));
            method(c, "split", "self, sep=None, maxsplit=-1", a -> split(Sequences.bytesOf(a[0]), a[1], Conversions.asLong(a[2]), mutable, false));
            method(c, "rsplit", "self, sep=None, maxsplit=-1", a -> split(Sequences.bytesOf(a[0]), a[1], Conversions.asLong(a[2]), mutable, true));
            method(c, "splitlines", "self, keepends=False", a -> splitLines(Sequences.bytesOf(a[0]), Conversions.asLong(Conversions.index(a[1])) != 0, mutable));
            for (String name : new String[] {"partition", "rpartition"}) {
                method(c, name, "self, sep, /", a -> {
                    byte[] b = Sequences.bytesOf(a[0]);
                    byte[] sep = bytesArg(a[1]);
                    if (sep.length == 0) {
                        throw Errors.valueError("empty separator");
                    }
                    int[] all = {0, b.length};
                    long i = name.equals("partition") ? indexOf(b, sep, all) : lastIndexOf(b, sep, all);
                    if (i < 0) {
                        byte[] empty = new byte[0];
                        return name.equals("partition") ? PTuple.of(wrap(b.clone(), mutable), wrap(empty, mutable), wrap(empty, mutable))
                                : PTuple.of(wrap(empty, mutable), wrap(empty, mutable), wrap(b.clone(), mutable));
                    }
                    int at = (int) i;
                    return PTuple.of(wrap(Arrays.copyOfRange(b, 0, at), mutable), wrap(sep.clone(), mutable),
                            wrap(Arrays.copyOfRange(b, at + sep.length, b.length), mutable));
                });
            }
            method(c, "join", "self, iterable_of_bytes, /", a -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] sep = Sequences.bytesOf(a[0]);
                Object iterator = Iteration.iter(a[1], true);
                if (iterator == null) {
                    throw Errors.typeError("can only join an iterable");
                }
                List<Object> items = Iteration.toList(iterator);
                for (int i = 0; i < items.size(); i++) {
                    Object item = items.get(i);
                    if (!(item instanceof PBytes) && !(item instanceof PByteArray) && !(item instanceof dev.mp.runtime.objects.PMemoryView)) {
                        throw Errors.typeError("sequence item %d: expected a bytes-like object, %s found", i, Types.typeName(item));
                    }
                    if (i > 0) {
                        out.writeBytes(sep);
                    }
                    out.writeBytes(Sequences.bytesOf(item));
                }
                return wrap(out.toByteArray(), mutable);
            });
            for (String name : new String[] {"center", "ljust", "rjust"}) {
                method(c, name, "self, width, fillchar=?, /", a -> {
                    byte[] b = Sequences.bytesOf(a[0]);
                    Object fill = a[2] == null ? new PBytes(new byte[] {' '}) : a[2];
                    if (!(fill instanceof PBytes || fill instanceof PByteArray) || Sequences.bytesOf(fill).length != 1) {
                        throw Errors.typeError("%s() argument 2 must be a byte string of length 1, not %s", name, Types.typeName(fill));
                    }
                    return wrap(pad(b, Conversions.asLong(a[1]), Sequences.bytesOf(fill)[0], name), mutable);
                });
            }
            method(c, "zfill", "self, width, /", a -> wrap(zfill(Sequences.bytesOf(a[0]), Conversions.asLong(a[1])), mutable));
            method(c, "expandtabs", "self, tabsize=8", a -> wrap(expandTabs(Sequences.bytesOf(a[0]), Conversions.asLong(a[1])), mutable));
            method(c, "translate", "self, table, /, delete=?", a -> {
                byte[] table = null;
                if (a[1] != NONE) {
                    table = bytesArg(a[1]);
                    if (table.length != 256) {
                        throw Errors.valueError("translation table must be 256 characters long");
                    }
                }
                byte[] delete = a[2] == null ? new byte[0] : bytesArg(a[2]);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (byte x : Sequences.bytesOf(a[0])) {
                    if (indexOf(delete, new byte[] {x}, new int[] {0, delete.length}) < 0) {
                        out.write(table == null ? x : table[x & 0xff]);
                    }
                }
                return wrap(out.toByteArray(), mutable);
            });
            method(c, "removeprefix", "self, prefix, /", a -> {
                byte[] b = Sequences.bytesOf(a[0]);
                byte[] p = bytesArg(a[1]);
                boolean has = b.length >= p.length && Arrays.equals(b, 0, p.length, p, 0, p.length);
                return wrap(has ? Arrays.copyOfRange(b, p.length, b.length) : b.clone(), mutable);
            });
            method(c, "removesuffix", "self, suffix, /", a -> {
                byte[] b = Sequences.bytesOf(a[0]);
                byte[] p = bytesArg(a[1]);
                boolean has = p.length > 0 && b.length >= p.length && Arrays.equals(b, b.length - p.length, b.length, p, 0, p.length);
                return wrap(has ? Arrays.copyOfRange(b, 0, b.length - p.length) : b.clone(), mutable);
            });
        }
        bytearrayMutators();
    }

    private static void bytearrayMutators() {
        PClass ba = BuiltinClasses.BYTEARRAY;
        method(ba, "append", "self, item, /", a -> {
            ((PByteArray) a[0]).append(new byte[] {byteValue(a[1])});
            return NONE;
        });
        method(ba, "extend", "self, iterable_of_ints, /", a -> {
            ((PByteArray) a[0]).append(make(a[1], null, null, "bytearray()"));
            return NONE;
        });
        method(ba, "insert", "self, index, item, /", a -> {
            PByteArray b = (PByteArray) a[0];
            byte v = byteValue(a[2]);
            byte[] old = b.toBytes();
            long i = Conversions.asLong(a[1]);
            i = i < 0 ? Math.max(0, i + old.length) : Math.min(i, old.length);
            byte[] r = new byte[old.length + 1];
            System.arraycopy(old, 0, r, 0, (int) i);
            r[(int) i] = v;
            System.arraycopy(old, (int) i, r, (int) i + 1, old.length - (int) i);
            b.setContents(r);
            return NONE;
        });
        method(ba, "pop", "self, index=-1, /", a -> {
            PByteArray b = (PByteArray) a[0];
            byte[] old = b.toBytes();
            if (old.length == 0) {
                throw Errors.indexError("pop from empty bytearray");
            }
            long i = Conversions.asLong(a[1]);
            if (i < 0) {
                i += old.length;
            }
            if (i < 0 || i >= old.length) {
                throw Errors.indexError("pop index out of range");
            }
            long v = old[(int) i] & 0xff;
            b.setContents(concat(Arrays.copyOfRange(old, 0, (int) i), Arrays.copyOfRange(old, (int) i + 1, old.length)));
            return v;
        });
        method(ba, "remove", "self, value, /", a -> {
            PByteArray b = (PByteArray) a[0];
            byte v = byteValue(a[1]);
            byte[] old = b.toBytes();
            for (int i = 0; i < old.length; i++) {
                if (old[i] == v) {
                    b.setContents(concat(Arrays.copyOfRange(old, 0, i), Arrays.copyOfRange(old, i + 1, old.length)));
                    return NONE;
                }
            }
            throw Errors.valueError("value not found in bytearray");
        });
        method(ba, "reverse", "self", a -> {
            PByteArray b = (PByteArray) a[0];
            byte[] r = b.toBytes();
            for (int i = 0, j = r.length - 1; i < j; i++, j--) {
                byte t = r[i];
                r[i] = r[j];
                r[j] = t;
            }
            b.setContents(r);
            return NONE;
        });
        method(ba, "copy", "self", a -> new PByteArray(((PByteArray) a[0]).toBytes()));
        method(ba, "clear", "self", a -> {
            ((PByteArray) a[0]).setContents(new byte[0]);
            return NONE;
        });
    }

    // =====================================================================================================
    // Helpers
    // =====================================================================================================

    private static void transform(PClass c, String name, boolean mutable, java.util.function.UnaryOperator<byte[]> op) {
        method(c, name, "self", a -> wrap(op.apply(Sequences.bytesOf(a[0])), mutable));
    }

    private interface BytePredicate {
        boolean test(byte b);
    }

    private static void predicate(PClass c, String name, BytePredicate p) {
        method(c, name, "self", a -> {
            byte[] b = Sequences.bytesOf(a[0]);
            if (b.length == 0) {
                return false;
            }
            for (byte x : b) {
                if (!p.test(x)) {
                    return false;
                }
            }
            return true;
        });
    }

    private static Object wrap(byte[] b, boolean mutable) {
        return mutable ? new PByteArray(b) : new PBytes(b);
    }

    private static byte[] concat(byte[] x, byte[] y) {
        byte[] r = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, r, x.length, y.length);
        return r;
    }

    /** A bytes-like argument; TypeError for anything else, as CPython's buffer arguments. */
    static byte[] bytesArg(Object o) {
        if (o instanceof PBytes || o instanceof PByteArray || o instanceof dev.mp.runtime.objects.PMemoryView) {
            return Sequences.bytesOf(o);
        }
        throw Errors.typeError("a bytes-like object is required, not '%s'", Types.typeName(o));
    }

    /** The sub argument of find, count and index: bytes-like, or an int naming one byte. */
    private static byte[] subArg(Object o) {
        if (o instanceof PBytes || o instanceof PByteArray || o instanceof dev.mp.runtime.objects.PMemoryView) {
            return Sequences.bytesOf(o);
        }
        if (Types.isInt(o)) {
            return new byte[] {byteValue(o)};
        }
        throw Errors.typeError("argument should be integer or bytes-like object, not '%s'", Types.typeName(o));
    }

    private static byte byteValue(Object o) {
        long v = Conversions.asLong(o);
        if (v < 0 || v > 255) {
            throw Errors.valueError("byte must be in range(0, 256)");
        }
        return (byte) v;
    }

    /** start and end of a slice of a sequence of length n, adjusted as CPython's ADJUST_INDICES; start may exceed end. */
    private static int[] range(int n, Object start, Object end) {
        long s = start == NONE ? 0 : Sequences.sliceValue(start);
        long e = end == NONE ? n : Sequences.sliceValue(end);
        if (e > n) {
            e = n;
        } else if (e < 0) {
            e = Math.max(0, e + n);
        }
        if (s < 0) {
            s = Math.max(0, s + n);
        }
        return new int[] {(int) Math.min(s, Integer.MAX_VALUE), (int) e};
    }

    private static long indexOf(byte[] b, byte[] sub, int[] range) {
        if (range[0] > range[1]) {
            return -1;
        }
        return Sequences.indexOf(b, sub, range[0], range[1]);
    }

    private static long lastIndexOf(byte[] b, byte[] sub, int[] range) {
        for (int i = range[1] - sub.length; i >= range[0]; i--) {
            if (Arrays.equals(b, i, i + sub.length, sub, 0, sub.length)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSpace(byte x) {
        return x == ' ' || (x >= '\t' && x <= '\r');
    }

    private static boolean isLower(byte x) {
        return x >= 'a' && x <= 'z';
    }

    private static boolean isUpper(byte x) {
        return x >= 'A' && x <= 'Z';
    }

    private static boolean isAlpha(byte x) {
        return isLower(x) || isUpper(x);
    }

    private static boolean isDigit(byte x) {
        return x >= '0' && x <= '9';
    }

    private static byte lower(byte x) {
        return isUpper(x) ? (byte) (x + 32) : x;
    }

    private static byte upper(byte x) {
        return isLower(x) ? (byte) (x - 32) : x;
    }

    private static byte[] map(byte[] b, ByteOperator op) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = op.apply(b[i]);
        }
        return r;
    }

    private interface ByteOperator {
        byte apply(byte b);
    }

    private static byte[] title(byte[] b) {
        byte[] r = new byte[b.length];
        boolean previousCased = false;
        for (int i = 0; i < b.length; i++) {
            r[i] = previousCased ? lower(b[i]) : upper(b[i]);
            previousCased = isAlpha(b[i]);
        }
        return r;
    }

    /** islower/isupper: at least one cased byte, and none of the other case. */
    private static boolean cased(byte[] b, boolean upper) {
        boolean any = false;
        for (byte x : b) {
            if (upper ? isLower(x) : isUpper(x)) {
                return false;
            }
            any |= upper ? isUpper(x) : isLower(x);
        }
        return any;
    }

    private static boolean isTitle(byte[] b) {
        boolean any = false;
        boolean previousCased = false;
        for (byte x : b) {
            if (isUpper(x)) {
                if (previousCased) {
                    return false;
                }
                previousCased = true;
                any = true;
            } else if (isLower(x)) {
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

    private static byte[] strip(byte[] b, Object chars, boolean left, boolean right) {
        byte[] set = chars == NONE ? null : bytesArg(chars);
        int start = 0;
        int end = b.length;
        while (left && start < end && stripped(b[start], set)) {
            start++;
        }
        while (right && end > start && stripped(b[end - 1], set)) {
            end--;
        }
        return Arrays.copyOfRange(b, start, end);
    }

    private static boolean stripped(byte x, byte[] set) {
        if (set == null) {
            return isSpace(x);
        }
        for (byte s : set) {
            if (s == x) {
                return true;
            }
        }
        return false;
    }

    private static byte[] replace(byte[] b, byte[] old, byte[] replacement, long count) {
        long limit = count < 0 ? Long.MAX_VALUE : count;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (old.length == 0) {
            // An empty pattern matches before every byte and at the end.
            long done = 0;
            for (int i = 0; i <= b.length; i++) {
                if (done < limit) {
                    out.writeBytes(replacement);
                    done++;
                }
                if (i < b.length) {
                    out.write(b[i]);
                }
            }
            return out.toByteArray();
        }
        int pos = 0;
        long done = 0;
        for (int i = Sequences.indexOf(b, old, 0, b.length); i >= 0 && done < limit; i = Sequences.indexOf(b, old, pos, b.length)) {
            out.write(b, pos, i - pos);
            out.writeBytes(replacement);
            pos = i + old.length;
            done++;
        }
        out.write(b, pos, b.length - pos);
        return out.toByteArray();
    }

    private static PList split(byte[] b, Object sepArg, long maxsplit, boolean mutable, boolean fromRight) {
        List<byte[]> parts = new ArrayList<>();
        long limit = maxsplit < 0 ? Long.MAX_VALUE : maxsplit;
        if (sepArg == NONE) {
            // Runs of whitespace separate; there are no empty parts.
            int i = fromRight ? b.length - 1 : 0;
            int step = fromRight ? -1 : 1;
            while (true) {
                while (i >= 0 && i < b.length && isSpace(b[i])) {
                    i += step;
                }
                if (i < 0 || i >= b.length) {
                    break;
                }
                if (parts.size() == limit) {
                    int restStart = fromRight ? 0 : i;
                    int restEnd = fromRight ? i + 1 : b.length;
                    byte[] rest = Arrays.copyOfRange(b, restStart, restEnd);
                    parts.add(fromRight ? rstripSpace(rest) : lstripSpace(rest));
                    break;
                }
                int j = i;
                while (j >= 0 && j < b.length && !isSpace(b[j])) {
                    j += step;
                }
                parts.add(fromRight ? Arrays.copyOfRange(b, j + 1, i + 1) : Arrays.copyOfRange(b, i, j));
                i = j;
            }
        } else {
            byte[] sep = bytesArg(sepArg);
            if (sep.length == 0) {
                throw Errors.valueError("empty separator");
            }
            if (fromRight) {
                int end = b.length;
                int[] all = {0, b.length};
                while (parts.size() < limit) {
                    all[1] = end;
                    long i = lastIndexOf(b, sep, all);
                    if (i < 0) {
                        break;
                    }
                    parts.add(Arrays.copyOfRange(b, (int) i + sep.length, end));
                    end = (int) i;
                }
                parts.add(Arrays.copyOfRange(b, 0, end));
            } else {
                int start = 0;
                while (parts.size() < limit) {
                    int i = Sequences.indexOf(b, sep, start, b.length);
                    if (i < 0) {
                        break;
                    }
                    parts.add(Arrays.copyOfRange(b, start, i));
                    start = i + sep.length;
                }
                parts.add(Arrays.copyOfRange(b, start, b.length));
            }
        }
        if (fromRight) {
            java.util.Collections.reverse(parts);
        }
        PList out = new PList();
        for (byte[] p : parts) {
            out.add(wrap(p, mutable));
        }
        return out;
    }

    private static byte[] lstripSpace(byte[] b) {
        int i = 0;
        while (i < b.length && isSpace(b[i])) {
            i++;
        }
        return Arrays.copyOfRange(b, i, b.length);
    }

    private static byte[] rstripSpace(byte[] b) {
        int i = b.length;
        while (i > 0 && isSpace(b[i - 1])) {
            i--;
        }
        return Arrays.copyOfRange(b, 0, i);
    }

    /** Lines end at \n, \r or \r\n. */
    private static PList splitLines(byte[] b, boolean keepEnds, boolean mutable) {
        PList out = new PList();
        int start = 0;
        int i = 0;
        while (i < b.length) {
            if (b[i] == '\n' || b[i] == '\r') {
                int eol = i + (b[i] == '\r' && i + 1 < b.length && b[i + 1] == '\n' ? 2 : 1);
                out.add(wrap(Arrays.copyOfRange(b, start, keepEnds ? eol : i), mutable));
                start = eol;
                i = eol;
            } else {
                i++;
            }
        }
        if (start < b.length) {
            out.add(wrap(Arrays.copyOfRange(b, start, b.length), mutable));
        }
        return out;
    }

    private static byte[] pad(byte[] b, long width, byte fill, String how) {
        if (width <= b.length) {
            return b.clone();
        }
        Sizes.width(width);
        int total = (int) width - b.length;
        int left = switch (how) {
            case "ljust" -> 0;
            case "rjust" -> total;
            // As CPython's centering: the odd extra byte goes left when the target width is odd.
            default -> total / 2 + (total & (int) width & 1);
        };
        byte[] r = new byte[(int) width];
        Arrays.fill(r, fill);
        System.arraycopy(b, 0, r, left, b.length);
        return r;
    }

    private static byte[] zfill(byte[] b, long width) {
        if (width <= b.length) {
            return b.clone();
        }
        byte[] r = pad(b, width, (byte) '0', "rjust");
        int fill = (int) width - b.length;
        if (b.length > 0 && (b[0] == '+' || b[0] == '-')) {
            r[0] = b[0];
            r[fill] = '0';
        }
        return r;
    }

    private static byte[] expandTabs(byte[] b, long tabsize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long column = 0;
        for (byte x : b) {
            if (x == '\t') {
                if (tabsize > 0) {
                    long spaces = tabsize - column % tabsize;
                    Sizes.length(out.size() + spaces);
                    for (long k = 0; k < spaces; k++) {
                        out.write(' ');
                    }
                    column += spaces;
                }
            } else {
                out.write(x);
                column = x == '\n' || x == '\r' ? 0 : column + 1;
            }
        }
        return out.toByteArray();
    }

    /** {@code bytes.hex(sep, bytes_per_sep)}: {@code sep} null for none. */
    public static String hex(byte[] b, Object sep, long bytesPerSep) {
        StringBuilder sb = new StringBuilder();
        String separator = null;
        if (sep != null) {
            separator = sep instanceof String s ? s : new String(bytesArg(sep), StandardCharsets.ISO_8859_1);
            if (separator.length() != 1) {
                throw Errors.valueError("sep must be length 1.");
            }
        }
        long group = Math.abs(bytesPerSep);
        for (int i = 0; i < b.length; i++) {
            // Groups are counted from the right for a positive bytes_per_sep, from the left for a negative one.
            boolean boundary = separator != null && group > 0 && i > 0
                    && (bytesPerSep > 0 ? (b.length - i) % group == 0 : i % group == 0);
            if (boundary) {
                sb.append(separator);
            }
            sb.append(String.format("%02x", b[i] & 0xff));
        }
        return sb.toString();
    }

    private static byte[] fromHex(Object arg) {
        if (!(arg instanceof String s)) {
            throw Errors.typeError("fromhex() argument must be str, not %s", Types.typeName(arg));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (Character.isWhitespace(ch) && ch < 128) {
                i++;
                continue;
            }
            int high = Character.digit(ch, 16);
            int low = i + 1 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
            if (high < 0 || ch > 127) {
                throw Errors.valueError("non-hexadecimal number found in fromhex() arg at position %d", i);
            }
            if (low < 0 || s.charAt(i + 1) > 127) {
                throw Errors.valueError("non-hexadecimal number found in fromhex() arg at position %d", i + 1);
            }
            out.write(high * 16 + low);
            i += 2;
        }
        return out.toByteArray();
    }

    /** The contents of {@code bytes(source, encoding, errors)} or {@code bytearray(...)} ({@code function} names which). */
    static byte[] make(Object source, Object encoding, Object errors, String function) {
        if (source == null) {
            return new byte[0];
        }
        if (source instanceof String s) {
            if (encoding == null) {
                throw Errors.typeError("string argument without an encoding");
            }
            return Codecs.encode(s, StrType.codecArgument(encoding, function + " argument 'encoding'"),
                    errors == null ? "strict" : StrType.codecArgument(errors, function + " argument 'errors'"));
        }
        if (encoding != null || errors != null) {
            throw Errors.typeError(encoding != null ? "encoding without a string argument" : "errors without a string argument");
        }
        if (source instanceof PBytes || source instanceof PByteArray) {
            return Sequences.bytesOf(source).clone();
        }
        if (source instanceof dev.mp.runtime.objects.PMemoryView view) {
            return view.toBytes();
        }
        if (source instanceof dev.mp.runtime.objects.BufferExporter exporter) {
            return exporter.exportedMemory().toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
        }
        if (source instanceof Long n) {
            if (n < 0) {
                throw Errors.valueError("negative count");
            }
            return new byte[Sizes.length(n)];
        }
        if (source instanceof java.math.BigInteger) {
            Sizes.indexSized(source);
        }
        List<Object> items = Iteration.toList(source);
        byte[] out = new byte[items.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = items.get(i);
            if (!Types.isInt(v)) {
                throw Errors.typeError("'%s' object cannot be interpreted as an integer", Types.typeName(v));
            }
            long x = Conversions.asLong(v);
            if (x < 0 || x > 255) {
                throw Errors.valueError("bytes must be in range(0, 256)");
            }
            out[i] = (byte) x;
        }
        return out;
    }
}
