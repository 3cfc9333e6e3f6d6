package daxlab.interleave;

/** An enumeration met more states than it was allowed to; it stops instead of running out of memory. */
public final class StateBudgetExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long statesSeen;
    private final long budget;

    public StateBudgetExceeded(String program, long statesSeen, long budget, int level) {
        this("enumeration of " + program + " stopped: " + statesSeen + " states seen (after " + level
                + " steps), over the budget of " + budget
                + " states (the requested budget, or what fits in 60% of the " + heapMiB()
                + " MiB heap); raise it with --budget and -Xmx (DAXLAB_JAVA_OPTS), or make the program smaller",
                statesSeen, budget);
    }

    private StateBudgetExceeded(String message, long statesSeen, long budget) {
        super(message);
        this.statesSeen = statesSeen;
        this.budget = budget;
    }

    /** The heap filled up before the budget was reached (it is shared, or the estimate was off). */
    static StateBudgetExceeded heapFull(String program, long statesSeen, int level) {
        return new StateBudgetExceeded("enumeration of " + program + " stopped: the " + heapMiB()
                + " MiB heap filled up after at least " + statesSeen + " states (" + level
                + " steps); give it more with -Xmx (DAXLAB_JAVA_OPTS) or make the program smaller", statesSeen, -1);
    }

    private static long heapMiB() {
        return Runtime.getRuntime().maxMemory() / (1 << 20);
    }

    public long statesSeen() {
        return statesSeen;
    }

    public long budget() {
        return budget;
    }
}
