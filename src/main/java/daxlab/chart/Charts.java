package daxlab.chart;

import daxlab.interleave.Schedule;
import daxlab.interleave.Step;
import daxlab.outcome.Histogram;
import daxlab.outcome.OutcomeClass;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Pictures of results, each a {@link Picture} that renders as SVG, PNG and text. In a notebook
 * the kernel shows them inline; elsewhere {@link Picture#save} writes a file.
 *
 * <pre>{@code
 * Histogram sc = Interleavings.enumerate(s.program(), s.classifier());
 * Charts.histogram(sc).save(Path.of("put-vs-get.svg"));
 * Charts.compare(List.of(original, patched));   // same scenario, several variants or models
 * Charts.timeline(sc.forbidden().get(0));       // how the first FORBIDDEN outcome comes about
 * }</pre>
 */
public final class Charts {
    private Charts() {
    }

    /** Bars per outcome, coloured by class, with counts and percentages. */
    /** The verdict matrix as a coloured grid (properties x models across, candidates down). */
    public static Picture matrix(daxlab.verdict.Matrix m) {
        return MatrixPicture.of(m);
    }

    public static Picture histogram(Histogram h) {
        return HistogramChart.of(h);
    }

    /** Several histograms of one scenario as one grouped chart, bars as shares of each total. */
    public static Picture compare(List<Histogram> hs) {
        return CompareChart.of(hs);
    }

    public static Picture compare(Histogram... hs) {
        return CompareChart.of(List.of(hs));
    }

    /**
     * A witness schedule as lanes, marking the step that completes the outcome: the last step. In
     * the SC enumerator's witnesses (lower-numbered threads go first where they can) that is the
     * access that makes the outcome what it is: the second read of {@code holder_ops} that sees
     * NULL, the plain store that wipes freshly installed ops.
     */
    public static Picture timeline(Schedule s) {
        return timeline("witness schedule", s, lastStep(s));
    }

    /** A witness schedule with the steps {@code marked} picks drawn in red. */
    public static Picture timeline(String title, Schedule s, Predicate<Step> marked) {
        return TimelinePicture.of(title, s, marked);
    }

    /** The witness of one histogram entry, titled with its outcome and grade. */
    public static Picture timeline(Histogram.Entry e) {
        Schedule s = schedule(e).orElseThrow(() -> new IllegalArgumentException(
                "outcome " + e.outcome().text() + " has no schedule witness (only the SC enumerator gives one)"));
        String grade = e.outcomeClass() == OutcomeClass.ACCEPTABLE ? "ACCEPTABLE"
                : e.outcomeClass() + (e.grade().label().isEmpty() ? "" : " (" + e.grade().label() + ")");
        return timeline("how " + e.outcome().text() + " comes about: " + grade, s, lastStep(s));
    }

    private static Optional<Schedule> schedule(Histogram.Entry e) {
        return e.witnessIfAny().filter(w -> w instanceof Schedule).map(w -> (Schedule) w);
    }

    private static Predicate<Step> lastStep(Schedule s) {
        List<Step> steps = s.steps();
        if (steps.isEmpty()) {
            return x -> false;
        }
        int last = steps.size() - 1;
        // Identity, not equals: two steps can print the same.
        return x -> x == steps.get(last);
    }
}
