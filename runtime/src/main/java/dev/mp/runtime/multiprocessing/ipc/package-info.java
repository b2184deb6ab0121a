/**
 * Cross-process byte-message transport for {@code multiprocessing} in shared memory: {@link
 * dev.mp.runtime.multiprocessing.ipc.ShmQueue}, {@link dev.mp.runtime.multiprocessing.ipc.ShmJoinableQueue},
 * {@link dev.mp.runtime.multiprocessing.ipc.ShmSimpleQueue} and {@link dev.mp.runtime.multiprocessing.ipc.ShmPipe}
 * / {@link dev.mp.runtime.multiprocessing.ipc.ShmConnection}.
 *
 * <p>Objects live in regions of {@code dev.mp.runtime.multiprocessing.shm.SharedRegion} and are rebuilt in another
 * process from {@code descriptor()} with the static {@code attach(String)}. Messages are opaque byte[] (pickling is
 * the binder's job). The ring protocol ({@code Ring}) is safe against a SIGKILL of any participant at any instant:
 * writes are published by one atomic store after the data is complete, locks are robust (dead owners are taken
 * over), and streamed messages of dead or timed-out writers are discarded by readers. Unbounded queues never block
 * a put: a full ring overflows into a chain of further shared files ({@code Overflow}).
 *
 * <p>Exception mapping for the binder: {@code put/get} return false/null for queue.Full/queue.Empty;
 * {@link dev.mp.runtime.multiprocessing.ipc.ShmExhaustedException} → MemoryError;
 * {@link dev.mp.runtime.multiprocessing.ipc.ConnectionClosedException} → EOFError;
 * {@link dev.mp.runtime.multiprocessing.ipc.BrokenPipeException} → BrokenPipeError;
 * {@link dev.mp.runtime.multiprocessing.ipc.HandleClosedException} → OSError("handle is closed");
 * other {@link java.lang.IllegalStateException} (put on closed queue, task_done too often) → ValueError;
 * {@link java.lang.UnsupportedOperationException} (wrong direction on a one-way pipe) → OSError.
 */
package dev.mp.runtime.multiprocessing.ipc;
