package daxlab.outcome;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Grades outcomes by rules: the worst class among the matching rules wins, and the label lists
 * every matching rule of that class (an outcome can lose ops <em>and</em> call through NULL).
 * An outcome no rule matches is ACCEPTABLE.
 */
public record Classifier(List<Rule> rules) {
    public static final Classifier NONE = new Classifier(List.of());

    public Classifier {
        rules = List.copyOf(rules);
    }

    public static Classifier of(Rule... rules) {
        return new Classifier(List.of(rules));
    }

    public Grade grade(Outcome o) {
        for (OutcomeClass c : new OutcomeClass[] {OutcomeClass.FORBIDDEN, OutcomeClass.INTERESTING}) {
            List<Rule> hits = rules.stream().filter(r -> r.grade() == c && r.matches(o)).collect(Collectors.toList());
            if (!hits.isEmpty()) {
                return new Grade(c, hits.stream().map(Rule::label).distinct().collect(Collectors.toList()));
            }
        }
        return Grade.ACCEPTABLE;
    }
}
