/**
 * Cross-process synchronization primitives in shared memory, for mp's {@code multiprocessing}.
 *
 * <p>Building blocks: {@link dev.mp.runtime.multiprocessing.shm.SharedRegion} (a file under
 * {@code /dev/shm} mapped into a {@link java.lang.foreign.MemorySegment}),
 * {@link dev.mp.runtime.multiprocessing.shm.Futex} (Linux futex via FFM, polling fallback elsewhere)
 * and {@link dev.mp.runtime.multiprocessing.shm.ResourceTracker} (removes a process's regions at
 * exit; {@code sweepStale()} removes those of dead creators at start-up).
 *
 * <p>Primitives: {@code ShmLock}, {@code ShmRLock}, {@code ShmSemaphore}, {@code ShmEvent},
 * {@code ShmCondition}, {@code ShmBarrier}. Each lives at an 8-aligned offset of a region and uses
 * {@code SIZE} bytes; {@code create()} gives it a small region of its own, {@code create(region,
 * offset, ...)} places it in a region shared with other data, {@code attach(region, offset)} views
 * an initialized one. Every primitive has a {@code descriptor()} string,
 * {@code <kind>:<regionName>:<offset>} (a condition appends {@code |<lock descriptor>}), which
 * {@code attach(String)} re-opens in any process (mappings of one region are shared per process).
 * Kinds: {@code lock}, {@code rlock}, {@code sem}, {@code event}, {@code cond}, {@code barrier}.
 *
 * <p>Locks and semaphores survive the death of a holder (SIGKILL, SIGTERM, crash): blocked waiters
 * re-check every 50 ms whether the holder pid is alive and take over / give back its permits,
 * logging a WARN. Because {@code Object.wait(long)} and {@code Object.notifyAll()} are final,
 * Python's {@code wait}/{@code notify_all} are called {@code await}/{@code notifyAllWaiters}.
 */
package dev.mp.runtime.multiprocessing.shm;
