package daxlab.interleave;

/** An enumeration met more states than it was allowed to; it stops instead of running out of memory. */
public final class StateBudgetExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long statesSeen;
    private final long budget;

    public StateBudgetExceeded(String program, long statesSeen, long budget, int level) {
        super(statesSeen < 0 ? "enumeration of " + program + " stopped: the " + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MiB heap filled up; give it more with -Xmx (DAXLAB_JAVA_OPTS) or make the program smaller" : "enumeration of " + program + " stopped: " + statesSeen + " states seen (after " + level
                + " steps), over the budget of " + budget
                + " states (the requested budget, or what fits in 60% of the " + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MiB heap); raise it with --budget and -Xmx (DAXLAB_JAVA_OPTS), or make the program smaller");
        this.statesSeen = statesSeen;
        this.budget = budget;
    }

    public long statesSeen() {
        return statesSeen;
    }

    public long budget() {
        return budget;
    }
}
