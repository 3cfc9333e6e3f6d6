package daxlab.cli;

import daxlab.dax.DaxScenario;
import daxlab.dax.PutVariant;
import daxlab.dax.ReaderVariant;
import daxlab.dax.Scenario;
import daxlab.dax.Scenarios;
import daxlab.interleave.Interleavings;
import daxlab.interleave.Settings;
import daxlab.interleave.StateBudgetExceeded;
import daxlab.outcome.Histogram;
import daxlab.outcome.HistogramJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code daxlab enumerate}: every outcome of a scenario under a model, with exact counts. */
@Command(name = "enumerate", mixinStandardHelpOptions = true,
        description = {"Enumerate every outcome of a dax scenario and count how it comes about.",
                "Prints the histogram and the witness of every FORBIDDEN outcome."})
final class EnumerateCommand implements Callable<Integer> {
    static final List<String> MODELS = List.of("sc");

    @Option(names = "--scenario", paramLabel = "NAME",
            description = "put-vs-get, put-vs-reader, put-vs-get-vs-reader, wrong-holder-put-seq, wrong-holder-put, "
                    + "wrong-holder-vs-get, kill-vs-put, kill-vs-reader")
    String scenario;

    @Option(names = "--put", paramLabel = "VARIANT", defaultValue = "PATCH_V1",
            description = "fs_put_dax() version: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    PutVariant put;

    @Option(names = "--reader", paramLabel = "VARIANT", defaultValue = "DOUBLE_READ",
            description = "dax_holder_notify_failure() version: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    ReaderVariant reader;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "sc",
            description = "memory model: sc (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--all", description = "every scenario with every variant it uses")
    boolean all;

    @Option(names = "--json", description = "print JSON instead of tables")
    boolean json;

    @Option(names = "--budget", paramLabel = "STATES", defaultValue = "5000000",
            description = "stop with an error after this many states (default: ${DEFAULT-VALUE})")
    long budget;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!MODELS.contains(model)) {
            throw new Main.UsageError("unknown model '" + model + "'; valid models: " + String.join(", ", MODELS));
        }
        if (all == (scenario != null)) {
            throw new Main.UsageError("give either --scenario NAME or --all; valid scenarios: " + Scenario.ids());
        }
        List<DaxScenario> runs = new ArrayList<>();
        if (all) {
            runs.addAll(everyVariant());
        } else {
            Scenario s;
            try {
                s = Scenario.byId(scenario);
            } catch (IllegalArgumentException e) {
                throw new Main.UsageError(e.getMessage());
            }
            runs.add(Scenarios.build(s, put, reader));
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Histogram> results = new ArrayList<>();
        for (DaxScenario d : runs) {
            Histogram h;
            try {
                h = Interleavings.enumerate(d.program(), d.classifier(),
                        Settings.defaults().withVariant(d.variantLabel()).withBudget(budget));
            } catch (StateBudgetExceeded e) {
                throw new Main.UsageError(e.getMessage());
            }
            results.add(h);
            if (!json) {
                out.println(d.scenario().description());
                out.print(Report.histogramWithWitnesses(h));
                out.println();
                out.flush();
            }
        }
        if (json) {
            out.println(results.size() == 1 && !all ? HistogramJson.toJson(results.get(0)) : HistogramJson.toJson(results));
        }
        out.flush();
        return 0;
    }

    /** Every scenario with every put variant and every reader variant it uses. */
    static List<DaxScenario> everyVariant() {
        List<DaxScenario> out = new ArrayList<>();
        for (Scenario s : Scenario.values()) {
            PutVariant[] puts = s.usesPut() ? PutVariant.values() : new PutVariant[] {PutVariant.PATCH_V1};
            ReaderVariant[] readers = s.usesReader() ? ReaderVariant.values() : new ReaderVariant[] {ReaderVariant.DOUBLE_READ};
            for (PutVariant p : puts) {
                for (ReaderVariant r : readers) {
                    out.add(Scenarios.build(s, p, r));
                }
            }
        }
        return out;
    }
}
