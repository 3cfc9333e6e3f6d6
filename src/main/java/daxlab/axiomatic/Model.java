package daxlab.axiomatic;

import java.util.List;

/**
 * An axiomatic memory model: which candidate executions it allows. Each implementation reads
 * side by side with its cat file: one named relation per {@code let}, axioms named as the
 * file names them, checked in the file's order (the first that fails rejects).
 */
public interface Model {
    /** The name histograms carry: {@code sc-axiomatic}, {@code tso}, {@code armv8}, {@code lkmm} (engines by name: {@code daxlab.engine.Engine}). */
    String name();

    /** Consistent (with flags) or rejected by a named axiom. */
    Verdict check(Execution x);

    /** Every model, in the order outcomes(first) within outcomes(next) as far as that holds. */
    static List<Model> all() {
        return List.of(new Sc(), new Tso(), new Armv8(), new Lkmm());
    }
}
