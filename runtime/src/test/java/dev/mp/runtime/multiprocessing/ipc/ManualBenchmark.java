package dev.mp.runtime.multiprocessing.ipc;

import java.util.ArrayList;
import java.util.List;

/**
 * Manual throughput/latency check (not a test): parent→child queue throughput and round trips through a queue
 * pair and a duplex pipe. Run with the test classpath: {@code java --enable-native-access=ALL-UNNAMED -cp ...
 * dev.mp.runtime.multiprocessing.ipc.ManualBenchmark}.
 */
public final class ManualBenchmark {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        for (int run = 0; run < 3; run++) {
            ShmQueue q = ShmQueue.create(0);
            ShmQueue done = ShmQueue.create(0, 4096);
            Process child = start("drain", q.descriptor(), String.valueOf(n), done.descriptor());
            byte[] msg = new byte[32];
            q.put(msg); // let the child start
            long t0 = System.nanoTime();
            for (int i = 1; i < n; i++) q.put(msg);
            done.get();
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("queue parent->child: %,d x 32 B in %.2f s = %,.0f msgs/s%n", n, s, n / s);
            child.waitFor();
        }
        int rt = 100_000;
        ShmQueue in = ShmQueue.create(0), out = ShmQueue.create(0);
        Process echo = start("echo-queue", in.descriptor(), out.descriptor());
        for (int i = 0; i < 20_000; i++) { in.put(new byte[16]); out.get(); }
        long t0 = System.nanoTime();
        for (int i = 0; i < rt; i++) { in.put(new byte[16]); out.get(); }
        System.out.printf("queue round trip: %.2f us%n", (System.nanoTime() - t0) / 1e3 / rt);
        in.put(new byte[0]);
        out.get();
        echo.waitFor();

        ShmPipe pipe = ShmPipe.create(true);
        Process pe = new ProcessBuilder(command("echo-pipe")).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        pe.getOutputStream().write((pipe.end1().descriptorFor(pe.pid()) + "\n").getBytes());
        pe.getOutputStream().flush();
        pipe.end1().close();
        ShmConnection c = pipe.end0();
        for (int i = 0; i < 20_000; i++) { c.send(new byte[16]); c.recv(); }
        t0 = System.nanoTime();
        for (int i = 0; i < rt; i++) { c.send(new byte[16]); c.recv(); }
        System.out.printf("pipe round trip: %.2f us%n", (System.nanoTime() - t0) / 1e3 / rt);
        c.send(new byte[0]);
        c.recv();
        pe.waitFor();
    }

    private static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(MultiProcessTest.javaCommand(false));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static Process start(String... args) throws Exception {
        return new ProcessBuilder(command(args)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
