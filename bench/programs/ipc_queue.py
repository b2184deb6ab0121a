# Queue throughput from the parent to one child, and the round trip through two queues and an echoing child.
import time
from multiprocessing import Process, Queue


def consume(q, n, done):
    for i in range(n):
        q.get()
    done.put(True)


def echo(inq, outq, n):
    for i in range(n):
        outq.put(inq.get())


if __name__ == '__main__':
    n = 100000
    q = Queue()
    done = Queue()
    c = Process(target=consume, args=(q, n, done))
    c.start()
    t = time.perf_counter()
    for i in range(n):
        q.put(i)
    done.get()
    print('queue_items_per_s', round(n / (time.perf_counter() - t)))
    c.join()
    n = 2000
    a = Queue()
    b = Queue()
    e = Process(target=echo, args=(a, b, n))
    e.start()
    a.put(0)
    b.get()
    t = time.perf_counter()
    for i in range(n - 1):
        a.put(i)
        b.get()
    print('queue_roundtrip_us', round((time.perf_counter() - t) / (n - 1) * 1e6, 2))
    e.join()
