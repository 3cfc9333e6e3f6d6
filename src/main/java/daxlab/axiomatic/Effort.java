package daxlab.axiomatic;

import java.util.concurrent.CancellationException;

/**
 * How much one enumeration may do and has done. The budget counts candidate executions (what a
 * model examines); the search that finds them counts steps (a combination of the threads' paths
 * tried, a write placed in a coherence order, a write chosen for a read, a lock section placed),
 * because a program can spend a long time on partial choices that all fail and so never reach a
 * candidate. Both are checked as the work proceeds, never after it is built; an interrupt of the
 * running thread (a notebook's Interrupt button) is honoured at the same points.
 */
final class Effort {
    /**
     * Search steps allowed per candidate execution of the budget. The search keeps a location's
     * choices once they are known, so a run that reaches its candidates takes a few steps for
     * each: on the kernel's litmus tests, the own suite and every dax scenario, runs with more than
     * 200 candidates take fewer than 5 steps per candidate, and no run takes 100,000 steps.
     */
    static final long STEPS_PER_CANDIDATE = 100;
    /** Steps allowed whatever the budget, so that a small budget still lets a small program run. */
    static final long MIN_STEPS = 1_000_000;
    private static final int CHECK_INTERRUPT_EVERY = 0xFFF;

    private final String program;
    private final long budget;
    private final long stepLimit;
    private long candidates;
    private long steps;
    private long combinations;
    private java.math.BigInteger combinationsTotal = java.math.BigInteger.ONE;

    Effort(String program, long budget) {
        this.program = program;
        this.budget = budget;
        this.stepLimit = budget > (Long.MAX_VALUE - MIN_STEPS) / STEPS_PER_CANDIDATE ? Long.MAX_VALUE
                : MIN_STEPS + budget * STEPS_PER_CANDIDATE;
    }

    /** One step of the search. */
    void step() {
        if (steps == stepLimit) {
            throw stop(CandidateBudgetExceeded.Limit.SEARCH);
        }
        steps++;
        if ((steps & CHECK_INTERRUPT_EVERY) == 0 && Thread.currentThread().isInterrupted()) {
            throw new CancellationException("enumeration of " + program + " interrupted after " + candidates
                    + " candidates");
        }
    }

    /** One more candidate execution, about to be examined. */
    void candidate() {
        if (candidates == budget) {
            throw stop(CandidateBudgetExceeded.Limit.CANDIDATES);
        }
        candidates++;
        step();
    }

    /** A combination of the threads' paths is started; {@code total} is how many there are. */
    void combination(java.math.BigInteger total) {
        combinationsTotal = total;
        combinations++;
        step();
    }

    long candidates() {
        return candidates;
    }

    long steps() {
        return steps;
    }

    CandidateBudgetExceeded stop(CandidateBudgetExceeded.Limit limit) {
        return new CandidateBudgetExceeded(program, limit, budget, stepLimit, new CandidateBudgetExceeded.Progress(
                candidates, -1, -1, steps, combinations, combinationsTotal));
    }
}
