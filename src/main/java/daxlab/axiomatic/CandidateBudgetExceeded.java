package daxlab.axiomatic;

/** The program has more candidate executions than the caller allowed. */
public final class CandidateBudgetExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CandidateBudgetExceeded(String program, long budget) {
        super(program + ": more than " + budget + " candidate executions; raise the budget (--budget) or "
                + "make the program smaller");
    }
}
