package daxlab.interleave;

import java.util.function.Consumer;

/**
 * How an enumeration runs.
 *
 * @param variant  a label for the code that ran ({@code put=ORIGINAL}), carried into the histogram
 * @param budget   the most states to visit before stopping with {@link StateBudgetExceeded}
 * @param progress called after each level (number of steps taken) with what has been seen; may be null
 */
public record Settings(String variant, long budget, Consumer<Progress> progress) {

    /** Enough for every dax scenario many times over, and well within a default heap. */
    public static final long DEFAULT_BUDGET = 5_000_000;

    /** A progress report: {@code level} steps taken by every schedule still running. */
    public record Progress(int level, long statesSeen, int frontier) {
    }

    public Settings {
        if (budget <= 0) {
            throw new IllegalArgumentException("the state budget must be positive, got " + budget);
        }
        variant = variant == null ? "" : variant;
    }

    public static Settings defaults() {
        return new Settings("", DEFAULT_BUDGET, null);
    }

    public Settings withVariant(String v) {
        return new Settings(v, budget, progress);
    }

    public Settings withBudget(long b) {
        return new Settings(variant, b, progress);
    }

    public Settings withProgress(Consumer<Progress> p) {
        return new Settings(variant, budget, p);
    }
}
