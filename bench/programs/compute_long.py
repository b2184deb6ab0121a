# Steady state of the compute kernels: each repeated until about 2 s of CPython's time on this machine; prints the
# last repetition (the warmed-up speed) and the total (which includes the warm-up, and compilation where there is one).
import time

from compute import fib, loops, strings, dicts

if __name__ == '__main__':
    for name, f, arg, repeats in [('fib25', fib, 25, 250), ('loop1m', loops, 1000000, 40),
                                  ('strings200k', strings, 200000, 25), ('dicts200k', dicts, 200000, 15)]:
        start = time.perf_counter()
        for r in range(repeats):
            t = time.perf_counter()
            f(arg)
            last = time.perf_counter() - t
        print(f'steady_{name}_last_ms', round(last * 1000, 1))
        print(f'steady_{name}_total_ms', round((time.perf_counter() - start) * 1000, 1))
