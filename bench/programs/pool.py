# multiprocessing.Pool: map of 10,000 small tasks on 4 workers, with the pool already started (map only) and
# from the creation of the pool to its end (start, map, close and join).
import time
from multiprocessing import Pool


def square(x):
    return x * x


if __name__ == '__main__':
    t = time.perf_counter()
    pool = Pool(4)
    pool.map(square, range(8), chunksize=1)
    started = time.perf_counter()
    result = pool.map(square, range(10000))
    mapped = time.perf_counter()
    pool.close()
    pool.join()
    done = time.perf_counter()
    assert result == [x * x for x in range(10000)]
    print('pool_map10k_ms %.1f' % ((mapped - started) * 1000))
    print('pool_lifetime_map10k_ms %.1f' % ((done - t) * 1000))
