package daxlab.lab;

import daxlab.axiomatic.Axiomatic;
import daxlab.axiomatic.Model;
import daxlab.dax.DaxScenario;
import daxlab.interleave.Interleavings;
import daxlab.interleave.Settings;
import daxlab.outcome.Histogram;
import daxlab.program.Marking;

import java.util.List;

/**
 * Runs a dax scenario under a model by name: the one place that knows which engine serves which
 * model, for the CLI, the notebooks and the verdict matrix alike. {@code sc} counts
 * interleavings ({@link Interleavings}); {@code sc-axiomatic}, {@code tso}, {@code armv8} and
 * {@code lkmm} count the candidate executions the model allows ({@link Axiomatic}).
 */
public final class Models {
    /**
     * The models a verdict runs by default, strongest first. {@code lkmm-once} is the LKMM on the
     * program with every plain access made READ_ONCE/WRITE_ONCE ({@link Marking#once}).
     */
    public static final List<String> NAMES = List.of("sc", "tso", "armv8", "lkmm", "lkmm-once");
    /** Every model name accepted. */
    public static final List<String> ALL = List.of("sc", "sc-axiomatic", "tso", "armv8", "lkmm", "lkmm-once");

    private Models() {
    }

    public static Histogram run(DaxScenario d, String model) {
        return run(d, model, model.equals("sc") ? Settings.DEFAULT_BUDGET : Axiomatic.DEFAULT_BUDGET);
    }

    public static Histogram run(DaxScenario d, String model, long budget) {
        if (model.equals("sc")) {
            return Interleavings.enumerate(d.program(), d.classifier(),
                    Settings.defaults().withVariant(d.variantLabel()).withBudget(budget));
        }
        if (!ALL.contains(model)) {
            throw new IllegalArgumentException("unknown model '" + model + "'; valid models: " + String.join(", ", ALL));
        }
        if (model.equals("lkmm-once")) {
            Histogram h = Axiomatic.run(Marking.once(d.program()), Model.byName("lkmm"), d.classifier(), budget,
                    d.variantLabel()).histogram();
            return new Histogram(d.program().name(), d.variantLabel(), model, h.unit(), h.entries(), h.facts());
        }
        return Axiomatic.run(d.program(), Model.byName(model), d.classifier(), budget, d.variantLabel()).histogram();
    }
}
