# Process start+join latency: one at a time, and a burst of 10 started together then joined.
import time
from multiprocessing import Process


def noop():
    pass


if __name__ == '__main__':
    p = Process(target=noop)
    p.start()
    p.join()   # warm-up
    t = time.perf_counter()
    for i in range(10):
        p = Process(target=noop)
        p.start()
        p.join()
    print('spawn_sequential_ms', round((time.perf_counter() - t) / 10 * 1000, 2))
    t = time.perf_counter()
    ps = [Process(target=noop) for i in range(10)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print('spawn_burst10_ms', round((time.perf_counter() - t) * 1000, 2))
