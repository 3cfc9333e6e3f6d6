package daxlab.lab;

import daxlab.axiomatic.Axiomatic;
import daxlab.axiomatic.Explanation;
import daxlab.dax.DaxScenario;
import daxlab.engine.Engine;
import daxlab.outcome.Histogram;
import daxlab.outcome.OutcomeClass;
import daxlab.outcome.Outcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs and explains a dax scenario under an {@link Engine}, for the CLI, the notebooks and the
 * verdict matrix alike. {@link #run} and {@link #explain} take the same engine with the same
 * meaning, so an explanation always speaks of the histogram it explains.
 */
public final class Models {
    private Models() {
    }

    public static Histogram run(DaxScenario d, Engine engine) {
        return run(d, engine, engine.defaultBudget());
    }

    public static Histogram run(DaxScenario d, Engine engine, long budget) {
        return engine.run(d.program(), d.classifier(), budget, d.variantLabel());
    }

    /**
     * Every outcome the scenario grades FORBIDDEN that some candidate execution gives, in outcome
     * order: allowed ones with their counts and a witness (the one {@link #run} keeps: an execution,
     * or under {@code sc} a schedule), forbidden ones with the axioms and cycles that reject them.
     * The allowed ones are exactly the FORBIDDEN outcomes {@link #run} reaches under the same name.
     * Under {@code sc}, an outcome no interleaving reaches is explained by {@code sc-axiomatic}.
     *
     * @throws IllegalStateException if the interleavings and sc-axiomatic disagree (an engine bug)
     */
    public static List<Explanation> explain(DaxScenario d, Engine engine) {
        return explain(d, engine, engine.defaultBudget());
    }

    /**
     * {@link #explain(DaxScenario, Engine)} within a budget: candidate executions for an axiomatic
     * model; under {@code sc}, states for the interleavings (sc-axiomatic's explanations keep their
     * default budget of candidates).
     */
    public static List<Explanation> explain(DaxScenario d, Engine e, long budget) {
        if (!e.interleavings()) {
            return Axiomatic.explainGraded(e.program(d.program()), e.axiomaticModel(), d.classifier(), budget).stream()
                    .map(x -> x.as(e.id())).collect(Collectors.toList());
        }
        Histogram h = run(d, e, budget);
        Map<Outcome, Histogram.Entry> reached = new LinkedHashMap<>();
        h.entriesOf(OutcomeClass.FORBIDDEN).stream().filter(x -> x.count().signum() > 0)
                .forEach(x -> reached.put(x.outcome(), x));
        List<Explanation> out = new ArrayList<>();
        for (Explanation x : Axiomatic.explainGraded(d.program(), e.axiomaticModel(), d.classifier())) {
            Histogram.Entry en = reached.remove(x.outcome());
            if ((en != null) != (x.allowed() > 0)) {
                throw new IllegalStateException(h.title() + ": " + x.outcome().text() + (en != null
                        ? " is reached by interleavings but sc-axiomatic forbids it"
                        : " is allowed by sc-axiomatic but no interleaving reaches it"));
            }
            out.add(en == null ? x.as(e.id())
                    : x.as(e.id(), new Explanation.Reached(en.count(), h.unit(), en.witness())));
        }
        if (!reached.isEmpty()) {
            throw new IllegalStateException(h.title() + ": interleavings reach " + reached.keySet()
                    + " which no candidate execution gives");
        }
        return out;
    }
}
