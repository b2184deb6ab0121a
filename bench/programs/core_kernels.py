# The interpreter core's everyday operations that control_flow.py does not cover: arithmetic in a while loop,
# plain and method calls, building and walking a dict, making instances, exceptions raised and caught (in one
# function and through a call), try/finally, and `with` on multiprocessing's Lock and Semaphore. Each kernel runs
# 8 times after a warm-up and the best time is printed. `thread` as the argument times with time.thread_time
# (the program thread's CPU: steadier on a busy machine, but without the serial collector's pauses, which run on
# another thread); else with time.perf_counter. Valid Python: `python3 core_kernels.py [thread]`.
import sys
import time
from multiprocessing import Lock, Semaphore


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def while_loop(n):
    s = 0
    i = 0
    while i < n:
        s += i % 7
        i += 1
    return s


def add(a, b):
    return a + b


def plain_calls(n):
    t = 0
    for i in range(n):
        t = add(t, i)
    return t


class Point:
    def __init__(self, x):
        self.x = x
        self.y = x

    def get(self):
        return self.x


def method_calls(n):
    p = Point(3)
    t = 0
    for _ in range(n):
        t += p.get()
    return t


def instances(n):
    t = 0
    for i in range(n):
        p = Point(i)
        t += p.x + p.y
    return t


def dict_build_and_items(n):
    d = {}
    for i in range(n):
        d[str(i)] = i
    total = 0
    for k, v in d.items():
        total += v
    return total


def caught_keyerror(n):
    d = {}
    t = 0
    for i in range(n):
        try:
            d[i]
        except KeyError:
            t += 1
    return t


def raise_in_function(n):
    t = 0
    for _ in range(n):
        try:
            raise ValueError
        except ValueError:
            t += 1
    return t


def thrower(i):
    raise ValueError(i)


def raise_through_call(n):
    t = 0
    for i in range(n):
        try:
            thrower(i)
        except ValueError:
            t += 1
    return t


def try_finally(n):
    t = 0
    for _ in range(n):
        try:
            t += 1
        finally:
            t -= 1
    return t


LOCK = Lock()
SEMAPHORE = Semaphore(4)


def with_lock(n):
    for _ in range(n):
        with LOCK:
            pass


def with_semaphore(n):
    for _ in range(n):
        with SEMAPHORE:
            pass


KERNELS = [
    ('fib25', fib, 25, 15),
    ('while_loop_1m', while_loop, 1000000, 100000),
    ('plain_calls_200k', plain_calls, 200000, 20000),
    ('method_calls_200k', method_calls, 200000, 20000),
    ('instances_200k', instances, 200000, 20000),
    ('dict_build_and_items_200k', dict_build_and_items, 200000, 20000),
    ('caught_keyerror_200k', caught_keyerror, 200000, 20000),
    ('raise_in_function_200k', raise_in_function, 200000, 20000),
    ('raise_through_call_200k', raise_through_call, 200000, 20000),
    ('try_finally_200k', try_finally, 200000, 20000),
    ('with_lock_200k', with_lock, 200000, 20000),
    ('with_semaphore_200k', with_semaphore, 200000, 20000),
]

if __name__ == '__main__':
    clock = time.thread_time if sys.argv[1:] == ['thread'] else time.perf_counter
    for name, f, arg, warmup in KERNELS:
        f(warmup)
        best = None
        for _ in range(8):
            t = clock()
            f(arg)
            elapsed = clock() - t
            best = elapsed if best is None else min(best, elapsed)
        print(f'core_{name}_ms', round(best * 1000, 1))
