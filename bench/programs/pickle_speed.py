# pickle.dumps and pickle.loads speed: a list of 100k small tuples, a dict of 100k str -> int, and nested objects
# (10k instances of a class holding a list and a dict). Prints the best of a few runs of each, in milliseconds.
import pickle
import sys
import time


class Point:
    def __init__(self, i):
        self.x = i
        self.y = -i
        self.tags = ['p', str(i)]
        self.meta = {'id': i, 'ok': i % 2 == 0}


def workloads():
    return {
        'tuples100k': [(i, i * 2, 'x') for i in range(100000)],
        'dict100k': {'key%d' % i: i for i in range(100000)},
        'objects10k': [Point(i) for i in range(10000)],
    }


def best_ms(f, runs):
    best = None
    for _ in range(runs):
        start = time.perf_counter()
        f()
        elapsed = (time.perf_counter() - start) * 1000
        best = elapsed if best is None else min(best, elapsed)
    return best


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    for name, value in workloads().items():
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        assert pickle.loads(data) is not None
        dumps = best_ms(lambda: pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), runs)
        loads = best_ms(lambda: pickle.loads(data), runs)
        print(f'pickle_{name}_dumps_ms {dumps:.1f}')
        print(f'pickle_{name}_loads_ms {loads:.1f}')
        print(f'pickle_{name}_bytes {len(data)}')


if __name__ == '__main__':
    main()
