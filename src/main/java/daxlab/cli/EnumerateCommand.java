package daxlab.cli;

import daxlab.engine.Engine;
import daxlab.dax.DaxScenario;
import daxlab.dax.PutVariant;
import daxlab.dax.ReaderVariant;
import daxlab.dax.Scenario;
import daxlab.dax.Scenarios;
import daxlab.axiomatic.CandidateBudgetExceeded;
import daxlab.axiomatic.Explanation;
import daxlab.lab.Models;
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
            description = "sc (interleavings), sc-axiomatic, tso, armv8, lkmm or lkmm-once (axiomatic executions; "
                    + "lkmm-once marks every plain access READ_ONCE/WRITE_ONCE) "
                    + "(default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--explain", description = "for each FORBIDDEN outcome some candidate execution gives: the "
            + "witness and counts when the model allows it, the axiom and cycle when it forbids it")
    boolean explain;

    @Option(names = "--all", description = "every scenario with every variant it uses")
    boolean all;

    @Option(names = "--json", description = "print JSON instead of tables")
    boolean json;

    @Option(names = "--budget", paramLabel = "N", defaultValue = "5000000", converter = OptionTypes.PositiveLong.class,
            description = "stop with an error after this many states (sc) or candidate executions (axiomatic models) "
                    + "(default: ${DEFAULT-VALUE})")
    long budget;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Engine engine;
        try {
            engine = Engine.byName(model);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageError(e.getMessage());
        }
        if (all == (scenario != null)) {
            throw new Main.UsageError("give either --scenario NAME or --all; valid scenarios: " + Scenario.ids());
        }
        List<DaxScenario> runs = new ArrayList<>();
        if (all) {
            runs.addAll(Scenarios.everyVariant());
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
            try {
                Histogram h = Models.run(d, engine, budget);
                results.add(h);
                if (!json) {
                    out.println(d.scenario().description());
                    out.print(HistogramText.histogramWithWitnesses(h));
                    if (explain) {
                        for (Explanation e : Models.explain(d, engine, budget)) {
                            out.print("\n" + e.text());
                        }
                    }
                    out.println();
                    out.flush();
                }
            } catch (StateBudgetExceeded | CandidateBudgetExceeded e) {
                throw new Main.UsageError(e.getMessage());
            }
        }
        if (json) {
            out.println(results.size() == 1 && !all ? HistogramJson.toJson(results.get(0)) : HistogramJson.toJson(results));
        }
        out.flush();
        return 0;
    }
}
