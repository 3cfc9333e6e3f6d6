package daxlab.lab;

import daxlab.chart.Charts;
import daxlab.chart.Picture;
import daxlab.litmus.Herd7Layout;
import daxlab.litmus.Herd7Result;
import daxlab.litmus.LitmusTest;
import daxlab.outcome.Histogram;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A litmus test run under one or more models: per model, the histogram of its final states and
 * herd7's record of it. In a notebook it shows as herd7 prints it, then the chart.
 *
 * @param test the parsed test
 * @param runs one per model, in the order asked
 */
public record LitmusResult(LitmusTest test, List<Run> runs) {
    public LitmusResult {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a litmus result needs at least one model's run");
        }
    }

    /** One model's run: its histogram and herd7's record (Ok/No, states, witnesses, Observation). */
    public record Run(String model, Histogram histogram, Herd7Result herd7) {
        /** What herd7 prints for this test under this model (no Time, no Hash). */
        public String text() {
            return Herd7Layout.print(herd7);
        }
    }

    /** The only (or first) model's histogram. */
    public Histogram histogram() {
        return runs.get(0).histogram();
    }

    public List<Histogram> histograms() {
        return runs.stream().map(Run::histogram).collect(Collectors.toList());
    }

    /**
     * The models under which some allowed execution satisfies the test's condition (herd7's
     * {@code Positive} above 0: for {@code exists}, the models that allow what it asks about),
     * in the order they ran.
     */
    public List<String> modelsAllowing() {
        return runs.stream().filter(r -> r.herd7().positive() > 0).map(Run::model).collect(Collectors.toList());
    }

    /**
     * herd7's layout, one block per model, each headed by the model's name when there are several;
     * the parser's warnings (a register read as 0 because its thread has none) first.
     */
    public String text() {
        String warnings = test.warnings().stream().map(w -> "warning: " + w + "\n").collect(Collectors.joining());
        if (runs.size() == 1) {
            return warnings + runs.get(0).text();
        }
        return warnings + runs.stream().map(r -> "-- model " + r.model() + "\n" + r.text()).collect(Collectors.joining());
    }

    /** The histogram as a bar chart; several models side by side. */
    public Picture chart() {
        return runs.size() == 1 ? Charts.histogram(histogram()) : Charts.compare(histograms());
    }

    @Override
    public String toString() {
        return text();
    }
}
