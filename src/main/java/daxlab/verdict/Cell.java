package daxlab.verdict;

import daxlab.engine.Engine;
import daxlab.dax.DaxScenario;
import daxlab.outcome.Histogram;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * One verdict: does {@code candidate} have {@code property} under {@code model}? {@code bad} of
 * {@code total} counted (interleavings or executions) break it; {@code firstBad} is an entry that
 * does, for the explanation. {@code race} is the LKMM's data-race flag on any of the runs: herd7
 * then gives no guarantee at all, so the cell cannot hold whatever its outcomes. {@code litmus}
 * is the exported file that decides the cell (the failing scenario's, else the first). {@code
 * error} is set when the model could not run.
 */
public record Cell(Candidate candidate, Property property, Engine model, BigInteger bad, BigInteger total,
                   boolean race, List<String> races, List<Run> runs, Histogram.Entry firstBad, Run firstBadRun,
                   String litmus, String error) {

    /** One scenario run of the cell. */
    public record Run(DaxScenario scenario, Histogram histogram) {
    }

    public Cell {
        races = List.copyOf(races);
        runs = List.copyOf(runs);
    }

    /** No scenario reaches a breaking outcome (the race flag aside). */
    public boolean outcomesOk() {
        return error == null && bad.signum() == 0;
    }

    /** The property holds: no breaking outcome and no data race. */
    public boolean holds() {
        return outcomesOk() && !race;
    }

    public Optional<Histogram.Entry> counterexample() {
        return Optional.ofNullable(firstBad);
    }

    /** {@code ok}, {@code BAD}, {@code race} (the LKMM flags a data race), or {@code n/a}. */
    public String mark() {
        if (error != null) {
            return "n/a";
        }
        return race ? "race" : bad.signum() > 0 ? "BAD" : "ok";
    }

    /** What the outcomes say, the race aside: {@code ok} or {@code BAD} ({@code n/a} on error). */
    public String verdict() {
        return error != null ? "n/a" : bad.signum() > 0 ? "BAD" : "ok";
    }
}
