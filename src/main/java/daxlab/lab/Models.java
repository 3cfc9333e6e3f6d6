package daxlab.lab;

import daxlab.axiomatic.Armv8;
import daxlab.axiomatic.Axiomatic;
import daxlab.axiomatic.Explanation;
import daxlab.axiomatic.Lkmm;
import daxlab.axiomatic.Model;
import daxlab.axiomatic.Sc;
import daxlab.axiomatic.Tso;
import daxlab.dax.DaxScenario;
import daxlab.interleave.Interleavings;
import daxlab.interleave.Settings;
import daxlab.outcome.Histogram;
import daxlab.outcome.OutcomeClass;
import daxlab.outcome.Outcome;
import daxlab.program.Marking;
import daxlab.program.Program;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs and explains a dax scenario under a model by name: the one place that knows which engine
 * serves which name, for the CLI, the notebooks and the verdict matrix alike. {@code sc} counts
 * interleavings ({@link Interleavings}); {@code sc-axiomatic}, {@code tso}, {@code armv8} and
 * {@code lkmm} count the candidate executions the model allows ({@link Axiomatic});
 * {@code lkmm-once} is the LKMM on the program with every plain access marked
 * ({@link Marking#once}). {@link #run} and {@link #explain} take the same names with the same
 * meaning, so an explanation always speaks of the histogram it explains.
 */
public final class Models {
    /**
     * The models a verdict runs by default, strongest first. {@code lkmm-once} is the LKMM on the
     * program with every plain access made READ_ONCE/WRITE_ONCE ({@link Marking#once}).
     */
    public static final List<String> NAMES = List.of("sc", "tso", "armv8", "lkmm", "lkmm-once");
    /** Every model name accepted. */
    public static final List<String> ALL = Arrays.stream(Engine.values()).map(e -> e.id).collect(Collectors.toUnmodifiableList());

    private Models() {
    }

    /** What serves one model name: SC interleavings, or an axiomatic model on the program as written or marked. */
    private enum Engine {
        SC("sc", null, false),
        SC_AXIOMATIC("sc-axiomatic", Sc::new, false),
        TSO("tso", Tso::new, false),
        ARMV8("armv8", Armv8::new, false),
        LKMM("lkmm", Lkmm::new, false),
        LKMM_ONCE("lkmm-once", Lkmm::new, true);

        final String id;
        /** The axiomatic model; null for the interleaving engine. */
        final Supplier<Model> model;
        final boolean marked;

        Engine(String id, Supplier<Model> model, boolean marked) {
            this.id = id;
            this.model = model;
            this.marked = marked;
        }

        static Engine of(String name) {
            for (Engine e : values()) {
                if (e.id.equals(name)) {
                    return e;
                }
            }
            throw new IllegalArgumentException("unknown model '" + name + "'; valid models: " + String.join(", ", ALL));
        }

        boolean interleavings() {
            return model == null;
        }

        Program program(DaxScenario d) {
            return marked ? Marking.once(d.program()) : d.program();
        }
    }

    public static Histogram run(DaxScenario d, String model) {
        return run(d, model, Engine.of(model).interleavings() ? Settings.DEFAULT_BUDGET : Axiomatic.DEFAULT_BUDGET);
    }

    public static Histogram run(DaxScenario d, String model, long budget) {
        Engine e = Engine.of(model);
        if (e.interleavings()) {
            return Interleavings.enumerate(d.program(), d.classifier(),
                    Settings.defaults().withVariant(d.variantLabel()).withBudget(budget));
        }
        // Named after the scenario and the model name asked for (lkmm-once, not the marked program's name).
        return Axiomatic.run(e.program(d), e.model.get(), d.classifier(), budget, d.variantLabel()).histogram()
                .renamed(d.program().name(), d.variantLabel(), e.id);
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
    public static List<Explanation> explain(DaxScenario d, String model) {
        return explain(d, model, Engine.of(model).interleavings() ? Settings.DEFAULT_BUDGET : Axiomatic.DEFAULT_BUDGET);
    }

    /**
     * {@link #explain(DaxScenario, String)} within a budget: candidate executions for an axiomatic
     * model; under {@code sc}, states for the interleavings (sc-axiomatic's explanations keep their
     * default budget of candidates).
     */
    public static List<Explanation> explain(DaxScenario d, String model, long budget) {
        Engine e = Engine.of(model);
        if (!e.interleavings()) {
            return Axiomatic.explainGraded(e.program(d), e.model.get(), d.classifier(), budget).stream()
                    .map(x -> x.as(e.id)).collect(Collectors.toList());
        }
        Histogram h = run(d, model, budget);
        Map<Outcome, Histogram.Entry> reached = new LinkedHashMap<>();
        h.entriesOf(OutcomeClass.FORBIDDEN).stream().filter(x -> x.count().signum() > 0)
                .forEach(x -> reached.put(x.outcome(), x));
        List<Explanation> out = new ArrayList<>();
        for (Explanation x : Axiomatic.explainGraded(d.program(), new Sc(), d.classifier())) {
            Histogram.Entry en = reached.remove(x.outcome());
            if ((en != null) != (x.allowed() > 0)) {
                throw new IllegalStateException(h.title() + ": " + x.outcome().text() + (en != null
                        ? " is reached by interleavings but sc-axiomatic forbids it"
                        : " is allowed by sc-axiomatic but no interleaving reaches it"));
            }
            out.add(en == null ? x.as(e.id)
                    : x.as(e.id, new Explanation.Reached(en.count(), h.unit(), en.witness())));
        }
        if (!reached.isEmpty()) {
            throw new IllegalStateException(h.title() + ": interleavings reach " + reached.keySet()
                    + " which no candidate execution gives");
        }
        return out;
    }
}
