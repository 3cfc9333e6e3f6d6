package daxlab.chart;

import daxlab.axiomatic.Execution;
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
 * Charts.witness(lkmm);                          // the same from any engine: a schedule or an execution
 * }</pre>
 */
public final class Charts {
    private Charts() {
    }

    /** The verdict matrix as a coloured grid (properties x models across, candidates down). */
    public static Picture matrix(daxlab.verdict.Matrix m) {
        return MatrixPicture.of(m);
    }

    /** Bars per outcome, coloured by class, with counts and percentages. */
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

    /**
     * How the first FORBIDDEN outcome a run reaches comes about, by the witness its engine kept: a
     * schedule (SC interleavings) as lanes of steps with the completing step in red, an execution
     * (axiomatic models) as lanes of events with rf/co/fr arrows and its reads in red. Titled with
     * the scenario, variant, model and outcome.
     *
     * @throws IllegalArgumentException naming the histogram when no FORBIDDEN outcome is reached
     */
    public static Picture witness(Histogram h) {
        Histogram.Entry e = h.forbidden().stream().filter(x -> x.count().signum() > 0 && x.witness() != null)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no reachable FORBIDDEN outcome with a "
                        + "witness in " + h.title() + ": nothing to draw"));
        String run = h.scenario() + (h.variant().isEmpty() ? "" : " [" + h.variant() + "]") + " under " + h.model();
        String what = e.outcome().text() + " (" + e.grade().label() + ")";
        // The one place that tells the engines' witnesses apart.
        if (e.witness() instanceof Schedule) {
            Schedule s = (Schedule) e.witness();
            return timeline(run + ": a schedule reaching " + what, s, lastStep(s));
        }
        if (e.witness() instanceof Execution) {
            return execution(run + ": an execution reaching " + what, (Execution) e.witness());
        }
        throw new IllegalArgumentException(h.title() + ": no picture for a witness of type "
                + e.witness().getClass().getSimpleName());
    }

    /** A candidate execution as lanes of events with rf, co and fr arrows, the reads in red. */
    public static Picture execution(String title, Execution x) {
        return ExecutionPicture.of(title, x);
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
