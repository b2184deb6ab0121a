package dev.mp.runtime.threading;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.ThreadLocalAction;

import dev.mp.runtime.MpContext;

/**
 * The global interpreter lock of one context, as CPython's: the interpreter's objects (dicts, lists, frames
 * state) are not thread-safe, so a thread runs guest code only while it holds this lock.
 *
 * <p>Contracts:
 * <ul>
 * <li>Until the context starts its first thread ({@link #activate}) the lock does nothing at all: a
 * single-threaded program pays nothing for it.</li>
 * <li>A thread releases it around blocking operations ({@link #releaseWhile}), so others run meanwhile.</li>
 * <li>Handing over: a thread that has waited a switch interval (5 ms by default, {@code sys.setswitchinterval})
 * asks the holder, through a Truffle thread-local action, to yield; the holder does so at its next safepoint poll
 * (loop back-edges, function entries) and waits until another thread has taken the lock before queuing again,
 * so the lock goes round.</li>
 * <li>The interpreter state that belongs to a thread (call depth, exceptions being handled) is swapped into
 * the context with the lock, as CPython swaps its thread state.</li>
 * </ul>
 */
public final class Gil {
    private final MpContext context;
    /** Set once the context has a second thread; before that, acquiring and releasing do nothing. */
    private volatile boolean active;
    private final ReentrantLock monitor = new ReentrantLock();
    private final Condition changed = monitor.newCondition();
    /** The thread that holds the lock, or null. Guarded by monitor. */
    private Thread holder;
    /** How many times a thread has taken the lock; a waiter sees whether it went round. Guarded by monitor. */
    private long takes;
    /** Threads waiting in {@link #acquire}. Guarded by monitor. */
    private int waiters;
    /** A switch was asked of the present holder. Guarded by monitor. */
    private boolean switchRequested;
    private volatile long switchIntervalNanos = 5_000_000L;
    /** Each thread's interpreter state while it does not hold the lock. */
    private final ThreadLocal<MpContext.ThreadState> states = ThreadLocal.withInitial(MpContext.ThreadState::new);

    public Gil(MpContext context) {
        this.context = context;
    }

    /** Whether the context has had more than one thread (then the lock is in use). */
    public boolean isActive() {
        return active;
    }

    /**
     * Puts the lock in use, held by the calling thread: called by the thread that starts the context's first other
     * thread, the only one running guest code until then.
     */
    @TruffleBoundary
    public void activate() {
        if (active) {
            return;
        }
        monitor.lock();
        try {
            holder = Thread.currentThread();
            takes++;
            active = true;
        } finally {
            monitor.unlock();
        }
    }

    public boolean isHeldByCurrentThread() {
        if (!active) {
            return true;
        }
        monitor.lock();
        try {
            return holder == Thread.currentThread();
        } finally {
            monitor.unlock();
        }
    }

    /** The switch interval in seconds ({@code sys.getswitchinterval}). */
    public double switchInterval() {
        return switchIntervalNanos / 1e9;
    }

    public void setSwitchInterval(double seconds) {
        switchIntervalNanos = Math.max(1_000L, (long) (seconds * 1e9));
    }

    /**
     * Takes the lock, waiting as long as it takes (not interruptible: a caller holds the lock afterwards in every
     * case; thread-local actions run at the next safepoint poll), and installs the thread's interpreter state.
     */
    @TruffleBoundary
    public void acquire() {
        if (!active) {
            return;
        }
        Thread me = Thread.currentThread();
        boolean interrupted = false;
        monitor.lock();
        try {
            if (holder == me) {
                return;
            }
            waiters++;
            try {
                while (holder != null) {
                    long seen = takes;
                    try {
                        changed.awaitNanos(switchIntervalNanos);
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                    if (holder != null && takes == seen && !switchRequested) {
                        switchRequested = true;
                        Thread toAsk = holder;
                        monitor.unlock();
                        try {
                            requestSwitch(toAsk);
                        } finally {
                            monitor.lock();
                        }
                    }
                }
            } finally {
                waiters--;
            }
            holder = me;
            takes++;
            switchRequested = false;
            changed.signalAll();
        } finally {
            monitor.unlock();
        }
        context.restoreThreadState(states.get());
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Gives the lock up, keeping the thread's interpreter state for its next {@link #acquire}. */
    @TruffleBoundary
    public void release() {
        if (!active) {
            return;
        }
        Thread me = Thread.currentThread();
        monitor.lock();
        try {
            if (holder != me) {
                return;
            }
            context.saveThreadState(states.get());
            holder = null;
            changed.signalAll();
        } finally {
            monitor.unlock();
        }
    }

    /**
     * Runs a blocking operation without the lock, so that other threads run meanwhile, and takes it back
     * afterwards, also when the operation throws. The operation must not touch interpreter objects; thread-local
     * actions it runs (safepoint polls) may, since those that run guest code take the lock ({@link #withLock}).
     */
    public <T> T releaseWhile(Supplier<T> operation) {
        if (!active) {
            return operation.get();
        }
        return releasing(operation);
    }

    /** {@link #releaseWhile(Supplier)} for an operation without a result. */
    public void releaseWhile(Runnable operation) {
        if (!active) {
            operation.run();
            return;
        }
        releasing(() -> {
            operation.run();
            return null;
        });
    }

    @TruffleBoundary
    private <T> T releasing(Supplier<T> operation) {
        if (!isHeldByCurrentThread()) {
            return operation.get();
        }
        release();
        try {
            return operation.get();
        } finally {
            acquire();
        }
    }

    /**
     * Runs guest code from Java code that may run without the lock (a callback from a blocking operation, a
     * signal handler run at a safepoint of a blocked thread): takes the lock for it when needed.
     */
    @TruffleBoundary
    public <T> T withLock(Supplier<T> guestCode) {
        if (isHeldByCurrentThread()) {
            return guestCode.get();
        }
        acquire();
        try {
            return guestCode.get();
        } finally {
            release();
        }
    }

    /** Asks the holder to yield at its next safepoint poll. */
    private void requestSwitch(Thread toAsk) {
        try {
            context.env().submitThreadLocal(new Thread[] {toAsk}, new ThreadLocalAction(false, false) {
                @Override
                protected void perform(Access access) {
                    yieldToWaiters();
                }
            });
        } catch (IllegalStateException | UnsupportedOperationException e) {
            // The holder left the context (or it is closing): the waiter gets the lock when it is released.
        }
    }

    /**
     * The holder's side of a switch: releases the lock, waits until another thread has taken it (or nobody
     * waits any more), then queues for it again.
     */
    @TruffleBoundary
    void yieldToWaiters() {
        Thread me = Thread.currentThread();
        monitor.lock();
        try {
            if (holder != me) {
                return;
            }
            switchRequested = false;
            if (waiters == 0) {
                return;
            }
            context.saveThreadState(states.get());
            holder = null;
            long seen = takes;
            changed.signalAll();
            while (takes == seen && waiters > 0) {
                changed.awaitNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            monitor.unlock();
        }
        acquire();
    }
}
