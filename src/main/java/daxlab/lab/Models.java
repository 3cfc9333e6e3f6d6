package daxlab.lab;

import daxlab.dax.DaxScenario;
import daxlab.interleave.Interleavings;
import daxlab.interleave.Settings;
import daxlab.outcome.Histogram;

import java.util.List;

/**
 * Runs a dax scenario under a model by name: the one place that knows which engine serves which
 * model, for the CLI, the notebooks and the verdict matrix alike.
 */
public final class Models {
    /** The model names, strongest first. */
    public static final List<String> NAMES = List.of("sc");

    private Models() {
    }

    public static Histogram run(DaxScenario d, String model) {
        return run(d, model, Settings.DEFAULT_BUDGET);
    }

    public static Histogram run(DaxScenario d, String model, long budget) {
        if (model.equals("sc")) {
            return Interleavings.enumerate(d.program(), d.classifier(),
                    Settings.defaults().withVariant(d.variantLabel()).withBudget(budget));
        }
        throw new IllegalArgumentException("unknown model '" + model + "'; valid models: " + String.join(", ", NAMES));
    }
}
