package dev.mp.runtime.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Fuzzes mp with mutants of the golden programs and the tutorial scripts (see {@link Mutator}), run in-process
 * by {@link MutantRunner}: no mutant may show the user a Java exception or frame, or an internal error, or keep
 * running once cancelled. The test runs a fixed-seed sample; a long run is
 * {@code mvn -pl runtime test -Dtest=FuzzTest -Dmp.fuzz.cases=100000 [-Dmp.fuzz.seed=N] [-Dmp.fuzz.timeoutMillis=N]},
 * or the {@link #main} of this class, which also lists each failing mutant in {@code mp.fuzz.dir} when set.
 */
class FuzzTest {
    private static final int CASES = Integer.getInteger("mp.fuzz.cases", 150);
    private static final long SEED = Long.getLong("mp.fuzz.seed", 20_261_207L);
    private static final long TIMEOUT_MILLIS = Long.getLong("mp.fuzz.timeoutMillis", 5_000L);

    @Test
    void mutantsShowNoJava() throws IOException {
        Summary summary = fuzz(CASES, SEED, TIMEOUT_MILLIS, null);
        System.out.println(summary);
        assertTrue(summary.failures.isEmpty(), () -> String.join("\n\n", summary.failures));
    }

    /** A long run: {@code FuzzTest [cases [seed [timeoutMillis]]]}; prints the summary, exits 1 on a failure. */
    public static void main(String[] args) throws IOException {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : CASES;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : SEED;
        long timeout = args.length > 2 ? Long.parseLong(args[2]) : TIMEOUT_MILLIS;
        String dir = System.getProperty("mp.fuzz.dir");
        Summary summary = fuzz(cases, seed, timeout, dir == null ? null : Path.of(dir));
        System.out.println(summary);
        summary.failures.forEach(System.out::println);
        System.exit(summary.failures.isEmpty() ? 0 : 1);
    }

    record Summary(int cases, int ok, int timeouts, List<String> failures, long millis) {
        @Override
        public String toString() {
            return String.format("fuzz: %d cases, %d ok, %d cancelled at the time limit, %d failures, %.1f s", cases, ok, timeouts,
                    failures.size(), millis / 1000.0);
        }
    }

    /**
     * Runs {@code cases} mutants drawn with {@code seed}; with a {@code keep} directory, writes each failing and each
     * cancelled mutant there (to reproduce it with {@code bin/mp}).
     */
    static Summary fuzz(int cases, long seed, long timeoutMillis, Path keep) throws IOException {
        List<Path> corpus = corpus();
        Random random = new Random(seed);
        Mutator mutator = new Mutator(random);
        List<String> failures = new ArrayList<>();
        int ok = 0;
        int timeouts = 0;
        long start = System.currentTimeMillis();
        try (MutantRunner runner = new MutantRunner(timeoutMillis)) {
            for (int i = 0; i < cases; i++) {
                Path original = corpus.get(random.nextInt(corpus.size()));
                String mutant = mutator.mutate(Files.readString(original));
                String name = "fuzz" + i + "-" + original.getFileName();
                MutantRunner.Outcome outcome = runner.run(name, mutant);
                switch (outcome.verdict()) {
                    case OK -> ok++;
                    case TIMEOUT -> timeouts++;
                    case FAILURE -> failures.add("case " + i + " (seed " + seed + ", from " + original + "): " + outcome.detail());
                }
                if (keep != null && outcome.verdict() != MutantRunner.Verdict.OK) {
                    Files.createDirectories(keep);
                    // getBytes replaces a lone surrogate a mutation made, which writeString would refuse.
                    Files.write(keep.resolve(outcome.verdict().name().toLowerCase() + "-" + name), mutant.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                if (keep != null && (i + 1) % 500 == 0) {
                    System.out.printf("fuzz: %d cases, %d ok, %d cancelled, %d failures%n", i + 1, ok, timeouts, failures.size());
                }
            }
        }
        return new Summary(cases, ok, timeouts, failures, System.currentTimeMillis() - start);
    }

    /** The golden programs and the tutorial scripts, in a fixed order. */
    static List<Path> corpus() throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path root : List.of(Path.of("src/test/resources/golden"), Path.of("../scripts"))) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(p -> p.toString().endsWith(".mp")).sorted().forEach(all::add);
                }
            }
        }
        assertTrue(all.size() > 50, "the corpus (golden programs and scripts) was not found from " + Path.of("").toAbsolutePath());
        return all;
    }
}
