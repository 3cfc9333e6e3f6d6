package daxlab.verdict;

import daxlab.dax.DaxScenario;
import daxlab.engine.Engine;
import daxlab.outcome.Histogram;

/** Runs one scenario under one engine; the verdict code knows nothing of how. */
@FunctionalInterface
public interface ScenarioRunner {
    Histogram run(DaxScenario scenario, Engine engine);
}
