package daxlab.engine;

import daxlab.axiomatic.Armv8;
import daxlab.axiomatic.Axiomatic;
import daxlab.axiomatic.Lkmm;
import daxlab.axiomatic.Model;
import daxlab.axiomatic.Sc;
import daxlab.axiomatic.Tso;
import daxlab.interleave.Interleavings;
import daxlab.interleave.Settings;
import daxlab.outcome.Classifier;
import daxlab.outcome.Histogram;
import daxlab.program.Marking;
import daxlab.program.Program;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Every engine that runs a program, by the name users type ({@code --model sc}, {@code
 * enumerate(..., "lkmm")}): the one registry the CLI, the notebooks, the verdict and the
 * litmus runner share, so that a name means the same engine everywhere. {@code sc} counts
 * interleavings ({@link Interleavings}); {@code sc-axiomatic}, {@code tso}, {@code armv8} and
 * {@code lkmm} count the candidate executions the model allows ({@link Axiomatic});
 * {@code lkmm-once} is the LKMM on the program with every plain access marked
 * ({@link Marking#once}).
 */
public enum Engine {
    SC("sc", "sequential consistency, every interleaving (counts are interleavings)", Sc::new, false),
    SC_AXIOMATIC("sc-axiomatic", "sequential consistency, axiomatic (counts are executions, as herd7's)", Sc::new, false),
    TSO("tso", "x86-TSO after Linux's x86 mapping of each primitive", Tso::new, false),
    ARMV8("armv8", "ARMv8 (aarch64.cat, multicopy atomic) after Linux's arm64 mapping of each primitive",
            Armv8::new, false),
    LKMM("lkmm", "Linux-kernel memory model (linux-kernel.cat + lock.cat, lkmmv2), herd7's executions",
            Lkmm::new, false),
    LKMM_ONCE("lkmm-once", "the LKMM on the program with every plain access made READ_ONCE/WRITE_ONCE",
            Lkmm::new, true);

    /**
     * The engines a verdict runs by default, strongest first: every interleaving, the two
     * architectures, the LKMM on the code as written and with marked accessors.
     */
    public static final List<Engine> VERDICT = List.of(SC, TSO, ARMV8, LKMM, LKMM_ONCE);

    private final String id;
    private final String description;
    private final Supplier<Model> model;
    private final boolean marked;

    Engine(String id, String description, Supplier<Model> model, boolean marked) {
        this.id = id;
        this.description = description;
        this.model = model;
        this.marked = marked;
    }

    /** The name users type: {@code sc}, {@code sc-axiomatic}, {@code tso}, {@code armv8}, {@code lkmm}, {@code lkmm-once}. */
    public String id() {
        return id;
    }

    /** One line for {@code --list-models} and help texts. */
    public String description() {
        return description;
    }

    /** Whether this engine counts interleavings ({@code sc}) rather than candidate executions. */
    public boolean interleavings() {
        return this == SC;
    }

    /**
     * The axiomatic model whose candidate executions this engine counts, or, for {@code sc},
     * explains (the interleavings reach exactly the outcomes {@code sc-axiomatic} allows).
     */
    public Model axiomaticModel() {
        return model.get();
    }

    /** The program this engine runs: marked for {@code lkmm-once}, as written otherwise. */
    public Program program(Program p) {
        return marked ? Marking.once(p) : p;
    }

    /** The states ({@code sc}) or candidate executions (axiomatic) a run may take unless told otherwise. */
    public long defaultBudget() {
        return interleavings() ? Settings.DEFAULT_BUDGET : Axiomatic.DEFAULT_BUDGET;
    }

    /**
     * Every outcome of {@code p}, graded by {@code classifier}, within {@code budget} states or
     * candidate executions; the histogram is named after {@code p}, {@code variant} and this
     * engine (lkmm-once, not the marked program's name).
     */
    public Histogram run(Program p, Classifier classifier, long budget, String variant) {
        if (interleavings()) {
            return Interleavings.enumerate(p, classifier, Settings.defaults().withVariant(variant).withBudget(budget));
        }
        Histogram h = Axiomatic.run(program(p), axiomaticModel(), classifier, budget, variant).histogram();
        return marked ? h.renamed(p.name(), variant, id) : h;
    }

    /**
     * The engine of that name.
     *
     * @throws IllegalArgumentException naming the valid ones
     */
    public static Engine byName(String name) {
        for (Engine e : values()) {
            if (e.id.equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "'; valid models: " + String.join(", ", names()));
    }

    /** Every name accepted by {@link #byName}, in declaration order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Engine::id).collect(Collectors.toUnmodifiableList());
    }

    /** The name, as users type it. */
    @Override
    public String toString() {
        return id;
    }
}
