package daxlab.litmus;

import daxlab.interleave.Interleavings;
import daxlab.interleave.Settings;
import daxlab.outcome.Classifier;
import daxlab.outcome.Histogram;
import daxlab.program.Program;

/**
 * Sequential consistency by exhaustive interleaving ({@link Interleavings}): counts are
 * interleavings, not herd7's executions. Fences are no-ops here; locks and SRCU grace periods
 * block as they do in the kernel. RCU read-side sections and {@code synchronize_rcu()} are not
 * executed (the IR's RCU fences take no step), so an RCU grace-period guarantee is not enforced.
 */
final class ScEngine implements LitmusEngine {
    @Override
    public String model() {
        return "sc";
    }

    @Override
    public String description() {
        return "sequential consistency, every interleaving (counts are interleavings)";
    }

    @Override
    public Histogram run(Program program, Classifier classifier, long budget) {
        return Interleavings.enumerate(program, classifier, Settings.defaults().withBudget(budget));
    }
}
