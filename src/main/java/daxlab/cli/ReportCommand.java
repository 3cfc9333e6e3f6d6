package daxlab.cli;

import daxlab.lab.Models;
import daxlab.verdict.Candidate;
import daxlab.verdict.Matrix;
import daxlab.verdict.Property;
import daxlab.verdict.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code daxlab report}: the verdict matrix and findings as 72-column text for a reply on the list. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Print the verdict on the thread's claims as plain text (72 columns) to paste into a reply.")
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--models", paramLabel = "M[,M...]", split = ",",
            description = "models to run (default: all of them)")
    List<String> models;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<String> chosen = models == null ? Models.NAMES : models;
        for (String m : chosen) {
            if (!Models.ALL.contains(m)) {
                throw new Main.UsageError("unknown model '" + m + "'; valid models: " + String.join(", ", Models.ALL));
            }
        }
        Matrix matrix = Matrix.compute(Candidate.fromTheThread(), Arrays.asList(Property.values()), chosen, Models::run);
        spec.commandLine().getOut().print(Report.text(matrix));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
