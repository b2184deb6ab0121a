# Interpreter work in one process: calls, a while loop, string building, dict filling and iteration.
import time


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def loops(n):
    s = 0
    i = 0
    while i < n:
        s += i % 7
        i += 1
    return s


def strings(n):
    parts = []
    for i in range(n):
        parts.append(f'{i}:{i * 2}')
    return len(','.join(parts).upper())


def dicts(n):
    d = {}
    for i in range(n):
        d[str(i)] = i
    total = 0
    for k, v in d.items():
        total += v
    return total


if __name__ == '__main__':
    for name, f, arg, warmup in [('fib25', fib, 25, 18), ('loop1m', loops, 1000000, 100000),
                                 ('strings200k', strings, 200000, 20000), ('dicts200k', dicts, 200000, 20000)]:
        f(warmup)
        t = time.perf_counter()
        f(arg)
        print(f'compute_{name}_ms', round((time.perf_counter() - t) * 1000, 1))
