# Wake-up latency: two processes ping-pong through two Events.
import time
from multiprocessing import Process, Event


def pong(ping, pong_back, n):
    for i in range(n):
        ping.wait()
        ping.clear()
        pong_back.set()


if __name__ == '__main__':
    n = 2000
    a = Event()
    b = Event()
    p = Process(target=pong, args=(a, b, n))
    p.start()
    a.set()
    b.wait()
    b.clear()
    t = time.perf_counter()
    for i in range(n - 1):
        a.set()
        b.wait()
        b.clear()
    print('event_pingpong_us', round((time.perf_counter() - t) / (n - 1) * 1e6, 2))
    p.join()
