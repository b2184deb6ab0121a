package dev.mp.runtime.modules;

import static dev.mp.runtime.builtins.BuiltinBuilder.method;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PObject;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Sequences;
import dev.mp.runtime.ops.Types;

/** sys.stdin, sys.stdout and sys.stderr over the context's streams. */
final class StdStream extends PObject {
    private static final PClass CLASS = IoBaseClasses.streamType("TextIOWrapper", "_io", IoBaseClasses.TEXT_IO_BASE);

    private final MpContext context;
    private final int fd;
    /** {@code buffer}: the same stream as bytes. */
    private final StdBinaryStream buffer;

    private StdStream(MpContext context, int fd) {
        this.context = context;
        this.fd = fd;
        this.buffer = new StdBinaryStream(context, fd);
    }

    static StdStream stdin(MpContext c) {
        return new StdStream(c, 0);
    }

    static StdStream stdout(MpContext c) {
        return new StdStream(c, 1);
    }

    static StdStream stderr(MpContext c) {
        return new StdStream(c, 2);
    }

    @Override
    public PClass getPythonClass() {
        return CLASS;
    }

    static {
        method(CLASS, "write", "self, s, /", a -> {
            StdStream s = (StdStream) a[0];
            if (!(Types.baseValue(a[1]) instanceof String text)) {
                throw Errors.typeError("write() argument must be str, not %s", Types.typeName(a[1]));
            }
            if (s.fd == 2) {
                Streams.writeStderr(s.context, text);
            } else {
                Streams.writeStdout(s.context, text);
            }
            return Sequences.len(text);
        });
        method(CLASS, "flush", "self", a -> PNone.NONE);
        method(CLASS, "readline", "self, size=-1", a -> Streams.readline(((StdStream) a[0]).context));
        method(CLASS, "read", "self, size=-1", a -> {
            StringBuilder sb = new StringBuilder();
            for (String line = Streams.readline(((StdStream) a[0]).context); !line.isEmpty(); line = Streams.readline(((StdStream) a[0]).context)) {
                sb.append(line);
            }
            return sb.toString();
        });
        method(CLASS, "fileno", "self", a -> (long) ((StdStream) a[0]).fd);
        method(CLASS, "isatty", "self", a -> Boolean.FALSE);
        dev.mp.runtime.builtins.BuiltinBuilder.attribute(CLASS, "name", o -> new String[] {"<stdin>", "<stdout>", "<stderr>"}[((StdStream) o).fd]);
        dev.mp.runtime.builtins.BuiltinBuilder.attribute(CLASS, "buffer", o -> ((StdStream) o).buffer);
        method(CLASS, "__iter__", "self", a -> a[0]);
        method(CLASS, "__next__", "self", a -> {
            String line = Streams.readline(((StdStream) a[0]).context);
            if (line.isEmpty()) {
                throw Errors.raise(BuiltinClasses.exception("StopIteration"));
            }
            return line;
        });
    }
}
