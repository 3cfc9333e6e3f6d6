package daxlab.axiomatic;

import daxlab.program.Program;

import java.util.function.Consumer;

/**
 * The candidate executions of a program, for engines outside this package: the ones
 * {@link Axiomatic#run} checks, or herd7's view before a cat model runs. Both throw
 * {@link CandidateBudgetExceeded} past {@code budget} executions.
 */
public final class CandidateExecutions {
    private CandidateExecutions() {
    }

    /**
     * Every candidate a model here checks: rf and co chosen, spinlocks as lock.cat builds them,
     * per-location coherence and atomicity already holding.
     *
     * @return how many were produced
     */
    public static long forEach(Program program, long budget, Consumer<Execution> sink) {
        Candidates c = new Candidates(program, true, budget);
        c.forEach(sink);
        return c.produced();
    }

    /**
     * Every choice of trace per thread and of a write for each read of a data location, with
     * {@code co} empty and the lock events reading from nothing: what herd7 hands a cat model
     * that generates co (and the lock relations) itself.
     *
     * @return how many were produced
     */
    public static long forEachReadsFrom(Program program, long budget, Consumer<Execution> sink) {
        Candidates c = new Candidates(program, false, budget);
        c.forEachReadsFrom(sink);
        return c.produced();
    }
}
