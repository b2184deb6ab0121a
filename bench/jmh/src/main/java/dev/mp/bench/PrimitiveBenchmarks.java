package dev.mp.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import dev.mp.runtime.multiprocessing.ipc.ShmConnection;
import dev.mp.runtime.multiprocessing.ipc.ShmPipe;
import dev.mp.runtime.multiprocessing.ipc.ShmQueue;
import dev.mp.runtime.multiprocessing.shm.ShmEvent;
import dev.mp.runtime.multiprocessing.shm.ShmLock;
import dev.mp.runtime.multiprocessing.shm.ShmRLock;
import dev.mp.runtime.multiprocessing.shm.ShmSemaphore;

/**
 * The cost of the shared-memory primitives at the Java level, below the interpreter: what a Python-level operation
 * costs at least. Uncontended operations run on one thread; the contended ones on two threads of one JVM, which
 * meet in the same futex words as two processes do.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC"})
public class PrimitiveBenchmarks {

    @State(Scope.Benchmark)
    public static class Primitives {
        ShmLock lock;
        ShmRLock rlock;
        ShmSemaphore semaphore;
        ShmEvent event;
        ShmQueue queue;
        ShmConnection pipeEnd;
        final byte[] message = new byte[16];

        @Setup
        public void create() {
            lock = ShmLock.create();
            rlock = ShmRLock.create();
            semaphore = ShmSemaphore.create(4, Integer.MAX_VALUE);
            event = ShmEvent.create();
            queue = ShmQueue.create(0);
            pipeEnd = ShmPipe.create(true).end0();
        }
    }

    @Benchmark
    public void lockAcquireRelease(Primitives p) {
        p.lock.acquire();
        p.lock.release();
    }

    @Benchmark
    public void rlockAcquireRelease(Primitives p) {
        p.rlock.acquire(true, -1);
        p.rlock.release();
    }

    @Benchmark
    public void semaphoreAcquireRelease(Primitives p) {
        p.semaphore.acquire();
        p.semaphore.release();
    }

    @Benchmark
    public void eventSetClear(Primitives p) {
        p.event.set();
        p.event.clear();
    }

    @Benchmark
    public boolean eventIsSet(Primitives p) {
        return p.event.isSet();
    }

    /** A put and a get of a 16-byte message in one process. */
    @Benchmark
    public byte[] queuePutGet(Primitives p) {
        p.queue.put(p.message);
        return p.queue.get();
    }

    /** Two threads taking turns on one lock. */
    @Benchmark
    @Threads(2)
    public void lockContended(Primitives p) {
        p.lock.acquire();
        p.lock.release();
    }

    /** An echo thread that answers each set of {@code ping} by setting {@code pong}. */
    @State(Scope.Benchmark)
    public static class PingPong {
        final ShmEvent ping = ShmEvent.create();
        final ShmEvent pong = ShmEvent.create();
        volatile boolean stop;
        Thread echo;

        @Setup
        public void start() {
            echo = new Thread(() -> {
                while (!stop) {
                    if (ping.await(10_000_000L)) {
                        ping.clear();
                        pong.set();
                    }
                }
            }, "echo");
            echo.setDaemon(true);
            echo.start();
        }

        @TearDown
        public void stop() throws InterruptedException {
            stop = true;
            echo.join();
        }
    }

    /** A round trip to another thread through two events: twice the wake-up latency of a futex wait. */
    @Benchmark
    public void eventPingPong(PingPong s) {
        s.ping.set();
        s.pong.await(-1);
        s.pong.clear();
    }
}
