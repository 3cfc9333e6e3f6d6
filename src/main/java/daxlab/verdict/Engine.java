package daxlab.verdict;

import daxlab.dax.DaxScenario;
import daxlab.outcome.Histogram;

/** Runs one scenario under one model; the verdict code knows nothing of how. */
@FunctionalInterface
public interface Engine {
    Histogram run(DaxScenario scenario, String model);
}
