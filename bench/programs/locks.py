# Lock and Semaphore cost in one process, and a Lock hammered by two processes (start and join included).
import time
from multiprocessing import Process, Lock, Semaphore


def hammer(lock, n):
    for i in range(n):
        lock.acquire()
        lock.release()


if __name__ == '__main__':
    n = 200000
    lock = Lock()
    t = time.perf_counter()
    for i in range(n):
        lock.acquire()
        lock.release()
    print('lock_uncontended_ns', round((time.perf_counter() - t) / n * 1e9, 1))
    sem = Semaphore(4)
    t = time.perf_counter()
    for i in range(n):
        with sem:
            pass
    print('semaphore_with_ns', round((time.perf_counter() - t) / n * 1e9, 1))
    ps = [Process(target=hammer, args=(lock, n)) for i in range(2)]
    t = time.perf_counter()
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print('lock_contended_2proc_ops_per_s', round(2 * n / (time.perf_counter() - t)))
