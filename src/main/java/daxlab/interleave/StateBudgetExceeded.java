package daxlab.interleave;

/** An enumeration met more states than it was allowed to; it stops instead of running out of memory. */
public final class StateBudgetExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long statesSeen;
    private final long budget;

    public StateBudgetExceeded(String program, long statesSeen, long budget, int level) {
        super("enumeration of " + program + " stopped: " + statesSeen + " states seen (after " + level
                + " steps), over the budget of " + budget
                + " states; raise it with --budget (each state costs about 200 bytes of heap) or make the program smaller");
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
