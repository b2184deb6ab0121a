package dev.mp.runtime.multiprocessing;

import static dev.mp.runtime.builtins.BuiltinBuilder.attribute;
import static dev.mp.runtime.builtins.BuiltinBuilder.method;

import java.util.Arrays;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.multiprocessing.ipc.BrokenPipeException;
import dev.mp.runtime.multiprocessing.ipc.ConnectionClosedException;
import dev.mp.runtime.multiprocessing.ipc.HandleClosedException;
import dev.mp.runtime.multiprocessing.ipc.ShmConnection;
import dev.mp.runtime.multiprocessing.ipc.ShmPipe;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PByteArray;
import dev.mp.runtime.objects.PBytes;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PObject;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Types;

/**
 * {@code Pipe()} and its {@code Connection} ends (CPython's {@code connection} module), over a shared-memory
 * pipe. {@code recv} raises EOFError once the other end is closed and everything it sent was received.
 */
final class Connections {
    private Connections() {
    }

    static final PClass CONNECTION = new PClass("Connection", "multiprocessing.connection",
            new PClass[] {BuiltinClasses.OBJECT}, true, PClass.Layout.BUILTIN);

    static final class Connection extends PObject implements SharedResource {
        final ShmConnection end;

        Connection(ShmConnection end) {
            this.end = end;
        }

        @Override
        public PClass getPythonClass() {
            return CONNECTION;
        }

        @Override
        public String resourceKind() {
            return "connection";
        }

        @Override
        public String shareHandle() {
            return call(end::descriptor);
        }

        @Override
        public String shareHandle(long receiverPid) {
            return call(() -> end.descriptorFor(receiverPid));
        }

        void send(byte[] data) {
            call(() -> {
                if (!end.writable()) {
                    throw Errors.make("OSError", "connection is read-only");
                }
                end.send(data);
                return null;
            });
        }

        byte[] recv() {
            return call(() -> {
                if (!end.readable()) {
                    throw Errors.make("OSError", "connection is write-only");
                }
                byte[][] got = new byte[1][];
                Blocking.await(-1, slice -> (got[0] = end.recv(slice == 0 ? 0 : slice)) != null);
                return got[0];
            });
        }

        boolean poll(long timeoutNanos) {
            return call(() -> Blocking.await(timeoutNanos, slice -> end.poll(slice)));
        }

        /** Runs an operation on the end, turning the ipc layer's exceptions into CPython's. */
        private static <T> T call(java.util.function.Supplier<T> op) {
            try {
                return op.get();
            } catch (ConnectionClosedException e) {
                throw Errors.raise(BuiltinClasses.exception("EOFError"));
            } catch (BrokenPipeException e) {
                throw Errors.osError(BrokenPipeException.ERRNO, "Broken pipe", null);
            } catch (HandleClosedException e) {
                throw Errors.make("OSError", "handle is closed");
            } catch (UnsupportedOperationException e) {
                throw Errors.make("OSError", "%s", e.getMessage());
            }
        }
    }

    static void register() {
        ResourceKinds.register("connection", (String h) -> new Connection(ShmConnection.attach(h)));
    }

    private static Connection self(Object o) {
        return (Connection) o;
    }

    static void populate(PModule m) {
        m.dict().put("Connection", CONNECTION);
        dev.mp.runtime.builtins.BuiltinBuilder.moduleFunction(m, "Pipe", "duplex=True", a -> {
            ShmPipe pipe = ShmPipe.create(Conversions.isTrue(a[0]));
            return PTuple.of(new Connection(pipe.end0()), new Connection(pipe.end1()));
        });
        method(CONNECTION, "send", "self, obj", a -> {
            self(a[0]).send(Reduction.dumps(a[1]));
            return PNone.NONE;
        });
        method(CONNECTION, "recv", "self", a -> Reduction.loads(MpContext.get(null), self(a[0]).recv()));
        method(CONNECTION, "send_bytes", "self, buf, offset=0, size=None", a -> {
            byte[] data = bytesOf(a[1]);
            long offset = Conversions.asLong(a[2]);
            if (offset < 0) {
                throw Errors.valueError("offset is negative");
            }
            if (data.length < offset) {
                throw Errors.valueError("buffer length < offset");
            }
            long size = a[3] == PNone.NONE ? data.length - offset : Conversions.asLong(a[3]);
            if (size < 0) {
                throw Errors.valueError("size is negative");
            }
            if (offset + size > data.length) {
                throw Errors.valueError("buffer length < offset + size");
            }
            self(a[0]).send(Arrays.copyOfRange(data, (int) offset, (int) (offset + size)));
            return PNone.NONE;
        });
        method(CONNECTION, "recv_bytes", "self, maxlength=None", a -> {
            if (a[1] != PNone.NONE && Conversions.asLong(a[1]) < 0) {
                throw Errors.valueError("negative maxlength");
            }
            byte[] data = self(a[0]).recv();
            if (a[1] != PNone.NONE && data.length > Conversions.asLong(a[1])) {
                self(a[0]).end.close();
                throw Errors.make("OSError", "bad message length");
            }
            return new PBytes(data);
        });
        method(CONNECTION, "poll", "self, timeout=0.0", a -> {
            Object timeout = a[1];
            if (timeout != PNone.NONE && !(timeout instanceof Double) && !Types.isInt(Types.baseValue(timeout))) {
                // CPython adds the timeout to time.monotonic().
                throw Errors.typeError("unsupported operand type(s) for +: 'float' and '%s'", Types.typeName(timeout));
            }
            return self(a[0]).poll(Blocking.timeoutNanos(timeout));
        });
        method(CONNECTION, "close", "self", a -> {
            self(a[0]).end.close();
            return PNone.NONE;
        });
        method(CONNECTION, "__enter__", "self", a -> a[0]);
        method(CONNECTION, "__exit__", "self, *args", a -> {
            self(a[0]).end.close();
            return PNone.NONE;
        });
        attribute(CONNECTION, "closed", self -> self(self).end.closed());
        attribute(CONNECTION, "readable", self -> self(self).end.readable());
        attribute(CONNECTION, "writable", self -> self(self).end.writable());
    }

    private static byte[] bytesOf(Object o) {
        if (o instanceof PBytes b) {
            return b.bytes();
        }
        if (o instanceof PByteArray b) {
            return b.toBytes();
        }
        // CPython's send_bytes takes a memoryview of it.
        throw Errors.typeError("memoryview: a bytes-like object is required, not '%s'", Types.typeName(o));
    }
}
