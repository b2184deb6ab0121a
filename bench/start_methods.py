# Process start-up under one start method, given as the first argument (spawn or forkserver); valid Python and mp.
#   python3 bench/start_methods.py forkserver        bin/mp bench/start_methods.py forkserver
# Prints: the median and range of 20 sequential start+join, a burst of 10 started together then joined, and the
# lifetime of a Pool(4) (create, map of 10,000 small tasks, close, join), as bench/programs/pool.py measures it.
import statistics
import sys
import time
import multiprocessing as mp


def noop():
    pass


def square(x):
    return x * x


if __name__ == '__main__':
    mp.set_start_method(sys.argv[1])
    p = mp.Process(target=noop)
    p.start()
    p.join()   # warm-up
    times = []
    for i in range(20):
        t = time.perf_counter()
        p = mp.Process(target=noop)
        p.start()
        p.join()
        times.append((time.perf_counter() - t) * 1000)
    print('sequential_median_ms %.1f (min %.1f, max %.1f)' % (statistics.median(times), min(times), max(times)))
    t = time.perf_counter()
    ps = [mp.Process(target=noop) for i in range(10)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print('burst10_ms %.0f' % ((time.perf_counter() - t) * 1000))
    t = time.perf_counter()
    pool = mp.Pool(4)
    result = pool.map(square, range(10000))
    pool.close()
    pool.join()
    assert result == [x * x for x in range(10000)]
    print('pool4_lifetime_map10k_ms %.0f' % ((time.perf_counter() - t) * 1000))
