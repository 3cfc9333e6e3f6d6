package daxlab.cli;

import daxlab.dax.PutVariant;
import daxlab.dax.Scenario;
import daxlab.outcome.Histogram;
import daxlab.outcome.HistogramJson;
import daxlab.stress.Durations;
import daxlab.stress.PrimitiveTable;
import daxlab.stress.ReaderTwin;
import daxlab.stress.RunMode;
import daxlab.stress.Stress;
import daxlab.stress.StressOptions;
import daxlab.stress.StressRun;
import daxlab.stress.StressTest;
import daxlab.stress.gen.TestSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code daxlab stress}: run a scenario's jcstress test on this machine and print what it observed. */
@Command(name = "stress", mixinStandardHelpOptions = true,
        description = {"Run a dax scenario's jcstress test on this machine, in each JIT mode, and print the",
                "observations per outcome, graded like `daxlab enumerate`'s. Progress goes to stderr."})
final class StressCommand implements Callable<Integer> {

    @Option(names = "--scenario", paramLabel = "NAME",
            description = "put-vs-get, put-vs-reader, put-vs-get-vs-reader, wrong-holder-put, wrong-holder-vs-get")
    String scenario;

    @Option(names = "--put", paramLabel = "VARIANT", defaultValue = "PATCH_V1",
            description = "fs_put_dax() version: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    PutVariant put;

    @Option(names = "--reader", paramLabel = "TWIN", defaultValue = "DOUBLE_READ_OPAQUE",
            description = "reader: DOUBLE_READ_PLAIN, DOUBLE_READ_OPAQUE (= DOUBLE_READ), READ_ONCE, LOAD_ACQUIRE"
                    + " (default: ${DEFAULT-VALUE})")
    String reader;

    @Option(names = "--time", paramLabel = "DURATION", defaultValue = "1s", converter = OptionTypes.StressTime.class,
            description = "stress time per JIT mode, e.g. 200ms, 1s, 1.5s; 1ms..60m (default: ${DEFAULT-VALUE})")
    Duration time;

    @Option(names = "--modes", paramLabel = "MODE,...", split = ",",
            description = "JIT modes: INTERPRETER, C1, C2, C2_STRESS (default: all)")
    List<String> modes;

    @Option(names = "--by-mode", description = "also print one histogram per JIT mode")
    boolean byMode;

    @Option(names = "--json", description = "print JSON (the shape of `enumerate --json`; count = observations)")
    boolean json;

    @Option(names = "--list", description = "list the jcstress tests in the jar and exit")
    boolean list;

    @Option(names = "--primitives", description = "print the kernel -> LKMM -> arm64 -> x86 -> Java table and exit")
    boolean primitives;

    @Option(names = "--generate-tests", paramLabel = "SOURCE_ROOT", hidden = true,
            description = "write the jcstress sources the build generates under SOURCE_ROOT (to read them)")
    Path generateTests;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (generateTests != null) {
            for (Path p : TestSources.write(generateTests)) {
                out.println("wrote " + p);
            }
            out.flush();
            return 0;
        }
        if (primitives) {
            out.print(PrimitiveTable.table());
            out.flush();
            return 0;
        }
        if (list) {
            for (StressTest t : StressTest.all()) {
                out.println(t.testName() + "  " + t.scenario().id() + " [" + t.variantLabel() + "]");
            }
            out.flush();
            return 0;
        }
        if (scenario == null) {
            throw new Main.UsageError("give --scenario NAME (or --list); stress scenarios: " + StressTest.scenarioIds());
        }
        StressTest test;
        try {
            test = StressTest.of(Scenario.byId(scenario), put, ReaderTwin.byName(reader));
        } catch (IllegalArgumentException e) {
            throw new Main.UsageError(e.getMessage());
        }
        List<RunMode> runModes = new ArrayList<>();
        if (modes == null) {
            runModes.addAll(List.of(RunMode.values()));
        } else {
            for (String m : modes) {
                if (m.isBlank()) {
                    continue;
                }
                try {
                    runModes.add(RunMode.byName(m.strip()));
                } catch (IllegalArgumentException e) {
                    throw OptionTypes.invalid(spec, "--modes", e.getMessage());
                }
            }
            if (runModes.isEmpty()) {
                throw OptionTypes.invalid(spec, "--modes", "needs at least one JIT mode; valid: INTERPRETER, C1, C2, "
                        + "C2_STRESS");
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        StressOptions options = new StressOptions(time, runModes, line -> {
            err.println(line);
            err.flush();
        }, null, null);
        // A StressException (no java, a test that cannot run here) reaches Main's handler: exit 1 with its message.
        StressRun run = Stress.run(test, options);
        if (json) {
            List<Histogram> all = new ArrayList<>();
            all.add(run.histogram());
            if (byMode) {
                all.addAll(run.byMode().values());
            }
            out.println(all.size() == 1 ? HistogramJson.toJson(all.get(0)) : HistogramJson.toJson(all));
        } else {
            out.print(run.histogram().table());
            if (byMode) {
                run.byMode().forEach((m, h) -> {
                    out.println();
                    out.println(m.label() + ":");
                    out.print(h.table());
                });
            }
        }
        out.flush();
        return 0;
    }

}
