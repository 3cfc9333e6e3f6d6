package daxlab.cli;

import daxlab.dax.PutVariant;
import daxlab.dax.Scenarios;
import daxlab.interleave.Interleavings;
import daxlab.interleave.Settings;
import daxlab.interleave.StateBudgetExceeded;
import daxlab.outcome.Classifier;
import daxlab.outcome.Histogram;
import daxlab.program.Program;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * {@code daxlab bench}: the SC enumerator on scaled scenarios (n getters and n putters). For
 * each n it reports distinct states, interleavings counted and the median wall time of
 * {@code --repeat} runs after one warm-up run. With {@code --litmus DIR}, an axiomatic model on
 * a directory of tests ({@link LitmusBench}); with {@code --herd7 PATH FILE...}, daxlab's LKMM
 * against herd7 on the same tests ({@link Herd7Bench}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure the SC enumerator on n getters vs n putters, n = 1..MAX; with --litmus DIR, an"
                + " axiomatic model on litmus tests; with --herd7 PATH FILE..., daxlab's LKMM against herd7: per test"
                + " both times and their ratio, then the totals and the geometric mean of the ratios.",
        footer = {"", "Exit status: 0 done (with --herd7: every test finished by both, with the same answers); 1 with"
                + " --herd7, an answer that differs or a test herd7 did not finish (timeout, error); 2 bad usage, or a"
                + " file that cannot be read, parsed or run within the budget (named; the others still run)."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--max-n", paramLabel = "N", defaultValue = "5", converter = OptionTypes.BenchN.class,
            description = "largest n, 1..15 (default: ${DEFAULT-VALUE})")
    int maxN;

    @Option(names = "--put", defaultValue = "PATCH_V1", description = "fs_put_dax() version (default: ${DEFAULT-VALUE})")
    PutVariant put;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "5", converter = OptionTypes.PositiveInt.class,
            description = "timed runs per n (default: ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--budget", paramLabel = "N", converter = OptionTypes.PositiveLong.class,
            description = "states (SC), or with --litmus or --herd7 candidate executions per test (default: 20000000;"
                    + " with --herd7 " + daxlab.litmus.LitmusEngine.DEFAULT_BUDGET + ", as daxlab litmus)")
    Long budget;

    @Option(names = "--litmus", paramLabel = "DIR",
            description = "instead: time a model on every .litmus test in DIR (see --model)")
    java.nio.file.Path litmusDir;

    @Option(names = "--model", defaultValue = "lkmm",
            description = {"with --litmus: sc, sc-axiomatic, tso, armv8, lkmm, lkmm-once, or lkmm-cat (the kernel's",
                    "files run by the cat interpreter) (default: ${DEFAULT-VALUE})"})
    String model;

    @Option(names = "--warmup", paramLabel = "N", converter = OptionTypes.NonNegativeInt.class,
            description = "with --litmus or --herd7: warm-up rounds over every test (default: 20, with --herd7 5)")
    Integer warmup;

    @Option(names = "--herd7", paramLabel = "PATH",
            description = "instead: daxlab's LKMM against this herd7 (herdtools7 7.58 or later) on the FILEs;"
                    + " default: $HERD7, else herd7 on the PATH, when FILEs are given")
    java.nio.file.Path herd7;

    @Option(names = "--lkmm-dir", paramLabel = "DIR",
            description = "with --herd7: the LKMM's files (the kernel's tools/memory-model); default: the current"
                    + " directory if it has linux-kernel.cfg, else lkmm/ beside herd7")
    java.nio.file.Path lkmmDir;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", defaultValue = "1", converter = OptionTypes.PositiveInt.class,
            description = "with --herd7: herd7 runs at a time; daxlab is timed alone afterwards (default: ${DEFAULT-VALUE})")
    int jobs;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60", converter = OptionTypes.PositiveSeconds.class,
            description = "with --herd7: give up on a herd7 run after this long (default: ${DEFAULT-VALUE})")
    double timeoutSeconds;

    @Option(names = "--herd7-repeat", paramLabel = "N", defaultValue = "1", converter = OptionTypes.PositiveInt.class,
            description = "with --herd7: herd7 runs per test, the median kept (default: ${DEFAULT-VALUE})")
    int herd7Repeat;

    @picocli.CommandLine.Parameters(paramLabel = "FILE", arity = "0..*",
            description = "with --herd7: litmus files, or directories of them (their *.litmus)")
    java.util.List<java.nio.file.Path> files = new java.util.ArrayList<>();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private int herd7Bench() throws java.io.IOException, InterruptedException {
        if (litmusDir != null) {
            throw new Main.UsageError("--herd7 takes the tests as FILEs (files or directories), not --litmus");
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--model") && !model.equals("lkmm")) {
            throw new Main.UsageError("--herd7 compares daxlab's lkmm with herd7's LKMM; --model " + model + " does not go with it");
        }
        if (files.isEmpty()) {
            throw new Main.UsageError("--herd7: give the litmus FILEs (or directories of them) to run");
        }
        daxlab.herd7.Herd7 h;
        try {
            h = daxlab.herd7.Herd7.locate(herd7, lkmmDir, System.getenv());
        } catch (daxlab.herd7.Herd7.NotFound e) {
            throw new Main.UsageError(e.getMessage());
        }
        LitmusInputs inputs = LitmusInputs.read(files, "");
        return Herd7Bench.run(h, inputs, warmup != null ? warmup : 5, repeat, herd7Repeat,
                budget != null ? budget : daxlab.litmus.LitmusEngine.DEFAULT_BUDGET, jobs,
                java.time.Duration.ofMillis(Math.round(timeoutSeconds * 1000)), spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    @Override
    public Integer call() throws java.io.IOException, InterruptedException {
        if (herd7 != null || !files.isEmpty()) {
            return herd7Bench();
        }
        for (String o : java.util.List.of("--lkmm-dir", "--jobs", "--timeout", "--herd7-repeat")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
                throw new Main.UsageError(o + " goes with --herd7 PATH FILE...");
            }
        }
        long budget = this.budget != null ? this.budget : 20_000_000L;
        if (litmusDir != null) {
            return LitmusBench.run(litmusDir, model, warmup != null ? warmup : 20, repeat, budget, spec);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("SC enumeration, n getters + n putters (put=%s), median of %d runs, %s, %d cores%n%n",
                put, repeat, System.getProperty("java.vm.name") + " " + Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        out.println("| n | threads | states | interleavings | outcomes | time (ms) |");
        out.println("|---|---|---|---|---|---|");
        out.flush();
        for (int n = 1; n <= maxN; n++) {
            Program p = Scenarios.scaled(n, put);
            Settings settings = Settings.defaults().withBudget(budget);
            Histogram h;
            double[] ms = new double[repeat];
            try {
                h = Interleavings.enumerate(p, Classifier.NONE, settings); // warm-up
                for (int i = 0; i < repeat; i++) {
                    long t0 = System.nanoTime();
                    h = Interleavings.enumerate(p, Classifier.NONE, settings);
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
            } catch (StateBudgetExceeded e) {
                throw new Main.UsageError("n = " + n + ": " + e.getMessage());
            }
            Arrays.sort(ms);
            out.printf("| %d | %d | %s | %s | %d | %.1f |%n", n, p.threads().size(), h.facts().get("states"),
                    h.total(), h.entries().size(), ms[repeat / 2]);
            out.flush();
        }
        return 0;
    }
}
