package daxlab.litmus;

import daxlab.interleave.Interleavings;
import daxlab.interleave.Settings;
import daxlab.outcome.Classifier;
import daxlab.outcome.Histogram;
import daxlab.program.Program;

/**
 * Sequential consistency by exhaustive interleaving ({@link Interleavings}): counts are
 * interleavings, not herd7's executions. Memory barriers are no-ops here (every access is
 * already in order); {@code spin_lock} waits for the lock; {@code synchronize_rcu()} and
 * {@code synchronize_srcu()} wait for the readers inside a read-side section when they start.
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
