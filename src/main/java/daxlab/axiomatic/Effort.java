package daxlab.axiomatic;

import java.util.concurrent.CancellationException;

/**
 * How much one enumeration may do and has done. The budget counts candidate executions (what a
 * model examines); the search that finds them counts steps (a combination of the threads' paths
 * tried, a write placed in a coherence order, a write chosen for a read, a lock section placed),
 * because a program can spend a long time on partial choices that all fail and so never reach a
 * candidate. Both are checked as the work proceeds, never after it is built; an interrupt of the
 * running thread (a notebook's Interrupt button) is honoured at the same points.
 *
 * <p>The threads' paths are built before any candidate, and a thread with n reads or branches on
 * reads has up to 2^n of them: each path built is a step, and a thread may have no more paths
 * than the budget allows candidates (every candidate takes one path of each thread; at least
 * {@link #MIN_PATHS}), so a branch-heavy program stops while its paths are built
 * ({@link CandidateBudgetExceeded.Limit#PATHS}).
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
    /**
     * Paths a thread may have whatever the budget: a path need not make a candidate (its values may
     * be unavailable, or break coherence), so a small budget still lets a small program reach its
     * candidates and stop there, as it did before paths were counted.
     */
    static final long MIN_PATHS = 1000;
    private static final int CHECK_INTERRUPT_EVERY = 0xFFF;

    private final String program;
    private final long budget;
    private final long stepLimit;
    private long candidates;
    private long steps;
    private long combinations;
    private java.math.BigInteger combinationsTotal = java.math.BigInteger.ONE;
    /** The thread whose paths were built last, and how many of them, for the progress report. */
    private String pathsThread;
    private long paths;

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

    /**
     * Path {@code n} of {@code thread} is built (finished, or cut short where its values run out):
     * past the budget (and {@link #MIN_PATHS}) the thread has more paths than the budget has candidates.
     */
    void path(String thread, long n) {
        pathsThread = thread;
        paths = n;
        if (n > Math.max(budget, MIN_PATHS)) {
            throw stop(CandidateBudgetExceeded.Limit.PATHS);
        }
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
                candidates, -1, -1, steps, combinations, combinationsTotal, pathsThread, paths));
    }
}
