package daxlab.axiomatic.litmus;

import daxlab.axiomatic.Armv8;
import daxlab.axiomatic.Axiomatic;
import daxlab.axiomatic.Lkmm;
import daxlab.axiomatic.Model;
import daxlab.axiomatic.Sc;
import daxlab.axiomatic.Tso;
import daxlab.litmus.LitmusEngine;
import daxlab.outcome.Classifier;
import daxlab.outcome.Histogram;
import daxlab.program.Program;

/**
 * The axiomatic models as engines of {@code daxlab litmus --model NAME}. The nested classes are
 * {@code java.util.ServiceLoader} providers (listed in
 * {@code META-INF/services/daxlab.litmus.LitmusEngine}); this bridge is the only place where the
 * axiomatic engine meets the litmus package.
 */
public class AxiomaticLitmusEngine implements LitmusEngine {
    private final Model model;
    private final String description;

    protected AxiomaticLitmusEngine(Model model, String description) {
        this.model = model;
        this.description = description;
    }

    @Override
    public String model() {
        return model.name();
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Histogram run(Program program, Classifier classifier, long budget) {
        return Axiomatic.run(program, model, classifier, budget, "").histogram();
    }

    /** {@code --model lkmm} */
    public static final class LkmmEngine extends AxiomaticLitmusEngine {
        public LkmmEngine() {
            super(new Lkmm(), "Linux-kernel memory model (linux-kernel.cat + lock.cat, lkmmv2), herd7's executions");
        }
    }

    /** {@code --model sc-axiomatic} */
    public static final class ScAxiomaticEngine extends AxiomaticLitmusEngine {
        public ScAxiomaticEngine() {
            super(new Sc(), "sequential consistency, axiomatic (counts are executions, as herd7's)");
        }
    }

    /** {@code --model tso} */
    public static final class TsoEngine extends AxiomaticLitmusEngine {
        public TsoEngine() {
            super(new Tso(), "x86-TSO after Linux's x86 mapping of each primitive");
        }
    }

    /** {@code --model armv8} */
    public static final class Armv8Engine extends AxiomaticLitmusEngine {
        public Armv8Engine() {
            super(new Armv8(), "ARMv8 (aarch64.cat, multicopy atomic) after Linux's arm64 mapping of each primitive");
        }
    }
}
