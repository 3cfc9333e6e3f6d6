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
 * {@code --repeat} runs after one warm-up run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the SC enumerator on n getters vs n putters, n = 1..MAX.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--max-n", paramLabel = "N", defaultValue = "5", converter = OptionTypes.BenchN.class,
            description = "largest n, 1..15 (default: ${DEFAULT-VALUE})")
    int maxN;

    @Option(names = "--put", defaultValue = "PATCH_V1", description = "fs_put_dax() version (default: ${DEFAULT-VALUE})")
    PutVariant put;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "5", converter = OptionTypes.PositiveInt.class,
            description = "timed runs per n (default: ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--budget", paramLabel = "N", defaultValue = "20000000", converter = OptionTypes.PositiveLong.class,
            description = "states (SC), or with --litmus candidate executions per test (default: ${DEFAULT-VALUE})")
    long budget;

    @Option(names = "--litmus", paramLabel = "DIR",
            description = "instead: time a model on every .litmus test in DIR (see --model)")
    java.nio.file.Path litmusDir;

    @Option(names = "--model", defaultValue = "lkmm",
            description = {"with --litmus: sc, sc-axiomatic, tso, armv8, lkmm, lkmm-once, or lkmm-cat (the kernel's",
                    "files run by the cat interpreter) (default: ${DEFAULT-VALUE})"})
    String model;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "20", converter = OptionTypes.NonNegativeInt.class,
            description = "with --litmus: warm-up rounds (default: ${DEFAULT-VALUE})")
    int warmup;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        if (litmusDir != null) {
            return LitmusBench.run(litmusDir, model, warmup, repeat, budget, spec);
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
