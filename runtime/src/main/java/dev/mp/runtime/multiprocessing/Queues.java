package dev.mp.runtime.multiprocessing;

import static dev.mp.runtime.builtins.BuiltinBuilder.constructor;
import static dev.mp.runtime.builtins.BuiltinBuilder.method;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.multiprocessing.ipc.ShmExhaustedException;
import dev.mp.runtime.multiprocessing.ipc.ShmJoinableQueue;
import dev.mp.runtime.multiprocessing.ipc.ShmQueue;
import dev.mp.runtime.multiprocessing.ipc.ShmSimpleQueue;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PDict;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PObject;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Types;

/**
 * Queue, JoinableQueue and SimpleQueue (CPython's {@code queues} module) over a shared ring. An item is pickled
 * in the caller of {@code put}, so an unpicklable item raises there (CPython drops it in a feeder thread); there
 * is no feeder thread, so {@code join_thread} has nothing to wait for. As in CPython, a put into an unbounded
 * Queue or JoinableQueue never blocks (the ring overflows into further shared memory; MemoryError when none is
 * left). SimpleQueue does not block either, where CPython's writes to a pipe and blocks once the pipe's buffer
 * (64 KiB on Linux) is full with nobody reading: a program that runs under CPython runs here too.
 */
final class Queues {
    private Queues() {
    }

    static final PClass QUEUE = type("Queue", BuiltinClasses.OBJECT);
    static final PClass JOINABLE_QUEUE = type("JoinableQueue", QUEUE);
    static final PClass SIMPLE_QUEUE = type("SimpleQueue", BuiltinClasses.OBJECT);

    private static PClass type(String name, PClass base) {
        return new PClass(name, "multiprocessing.queues", new PClass[] {base}, true, PClass.Layout.BUILTIN);
    }

    static final class Queue extends PObject implements SharedResource {
        final ShmQueue queue;
        private final PClass type;
        boolean closed;

        Queue(ShmQueue queue, PClass type) {
            this.queue = queue;
            this.type = type;
        }

        @Override
        public PClass getPythonClass() {
            return type;
        }

        @Override
        public String resourceKind() {
            return type == JOINABLE_QUEUE ? "joinable_queue" : type == SIMPLE_QUEUE ? "simple_queue" : "queue";
        }

        @Override
        public String shareHandle() {
            return queue.descriptor();
        }

        void checkOpen() {
            if (closed) {
                throw Errors.valueError("Queue %s is closed", Conversions.repr(this));
            }
        }

        void put(Object item, boolean block, long timeoutNanos) {
            checkOpen();
            Pickled pickled = Reduction.pickle(item);
            byte[] data;
            try {
                data = queue.spills(pickled.size()) ? queue.spill(pickled::writeTo) : pickled.toByteArray();
            } catch (java.io.UncheckedIOException e) {
                throw Errors.make("MemoryError", "cannot store a %d-byte queue item in shared memory: %s", pickled.size(),
                        e.getCause() == null ? e.getMessage() : e.getCause().toString());
            }
            boolean done;
            try {
                done = block
                        ? Blocking.await(timeoutNanos, slice -> queue.put(data, slice != 0, slice))
                        : queue.put(data, false, 0);
            } catch (ShmExhaustedException e) {
                queue.discard(data);
                throw Errors.make("MemoryError", "%s", e.getMessage());
            }
            if (!done) {
                queue.discard(data);
                throw queueError("Full");
            }
        }

        Object get(boolean block, long timeoutNanos) {
            checkOpen();
            byte[][] got = new byte[1][];
            boolean done = block
                    ? Blocking.await(timeoutNanos, slice -> (got[0] = queue.get(slice != 0, slice)) != null)
                    : (got[0] = queue.get(false, 0)) != null;
            if (!done) {
                throw queueError("Empty");
            }
            java.nio.channels.FileChannel spilled;
            try {
                spilled = queue.openSpilled(got[0]);
            } catch (java.io.UncheckedIOException e) {
                throw Errors.make("OSError", "a queue item was lost: its shared memory file %s is gone", ShmQueue.spillName(got[0]));
            }
            if (spilled == null) {
                return Reduction.loads(MpContext.get(null), got[0]);
            }
            try (spilled) {
                return Reduction.loads(MpContext.get(null), spilled);
            } catch (java.io.IOException e) {
                throw Errors.make("OSError", "cannot read a queue item: %s", e.getMessage());
            }
        }
    }

    /** {@code queue.Empty} or {@code queue.Full}, the exceptions of the standard {@code queue} module. */
    private static RuntimeException queueError(String name) {
        PModule queueModule = (PModule) MpContext.get(null).modules().importModule("queue", new PDict(), true, 0);
        return Errors.raise((PClass) queueModule.dict().get(name));
    }

    /**
     * A queue's maxsize as CPython reads it: {@code maxsize <= 0} means unbounded, else it is the value of a
     * BoundedSemaphore, a C int. Returns 0 for unbounded.
     */
    private static int maxsize(Object maxsize) {
        if (maxsize instanceof Double d) {
            if (d <= 0) {
                return 0;
            }
            throw Errors.typeError("'float' object cannot be interpreted as an integer");
        }
        if (!Types.isInt(Types.baseValue(maxsize))) {
            throw Errors.typeError("'<=' not supported between instances of '%s' and 'int'", Types.typeName(maxsize));
        }
        Object index = Conversions.index(maxsize);
        if (index instanceof java.math.BigInteger big) {
            if (big.signum() <= 0) {
                return 0;
            }
            throw Errors.overflowError("Python int too large to convert to C int");
        }
        long n = (Long) index;
        if (n > Integer.MAX_VALUE) {
            throw Errors.overflowError("Python int too large to convert to C int");
        }
        return n <= 0 ? 0 : (int) n;
    }

    static void register() {
        ResourceKinds.register("queue", (String h) -> new Queue(ShmQueue.attach(h), QUEUE));
        ResourceKinds.register("joinable_queue", (String h) -> new Queue(ShmJoinableQueue.attach(h), JOINABLE_QUEUE));
        ResourceKinds.register("simple_queue", (String h) -> new Queue(ShmSimpleQueue.attach(h), SIMPLE_QUEUE));
    }

    private static Queue self(Object o) {
        return (Queue) o;
    }

    static void populate(PModule m) {
        m.dict().put("Queue", QUEUE);
        m.dict().put("JoinableQueue", JOINABLE_QUEUE);
        m.dict().put("SimpleQueue", SIMPLE_QUEUE);

        constructor(QUEUE, "cls, maxsize=0, *, ctx=None", a -> {
            int bounded = maxsize(a[1]);
            return a[0] == JOINABLE_QUEUE
                    ? new Queue(ShmJoinableQueue.create(bounded), JOINABLE_QUEUE)
                    : new Queue(ShmQueue.create(bounded), QUEUE);
        });
        method(QUEUE, "put", "self, obj, block=True, timeout=None", a -> {
            self(a[0]).put(a[1], Conversions.isTrue(a[2]), Blocking.timeoutNanos(a[3]));
            return PNone.NONE;
        });
        method(QUEUE, "put_nowait", "self, obj", a -> {
            self(a[0]).put(a[1], false, 0);
            return PNone.NONE;
        });
        method(QUEUE, "get", "self, block=True, timeout=None",
                a -> self(a[0]).get(Conversions.isTrue(a[1]), Blocking.timeoutNanos(a[2])));
        method(QUEUE, "get_nowait", "self", a -> self(a[0]).get(false, 0));
        for (PClass cls : new PClass[] {QUEUE, SIMPLE_QUEUE}) {
            method(cls, "__repr__", "self", a -> "<" + Types.typeOf(a[0]).module() + "." + Types.typeOf(a[0]).name()
                    + " object at " + dev.mp.runtime.ops.Identity.hexId(a[0]) + ">");
        }
        method(QUEUE, "qsize", "self", a -> (long) self(a[0]).queue.qsize());
        method(QUEUE, "empty", "self", a -> self(a[0]).queue.empty());
        method(QUEUE, "full", "self", a -> self(a[0]).queue.full());
        method(QUEUE, "close", "self", a -> {
            self(a[0]).closed = true;
            return PNone.NONE;
        });
        method(QUEUE, "join_thread", "self", a -> {
            if (!self(a[0]).closed) {
                throw Errors.make("AssertionError", "Queue %s not closed", Conversions.repr(a[0]));
            }
            return PNone.NONE;
        });
        method(QUEUE, "cancel_join_thread", "self", a -> PNone.NONE);
        method(JOINABLE_QUEUE, "task_done", "self", a -> {
            try {
                ((ShmJoinableQueue) self(a[0]).queue).taskDone();
            } catch (IllegalStateException e) {
                throw Errors.valueError("task_done() called too many times");
            }
            return PNone.NONE;
        });
        method(JOINABLE_QUEUE, "join", "self", a -> {
            ShmJoinableQueue q = (ShmJoinableQueue) self(a[0]).queue;
            Blocking.await(-1, slice -> q.join(slice));
            return PNone.NONE;
        });

        constructor(SIMPLE_QUEUE, "cls, *, ctx=None", a -> new Queue(ShmSimpleQueue.create(), SIMPLE_QUEUE));
        method(SIMPLE_QUEUE, "put", "self, obj", a -> {
            self(a[0]).put(a[1], true, -1);
            return PNone.NONE;
        });
        method(SIMPLE_QUEUE, "get", "self", a -> self(a[0]).get(true, -1));
        method(SIMPLE_QUEUE, "empty", "self", a -> self(a[0]).queue.empty());
        method(SIMPLE_QUEUE, "close", "self", a -> {
            self(a[0]).closed = true;
            return PNone.NONE;
        });
    }
}
