package daxlab.cli;

import daxlab.engine.Engine;
import daxlab.lab.Models;
import daxlab.verdict.Herd7Answers;
import daxlab.verdict.Reply;
import daxlab.verdict.Review;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code daxlab reply}: the answer to the thread, ready to paste under the quoted mail. */
@Command(name = "reply", mixinStandardHelpOptions = true,
        description = "Print a reply to the review thread as plain text within 72 columns: what the patch fixes, "
                + "what it introduces, each concern answered with its evidence, the suggested code as a diff, and "
                + "the litmus files to attach with herd7's verdicts.")
final class ReplyCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Review review = Review.compute(Engine.VERDICT, Models::run);
        spec.commandLine().getOut().print(Reply.text(review, Herd7Answers.recorded()));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * The models asked for by {@code option}, checked (an empty list or an unknown name is an
     * invalid value naming the valid ones); all of {@link Engine#VERDICT} when not asked.
     */
    static List<Engine> models(List<String> asked, picocli.CommandLine.Model.CommandSpec spec, String option) {
        if (asked == null) {
            return Engine.VERDICT;
        }
        String valid = "; valid models: " + String.join(", ", Engine.names());
        List<Engine> out = new ArrayList<>();
        for (String m : asked) {
            if (m.isBlank()) {
                continue;
            }
            if (!Engine.names().contains(m.strip())) {
                throw OptionTypes.invalid(spec, option, "unknown model '" + m + "'" + valid);
            }
            out.add(Engine.byName(m.strip()));
        }
        if (out.isEmpty()) {
            throw OptionTypes.invalid(spec, option, "needs at least one model" + valid);
        }
        return out;
    }
}
