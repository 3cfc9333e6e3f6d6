package daxlab.axiomatic;

/**
 * A run stopped before it had seen every candidate execution: it met more candidates than its
 * budget, searched too long without finding them ({@link Limit#SEARCH}), or the heap filled up.
 * The message says which, and how far the run got, so that a user can tell a program that is
 * slightly over the budget from one that is hopeless.
 */
public final class CandidateBudgetExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What ran out. */
    public enum Limit {
        /** More candidate executions than {@code --budget}. */
        CANDIDATES,
        /**
         * A thread with more paths than {@code --budget} (and than the 1,000 any budget allows):
         * found while the threads' paths are built, before any candidate execution.
         */
        PATHS,
        /** More search steps (partial choices of paths, rf and co) than the budget allows for. */
        SEARCH,
        /** The Java heap. */
        HEAP
    }

    private final String program;
    private final Limit limit;
    private final long budget;
    private final long stepLimit;
    private final transient Progress progress;

    /**
     * How far a run got: candidate executions examined, how many the model allowed and with how
     * many distinct outcomes, search steps taken, combinations of the threads' paths started
     * out of how many there are, and the thread whose paths were built last with how many
     * ({@code -1} or null when unknown).
     */
    public record Progress(long candidates, long allowed, long outcomes, long steps, long combinations,
                           java.math.BigInteger combinationsTotal, String pathsThread, long paths) {
        Progress withAllowed(long allowedSoFar, long outcomesSoFar) {
            return new Progress(candidates, allowedSoFar, outcomesSoFar, steps, combinations, combinationsTotal,
                    pathsThread, paths);
        }
    }

    /**
     * For an engine outside this package that counts its own work (the cat interpreter's paths):
     * more than {@code budget} candidate executions, with no more said of how far it got.
     */
    public CandidateBudgetExceeded(String program, long budget) {
        super(program + ": more than " + budget + " candidate executions; raise the budget (--budget) or "
                + "make the program smaller");
        this.program = program;
        this.limit = Limit.CANDIDATES;
        this.budget = budget;
        this.stepLimit = -1;
        this.progress = new Progress(budget, -1, -1, -1, -1, null, null, -1);
    }

    CandidateBudgetExceeded(String program, Limit limit, long budget, long stepLimit, Progress progress) {
        super(message(program, limit, budget, stepLimit, progress));
        this.program = program;
        this.limit = limit;
        this.budget = budget;
        this.stepLimit = stepLimit;
        this.progress = progress;
    }

    private static String message(String program, Limit limit, long budget, long stepLimit, Progress p) {
        String why = switch (limit) {
            case CANDIDATES -> "more than " + budget + " candidate executions";
            case PATHS -> "thread " + p.pathsThread() + " has more than " + Math.max(budget, Effort.MIN_PATHS)
                    + " paths (" + (budget < Effort.MIN_PATHS ? "allowed whatever the budget; " : "")
                    + "a read forks it over the values its location may hold, a branch on a read both ways)";
            case SEARCH -> "more than " + stepLimit + " search steps (the budget of " + budget
                    + " candidate executions allows that many)";
            case HEAP -> "the " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB heap filled up";
        };
        StringBuilder s = new StringBuilder(program).append(": ").append(why).append("; stopped after ")
                .append(p.candidates()).append(" candidate executions");
        if (p.allowed() >= 0) {
            s.append(" (").append(p.allowed()).append(" allowed, ").append(p.outcomes())
                    .append(p.outcomes() == 1 ? " outcome" : " outcomes").append(" so far)");
        }
        if (limit == Limit.PATHS) {
            s.append(", having built ").append(p.paths()).append(" paths of ").append(p.pathsThread())
                    .append(" in ").append(p.steps()).append(" search steps; ");
        } else {
            s.append(" and ").append(p.steps()).append(" search steps, in combination ").append(p.combinations())
                    .append(" of ").append(about(p.combinationsTotal())).append(" of the threads' paths; ");
        }
        s.append(limit == Limit.HEAP ? "give it more with -Xmx (DAXLAB_JAVA_OPTS) or make the program smaller"
                : "raise the budget (--budget) or make the program smaller");
        return s.toString();
    }

    /** A count as it is when it is readable, else as about {@code 2.8e+26}. */
    private static String about(java.math.BigInteger n) {
        return n.bitLength() < 40 ? n.toString()
                : "about " + String.format(java.util.Locale.ROOT, "%.1e", new java.math.BigDecimal(n));
    }

    /** The same stop, with what the model allowed among the candidates examined. */
    CandidateBudgetExceeded withAllowed(long allowed, long outcomes) {
        return new CandidateBudgetExceeded(program, limit, budget, stepLimit, progress.withAllowed(allowed, outcomes));
    }

    public Limit limit() {
        return limit;
    }

    public long budget() {
        return budget;
    }

    public Progress progress() {
        return progress;
    }
}
