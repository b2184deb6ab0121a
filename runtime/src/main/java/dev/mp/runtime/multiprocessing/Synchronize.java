package dev.mp.runtime.multiprocessing;

import static dev.mp.runtime.builtins.BuiltinBuilder.attribute;
import static dev.mp.runtime.builtins.BuiltinBuilder.method;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.multiprocessing.shm.ShmBarrier;
import dev.mp.runtime.multiprocessing.shm.ShmBrokenBarrierException;
import dev.mp.runtime.multiprocessing.shm.ShmCondition;
import dev.mp.runtime.multiprocessing.shm.ShmEvent;
import dev.mp.runtime.multiprocessing.shm.ShmLock;
import dev.mp.runtime.multiprocessing.shm.ShmRLock;
import dev.mp.runtime.multiprocessing.shm.ShmSemaphore;
import dev.mp.runtime.multiprocessing.shm.SharedLock;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PObject;
import dev.mp.runtime.ops.Calls;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;

/**
 * The synchronization primitives of {@code multiprocessing} (CPython's {@code synchronize} module) over the
 * shared-memory implementations in {@code shm}: Lock, RLock, Semaphore, BoundedSemaphore, Condition, Event and
 * Barrier. Each pickles as the descriptor of its shared memory, so every process that receives one uses the
 * same primitive.
 */
final class Synchronize {
    private Synchronize() {
    }

    static final PClass LOCK = type("Lock");
    static final PClass RLOCK = type("RLock");
    static final PClass SEMAPHORE = type("Semaphore");
    static final PClass BOUNDED_SEMAPHORE = new PClass("BoundedSemaphore", "multiprocessing.synchronize",
            new PClass[] {SEMAPHORE}, true, PClass.Layout.BUILTIN);
    static final PClass CONDITION = type("Condition");
    static final PClass EVENT = type("Event");
    static final PClass BARRIER = type("Barrier");
    static final PClass BROKEN_BARRIER_ERROR = new PClass("BrokenBarrierError", "threading",
            new PClass[] {BuiltinClasses.exception("RuntimeError")}, true, PClass.Layout.EXCEPTION);

    private static PClass type(String name) {
        return new PClass(name, "multiprocessing.synchronize", new PClass[] {BuiltinClasses.OBJECT}, true, PClass.Layout.BUILTIN);
    }

    /** The name CPython shows for a lock's owner: this process's name, or SomeOtherProcess. */
    private static String ownerName(int ownerPid) {
        MpContext context = MpContext.current();
        return ownerPid != ProcessHandle.current().pid() ? "SomeOtherProcess" : context == null ? "MainProcess" : context.processName();
    }

    /**
     * What Lock, RLock and Semaphore share (CPython's {@code SemLock}): pickling as the shared primitive's
     * descriptor, a blocking acquire cut into interruptible slices, and a release that raises CPython's exception.
     */
    abstract static class SemLock<T extends SharedLock> extends PObject implements SharedResource {
        final T lock;
        private final String kind;

        SemLock(T lock, String kind) {
            this.lock = lock;
            this.kind = kind;
        }

        /** CPython's exception for a release the primitive refuses. */
        abstract RuntimeException releaseRefused();

        @Override
        public final String resourceKind() {
            return kind;
        }

        @Override
        public final String shareHandle() {
            return lock.descriptor();
        }

        final boolean acquire(boolean block, long timeoutNanos) {
            if (lock.tryAcquire()) {
                return true;
            }
            if (!block) {
                return lock.acquire(false, 0);
            }
            return Blocking.await(timeoutNanos, slice -> lock.acquire(slice != 0, slice));
        }

        final void release() {
            try {
                lock.release();
            } catch (IllegalStateException e) {
                throw releaseRefused();
            }
        }
    }

    static final class Lock extends SemLock<ShmLock> {
        Lock(ShmLock lock) {
            super(lock, "lock");
        }

        @Override
        public PClass getPythonClass() {
            return LOCK;
        }

        @Override
        RuntimeException releaseRefused() {
            return Errors.valueError("semaphore or lock released too many times");
        }
    }

    static final class RLock extends SemLock<ShmRLock> {
        RLock(ShmRLock lock) {
            super(lock, "rlock");
        }

        @Override
        public PClass getPythonClass() {
            return RLOCK;
        }

        @Override
        RuntimeException releaseRefused() {
            return Errors.make("AssertionError", "attempt to release recursive lock not owned by thread");
        }
    }

    static final class Semaphore extends SemLock<ShmSemaphore> {
        Semaphore(ShmSemaphore semaphore) {
            super(semaphore, "semaphore");
        }

        @Override
        public PClass getPythonClass() {
            return lock.maxValue() == Integer.MAX_VALUE ? SEMAPHORE : BOUNDED_SEMAPHORE;
        }

        @Override
        RuntimeException releaseRefused() {
            return Errors.valueError("semaphore or lock released too many times");
        }
    }

    static final class Condition extends PObject implements SharedResource {
        final ShmCondition condition;
        /** The condition's lock, as a Python object. */
        final SemLock<?> lock;

        Condition(ShmCondition condition, SemLock<?> lock) {
            this.condition = condition;
            this.lock = lock;
        }

        @Override
        public PClass getPythonClass() {
            return CONDITION;
        }

        @Override
        public String resourceKind() {
            return "condition";
        }

        @Override
        public String shareHandle() {
            return condition.descriptor();
        }

        boolean await(long timeoutNanos) {
            if (!condition.isMine()) {
                throw Errors.make("AssertionError", "must acquire() condition before using wait()");
            }
            // Each slice releases and re-takes the lock; a notify needs the lock, so none falls between slices.
            return Blocking.await(timeoutNanos, slice -> condition.await(slice == 0 ? 0 : slice));
        }

        void checkOwned() {
            if (!condition.isMine()) {
                throw Errors.make("AssertionError", "lock is not owned");
            }
        }
    }

    static final class Event extends PObject implements SharedResource {
        final ShmEvent event;

        Event(ShmEvent event) {
            this.event = event;
        }

        @Override
        public PClass getPythonClass() {
            return EVENT;
        }

        @Override
        public String resourceKind() {
            return "event";
        }

        @Override
        public String shareHandle() {
            return event.descriptor();
        }
    }

    static final class Barrier extends PObject implements SharedResource {
        final ShmBarrier barrier;
        final Object action;
        final Object timeout;
        /** The parties it was made with, which need not be a positive int (see the constructor). */
        final Object parties;

        Barrier(ShmBarrier barrier, Object action, Object timeout, Object parties) {
            this.barrier = barrier;
            this.action = action;
            this.timeout = timeout;
            this.parties = parties;
        }

        @Override
        public PClass getPythonClass() {
            return BARRIER;
        }

        @Override
        public String resourceKind() {
            return "barrier";
        }

        @Override
        public String shareHandle() {
            return barrier.descriptor();
        }

        @Override
        public Object sharedState() {
            return dev.mp.runtime.objects.PTuple.of(action, timeout, parties);
        }
    }

    static void register() {
        ResourceKinds.register("lock", (String h) -> new Lock(ShmLock.attach(h)));
        ResourceKinds.register("rlock", (String h) -> new RLock(ShmRLock.attach(h)));
        ResourceKinds.register("semaphore", (String h) -> new Semaphore(ShmSemaphore.attach(h)));
        ResourceKinds.register("condition", (String h) -> {
            ShmCondition c = ShmCondition.attach(h);
            return new Condition(c, c.lock() != null ? new Lock(c.lock()) : new RLock(c.rlock()));
        });
        ResourceKinds.register("event", (String h) -> new Event(ShmEvent.attach(h)));
        ResourceKinds.register("barrier", (h, state) -> {
            dev.mp.runtime.objects.PTuple t = (dev.mp.runtime.objects.PTuple) state;
            return new Barrier(ShmBarrier.attach(h), t.get(0), t.get(1), t.get(2));
        });
    }

    /** The lock behind a Lock, RLock, Semaphore or Condition object. */
    private static SemLock<?> semLock(Object self) {
        return self instanceof Condition c ? c.lock : (SemLock<?>) self;
    }

    static void populate(PModule m) {
        var d = m.dict();
        d.put("Lock", LOCK);
        d.put("RLock", RLOCK);
        d.put("Semaphore", SEMAPHORE);
        d.put("BoundedSemaphore", BOUNDED_SEMAPHORE);
        d.put("Condition", CONDITION);
        d.put("Event", EVENT);
        d.put("Barrier", BARRIER);
        d.put("BrokenBarrierError", BROKEN_BARRIER_ERROR);

        for (PClass cls : new PClass[] {LOCK, RLOCK, SEMAPHORE, CONDITION}) {
            method(cls, "acquire", "self, block=True, timeout=None",
                    a -> semLock(a[0]).acquire(Conversions.isTrue(a[1]), Blocking.timeoutNanos(a[2])));
            method(cls, "release", "self", a -> {
                semLock(a[0]).release();
                return PNone.NONE;
            });
            method(cls, "__enter__", "self", a -> semLock(a[0]).acquire(true, -1));
            method(cls, "__exit__", "self, *args", a -> {
                semLock(a[0]).release();
                return PNone.NONE;
            });
        }

        dev.mp.runtime.builtins.BuiltinBuilder.constructor(LOCK, "cls, *, ctx=None", a -> new Lock(ShmLock.create()));
        method(LOCK, "__repr__", "self", a -> {
            int owner = ((Lock) a[0]).lock.ownerPid();
            return "<Lock(owner=" + (owner == 0 ? "None" : ownerName(owner)) + ")>";
        });

        dev.mp.runtime.builtins.BuiltinBuilder.constructor(RLOCK, "cls, *, ctx=None", a -> new RLock(ShmRLock.create()));
        method(RLOCK, "__repr__", "self", a -> {
            ShmRLock l = ((RLock) a[0]).lock;
            int owner = l.ownerPid();
            return "<RLock(" + (owner == 0 ? "None" : ownerName(owner)) + ", " + (owner == 0 ? 0 : l.count()) + ")>";
        });

        dev.mp.runtime.builtins.BuiltinBuilder.constructor(SEMAPHORE, "cls, value=1, *, ctx=None", a -> {
            int value = semaphoreValue(a[1]);
            boolean bounded = a[0] == BOUNDED_SEMAPHORE;
            return new Semaphore(ShmSemaphore.create(value, bounded ? value : Integer.MAX_VALUE));
        });
        method(SEMAPHORE, "get_value", "self", a -> (long) ((Semaphore) a[0]).lock.getValue());
        method(SEMAPHORE, "__repr__", "self", a -> {
            ShmSemaphore s = ((Semaphore) a[0]).lock;
            if (s.maxValue() == Integer.MAX_VALUE) {
                return "<Semaphore(value=" + s.getValue() + ")>";
            }
            return "<BoundedSemaphore(value=" + s.getValue() + ", maxvalue=" + s.maxValue() + ")>";
        });

        dev.mp.runtime.builtins.BuiltinBuilder.constructor(CONDITION, "cls, lock=None, *, ctx=None", a -> {
            Object lock = a[1] == PNone.NONE ? new RLock(ShmRLock.create()) : a[1];
            if (lock instanceof Lock l) {
                return new Condition(ShmCondition.create(l.lock), l);
            }
            if (lock instanceof RLock r) {
                return new Condition(ShmCondition.create(r.lock), r);
            }
            if (dev.mp.runtime.ops.Attributes.lookup(lock, "acquire") == null) {
                throw Errors.attributeError("'%s' object has no attribute 'acquire'", dev.mp.runtime.ops.Types.typeName(lock));
            }
            throw Errors.typeError("Condition() needs a multiprocessing Lock or RLock, not '%s'",
                    dev.mp.runtime.ops.Types.typeName(lock));
        });
        method(CONDITION, "wait", "self, timeout=None", a -> ((Condition) a[0]).await(Blocking.timeoutNanos(a[1])));
        method(CONDITION, "wait_for", "self, predicate, timeout=None", a -> {
            Condition c = (Condition) a[0];
            Object result = Calls.call(a[1]);
            long timeout = Blocking.timeoutNanos(a[2]);
            long deadline = System.nanoTime() + timeout;
            while (!Conversions.isTrue(result)) {
                long wait = -1;
                if (timeout >= 0) {
                    wait = deadline - System.nanoTime();
                    if (wait <= 0) {
                        break;
                    }
                }
                c.await(wait);
                result = Calls.call(a[1]);
            }
            return result;
        });
        method(CONDITION, "notify", "self, n=1", a -> {
            Condition c = (Condition) a[0];
            c.checkOwned();
            c.condition.notify((int) Conversions.asLong(a[1]));
            return PNone.NONE;
        });
        method(CONDITION, "notify_all", "self", a -> {
            Condition c = (Condition) a[0];
            c.checkOwned();
            c.condition.notifyAllWaiters();
            return PNone.NONE;
        });
        method(CONDITION, "__repr__", "self", a -> {
            Condition c = (Condition) a[0];
            return "<Condition(" + Conversions.repr(c.lock) + ", " + c.condition.waiters() + ")>";
        });

        dev.mp.runtime.builtins.BuiltinBuilder.constructor(EVENT, "cls, *, ctx=None", a -> new Event(ShmEvent.create()));
        method(EVENT, "is_set", "self", a -> ((Event) a[0]).event.isSet());
        method(EVENT, "set", "self", a -> {
            ((Event) a[0]).event.set();
            return PNone.NONE;
        });
        method(EVENT, "clear", "self", a -> {
            ((Event) a[0]).event.clear();
            return PNone.NONE;
        });
        method(EVENT, "wait", "self, timeout=None", a -> {
            ShmEvent e = ((Event) a[0]).event;
            return Blocking.await(Blocking.timeoutNanos(a[1]), slice -> e.await(slice));
        });
        method(EVENT, "__repr__", "self", a -> "<Event at " + dev.mp.runtime.ops.Identity.hexId(a[0]) + " "
                + (((Event) a[0]).event.isSet() ? "set" : "unset") + ">");

        dev.mp.runtime.builtins.BuiltinBuilder.constructor(BARRIER, "cls, parties, action=None, timeout=None, *, ctx=None", a -> {
            // CPython takes any parties and trips when the count of arrivals equals it: one that is no positive C int
            // never trips (a wait breaks the barrier on its timeout), as a barrier of Integer.MAX_VALUE parties.
            Object parties = a[1];
            boolean trips = parties instanceof Long n && n > 0 && n <= Integer.MAX_VALUE;
            return new Barrier(ShmBarrier.create(trips ? (int) (long) (Long) parties : Integer.MAX_VALUE), a[2], a[3], parties);
        });
        method(BARRIER, "wait", "self, timeout=None", a -> {
            Barrier b = (Barrier) a[0];
            Object timeout = a[1] == PNone.NONE ? b.timeout : a[1];
            var gil = dev.mp.runtime.MpContext.get(null).gil();
            // The wait releases the GIL; the action, run by the last thread to arrive, takes it.
            Runnable action = b.action == PNone.NONE ? null : () -> gil.withLock(() -> Calls.call(b.action));
            long timeoutNanos = Blocking.timeoutNanos(timeout);
            try {
                return (long) gil.releaseWhile(() -> b.barrier.await(timeoutNanos, action));
            } catch (ShmBrokenBarrierException e) {
                throw Errors.raise(BROKEN_BARRIER_ERROR);
            }
        });
        method(BARRIER, "reset", "self", a -> {
            ((Barrier) a[0]).barrier.reset();
            return PNone.NONE;
        });
        method(BARRIER, "abort", "self", a -> {
            ((Barrier) a[0]).barrier.abort();
            return PNone.NONE;
        });
        attribute(BARRIER, "parties", self -> ((Barrier) self).parties);
        attribute(BARRIER, "n_waiting", self -> (long) ((Barrier) self).barrier.nWaiting());
        attribute(BARRIER, "broken", self -> ((Barrier) self).barrier.isBroken());
    }

    /** A semaphore's initial value as CPython's {@code sem_open} takes it: a C int, and EINVAL when negative. */
    private static int semaphoreValue(Object v) {
        Object index = Conversions.index(v);
        if (!(index instanceof Long value) || value != (int) (long) value) {
            throw Errors.overflowError("Python int too large to convert to C int");
        }
        if (value < 0) {
            throw Errors.osError(22, "Invalid argument", null);
        }
        return (int) (long) value;
    }
}
