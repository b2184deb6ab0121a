package dev.mp.runtime.builtins;

import static dev.mp.runtime.builtins.BuiltinBuilder.constructor;
import static dev.mp.runtime.builtins.BuiltinBuilder.method;

import java.nio.charset.StandardCharsets;

import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PByteArray;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Iteration;
import dev.mp.runtime.ops.Sequences;
import dev.mp.runtime.ops.Types;

/** bytes and bytearray. Text-like methods work on the Latin-1 view of the bytes, which maps each byte to one char. */
final class BytesTypes {
    private BytesTypes() {
    }

    static void install() {
        for (PClass c : new PClass[] {BuiltinClasses.BYTES, BuiltinClasses.BYTEARRAY}) {
            boolean mutable = c == BuiltinClasses.BYTEARRAY;
            constructor(c, "cls, source=?, encoding=?, errors=?", a -> {
                byte[] b = make(a[1], a[2]);
                return mutable ? new PByteArray(b) : new PBytes(b);
            });
            method(c, "decode", "self, encoding='utf-8', errors='strict'", a -> StrType.decode(Sequences.bytesOf(a[0]), (String) a[1], a[2]));
            method(c, "hex", "self", a -> {
                StringBuilder sb = new StringBuilder();
                for (byte b : Sequences.bytesOf(a[0])) {
                    sb.append(String.format("%02x", b & 0xff));
                }
                return sb.toString();
            });
            text(c, "upper", s -> s.toUpperCase(java.util.Locale.ROOT), mutable);
            text(c, "lower", s -> s.toLowerCase(java.util.Locale.ROOT), mutable);
            text(c, "strip", s -> s.strip(), mutable);
            text(c, "lstrip", s -> s.stripLeading(), mutable);
            text(c, "rstrip", s -> s.stripTrailing(), mutable);
            method(c, "startswith", "self, prefix", a -> latin(a[0]).startsWith(latin(a[1])));
            method(c, "endswith", "self, suffix", a -> latin(a[0]).endsWith(latin(a[1])));
            method(c, "find", "self, sub", a -> (long) latin(a[0]).indexOf(latin(a[1])));
            method(c, "count", "self, sub", a -> {
                String s = latin(a[0]);
                String sub = latin(a[1]);
                long n = 0;
                for (int i = s.indexOf(sub); i >= 0 && !sub.isEmpty(); i = s.indexOf(sub, i + sub.length())) {
                    n++;
                }
                return n;
            });
            method(c, "replace", "self, old, new", a -> wrap(latin(a[0]).replace(latin(a[1]), latin(a[2])), mutable));
            method(c, "split", "self, sep=None, maxsplit=-1", a -> {
                PList parts = StrType.split(latin(a[0]), a[1] instanceof PBytes || a[1] instanceof PByteArray ? latin(a[1]) : a[1],
                        Conversions.asLong(a[2]), false);
                PList out = new PList();
                for (Object p : parts.items()) {
                    out.add(wrap((String) p, mutable));
                }
                return out;
            });
            method(c, "join", "self, iterable", a -> {
                StringBuilder sb = new StringBuilder();
                String sep = latin(a[0]);
                int i = 0;
                for (Object o : Iteration.toList(a[1])) {
                    if (i++ > 0) {
                        sb.append(sep);
                    }
                    sb.append(latin(o));
                }
                return wrap(sb.toString(), mutable);
            });
            method(c, "isdigit", "self", a -> !latin(a[0]).isEmpty() && latin(a[0]).chars().allMatch(Character::isDigit));
            method(c, "isalpha", "self", a -> !latin(a[0]).isEmpty() && latin(a[0]).chars().allMatch(ch -> ch < 128 && Character.isLetter(ch)));
        }
        PClass ba = BuiltinClasses.BYTEARRAY;
        method(ba, "append", "self, item", a -> {
            long v = Conversions.asLong(a[1]);
            if (v < 0 || v > 255) {
                throw Errors.valueError("byte must be in range(0, 256)");
            }
            ((PByteArray) a[0]).append(new byte[] {(byte) v});
            return dev.mp.runtime.objects.PNone.NONE;
        });
        method(ba, "extend", "self, iterable", a -> {
            ((PByteArray) a[0]).append(make(a[1], null));
            return dev.mp.runtime.objects.PNone.NONE;
        });
        method(ba, "clear", "self", a -> {
            ((PByteArray) a[0]).setContents(new byte[0]);
            return dev.mp.runtime.objects.PNone.NONE;
        });
        BuiltinBuilder.classMethod(BuiltinClasses.BYTES, "fromhex", "cls, string", a -> new PBytes(java.util.HexFormat.of().parseHex(((String) a[1]).replace(" ", ""))));
    }

    private static void text(PClass c, String name, java.util.function.UnaryOperator<String> op, boolean mutable) {
        method(c, name, "self", a -> wrap(op.apply(latin(a[0])), mutable));
    }

    static String latin(Object o) {
        return new String(Sequences.bytesOf(o), StandardCharsets.ISO_8859_1);
    }

    private static Object wrap(String s, boolean mutable) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return mutable ? new PByteArray(b) : new PBytes(b);
    }

    static byte[] make(Object source, Object encoding) {
        if (source == null) {
            return new byte[0];
        }
        if (source instanceof String s) {
            if (encoding == null) {
                throw Errors.typeError("string argument without an encoding");
            }
            return StrType.encode(s, (String) encoding);
        }
        if (source instanceof PBytes || source instanceof PByteArray) {
            return Sequences.bytesOf(source).clone();
        }
        if (source instanceof Long n) {
            if (n < 0) {
                throw Errors.valueError("negative count");
            }
            return new byte[(int) (long) n];
        }
        java.util.List<Object> items = Iteration.toList(source);
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
