package daxlab.cat;

import daxlab.axiomatic.Execution;
import daxlab.axiomatic.Rel;

/**
 * One evaluation of a model on one execution: the top-level bindings (one cell per
 * {@code let}, so that a later {@code let rf = ...} does not change what an earlier definition
 * saw) and the events they range over. {@code with} copies the bindings for each choice; the
 * cells made before it are shared, so what does not depend on the choice is computed once.
 */
final class Run {
    final CatValue.Cell[] globals;
    final Execution execution;
    /** The number of events. */
    final int n;
    /** Every event, as a set. */
    final long all;

    Run(CatValue.Cell[] globals, Execution execution) {
        this.globals = globals;
        this.execution = execution;
        this.n = execution.size();
        this.all = execution.all();
    }

    private Run(Run parent) {
        this.globals = parent.globals.clone();
        this.execution = parent.execution;
        this.n = parent.n;
        this.all = parent.all;
    }

    /** The bindings so far, for one choice of a {@code with}. */
    Run branch() {
        return new Run(this);
    }

    Rel everyPair() {
        return Rel.product(n, all, all);
    }
}
