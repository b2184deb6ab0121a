package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.method;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.TruffleFile;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PList;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PObject;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Iteration;
import dev.mp.runtime.ops.Sequences;
import dev.mp.runtime.ops.Types;

/**
 * {@code open()} and file objects. Reading loads the file on open (text with universal newlines); writing
 * goes through a stream opened per the mode. Files are reached through the context's IO policy.
 */
final class FileObjects {
    private FileObjects() {
    }

    static final PClass TEXT = new PClass("TextIOWrapper", "_io", new PClass[] {BuiltinClasses.OBJECT}, true, PClass.Layout.BUILTIN);
    static final PClass BINARY = new PClass("BufferedReader", "_io", new PClass[] {BuiltinClasses.OBJECT}, true, PClass.Layout.BUILTIN);

    /** An open file. */
    static final class PFile extends PObject {
        final String name;
        final String mode;
        final boolean binary;
        final Charset charset;
        String text;
        byte[] bytes;
        int position;
        OutputStream out;
        boolean closed;

        PFile(String name, String mode, boolean binary, Charset charset) {
            this.name = name;
            this.mode = mode;
            this.binary = binary;
            this.charset = charset;
        }

        @Override
        public PClass getPythonClass() {
            return binary ? BINARY : TEXT;
        }

        void checkOpen() {
            if (closed) {
                throw Errors.valueError("I/O operation on closed file.");
            }
        }

        void checkReadable() {
            checkOpen();
            if (text == null && bytes == null) {
                throw Errors.make("OSError", "not readable");
            }
        }

        int length() {
            return binary ? bytes.length : text.length();
        }
    }

    static {
        for (PClass c : new PClass[] {TEXT, BINARY}) {
            method(c, "read", "self, size=-1", a -> {
                PFile f = (PFile) a[0];
                f.checkReadable();
                long size = Conversions.asLong(a[1]);
                int end = size < 0 ? f.length() : (int) Math.min(f.length(), f.position + size);
                int start = Math.min(f.position, end);
                f.position = end;
                return f.binary ? new PBytes(java.util.Arrays.copyOfRange(f.bytes, start, end)) : f.text.substring(start, end);
            });
            method(c, "readline", "self, size=-1", a -> readline((PFile) a[0]));
            method(c, "readlines", "self, hint=-1", a -> {
                PList out = new PList();
                PFile f = (PFile) a[0];
                f.checkReadable();
                for (Object line = readline(f); Sequences.len(line) > 0; line = readline(f)) {
                    out.add(line);
                }
                return out;
            });
            method(c, "write", "self, s", a -> {
                PFile f = (PFile) a[0];
                f.checkOpen();
                if (f.out == null) {
                    throw Errors.make("OSError", "not writable");
                }
                byte[] data;
                if (f.binary) {
                    data = Sequences.bytesOf(a[1]);
                } else {
                    if (!(a[1] instanceof String s)) {
                        throw Errors.typeError("write() argument must be str, not %s", Types.typeName(a[1]));
                    }
                    data = s.getBytes(f.charset);
                }
                try {
                    f.out.write(data);
                } catch (IOException e) {
                    throw Errors.osError(5, "Input/output error", f.name);
                }
                return f.binary ? (long) data.length : Sequences.len(a[1]);
            });
            method(c, "writelines", "self, lines", a -> {
                for (Object line : Iteration.toList(a[1])) {
                    dev.mp.runtime.ops.Calls.callMethod(a[0], "write", line);
                }
                return PNone.NONE;
            });
            method(c, "flush", "self", a -> {
                PFile f = (PFile) a[0];
                try {
                    if (f.out != null) {
                        f.out.flush();
                    }
                } catch (IOException e) {
                    throw Errors.osError(5, "Input/output error", f.name);
                }
                return PNone.NONE;
            });
            method(c, "close", "self", a -> {
                close((PFile) a[0]);
                return PNone.NONE;
            });
            method(c, "seek", "self, offset, whence=0", a -> {
                PFile f = (PFile) a[0];
                f.checkOpen();
                long off = Conversions.asLong(a[1]);
                long whence = Conversions.asLong(a[2]);
                if (f.text != null || f.bytes != null) {
                    f.position = (int) Math.max(0, whence == 2 ? f.length() + off : whence == 1 ? f.position + off : off);
                }
                return (long) f.position;
            });
            method(c, "tell", "self", a -> (long) ((PFile) a[0]).position);
            method(c, "readable", "self", a -> ((PFile) a[0]).out == null);
            method(c, "writable", "self", a -> ((PFile) a[0]).out != null);
            method(c, "__enter__", "self", a -> {
                ((PFile) a[0]).checkOpen();
                return a[0];
            });
            method(c, "__exit__", "self, *args", a -> {
                close((PFile) a[0]);
                return PNone.NONE;
            });
            method(c, "__iter__", "self", a -> a[0]);
            method(c, "__next__", "self", a -> {
                Object line = readline((PFile) a[0]);
                if (Sequences.len(line) == 0) {
                    throw Errors.raise(BuiltinClasses.exception("StopIteration"));
                }
                return line;
            });
            dev.mp.runtime.builtins.BuiltinBuilder.attribute(c, "name", o -> ((PFile) o).name);
            dev.mp.runtime.builtins.BuiltinBuilder.attribute(c, "mode", o -> ((PFile) o).mode);
            dev.mp.runtime.builtins.BuiltinBuilder.attribute(c, "closed", o -> ((PFile) o).closed);
            method(c, "__repr__", "self", a -> {
                PFile f = (PFile) a[0];
                return "<_io." + f.getPythonClass().name() + " name=" + dev.mp.runtime.ops.StringRepr.repr(f.name) + " mode='" + f.mode + "'"
                        + (f.binary ? "" : " encoding='" + f.charset.name() + "'") + ">";
            });
        }
    }

    private static Object readline(PFile f) {
        f.checkReadable();
        int len = f.length();
        int start = f.position;
        int i = start;
        while (i < len && (f.binary ? f.bytes[i] != '\n' : f.text.charAt(i) != '\n')) {
            i++;
        }
        int end = Math.min(len, i + 1);
        f.position = end;
        return f.binary ? new PBytes(java.util.Arrays.copyOfRange(f.bytes, start, end)) : f.text.substring(start, end);
    }

    private static void close(PFile f) {
        if (f.closed) {
            return;
        }
        f.closed = true;
        try {
            if (f.out != null) {
                f.out.close();
            }
        } catch (IOException e) {
            throw Errors.osError(5, "Input/output error", f.name);
        }
    }

    static Object open(MpContext context, Object[] a) {
        if (!(a[0] instanceof String path)) {
            throw Errors.typeError("expected str, bytes or os.PathLike object, not %s", Types.typeName(a[0]));
        }
        String mode = (String) a[1];
        boolean binary = mode.contains("b");
        boolean plus = mode.contains("+");
        char kind = mode.replace("b", "").replace("t", "").replace("+", "").isEmpty() ? 'r' : mode.replace("b", "").replace("t", "").replace("+", "").charAt(0);
        if ("rwax".indexOf(kind) < 0 || mode.replace("b", "").replace("t", "").replace("+", "").length() > 1) {
            throw Errors.valueError("invalid mode: '%s'", mode);
        }
        if (binary && a[3] != PNone.NONE) {
            throw Errors.valueError("binary mode doesn't take an encoding argument");
        }
        Charset cs = a[3] == PNone.NONE ? java.nio.charset.StandardCharsets.UTF_8 : charsetOf((String) a[3]);
        PFile f = new PFile(path, mode, binary, cs);
        try {
            TruffleFile file = context.env().getPublicTruffleFile(path);
            if (file.isDirectory()) {
                throw Errors.osError(21, "Is a directory", path);
            }
            if (kind == 'r') {
                byte[] content = file.readAllBytes();
                if (binary) {
                    f.bytes = content;
                } else {
                    f.text = new String(content, cs).replace("\r\n", "\n").replace('\r', '\n');
                }
                if (plus) {
                    f.out = file.newOutputStream(StandardOpenOption.WRITE);
                }
            } else {
                List<OpenOption> options = new ArrayList<>();
                options.add(StandardOpenOption.WRITE);
                switch (kind) {
                    case 'w' -> {
                        options.add(StandardOpenOption.CREATE);
                        options.add(StandardOpenOption.TRUNCATE_EXISTING);
                    }
                    case 'a' -> {
                        options.add(StandardOpenOption.CREATE);
                        options.add(StandardOpenOption.APPEND);
                    }
                    default -> options.add(StandardOpenOption.CREATE_NEW);
                }
                f.out = new java.io.BufferedOutputStream(file.newOutputStream(options.toArray(new OpenOption[0])));
                if (plus) {
                    f.bytes = binary ? new byte[0] : null;
                    f.text = binary ? null : "";
                }
            }
        } catch (SecurityException e) {
            // The embedder's IO policy (Context.Builder.allowIO) forbids this file.
            throw Errors.osError(1, "Operation not permitted", path);
        } catch (IOException e) {
            throw Errors.osError(e, path, null);
        }
        return f;
    }

    private static Charset charsetOf(String name) {
        try {
            return "utf-8".equalsIgnoreCase(name) || "utf8".equalsIgnoreCase(name) ? java.nio.charset.StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (Exception e) {
            throw Errors.make("LookupError", "unknown encoding: %s", name);
        }
    }
}
