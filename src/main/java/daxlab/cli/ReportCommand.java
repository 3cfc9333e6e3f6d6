package daxlab.cli;

import daxlab.lab.Models;
import daxlab.verdict.Json;
import daxlab.verdict.Report;
import daxlab.verdict.Review;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code daxlab report}: the verdict, every table, as 72-column text or as JSON. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Print the verdict on the thread's claims: every fs_put_dax() version with every reader, "
                + "claim by claim and model by model, as 72-column text (or --json, every cell with its litmus file).")
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--models", paramLabel = "M[,M...]", split = ",",
            description = "models to run (default: sc, tso, armv8, lkmm, lkmm-once)")
    List<String> models;

    @Option(names = "--json", description = "every candidate and cell as JSON")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Review review = Review.compute(ReplyCommand.models(models, spec, "--models"), Models::run);
        spec.commandLine().getOut().print(json ? Json.of(review) : Report.text(review));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
