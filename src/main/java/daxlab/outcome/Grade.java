package daxlab.outcome;

import java.util.List;

/**
 * The class of one outcome and the labels of the rules that gave it ("lost ops"); no labels when
 * acceptable. The labels stay a list so that nobody has to split a joined string to ask whether
 * an outcome carries one.
 */
public record Grade(OutcomeClass outcomeClass, List<String> labels) {
    public static final Grade ACCEPTABLE = new Grade(OutcomeClass.ACCEPTABLE, List.of());

    public Grade {
        labels = List.copyOf(labels);
    }

    /** The labels joined for display: {@code lost ops, NULL call}. */
    public String label() {
        return String.join(", ", labels);
    }

    /** Whether a rule with this label gave the grade. */
    public boolean has(String ruleLabel) {
        return labels.contains(ruleLabel);
    }
}
