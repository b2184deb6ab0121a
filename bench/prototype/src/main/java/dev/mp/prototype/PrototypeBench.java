package dev.mp.prototype;

import java.util.Arrays;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;

/**
 * Times one kernel of one design: {@code PrototypeBench <bytecode|ast> <fib|loop> <n> <seconds>}. It runs the
 * kernel once on a tenth of n (as bench/programs/compute.py warms up), then repeatedly for about the given
 * seconds, and prints the first timed run (the short yardstick's figure), the median and minimum of the
 * last half (steady state), and the number of runs, in milliseconds.
 */
public final class PrototypeBench {
    private PrototypeBench() {
    }

    public static void main(String[] args) {
        String design = args[0];
        String kernel = args[1];
        long n = Long.parseLong(args[2]);
        double seconds = Double.parseDouble(args[3]);
        try (Context context = Context.newBuilder(ProtoLanguage.ID).option("engine.WarnInterpreterOnly", "false").build()) {
            Value function = context.eval(ProtoLanguage.ID, design + " " + kernel);
            function.execute(kernel.equals("fib") ? 18 : n / 10);
            long until = System.nanoTime() + (long) (seconds * 1e9);
            double[] times = new double[100_000];
            int runs = 0;
            Value result = null;
            do {
                long t = System.nanoTime();
                result = function.execute(n);
                times[runs++] = (System.nanoTime() - t) / 1e6;
            } while (System.nanoTime() < until && runs < times.length);
            double[] steady = Arrays.copyOfRange(times, runs / 2, runs);
            Arrays.sort(steady);
            System.out.printf("%s %s(%d) = %s: first %.1f ms, steady median %.2f ms, min %.2f ms, %d runs%n", design, kernel, n,
                    result, times[0], steady[steady.length / 2], steady[0], runs);
        }
    }
}
