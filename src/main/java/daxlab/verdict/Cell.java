package daxlab.verdict;

import daxlab.outcome.Histogram;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * One verdict: does {@code candidate} have {@code property} under {@code model}? {@code bad} of
 * {@code total} counted (interleavings or executions) break it; {@code firstBad} is a histogram
 * entry that does, for the explanation. {@code error} is set when the model could not run.
 */
public record Cell(Candidate candidate, Property property, String model, BigInteger bad, BigInteger total,
                   List<Histogram> runs, Histogram.Entry firstBad, Histogram firstBadRun, String error) {

    public boolean holds() {
        return error == null && bad.signum() == 0;
    }

    public Optional<Histogram.Entry> counterexample() {
        return Optional.ofNullable(firstBad);
    }

    /** {@code ok}, {@code BAD}, or {@code n/a}. */
    public String mark() {
        return error != null ? "n/a" : holds() ? "ok" : "BAD";
    }
}
