# Everyday Python shapes whose cost is control flow rather than arithmetic: an early return, a search loop that
# returns from inside a for, break and continue, generators consumed by a for loop and by builtins, calls with
# keywords, a caught KeyError and isinstance. Each kernel runs 5 times after a warm-up; the best time is printed,
# so that one run of CPython and one of mp compare like with like (valid Python: `python3 control_flow.py`).
import time


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def early_return(n):
    return fib(n)


def search(n):
    xs = list(range(50))

    def find(v):
        for i, x in enumerate(xs):
            if x == v:
                return i
        return -1

    total = 0
    for _ in range(n):
        total += find(25)
    return total


def break_continue(n):
    c = 0
    for _ in range(n):
        j = 0
        while True:
            j += 1
            if j > 3:
                break
            if j == 2:
                continue
            c += j
    return c


def numbers(n):
    for i in range(n):
        yield i


def generator_for(n):
    total = 0
    for x in numbers(n):
        total += x
    return total


def generator_sum(n):
    return sum(x * 2 for x in range(n))


def keyword_calls(n):
    def f(a, b=2, *, c=3):
        return a

    for i in range(n):
        f(i, c=4)


def caught_keyerror(n):
    d = {}
    for i in range(n):
        try:
            d[i]
        except KeyError:
            pass


def isinstance_checks(n):
    class A:
        pass

    a = A()
    hits = 0
    for _ in range(n):
        if isinstance(a, A):
            hits += 1
    return hits


KERNELS = [
    ('early_return_fib25', early_return, 25, 15),
    ('search_return_20k', search, 20000, 2000),
    ('break_continue_100k', break_continue, 100000, 10000),
    ('generator_for_300k', generator_for, 300000, 30000),
    ('generator_sum_300k', generator_sum, 300000, 30000),
    ('keyword_calls_200k', keyword_calls, 200000, 20000),
    ('caught_keyerror_100k', caught_keyerror, 100000, 10000),
    ('isinstance_200k', isinstance_checks, 200000, 20000),
]

if __name__ == '__main__':
    for name, f, arg, warmup in KERNELS:
        f(warmup)
        best = None
        for _ in range(5):
            t = time.perf_counter()
            f(arg)
            elapsed = time.perf_counter() - t
            best = elapsed if best is None else min(best, elapsed)
        print(f'control_{name}_ms', round(best * 1000, 1))
