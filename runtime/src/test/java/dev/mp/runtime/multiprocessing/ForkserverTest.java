package dev.mp.runtime.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forkserver start method: a child JVM runs one Process after another, each in a fresh context. Each program
 * runs as the launcher runs it (a JVM of its own writing to its own standard streams, which children share: the
 * case where JVMs are recycled). Recycling is proven by pids: a Process reports its JVM's pid, and one that reports
 * the pid of an earlier Process ran in the same JVM.
 */
class ForkserverTest {
    @TempDir
    Path dir;

    private record Run(String out, String err, int status) {
    }

    private Run run(String code) throws IOException, InterruptedException {
        Path script = dir.resolve("main.mp");
        Files.writeString(script, code);
        ScriptRunner.Output o = ScriptRunner.runToEnd(ScriptRunner.separateJvm(script).directory(dir.toFile()));
        return new Run(o.out(), o.err(), o.status());
    }

    /** Helpers of the programs below: a Process reports its pid and what it sees on a queue. */
    private static final String HEAD = """
            import multiprocessing as mp, os, sys, signal, time

            def pid_of(q):
                q.put(os.getpid())

            def run(target, *args):
                p = mp.Process(target=target, args=args)
                p.start()
                p.join()
                return p

            """;

    @Test
    void aProcessInARecycledJvmSeesNoneOfThePreviousOnesState() throws Exception {
        Run r = run(HEAD + """
                START = os.getcwd()
                state = []

                def dirty(q, path):
                    state.append('dirty')
                    import json
                    import multiprocessing.pool
                    mp.marker = 'set by an earlier process'
                    sys.argv.append('extra')
                    os.environ['MP_FORKSERVER_TEST'] = 'changed'
                    os.chdir('/')
                    signal.signal(signal.SIGUSR1, signal.SIG_IGN)
                    with open(path, 'w') as f:
                        f.write('x')
                    q.put(os.getpid())

                def check(q):
                    q.put((os.getpid(), state, 'json' in sys.modules, 'multiprocessing.pool' in sys.modules,
                           getattr(mp, 'marker', None), sys.argv[1:], os.environ.get('MP_FORKSERVER_TEST'),
                           os.getcwd() == START, signal.getsignal(signal.SIGUSR1) == signal.SIG_DFL,
                           sys.stdin.read(), mp.current_process().name))

                if __name__ == '__main__':
                    mp.set_start_method('forkserver')
                    q = mp.Queue()
                    dirtied = set()
                    recycled = 0
                    for i in range(8):
                        run(dirty, q, os.path.join(START, 'f%d' % i))
                        dirtied.add(q.get())
                        p = run(check, q)
                        pid, *seen = q.get()
                        assert pid == p.pid
                        if pid in dirtied:
                            recycled += 1
                            print(seen)
                    print('recycled', recycled > 0)
                """);
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().endsWith("recycled True\n"), r.out() + r.err());
        for (String line : r.out().split("\n")) {
            if (line.startsWith("[")) {
                assertTrue(line.matches("\\[\\[\\], False, False, None, \\[\\], None, True, True, '', 'Process-\\d+'\\]"), line);
            }
        }
    }

    @Test
    void exitCodesAreThoseOfSpawn() throws Exception {
        Run r = run(HEAD + """
                def exits(code):
                    sys.exit(code)

                def raises():
                    raise ValueError('boom')

                def ends_hard(code):
                    os._exit(code)

                if __name__ == '__main__':
                    mp.set_start_method('forkserver')
                    for target, args in [(exits, (0,)), (exits, (3,)), (exits, ('message',)), (raises, ()), (ends_hard, (7,)),
                                         (exits, (None,)), (exits, (-1,)), (exits, (300,)), (pid_of, (mp.Queue(),))]:
                        p = run(target, *args)
                        print(target.__name__, p.exitcode, p.is_alive())
                """);
        assertEquals("exits 0 False\nexits 3 False\nexits 1 False\nraises 1 False\nends_hard 7 False\nexits 0 False\n"
                + "exits 255 False\nexits 44 False\npid_of 0 False\n", r.out(), r.err());
        assertTrue(r.err().startsWith("message\nProcess Process-4:\nTraceback"), r.err());
        assertTrue(r.err().endsWith("ValueError: boom\n"), r.err());
    }

    @Test
    void terminatedOrKilledJvmsAreNotReused() throws Exception {
        Run r = run(HEAD + """
                def ignore_term(q):
                    signal.signal(signal.SIGTERM, signal.SIG_IGN)
                    q.put(os.getpid())

                def sleeper(q):
                    q.put(os.getpid())
                    time.sleep(120)

                def leave_open(q, path):
                    global f
                    f = open(path, 'w')
                    q.put(os.getpid())

                if __name__ == '__main__':
                    mp.set_start_method('forkserver')
                    q = mp.Queue()
                    ignored = set()
                    ended = set()
                    for i in range(3):
                        run(ignore_term, q)
                        ignored.add(q.get())
                        p = mp.Process(target=sleeper, args=(q,))
                        p.start()
                        pid = q.get()
                        ended.add(pid)
                        if i == 1:
                            p.kill()
                        else:
                            p.terminate()
                        p.join()
                        print('ended', p.exitcode, 'after a process that ignored SIGTERM' if pid in ignored else '')
                    run(leave_open, q, 'left-open.txt')
                    ended.add(q.get())
                    reused = set()
                    for i in range(6):
                        run(pid_of, q)
                        reused.add(q.get())
                    print('ended JVMs reused', sorted(ended & reused))
                """);
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().matches("(?s)ended -15.*\nended -9.*\nended -15.*\nended JVMs reused \\[\\]\n"), r.out() + r.err());
    }

    /** A forkserver Pool's workers run in recycled JVMs, which go back to the pool after close() and join(). */
    @Test
    void poolWorkersOfAForkserverContextComeBackAfterThePool() throws Exception {
        Run r = run(HEAD + """
                def worker_of(x):
                    return os.getpid(), mp.current_process().name, mp.get_start_method()

                if __name__ == '__main__':
                    mp.set_start_method('forkserver')
                    pool = mp.get_context('forkserver').Pool(2)
                    seen = pool.map(worker_of, range(20), chunksize=1)
                    pool.close()
                    pool.join()
                    # which workers took tasks depends on timing; their names do not
                    print(set(name for pid, name, method in seen) <= {'ForkServerPoolWorker-1', 'ForkServerPoolWorker-2'},
                          set(method for pid, name, method in seen))
                    workers = set(pid for pid, name, method in seen)
                    q = mp.Queue()
                    later = set()
                    for i in range(6):
                        run(pid_of, q)
                        later.add(q.get())
                    print('workers JVMs reused', bool(workers & later))
                """);
        assertEquals("True {'forkserver'}\nworkers JVMs reused True\n",
                r.out(), r.err());
    }
}
