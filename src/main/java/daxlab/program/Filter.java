package daxlab.program;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * herd7's {@code filter (...)}: executions whose final state does not satisfy the proposition are
 * dropped before anything is counted or flagged. The proposition may read registers and locations
 * that the test does not report, so the filter carries its own observables; engines read them from
 * each final state beside the reported ones.
 */
public record Filter(Cond proposition, List<Observable> observables) {
    public Filter {
        java.util.Objects.requireNonNull(proposition, "proposition");
        observables = List.copyOf(observables);
        Set<String> used = new LinkedHashSet<>();
        proposition.collectFields(used);
        Set<String> named = new LinkedHashSet<>();
        observables.forEach(o -> named.add(o.name()));
        used.removeAll(named);
        if (!used.isEmpty()) {
            throw new IllegalArgumentException("the filter names " + used + ", which it does not observe");
        }
    }

    /** Whether a final state, read field by field, passes the filter. */
    public boolean keeps(Function<String, Value> fields) {
        return proposition.eval(fields);
    }

    /** Litmus-syntax text, {@code filter (0:r0=1)}. */
    public String text() {
        return "filter (" + proposition.text() + ")";
    }
}
