# Peak resident memory of one child process that uses a Queue, a Lock and a Value, as the child reports it.
from multiprocessing import Process, Queue, Lock, Value


def work(q, lock, total):
    for i in range(10000):
        with lock:
            total.value += 1
        q.put({'i': i, 'text': str(i) * 3})
    with open('/proc/self/status') as f:
        peak = [line.split()[1] for line in f if line.startswith('VmHWM:')][0]
    q.put(int(peak))


if __name__ == '__main__':
    q = Queue()
    lock = Lock()
    total = Value('i', 0)
    p = Process(target=work, args=(q, lock, total))
    p.start()
    for i in range(10000):
        q.get()
    print('child_peak_rss_mb', round(q.get() / 1024, 1))
    p.join()
