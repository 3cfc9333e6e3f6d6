package daxlab.outcome;

import daxlab.program.Cond;

/**
 * A named class of outcomes: {@code lost ops} is FORBIDDEN when {@code holder_data=B /\ holder_ops=NULL}.
 * The condition is data (herd7 syntax), so it can be printed, exported to a litmus test, and
 * quoted in a notebook.
 */
public record Rule(String label, OutcomeClass grade, Cond when) {
    public Rule {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a rule needs a label");
        }
        java.util.Objects.requireNonNull(grade, "grade");
        java.util.Objects.requireNonNull(when, "when");
    }

    public static Rule forbidden(String label, Cond when) {
        return new Rule(label, OutcomeClass.FORBIDDEN, when);
    }

    public static Rule interesting(String label, Cond when) {
        return new Rule(label, OutcomeClass.INTERESTING, when);
    }

    public boolean matches(Outcome o) {
        return when.eval(f -> o.fields().get(f));
    }
}
