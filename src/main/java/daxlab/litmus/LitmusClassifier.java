package daxlab.litmus;

import daxlab.outcome.Classifier;
import daxlab.outcome.Rule;
import daxlab.program.Condition;
import daxlab.program.Program;

/**
 * Grades a litmus test's outcomes by its condition, so that histograms and charts of litmus runs
 * read like those of the dax scenarios: for {@code exists}, the outcomes that satisfy it are
 * INTERESTING (the test asks whether they can happen); for {@code ~exists} they are FORBIDDEN;
 * for {@code forall}, the outcomes that do <em>not</em> satisfy it are FORBIDDEN.
 */
public final class LitmusClassifier {
    private LitmusClassifier() {
    }

    public static Classifier of(Program program) {
        if (program.finalCondition().isEmpty()) {
            return Classifier.NONE;
        }
        Condition c = program.finalCondition().get();
        switch (c.quantifier()) {
            case EXISTS: return Classifier.of(Rule.interesting("exists", c.proposition()));
            case NOT_EXISTS: return Classifier.of(Rule.forbidden("~exists", c.proposition()));
            default: return Classifier.of(Rule.forbidden("forall violated", c.proposition().negate()));
        }
    }
}
