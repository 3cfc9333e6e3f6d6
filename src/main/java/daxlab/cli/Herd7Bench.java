package daxlab.cli;

import daxlab.herd7.Herd7;
import daxlab.herd7.Herd7Model;
import daxlab.herd7.Herd7Run;
import daxlab.litmus.Herd7Result;
import daxlab.litmus.LitmusEngine;
import daxlab.litmus.LitmusEngines;
import daxlab.litmus.LitmusRun;
import daxlab.litmus.LitmusTest;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * {@code daxlab bench --herd7 PATH FILE...}: daxlab's LKMM engine against herd7 on the same
 * litmus tests, per test and for the whole run. herd7 runs first, one process per run as a user
 * runs it ({@code herd7 -conf linux-kernel.cfg}, start-up included), {@code -j} at a time; then
 * daxlab runs alone, so that the two do not compete for the cores: warm-up rounds over every
 * test (so that the JIT compiler's work is not what is measured), then each test timed
 * {@code repeat} times in this JVM, the median kept. Each test's answers are compared as
 * {@code daxlab litmus --check --check-counts} compares them.
 */
final class Herd7Bench {

    /** One test's outcome: times (empty when that side did not finish) and what went wrong. */
    private record Row(String name, Optional<Double> oursMs, Optional<Double> herdMs, Optional<String> herdTime,
                       Optional<String> oursProblem, Optional<String> herdProblem, List<String> differences) {
        boolean bothFinished() {
            return oursMs.isPresent() && herdMs.isPresent();
        }

        double ratio() {
            return herdMs.orElseThrow() / Math.max(oursMs.orElseThrow(), 1e-6);
        }
    }

    /** herd7's runs of one test: its wall times, and its answer (or why there is none). */
    private record HerdRuns(double medianMs, Optional<Herd7Result> answer, Optional<String> problem) {
    }

    private Herd7Bench() {
    }

    static int run(Herd7 herd7, LitmusInputs inputs, int warmup, int repeat, int herd7Repeat, long budget, int jobs,
                   Duration timeout, PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        for (String p : inputs.problems()) {
            err.println("daxlab: " + p + " (left out)");
        }
        err.flush();
        List<Map.Entry<Path, LitmusTest>> tests = new ArrayList<>(inputs.tests().entrySet());
        if (tests.isEmpty()) {
            throw new Main.UsageError("no litmus file could be read");
        }
        LitmusEngine engine = LitmusEngines.byName(daxlab.engine.Engine.LKMM.id());
        List<HerdRuns> herd = herd7Runs(herd7, tests, herd7Repeat, jobs, timeout);

        // daxlab: a first run tells which tests finish within the budget; the warm-up rounds and
        // the timed runs are over those only.
        List<Optional<LitmusRun>> first = new ArrayList<>();
        List<Optional<String>> oursProblem = new ArrayList<>();
        for (Map.Entry<Path, LitmusTest> t : tests) {
            try {
                first.add(Optional.of(LitmusRun.of(t.getValue(), engine, budget)));
                oursProblem.add(Optional.empty());
            } catch (RuntimeException e) {
                first.add(Optional.empty());
                oursProblem.add(Optional.of(e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        }
        for (int r = 0; r < warmup; r++) {
            for (int i = 0; i < tests.size(); i++) {
                if (first.get(i).isPresent()) {
                    LitmusRun.of(tests.get(i).getValue(), engine, budget);
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            LitmusTest t = tests.get(i).getValue();
            Optional<Double> ours = Optional.empty();
            List<String> differences = List.of();
            if (first.get(i).isPresent()) {
                double[] ms = new double[repeat];
                for (int r = 0; r < repeat; r++) {
                    ms[r] = LitmusRun.of(t, engine, budget).elapsed().toNanos() / 1e6;
                }
                ours = Optional.of(median(ms));
                if (herd.get(i).answer().isPresent()) {
                    differences = first.get(i).get().result().differencesFrom(herd.get(i).answer().get(),
                            Herd7Result.Comparison.EXACT);
                }
            }
            HerdRuns h = herd.get(i);
            rows.add(new Row(t.name(), ours, h.problem().isEmpty() ? Optional.of(h.medianMs()) : Optional.empty(),
                    h.answer().flatMap(Herd7Result::time), oursProblem.get(i), h.problem(), differences));
        }

        out.printf(Locale.ROOT, "daxlab lkmm vs herd7 on %d litmus tests%n", tests.size());
        out.printf(Locale.ROOT, "herd7: %s (%s), LKMM files in %s; one process per run (start-up included), median of %d"
                        + " run%s, %d at a time, timeout %.1f s%n", herd7.executable(), herd7.version(), herd7.lkmmDir(),
                herd7Repeat, herd7Repeat == 1 ? "" : "s", jobs, timeout.toMillis() / 1000.0);
        out.printf(Locale.ROOT, "daxlab: in this JVM (%s %s), %d warm-up round%s over every test, then median of %d runs"
                        + " per test, budget %d candidate executions; %d cores%n%n",
                System.getProperty("java.vm.name"), Runtime.version(), warmup, warmup == 1 ? "" : "s", repeat, budget,
                Runtime.getRuntime().availableProcessors());
        out.println("| test | daxlab ms | herd7 ms | herd7/daxlab | answers |");
        out.println("|---|---|---|---|---|");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", r.name(),
                    r.oursMs().map(Herd7Bench::ms).orElse("did not finish"),
                    r.herdMs().map(Herd7Bench::ms).orElse("did not finish"),
                    r.bothFinished() ? String.format(Locale.ROOT, "%.1f", r.ratio()) : "-",
                    !r.bothFinished() ? "-" : r.differences().isEmpty() ? "agree" : "DIFFER");
        }
        List<Row> both = rows.stream().filter(Row::bothFinished).toList();
        double oursTotal = both.stream().mapToDouble(r -> r.oursMs().orElseThrow()).sum();
        double herdTotal = both.stream().mapToDouble(r -> r.herdMs().orElseThrow()).sum();
        double herdCpu = both.stream().mapToDouble(r -> r.herdTime().map(Herd7Bench::seconds).orElse(0.0)).sum();
        double geo = Math.exp(both.stream().mapToDouble(r -> Math.log(r.ratio())).average().orElse(Double.NaN));
        Row slowest = both.stream().min(Comparator.comparingDouble(Row::ratio)).orElse(null);
        out.println();
        out.printf(Locale.ROOT, "%d of %d tests finished by both: daxlab %.1f ms, herd7 %.1f ms (its Time lines: %.2f s):"
                        + " herd7 took %.1f times as long; geometric mean of the per-test ratios %.1f%n", both.size(),
                rows.size(), oursTotal, herdTotal, herdCpu, herdTotal / Math.max(oursTotal, 1e-6), geo);
        if (slowest != null) {
            out.printf(Locale.ROOT, "smallest ratio: %s, herd7 %s ms, daxlab %s ms (%.1f)%n", slowest.name(),
                    ms(slowest.herdMs().orElseThrow()), ms(slowest.oursMs().orElseThrow()), slowest.ratio());
        }
        long notFaster = both.stream().filter(r -> r.ratio() <= 1).count();
        out.printf(Locale.ROOT, "daxlab faster on %d of %d%n", both.size() - notFaster, both.size());
        int differing = 0;
        for (Row r : rows) {
            if (!r.differences().isEmpty()) {
                differing++;
                out.println("answers differ: " + r.name() + ": " + String.join("; ", r.differences()));
            }
        }
        for (Row r : rows) {
            r.herdProblem().ifPresent(p -> out.println("did not finish: herd7 on " + r.name() + ": " + p));
            r.oursProblem().ifPresent(p -> out.println("did not finish: daxlab on " + r.name() + ": " + p));
        }
        if (!inputs.problems().isEmpty()) {
            out.printf(Locale.ROOT, "%d files left out (see the errors above)%n", inputs.problems().size());
        }
        out.flush();
        boolean oursFailed = rows.stream().anyMatch(r -> r.oursProblem().isPresent());
        boolean herdFailed = rows.stream().anyMatch(r -> r.herdProblem().isPresent());
        return !inputs.problems().isEmpty() || oursFailed ? 2 : differing > 0 || herdFailed ? 1 : 0;
    }

    /** herd7 on every test, {@code jobs} at a time, each in a temporary directory of its own. */
    private static List<HerdRuns> herd7Runs(Herd7 herd7, List<Map.Entry<Path, LitmusTest>> tests, int repeat, int jobs,
                                            Duration timeout) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("daxlab-bench-");
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "herd7-bench");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<HerdRuns>> futures = new ArrayList<>();
            for (int i = 0; i < tests.size(); i++) {
                // herd7 reads the text daxlab parsed, under the file's own name
                Path own = Files.createDirectory(dir.resolve(Integer.toString(i)));
                Path file = own.resolve(tests.get(i).getKey().getFileName().toString());
                Files.writeString(file, tests.get(i).getValue().source(), StandardCharsets.UTF_8);
                futures.add(pool.submit(() -> herd7Runs(herd7, file, repeat, timeout)));
            }
            List<HerdRuns> out = new ArrayList<>();
            for (Future<HerdRuns> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException x) {
                    if (x.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw new IllegalStateException(x.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
            deleteTree(dir);
        }
    }

    private static HerdRuns herd7Runs(Herd7 herd7, Path file, int repeat, Duration timeout)
            throws IOException, InterruptedException {
        double[] ms = new double[repeat];
        Herd7Run last = null;
        for (int r = 0; r < repeat; r++) {
            last = herd7.run(Herd7Model.LKMM, file, timeout);
            Optional<String> problem = last.problem();
            if (problem.isPresent()) {
                return new HerdRuns(Double.NaN, Optional.empty(), problem);
            }
            ms[r] = last.elapsed().toNanos() / 1e6;
        }
        return new HerdRuns(median(ms), Optional.of(last.result()), Optional.empty());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static double median(double[] xs) {
        double[] c = xs.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.1f", v);
    }

    private static double seconds(String time) {
        try {
            return Double.parseDouble(time);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
