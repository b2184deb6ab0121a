package dev.mp.runtime.multiprocessing.ipc;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;

/** Entry point of the child JVMs started by {@link MultiProcessTest} and {@link ManualBenchmark}. */
public final class IpcChild {
    private IpcChild() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "produce" -> { // produce <queue> <id> <count>: puts id*1_000_000+i as 8-byte messages
                ShmQueue q = ShmQueue.attach(args[1]);
                long id = Long.parseLong(args[2]);
                int n = Integer.parseInt(args[3]);
                byte[] b = new byte[8];
                ByteBuffer bb = ByteBuffer.wrap(b);
                for (int i = 0; i < n; i++) {
                    q.put(bb.putLong(0, id * 1_000_000L + i).array().clone());
                }
            }
            case "consume" -> { // consume <queue> <results>: gets until -1, then sends all it got as one message
                ShmQueue q = ShmQueue.attach(args[1]);
                ShmQueue results = ShmQueue.attach(args[2]);
                long[] got = new long[1024];
                int n = 0;
                while (true) {
                    long v = ByteBuffer.wrap(q.get()).getLong();
                    if (v < 0) break;
                    if (n == got.length) got = java.util.Arrays.copyOf(got, n * 2);
                    got[n++] = v;
                }
                ByteBuffer out = ByteBuffer.allocate(8 * n);
                for (int i = 0; i < n; i++) out.putLong(got[i]);
                results.put(out.array());
            }
            case "bigputter" -> { // bigputter <queue> <bytes> [mix]: puts self-checking messages forever
                ShmQueue q = ShmQueue.attach(args[1]);
                int size = Integer.parseInt(args[2]);
                boolean mix = args.length > 3;
                System.out.println("READY");
                System.out.flush();
                for (int seq = 1; ; seq++) {
                    int len = mix && (seq % 3 != 0) ? ThreadLocalRandom.current().nextInt(8, 2000) : size;
                    q.put(Msgs.make(1, seq, len));
                }
            }
            case "bigreader" -> { // bigreader <queue>: gets forever, checking every message
                ShmQueue q = ShmQueue.attach(args[1]);
                System.out.println("READY");
                System.out.flush();
                while (true) {
                    Msgs.check(q.get());
                }
            }
            case "pipe-send" -> { // pipe-send <n> <exit|close|hold>; descriptor on stdin
                ShmConnection c = ShmConnection.attach(stdinLine());
                int n = Integer.parseInt(args[1]);
                for (int i = 0; i < n; i++) c.send(Msgs.make(2, i, 100 + i));
                switch (args[2]) {
                    case "exit" -> Runtime.getRuntime().halt(0); // no close: death must count as close
                    case "close" -> {
                        c.close();
                        System.out.println("CLOSED");
                        System.out.flush();
                        Thread.sleep(60_000);
                    }
                    default -> Thread.sleep(60_000);
                }
            }
            case "pipe-hold" -> { // attach the descriptor from stdin and hold it until killed
                ShmConnection c = ShmConnection.attach(stdinLine());
                System.out.println("READY " + c.end());
                System.out.flush();
                Thread.sleep(60_000);
            }
            case "echo-queue" -> { // echo-queue <in> <out>: echoes until an empty message
                ShmQueue in = ShmQueue.attach(args[1]);
                ShmQueue out = ShmQueue.attach(args[2]);
                while (true) {
                    byte[] m = in.get();
                    out.put(m);
                    if (m.length == 0) break;
                }
            }
            case "echo-pipe" -> { // echoes on the connection from stdin until an empty message
                ShmConnection c = ShmConnection.attach(stdinLine());
                while (true) {
                    byte[] m = c.recv();
                    c.send(m);
                    if (m.length == 0) break;
                }
            }
            case "drain" -> { // drain <queue> <n>: gets n messages, then puts one to <done>
                ShmQueue q = ShmQueue.attach(args[1]);
                int n = Integer.parseInt(args[2]);
                for (int i = 0; i < n; i++) q.get();
                ShmQueue.attach(args[3]).put(new byte[0]);
            }
            case "spill-put" -> { // spill-put <queue> <bytes>: puts one spilled message and exits normally
                ShmQueue q = ShmQueue.attach(args[1]);
                q.put(q.message(Msgs.make(7, 1, Integer.parseInt(args[2]))));
            }
            case "spill-alone" -> { // spill-alone <bytes>: its own queue, one spilled message never taken
                ShmQueue q = ShmQueue.create(0, 4096);
                q.put(q.message(Msgs.make(7, 1, Integer.parseInt(args[1]))));
                System.out.println(q.regionName());
                System.out.flush();
            }
            case "produce-mixed" -> { // produce-mixed <queue> <tag> <count> <bigEvery> <bigBytes>: Msgs seq 0..count-1
                ShmQueue q = ShmQueue.attach(args[1]);
                int tag = Integer.parseInt(args[2]), n = Integer.parseInt(args[3]);
                int bigEvery = Integer.parseInt(args[4]), bigBytes = Integer.parseInt(args[5]);
                for (int i = 0; i < n; i++) {
                    if (!q.put(Msgs.make(tag, i, i % bigEvery == bigEvery - 1 ? bigBytes : 12), false, 0)) {
                        throw new IllegalStateException("put_nowait into an unbounded queue refused item " + i);
                    }
                }
            }
            case "check-drain" -> { // check-drain <queue> <tags> <perTag>: takes all, checks order per tag, prints OK
                ShmQueue q = ShmQueue.attach(args[1]);
                int tags = Integer.parseInt(args[2]), perTag = Integer.parseInt(args[3]);
                int[] next = new int[tags + 1];
                for (int i = 0; i < tags * perTag; i++) {
                    byte[] m = q.get(true, 60_000_000_000L);
                    if (m == null) throw new IllegalStateException("queue ran dry after " + i + " items");
                    int seq = Msgs.check(m), tag = Msgs.tag(m);
                    if (seq != next[tag]) throw new IllegalStateException("tag " + tag + ": got " + seq + ", expected " + next[tag]);
                    next[tag]++;
                }
                if (q.get(false, 0) != null) throw new IllegalStateException("an item came twice");
                System.out.println("OK");
            }
            case "overflow-putter" -> { // overflow-putter <queue> <limit>: Msgs seq 1.. forever, keeping about limit queued
                ShmQueue q = ShmQueue.attach(args[1]);
                int limit = Integer.parseInt(args[2]);
                System.out.println("READY");
                System.out.flush();
                for (int seq = 1; ; seq++) {
                    while (q.qsize() > limit) java.util.concurrent.locks.LockSupport.parkNanos(200_000);
                    int len = seq % 500 == 0 ? 300_000 : ThreadLocalRandom.current().nextInt(12, 2000);
                    q.put(Msgs.make(1, seq, len));
                }
            }
            case "overflow-alone" -> { // overflow-alone <n> <exit|hold>: its own queue, n items never taken
                ShmQueue q = ShmQueue.create(0, 4096);
                int n = Integer.parseInt(args[1]);
                for (int i = 0; i < n; i++) q.put(Msgs.make(6, i, 100));
                System.out.println(q.regionName());
                System.out.flush();
                if (args[2].equals("hold")) Thread.sleep(60_000);
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.exit(0);
    }

    private static String stdinLine() throws Exception {
        return new BufferedReader(new InputStreamReader(System.in)).readLine().trim();
    }
}
