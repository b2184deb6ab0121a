package dev.mp.runtime.threading;

import static dev.mp.runtime.builtins.BuiltinBuilder.constructor;
import static dev.mp.runtime.builtins.BuiltinBuilder.method;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.objects.BuiltinClasses;
import dev.mp.runtime.objects.PClass;
import dev.mp.runtime.objects.PNone;
import dev.mp.runtime.objects.PObject;
import dev.mp.runtime.objects.PTuple;
import dev.mp.runtime.ops.Conversions;
import dev.mp.runtime.ops.Errors;
import dev.mp.runtime.ops.Identity;

/**
 * The locks of {@code _thread}: {@code lock} (threading.Lock: any thread may release it) and {@code RLock}
 * (re-entrant, owned by a thread). A free lock is taken without waiting; a taken one is waited for without the
 * GIL ({@link Waits}).
 */
public final class ThreadLocks {
    private ThreadLocks() {
    }

    static final PClass LOCK = new PClass("lock", "_thread", new PClass[] {BuiltinClasses.OBJECT}, false, PClass.Layout.BUILTIN);
    static final PClass RLOCK = new PClass("RLock", "_thread", new PClass[] {BuiltinClasses.OBJECT}, true, PClass.Layout.BUILTIN);

    /** {@code _thread.lock}. Its state changes only under the GIL, but waiters take it without. */
    public static final class Lock extends PObject {
        final Semaphore permit = new Semaphore(1);
        private final Gil gil;

        public Lock(Gil gil) {
            this.gil = gil;
        }

        @Override
        public PClass getPythonClass() {
            return LOCK;
        }

        /** Takes the lock, waiting at most timeoutNanos (negative: for ever) when blocking. */
        public boolean acquire(boolean blocking, long timeoutNanos) {
            if (permit.tryAcquire()) {
                return true;
            }
            if (!blocking || timeoutNanos == 0) {
                return false;
            }
            return Waits.await(gil, timeoutNanos, nanos -> permit.tryAcquire(nanos, TimeUnit.NANOSECONDS));
        }

        public boolean isLocked() {
            return permit.availablePermits() == 0;
        }

        public void release() {
            if (!isLocked()) {
                throw Errors.runtimeError("release unlocked lock");
            }
            permit.release();
        }
    }

    /** {@code _thread.RLock}: the owner and count change only under the GIL, by the owner. */
    public static final class RLock extends PObject {
        final Semaphore permit = new Semaphore(1);
        private final Gil gil;
        private final PClass cls;
        private Thread owner;
        private long count;

        RLock(Gil gil, PClass cls) {
            this.gil = gil;
            this.cls = cls;
        }

        @Override
        public PClass getPythonClass() {
            return cls;
        }

        boolean acquire(boolean blocking, long timeoutNanos) {
            Thread me = Thread.currentThread();
            if (owner == me) {
                count++;
                return true;
            }
            boolean got = permit.tryAcquire();
            if (!got && blocking && timeoutNanos != 0) {
                got = Waits.await(gil, timeoutNanos, nanos -> permit.tryAcquire(nanos, TimeUnit.NANOSECONDS));
            }
            if (got) {
                owner = me;
                count = 1;
            }
            return got;
        }

        boolean isOwned() {
            return owner == Thread.currentThread();
        }

        void release() {
            if (!isOwned()) {
                throw Errors.runtimeError("cannot release un-acquired lock");
            }
            if (--count == 0) {
                owner = null;
                permit.release();
            }
        }

        /** Releases it whatever the count, for Condition.wait: the (count, owner) to restore. */
        PTuple releaseSave() {
            if (count == 0) {
                throw Errors.runtimeError("cannot release un-acquired lock");
            }
            PTuple state = PTuple.of(count, owner.threadId());
            owner = null;
            count = 0;
            permit.release();
            return state;
        }

        void acquireRestore(PTuple state) {
            acquire(true, -1);
            count = Conversions.asLong(state.get(0));
        }

    }

    private static Gil gil() {
        return MpContext.get(null).gil();
    }

    static void populate() {
        method(LOCK, "acquire", "self, blocking=True, timeout=-1", a -> {
            boolean blocking = Conversions.isTrue(a[1]);
            return ((Lock) a[0]).acquire(blocking, Waits.lockTimeoutNanos(blocking, a[2]));
        });
        LOCK.dict().put("acquire_lock", LOCK.dict().get("acquire"));
        method(LOCK, "__enter__", "self", a -> ((Lock) a[0]).acquire(true, -1));
        method(LOCK, "release", "self", a -> {
            ((Lock) a[0]).release();
            return PNone.NONE;
        });
        LOCK.dict().put("release_lock", LOCK.dict().get("release"));
        method(LOCK, "__exit__", "self, *args", a -> {
            ((Lock) a[0]).release();
            return PNone.NONE;
        });
        method(LOCK, "locked", "self", a -> ((Lock) a[0]).isLocked());
        LOCK.dict().put("locked_lock", LOCK.dict().get("locked"));
        method(LOCK, "__repr__", "self", a -> "<" + (((Lock) a[0]).isLocked() ? "locked" : "unlocked") + " _thread.lock object at "
                + Identity.hexId(a[0]) + ">");

        constructor(RLOCK, "cls, *args, **kwargs", a -> new RLock(gil(), (PClass) a[0]));
        method(RLOCK, "acquire", "self, blocking=True, timeout=-1", a -> {
            boolean blocking = Conversions.isTrue(a[1]);
            return ((RLock) a[0]).acquire(blocking, Waits.lockTimeoutNanos(blocking, a[2]));
        });
        method(RLOCK, "__enter__", "self, blocking=True, timeout=-1", a -> {
            boolean blocking = Conversions.isTrue(a[1]);
            return ((RLock) a[0]).acquire(blocking, Waits.lockTimeoutNanos(blocking, a[2]));
        });
        method(RLOCK, "release", "self", a -> {
            ((RLock) a[0]).release();
            return PNone.NONE;
        });
        method(RLOCK, "__exit__", "self, *args", a -> {
            ((RLock) a[0]).release();
            return PNone.NONE;
        });
        method(RLOCK, "_is_owned", "self", a -> ((RLock) a[0]).isOwned());
        method(RLOCK, "_recursion_count", "self", a -> ((RLock) a[0]).isOwned() ? ((RLock) a[0]).count : 0L);
        method(RLOCK, "_release_save", "self", a -> ((RLock) a[0]).releaseSave());
        method(RLOCK, "_acquire_restore", "self, state, /", a -> {
            ((RLock) a[0]).acquireRestore((PTuple) a[1]);
            return PNone.NONE;
        });
        method(RLOCK, "__repr__", "self", a -> {
            RLock l = (RLock) a[0];
            Thread owner = l.owner;
            return "<" + (owner != null ? "locked" : "unlocked") + " " + (l.cls == RLOCK ? "_thread.RLock" : l.cls.qualname()) + " object owner="
                    + (owner == null ? 0 : owner.threadId()) + " count=" + l.count + " at " + Identity.hexId(a[0]) + ">";
        });
    }
}
